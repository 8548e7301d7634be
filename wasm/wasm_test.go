//go:build !js

package wasm_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hack-pad/safejs/jsguard"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// moduleRoot is the folder of kh164's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// forbiddenImport is spelt in two parts so that a plain text search of the
// module for the quoted import path finds no false positive here.
const forbiddenImport = "syscall" + "/js"

// TestNoSyscallJS: JavaScript is reached through safejs only, so no Go
// file of the module imports syscall/js, whatever its build tags.
func TestNoSyscallJS(t *testing.T) {
	root := moduleRoot(t)
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		n++
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == forbiddenImport {
				t.Errorf("%s imports syscall/js: use github.com/hack-pad/safejs", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d Go files found under %s", n, root)
	}
}

// TestJSGuard runs safejs's jsguard analyzer on the packages of this
// module that run in the browser (the WebAssembly program and what it
// imports from the module), built for GOOS=js GOARCH=wasm; it must report
// nothing. jsguard reports unsafe calls of syscall/js, so beside
// TestNoSyscallJS it guards against a later import. From the command line:
//
//	go build -o /tmp/jsguard github.com/hack-pad/safejs/jsguard/cmd/jsguard
//	GOOS=js GOARCH=wasm /tmp/jsguard $(GOOS=js GOARCH=wasm go list -deps github.com/kh164/kh164/wasm/cmd/form | grep ^kh164/)
func TestJSGuard(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every package of the module")
	}
	t.Setenv("GOOS", "js") // jsguard checks that it runs for js
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	list := exec.Command("go", "list", "-deps", "github.com/kh164/kh164/wasm/cmd/form")
	list.Env = env
	out, err := list.Output()
	if err != nil {
		t.Fatal(err)
	}
	var roots []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/kh164/kh164/") {
			roots = append(roots, p)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: moduleRoot(t), Env: env}
	pkgs, err := packages.Load(cfg, roots...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load for js/wasm")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{jsguard.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for act := range graph.All() {
		if act.Analyzer != jsguard.Analyzer || !act.IsRoot {
			continue
		}
		checked++
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if checked == 0 {
		t.Fatal("jsguard checked no package")
	}
	t.Logf("jsguard checked %d packages", checked)
}
