package npm

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// node is a JSON Schema as decoded, for the keywords that give a
// TypeScript type; the others (patterns, if/then, contains…) constrain
// values and are left to validation.
type node struct {
	Type                 any              `json:"type"`
	Title                string           `json:"title"`
	Description          string           `json:"description"`
	Format               string           `json:"format"`
	Const                any              `json:"const"`
	Enum                 []any            `json:"enum"`
	Properties           map[string]*node `json:"properties"`
	Required             []string         `json:"required"`
	AdditionalProperties any              `json:"additionalProperties"`
	Items                *node            `json:"items"`
	MinLength            *int             `json:"minLength"`
	MaxLength            *int             `json:"maxLength"`
	Minimum              *json.Number     `json:"minimum"`
	Maximum              *json.Number     `json:"maximum"`
	MinItems             *int             `json:"minItems"`
	Else                 *node            `json:"else"`
}

// schemaTS writes TypeScript interfaces for the JSON Schema data, the
// root named name and each nested object named after its parent and
// member (ReportPeriod; items of an array of objects in the singular:
// ReportTask). Titles and descriptions become doc comments.
func schemaTS(name string, data []byte) (string, error) {
	var root node
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		return "", fmt.Errorf("schema: %w", err)
	}
	g := &schemaGen{}
	g.object(name, &root)
	return strings.Join(g.out, "\n"), nil
}

type schemaGen struct{ out []string }

func (g *schemaGen) object(name string, n *node) {
	var b strings.Builder
	b.WriteString(doc("", n))
	fmt.Fprintf(&b, "export interface %s {\n", name)
	req := map[string]bool{}
	for _, r := range n.Required {
		req[r] = true
	}
	keys := make([]string, 0, len(n.Properties))
	for k := range n.Properties {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { // required members first, in their order; then the others
		ri, rj := index(n.Required, keys[i]), index(n.Required, keys[j])
		if (ri >= 0) != (rj >= 0) {
			return ri >= 0
		}
		if ri >= 0 {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	var nested []func()
	for _, k := range keys {
		p := n.Properties[k]
		b.WriteString(doc("  ", p))
		opt := "?"
		if req[k] {
			opt = ""
		}
		fmt.Fprintf(&b, "  %s%s: %s;\n", member(k), opt, g.typ(name+pascal(k), p, &nested))
	}
	if ap, ok := n.AdditionalProperties.(map[string]any); ok && len(ap) > 0 {
		b.WriteString("  [key: string]: unknown;\n")
	}
	b.WriteString("}\n")
	g.out = append(g.out, b.String())
	for _, f := range nested {
		f()
	}
}

// typ is the TypeScript type of n; an object becomes the interface named
// name, written after the current one.
func (g *schemaGen) typ(name string, n *node, nested *[]func()) string {
	switch {
	case n.Const != nil:
		return literal(n.Const)
	case len(n.Enum) > 0:
		parts := make([]string, len(n.Enum))
		for i, e := range n.Enum {
			parts[i] = literal(e)
		}
		return strings.Join(parts, " | ")
	}
	switch n.Type {
	case "string":
		return "string"
	case "integer", "number":
		return "number"
	case "boolean":
		return "boolean"
	case "array":
		if n.Items == nil {
			return "unknown[]"
		}
		t := g.typ(singular(name), n.Items, nested)
		if strings.Contains(t, " ") {
			t = "(" + t + ")"
		}
		return t + "[]"
	case "object":
		if len(n.Properties) == 0 {
			return "Record<string, unknown>"
		}
		*nested = append(*nested, func() { g.object(name, n) })
		return name
	}
	return "unknown"
}

// doc is the doc comment of a schema node: its title, description and
// the limits a person filling it in must know.
func doc(indent string, n *node) string {
	var lines []string
	if t := strings.TrimSpace(n.Title); t != "" {
		lines = append(lines, strings.TrimSuffix(t, ".")+".")
	}
	if d := strings.TrimSpace(n.Description); d != "" {
		lines = append(lines, d)
	}
	limits := n
	if n.Else != nil && n.MaxLength == nil { // text that may be empty: its rules are in else
		limits = n.Else
	}
	if limits.MaxLength != nil {
		lines = append(lines, fmt.Sprintf("At most %d characters (NFC).", *limits.MaxLength))
	}
	if n.Format != "" {
		lines = append(lines, "Format: "+n.Format+".")
	}
	if n.Minimum != nil && n.Maximum != nil && n.Const == nil && n.Description == "" {
		lines = append(lines, fmt.Sprintf("From %s to %s.", n.Minimum, n.Maximum))
	}
	return comment(indent, strings.Join(lines, " "))
}

// comment writes text as a JSDoc comment, wrapped.
func comment(indent, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	text = strings.ReplaceAll(text, "*/", "*\\/")
	if len(indent)+len(text) < 90 {
		return indent + "/** " + text + " */\n"
	}
	var b strings.Builder
	b.WriteString(indent + "/**\n")
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(indent)+3+len(line)+1+len(w) > 100 {
			b.WriteString(indent + " * " + line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	b.WriteString(indent + " * " + line + "\n" + indent + " */\n")
	return b.String()
}

func literal(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return "unknown"
}

func member(k string) string {
	for i, r := range k {
		if !(r == '_' || r == '$' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return strconv.Quote(k)
		}
	}
	return k
}

func pascal(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '_' || r == '-' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "s"):
		return strings.TrimSuffix(s, "s")
	}
	return s + "Item"
}

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// goTS writes TypeScript interfaces for Go struct types, from their json
// tags (omitempty: optional) and the doc comments of their source (read
// from the package's folder under root, the module's root). A ts tag
// gives a member's TypeScript type; ts:"-" leaves it out. Struct types of
// other packages are named as external gives them (report.Report:
// "Report"), or written too.
func goTS(root string, external map[reflect.Type]string, types ...reflect.Type) (string, error) {
	g := &goGen{root: root, external: external, done: map[reflect.Type]bool{}, docs: map[string]map[string]string{}}
	for _, t := range types {
		if err := g.write(t); err != nil {
			return "", err
		}
	}
	return strings.Join(g.out, "\n"), nil
}

type goGen struct {
	root     string
	external map[reflect.Type]string
	done     map[reflect.Type]bool
	docs     map[string]map[string]string // package path → "Type" or "Type.Field" → comment
	out      []string
	queue    []reflect.Type
}

const modulePath = "github.com/kh164/kh164"

// comments reads the doc comments of the package pkg.
func (g *goGen) comments(pkg string) (map[string]string, error) {
	if d, ok := g.docs[pkg]; ok {
		return d, nil
	}
	rel, ok := strings.CutPrefix(pkg, modulePath+"/")
	if !ok {
		return nil, fmt.Errorf("%s is not a package of %s", pkg, modulePath)
	}
	names, err := filepath.Glob(filepath.Join(g.root, filepath.FromSlash(rel), "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	d := map[string]string{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				text := ts.Doc.Text()
				if text == "" {
					text = gd.Doc.Text()
				}
				d[ts.Name.Name] = text
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				for _, fl := range st.Fields.List {
					c := fl.Doc.Text()
					if c == "" {
						c = fl.Comment.Text()
					}
					for _, n := range fl.Names {
						d[ts.Name.Name+"."+n.Name] = c
					}
				}
			}
		}
	}
	g.docs[pkg] = d
	return d, nil
}

func (g *goGen) write(t reflect.Type) error {
	g.queue = append(g.queue, t)
	for len(g.queue) > 0 {
		t := g.queue[0]
		g.queue = g.queue[1:]
		if g.done[t] {
			continue
		}
		g.done[t] = true
		d, err := g.comments(t.PkgPath())
		if err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString(comment("", d[t.Name()]))
		fmt.Fprintf(&b, "export interface %s {\n", t.Name())
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("ts") == "-" {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			typ := f.Tag.Get("ts")
			if typ == "" {
				typ = g.typ(f.Type)
			}
			opt := ""
			if strings.Contains(opts, "omitempty") {
				opt = "?"
			}
			b.WriteString(comment("  ", strings.TrimSpace(strings.TrimPrefix(d[t.Name()+"."+f.Name], f.Name+" "))))
			fmt.Fprintf(&b, "  %s%s: %s;\n", member(name), opt, typ)
		}
		b.WriteString("}\n")
		g.out = append(g.out, b.String())
	}
	return nil
}

func (g *goGen) typ(t reflect.Type) string {
	if n, ok := g.external[t]; ok {
		return n
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return g.typ(t.Elem()) + "[]"
	case reflect.Map:
		return "Record<string, " + g.typ(t.Elem()) + ">"
	case reflect.Interface:
		return "unknown"
	case reflect.Pointer:
		return g.typ(t.Elem())
	case reflect.Struct:
		g.queue = append(g.queue, t)
		return t.Name()
	}
	return "unknown"
}
