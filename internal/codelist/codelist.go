// Package codelist reads the issue codes of diag/code.go by block, for the
// tests that check that each package's documentation lists its codes.
package codelist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// A Code is one constant of diag/code.go.
type Code struct {
	Name, Value string
	Block       string // the doc comment of its const block
	Commented   bool   // it has a comment of its own, or is alone in its block
}

// Read parses the diag/code.go at path.
func Read(path string) ([]Code, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var out []Code
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			v, err := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
			if err != nil {
				return nil, err
			}
			out = append(out, Code{
				Name: vs.Names[0].Name, Value: v, Block: strings.TrimSpace(g.Doc.Text()),
				Commented: vs.Doc.Text() != "" || vs.Comment.Text() != "" || len(g.Specs) == 1,
			})
		}
	}
	return out, nil
}

// Values are the values of the codes whose block's comment starts with
// one of prefixes (all codes when none is given).
func Values(codes []Code, prefixes ...string) []string {
	var out []string
	for _, c := range codes {
		match := len(prefixes) == 0
		for _, p := range prefixes {
			match = match || strings.HasPrefix(c.Block, p)
		}
		if match {
			out = append(out, c.Value)
		}
	}
	return out
}
