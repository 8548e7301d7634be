package diag_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/codelist"
)

// codes reads the constants of code.go: name → value, and the values.
func codes(t *testing.T) (byName map[string]string, all []string) {
	t.Helper()
	cs, err := codelist.Read("code.go")
	if err != nil {
		t.Fatal(err)
	}
	byName = map[string]string{}
	for _, c := range cs {
		if !c.Commented {
			t.Errorf("code %s has no comment saying what it means", c.Value)
		}
		byName[c.Name] = c.Value
	}
	return byName, codelist.Values(cs)
}

// Every code is declared once, snake_case, and used: the module's source
// names it as diag.Name (or strictjson's alias of it).
func TestCodesDeclaredOnce(t *testing.T) {
	byName, _ := codes(t)
	seen := map[string]string{}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for name, v := range byName {
		if !snake.MatchString(v) {
			t.Errorf("%s = %q is not snake_case", name, v)
		}
		if other, dup := seen[v]; dup {
			t.Errorf("%s and %s are both %q", name, other, v)
		}
		seen[v] = name
	}
	used := map[string]bool{}
	forSource(t, func(path string, f *ast.File) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "diag" {
					used[n.Sel.Name] = true
				}
			case *ast.Ident: // within package diag
				if strings.HasPrefix(path, "diag/") {
					used[n.Name] = true
				}
			}
			return true
		})
	})
	for name := range byName {
		if !used[name] {
			t.Errorf("code diag.%s is declared but no source file uses it", name)
		}
	}
}

// No source file writes a code as a bare string: where an issue is made
// (diag.New, report's v.add, an Issue's Code, WriteIssue and the portal's
// writeIssue, or any call given a string that is a known code) or
// matched (x.Code == "…", case "…" in a switch on a Code), the code is a
// constant of this package.
func TestNoBareCodes(t *testing.T) {
	_, all := codes(t)
	isCode := map[string]bool{}
	for _, v := range all {
		isCode[v] = true
	}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`) // a code, not a SQLSTATE or a unit ID
	forSource(t, func(path string, f *ast.File) {
		bare := func(e ast.Expr, where string) {
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING && snake.MatchString(mustUnquote(lit.Value)) {
				t.Errorf("%s: %s: code %s is a bare string; use a constant of package diag (code.go)", path, where, lit.Value)
			}
		}
		isCodeExpr := func(e ast.Expr) bool {
			sel, ok := e.(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "Code"
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
					if x, ok := fn.X.(*ast.Ident); ok {
						name = x.Name + "." + name
					}
				case *ast.Ident:
					name = fn.Name
				}
				switch {
				case (name == "diag.New" || name == "v.add") && len(n.Args) > 1:
					bare(n.Args[1], name)
				case name == "add" && len(n.Args) > 2: // plan's units checks: add(i, field, code, …)
					bare(n.Args[2], name)
				case strings.HasSuffix(name, "WriteIssue") && len(n.Args) > 2, name == "writeIssue" && len(n.Args) > 2:
					bare(n.Args[2], name)
				case name != "strings.HasPrefix" && name != "s.audit": // the validator's tag required and the portal's audit kinds are not codes
					for _, a := range n.Args {
						if lit, ok := a.(*ast.BasicLit); ok && isCode[mustUnquote(lit.Value)] {
							bare(a, name)
						}
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && isCode[mustUnquote(lit.Value)] {
						bare(n.Value, "Code:")
					}
				}
			case *ast.BinaryExpr:
				if (n.Op == token.EQL || n.Op == token.NEQ) && (isCodeExpr(n.X) || isCodeExpr(n.Y)) {
					bare(n.X, "comparison")
					bare(n.Y, "comparison")
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if isCodeExpr(l) && i < len(n.Rhs) {
						bare(n.Rhs[i], "assignment")
					}
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && isCodeExpr(n.Tag) {
					for _, c := range n.Body.List {
						for _, e := range c.(*ast.CaseClause).List {
							bare(e, "case")
						}
					}
				}
			}
			return true
		})
	})
}

func mustUnquote(s string) string {
	v, _ := strconv.Unquote(s)
	return v
}

// forSource calls fn with every non-test Go file of the module but this
// package's code.go.
func forSource(t *testing.T, fn func(path string, f *ast.File)) {
	t.Helper()
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || n == "testdata" || strings.HasPrefix(n, ".") && n != ".." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || path == filepath.Join("..", "diag", "code.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		fn(filepath.ToSlash(strings.TrimPrefix(path, ".."+string(filepath.Separator))), f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
