package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// This file builds the variants of the agreement suite: an order-keeping
// JSON tree (so that duplicate and extra keys can be written), and the
// mutations of a valid report.

// object is a JSON object that keeps its members' order and may hold the
// same name twice.
type object struct {
	keys []string
	vals []any
}

// parseTree reads JSON into string, json.Number, bool, nil, []any and
// *object values.
func parseTree(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	v, err := parseValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data")
	}
	return v, nil
}

func parseValue(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := &object{}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			o.keys = append(o.keys, k.(string))
			o.vals = append(o.vals, v)
		}
		_, err := d.Token()
		return o, err
	case json.Delim('['):
		a := []any{}
		for d.More() {
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := d.Token()
		return a, err
	}
	return tok, nil
}

// writeTree writes v as indented JSON, strings escaped as encoding/json
// does (control characters as \u escapes), other characters as they are.
func writeTree(b *bytes.Buffer, v any, indent string) {
	switch v := v.(type) {
	case *object:
		if len(v.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{")
		for i, k := range v.keys {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			writeString(b, k)
			b.WriteString(": ")
			writeTree(b, v.vals[i], indent+"  ")
		}
		b.WriteString("\n" + indent + "}")
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[")
		for i, e := range v {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + "  ")
			writeTree(b, e, indent+"  ")
		}
		b.WriteString("\n" + indent + "]")
	case string:
		writeString(b, v)
	case json.Number:
		b.WriteString(string(v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case nil:
		b.WriteString("null")
	default:
		panic(fmt.Sprintf("writeTree: %T", v))
	}
}

func writeString(b *bytes.Buffer, s string) {
	e := json.NewEncoder(b)
	e.SetEscapeHTML(false)
	e.Encode(s)
	b.Truncate(b.Len() - 1) // the encoder's newline
}

func renderTree(v any) []byte {
	var b bytes.Buffer
	writeTree(&b, v, "")
	b.WriteByte('\n')
	return b.Bytes()
}

func clone(v any) any {
	switch v := v.(type) {
	case *object:
		c := &object{keys: append([]string(nil), v.keys...), vals: make([]any, len(v.vals))}
		for i, e := range v.vals {
			c.vals[i] = clone(e)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, e := range v {
			c[i] = clone(e)
		}
		return c
	}
	return v
}

// path is a list of reference tokens: member names (string) and array
// indexes (int).
type path []any

func (p path) String() string {
	var b strings.Builder
	for _, t := range p {
		b.WriteByte('/')
		switch t := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(t))
		case string:
			b.WriteString(escape(t))
		}
	}
	return b.String()
}

// pattern is the path with array indexes and indicator codes as "*".
func (p path) pattern() string {
	var b strings.Builder
	for i, t := range p {
		b.WriteByte('/')
		switch t := t.(type) {
		case int:
			b.WriteString("*")
		case string:
			if i > 0 && p[i-1] == "indicators" {
				b.WriteString("*")
			} else {
				b.WriteString(escape(t))
			}
		}
	}
	return b.String()
}

// paths lists the path of every value in v, v's own first.
func paths(v any, at path) []path {
	out := []path{append(path(nil), at...)}
	switch v := v.(type) {
	case *object:
		for i, k := range v.keys {
			out = append(out, paths(v.vals[i], append(at, k))...)
		}
	case []any:
		for i, e := range v {
			out = append(out, paths(e, append(at, i))...)
		}
	}
	return out
}

func get(v any, p path) any {
	for _, t := range p {
		switch t := t.(type) {
		case int:
			v = v.([]any)[t]
		case string:
			o := v.(*object)
			for i, k := range o.keys {
				if k == t {
					v = o.vals[i]
					break
				}
			}
		}
	}
	return v
}

// getPointer returns the value at JSON Pointer ptr (nil if there is none).
func getPointer(v any, ptr string) any {
	if ptr == "" {
		return v
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch c := v.(type) {
		case *object:
			v = nil
			for i, k := range c.keys {
				if k == tok {
					v = c.vals[i]
					break
				}
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			v = c[i]
		default:
			return nil
		}
	}
	return v
}

// edit returns a copy of root in which f has replaced the value at p (f
// gets the parent container and the last token; it edits in place).
func edit(root any, p path, f func(parent any, last any)) any {
	c := clone(root)
	if len(p) == 0 {
		panic("edit: empty path")
	}
	f(get(c, p[:len(p)-1]), p[len(p)-1])
	return c
}

func set(parent, last, v any) {
	switch t := last.(type) {
	case int:
		parent.([]any)[t] = v
	case string:
		o := parent.(*object)
		for i, k := range o.keys {
			if k == t {
				o.vals[i] = v
				return
			}
		}
	}
}

func replace(root any, p path, v any) any {
	return edit(root, p, func(parent, last any) { set(parent, last, v) })
}

// remove returns a copy of root without the member at p.
func remove(root any, p path) any {
	return edit(root, p, func(parent, last any) {
		o := parent.(*object)
		for i, k := range o.keys {
			if k == last {
				o.keys = append(o.keys[:i], o.keys[i+1:]...)
				o.vals = append(o.vals[:i], o.vals[i+1:]...)
				return
			}
		}
	})
}

// variant is one document of the corpus.
type variant struct {
	name    string // seed name and mutation
	data    []byte
	seed    *seed // nil for fixtures
	touches string
}

// seed is a valid report the mutations start from.
type seed struct {
	name string
	body string
	on   plan.Date // its report date
	tree any
	data []byte
}

func newSeed(name string, r *report.Report) (*seed, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	tree, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	return &seed{name: name, body: r.Body, on: r.ReportDate, tree: tree, data: append(data, '\n')}, nil
}

// limits are the string lengths the mutations try, with one more: the
// length limit of every text field of the report (report.MaxLength), each
// once, ascending.
var limits = func() []int {
	var out []int
	var walk func(t reflect.Type, ptr string)
	walk = func(t reflect.Type, ptr string) {
		switch t.Kind() {
		case reflect.Slice:
			walk(t.Elem(), ptr+"/*")
		case reflect.Struct:
			for i := range t.NumField() {
				if name, ok := jsonName(t.Field(i)); ok {
					walk(t.Field(i).Type, ptr+"/"+escape(name))
				}
			}
		case reflect.String:
			if n := report.MaxLength(ptr); n > 0 && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	walk(reflect.TypeFor[report.Report](), "")
	slices.Sort(out)
	return out
}()

// strs is every interesting replacement for a string value: IDs of the
// wrong kind, phone numbers, e-mail addresses, symbols and dates near the
// edges of their patterns.
var strs = []string{
	"x", "X", "0", "true", "null",
	"annual", "half-year", "Annual", "done", "in_progress", "not_started", "Done", "not-started",
	"hoi-ctd", "so-y-te", "quan-ba-dinh", "so-khong-co", "Hoi-ctd",
	"III.1.1", "III.6.1", "III.12.1", "III.13.1", "II.1.1", "iii.6.1",
	"relief", "blood_donation", "Relief", "blood-donation",
	"164/KH-UBND", "164/KH-UBND ", "165/KH-UBND",
	"0912345678", "02438253536", "+84912345678", "912345678", "+8491234567", "09123456789", "091234567890", "0012345678", "+840912345678", "0912 345 678",
	"a@b.vn", "nguyen.van.a@hanoi.gov.vn", "a@b", "a@-b.vn", "a@b-.vn", "@b.vn", "a b@c.vn", "ä@b.vn", "a@b..vn", "a@" + strings.Repeat("b", 63) + ".vn", "a@" + strings.Repeat("b", 64) + ".vn",
	"245/BC-SYT", "01/BC-SYT", "1/BC-SYT", "00/BC-SYT", "123456/BC-SYT", "44-KL/TW", "11/2008/QH12", "07/2014/TT-BGDĐT", "12/1944/QĐ", "12/2026/bc", "12/BC-",
	"2026-11-18", "2026-02-29", "2024-02-29", "2026-13-01", "2026-11-31", "2026-1-18", "2026-11-18T00:00:00Z", "18/11/2026", "0000-01-01", "2025-12-14", "2025-12-15", "2026-06-14", "2026-06-15", "2026-12-14", "2026-12-15", "2023-01-01", "2101-01-01", "+2026-11-18",
	"Nguyễn Văn A", "Giám đốc", "a\tb", "a\nb", "a\r\nb", "a\u000bb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u009fb", "a\u00a0b", "a\u2028b", "a\ufeffb", "a\u200bb", "a\U0001F600b",
}

// mutateString returns the variants of string s.
func mutateString(s string, long, lists bool) map[string]string {
	out := map[string]string{
		"empty":            "",
		"leading space":    " " + s,
		"trailing space":   s + " ",
		"leading tab":      "\t" + s,
		"trailing newline": s + "\n",
		"leading nbsp":     "\u00a0" + s,
		"trailing bom":     s + "\ufeff",
		"trailing u3000":   s + "\u3000",
		"only space":       " ",
		"inner nul":        insert(s, "\u0000"),
		"inner bell":       insert(s, "\u0007"),
		"inner newline":    insert(s, "\n"),
		"inner tab":        insert(s, "\t"),
		"inner nel":        insert(s, "\u0085"),
		"inner del":        insert(s, "\u007f"),
		"inner c1":         insert(s, "\u0090"),
		"inner ls":         insert(s, "\u2028"),
		"upper":            strings.ToUpper(s),
		"suffix":           s + "x",
	}
	if d := norm.NFD.String(s); d != s {
		out["nfd"] = d
	}
	if long {
		for _, n := range limits {
			out[fmt.Sprintf("len %d", n)] = strings.Repeat("ệ", n)
			out[fmt.Sprintf("len %d", n+1)] = strings.Repeat("ệ", n+1)
			out[fmt.Sprintf("nfd len %d", n)] = norm.NFD.String(strings.Repeat("ệ", n))
			out[fmt.Sprintf("astral len %d", n)] = strings.Repeat("😀", n)
		}
	}
	for i, x := range strs {
		if lists {
			out[fmt.Sprintf("str %d", i)] = x
		}
	}
	return out
}

func insert(s, x string) string {
	if s == "" {
		return x
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n] + x + s[n:]
}

var nums = []string{"0", "-1", "1", "2", "1.0", "1.5", "-0", "1e3", "1E0", "2022", "2023", "2100", "2101",
	"1000000", "1000001", "100000000", "100000001", "1000000000000000", "1000000000000001",
	"9007199254740991", "9007199254740992", "-9007199254740992", "1e400", "0.1e1"}

// mutations returns the variants of seed s; long adds strings at and over
// every length limit to every string (long strings make large inputs, so
// only some seeds get them), lists the replacements of strs and nums;
// others are the seeds of other bodies, whose task lists are tried.
func mutations(s *seed, long, lists bool, others []*seed) []variant {
	var out []variant
	add := func(what string, p path, v any) {
		out = append(out, variant{name: s.name + ": " + p.String() + ": " + what, data: renderTree(v), seed: s, touches: p.String()})
	}
	for _, p := range paths(s.tree, nil) {
		v := get(s.tree, p)
		if len(p) > 0 {
			if _, ok := p[len(p)-1].(string); ok {
				add("removed", p, remove(s.tree, p))
			} else {
				i := p[len(p)-1].(int)
				parent := p[:len(p)-1]
				arr := get(s.tree, parent).([]any)
				cut := append(append([]any{}, arr[:i]...), arr[i+1:]...)
				add("item removed", p, replace(s.tree, parent, clone(cut)))
			}
			for what, x := range map[string]any{"null": nil, "true": true, "zero": json.Number("0"), "string": "1", "array": []any{}, "object": &object{}} {
				add("mistyped "+what, p, replace(s.tree, p, x))
			}
		}
		switch v := v.(type) {
		case string:
			for what, x := range mutateString(v, long, lists) {
				add(what, p, replace(s.tree, p, x))
			}
		case json.Number:
			for i, n := range nums {
				if lists || i < 4 {
					add("number "+n, p, replace(s.tree, p, json.Number(n)))
				}
			}
			if p.pattern() == "/indicators/*" {
				if in, err := plan.IndicatorByCode(p[len(p)-1].(string)); err == nil {
					add("indicator max", p, replace(s.tree, p, json.Number(strconv.FormatInt(in.Max, 10))))
					add("indicator max+1", p, replace(s.tree, p, json.Number(strconv.FormatInt(in.Max+1, 10))))
				}
			}
		case *object:
			o := func(f func(o *object)) any {
				c := clone(s.tree)
				if len(p) == 0 {
					f(c.(*object))
					return c
				}
				f(get(c, p).(*object))
				return c
			}
			add("extra member", p, o(func(o *object) { o.keys = append(o.keys, "extra"); o.vals = append(o.vals, json.Number("1")) }))
			add("empty-named member", p, o(func(o *object) { o.keys = append(o.keys, ""); o.vals = append(o.vals, json.Number("1")) }))
			add("emptied", p, o(func(o *object) { o.keys, o.vals = nil, nil }))
			if len(v.keys) > 0 {
				add("duplicate key, same value", p, o(func(o *object) { o.keys = append(o.keys, o.keys[0]); o.vals = append(o.vals, clone(o.vals[0])) }))
				add("duplicate key, null", p, o(func(o *object) { o.keys = append(o.keys, o.keys[0]); o.vals = append(o.vals, nil) }))
				last := len(v.keys) - 1
				add("duplicate key first, invalid", p, o(func(o *object) {
					o.keys = append([]string{o.keys[last]}, o.keys...)
					o.vals = append([]any{nil}, o.vals...)
				}))
				add("case-changed member", p, o(func(o *object) { o.keys[0] = strings.ToUpper(o.keys[0][:1]) + o.keys[0][1:] }))
			}
			if p.String() == "/indicators" {
				add("unknown indicator", p, o(func(o *object) { o.keys = append(o.keys, "unknown_code"); o.vals = append(o.vals, json.Number("1")) }))
				add("negative indicator", p, o(func(o *object) { o.keys = append(o.keys, "members"); o.vals = append(o.vals, json.Number("-1")) }))
			}
		case []any:
			add("emptied", p, replace(s.tree, p, []any{}))
			if len(v) > 0 {
				add("first repeated", p, replace(s.tree, p, append(clone(v).([]any), clone(v[0]))))
				add("last first", p, replace(s.tree, p, append([]any{clone(v[len(v)-1])}, clone(v[:len(v)-1]).([]any)...)))
			}
			if p.String() == "/tasks" {
				for _, o := range others {
					if o.body != s.body {
						add("tasks of "+o.body, p, replace(s.tree, p, clone(get(o.tree, path{"tasks"}))))
					}
				}
				if len(v) > 1 {
					add("tasks without the first", p, replace(s.tree, p, clone(v[1:])))
				}
			}
		}
	}
	out = append(out,
		variant{name: s.name + ": truncated", data: s.data[:len(s.data)/2], seed: s, touches: ""},
		variant{name: s.name + ": trailing comma", data: append(bytes.TrimSpace(s.data[:len(s.data)-3]), ",}"...), seed: s, touches: ""},
		variant{name: s.name + ": empty", data: nil, seed: s, touches: ""},
		variant{name: s.name + ": array", data: []byte("[" + string(s.data) + "]"), seed: s, touches: ""},
		variant{name: s.name + ": compact", data: compact(s.data), seed: s, touches: ""},
	)
	return out
}

func compact(b []byte) []byte {
	var c bytes.Buffer
	json.Compact(&c, b)
	return c.Bytes()
}
