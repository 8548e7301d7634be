package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	js "github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// This file is the mapping layer: it turns the go-playground/validator tags
// of the report's types (and the custom rules of report/rules.go) into JSON
// Schema keywords. The table in doc.go lists every tag it knows; any other
// tag makes generation fail, so a new rule can never be silently missing
// from the published schema.

// maxSafeInteger is 2^53-1, the largest integer every JSON consumer
// (JavaScript included) reads exactly. The strict decoder rejects integers
// beyond ±maxSafeInteger whatever the Go type, so every integer schema is
// bounded by it.
const maxSafeInteger = 1<<53 - 1

var dateType = reflect.TypeFor[plan.Date]()

// reflector returns the invopop reflector used for every schema: inline
// subschemas (no $defs, so same-named types of different packages cannot
// collide and every JSON Pointer has exactly one subschema), struct members
// required unless omitempty/omitzero, additionalProperties false on every
// struct, and plan.Date as an RFC 3339 full-date.
func reflector() *js.Reflector {
	return &js.Reflector{
		Anonymous:      true,
		DoNotReference: true,
		Mapper: func(t reflect.Type) *js.Schema {
			if t == dateType {
				return &js.Schema{Type: "string", Format: "date"}
			}
			return nil
		},
	}
}

// mapper holds what the custom tags refer to: the registry's bodies, the
// plan's tasks, the activity contents; and, for a per-body schema, the body
// and its tasks on the date.
type mapper struct {
	lang   diag.Lang
	ns     string // label namespace: "report", "plan", "units"
	labels bool   // every subschema must have a label
	bodies []any  // IDs for the body tag
	body   string // the body of a per-body schema
	tasks  []any  // IDs for the task tag
}

// walk maps the validate tags of every field of t (the type s was reflected
// from) and labels every subschema, depth first. ptr is the JSON Pointer
// pattern of s: array items and map values are "*".
func (m *mapper) walk(t reflect.Type, s *js.Schema, ptr string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if err := m.label(s, ptr); err != nil {
		return err
	}
	if t == dateType {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return m.fields(t, s, ptr)
	case reflect.Slice, reflect.Array:
		if s.Items != nil {
			return m.walk(t.Elem(), s.Items, ptr+"/*")
		}
	case reflect.Map:
		if s.AdditionalProperties != nil && s.AdditionalProperties != js.FalseSchema && s.AdditionalProperties != js.TrueSchema {
			return m.walk(t.Elem(), s.AdditionalProperties, ptr+"/*")
		}
	}
	return nil
}

// fields walks the fields of struct type t, whose schema is s; the fields
// of embedded structs are members of s, as encoding/json has them.
func (m *mapper) fields(t reflect.Type, s *js.Schema, ptr string) error {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
			if err := m.fields(f.Type, s, ptr); err != nil {
				return err
			}
			continue
		}
		name, ok := jsonName(f)
		if !ok {
			continue
		}
		prop, ok := s.Properties.Get(name)
		if !ok {
			return fmt.Errorf("schema: no property %q reflected for %s.%s", name, t, f.Name)
		}
		fptr := ptr + "/" + escape(name)
		if err := m.walk(f.Type, prop, fptr); err != nil {
			return err
		}
		if tag, ok := f.Tag.Lookup("validate"); ok {
			if err := m.apply(t, f, tag, prop, s, fptr); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonName is the member name of a struct field, as encoding/json and the
// strict decoder read it.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name, true
	}
	return f.Name, true
}

// escape escapes a member name for a JSON Pointer (RFC 6901).
func escape(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// expand splits a validate tag into its rules and expands the aliases
// report declares (report.Rule), recursively.
func expand(tag string, depth int) ([]string, error) {
	if depth > 10 {
		return nil, fmt.Errorf("alias loop in %q", tag)
	}
	var out []string
	for _, tok := range strings.Split(tag, ",") {
		if tok == "" {
			continue
		}
		if strings.ContainsAny(tok, "|") {
			return nil, fmt.Errorf("rule %q: alternatives (|) are not mapped", tok)
		}
		if r, ok := report.Rule(tok); ok && r.Alias != "" {
			sub, err := expand(r.Alias, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		out = append(out, tok)
	}
	return out, nil
}

// apply maps the validate tag of field f of struct type st to keywords on
// the field's schema s; conditional rules go on the struct's schema parent.
func (m *mapper) apply(st reflect.Type, f reflect.StructField, tag string, s, parent *js.Schema, ptr string) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("schema: %s.%s: validate:%q: %s (see the mapping table in schema/doc.go)", st, f.Name, tag, fmt.Sprintf(format, args...))
	}
	rules, err := expand(tag, 0)
	if err != nil {
		return fail("%v", err)
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	dst := s // where the keywords of the next rule go
	for _, rule := range rules {
		name, param, _ := strings.Cut(rule, "=")
		kind := kindOf(t)
		switch name {
		case "omitempty":
			// validator skips the rest for the zero value; for slices and
			// maps only nil is skipped, and nil is an absent member.
			switch kind {
			case "string":
				dst = &js.Schema{}
				s.If, s.Else = &js.Schema{Const: ""}, dst
			case "array", "object":
			default:
				return fail("omitempty on %s is not mapped", kind)
			}
		case "dive":
			if kind != "array" || s.Items == nil {
				return fail("dive on %s", kind)
			}
			t, s = t.Elem(), s.Items
			dst = s
		case "required":
			switch kind {
			case "string":
				dst.MinLength = uint64p(1)
			case "array", "object":
			default:
				return fail("required on %s is not mapped", kind)
			}
			member, _ := jsonName(f)
			parent.Required = appendUnique(parent.Required, member)
		case "eq":
			v, err := typed(kind, param)
			if err != nil {
				return fail("%v", err)
			}
			dst.Const = v
		case "oneof":
			for _, p := range strings.Fields(param) {
				v, err := typed(kind, p)
				if err != nil {
					return fail("%v", err)
				}
				dst.Enum = append(dst.Enum, v)
			}
		case "gte", "lte", "min", "max":
			n, err := strconv.ParseUint(param, 10, 63)
			if kind == "integer" {
				if _, err := strconv.ParseInt(param, 10, 64); err != nil {
					return fail("%s=%s", name, param)
				}
				if name == "gte" || name == "min" {
					dst.Minimum = json.Number(param)
				} else {
					dst.Maximum = json.Number(param)
				}
				continue
			}
			if err != nil {
				return fail("%s=%s", name, param)
			}
			low := name == "gte" || name == "min"
			switch kind {
			case "string":
				if low {
					dst.MinLength = &n
				} else {
					dst.MaxLength = &n
				}
			case "array":
				if low {
					dst.MinItems = &n
				} else {
					dst.MaxItems = &n
				}
			case "object":
				if low {
					dst.MinProperties = &n
				} else {
					dst.MaxProperties = &n
				}
			default:
				return fail("%s on %s is not mapped", name, kind)
			}
		case "unique":
			if kind != "array" {
				return fail("unique on %s", kind)
			}
			if param == "" {
				dst.UniqueItems = true
				continue
			}
			sub, ok := t.Elem().FieldByName(param)
			member, _ := jsonName(sub)
			var ids []any
			if ok && s.Items != nil && s.Items.Properties != nil {
				if p, ok := s.Items.Properties.Get(member); ok {
					ids = p.Enum
				}
			}
			if len(ids) == 0 {
				return fail("unique=%s needs an enum on the items' %q member", param, member)
			}
			for _, id := range ids {
				dst.AllOf = append(dst.AllOf, &js.Schema{
					Contains: &js.Schema{
						Type:       "object",
						Properties: props(member, &js.Schema{Const: id}),
						Required:   []string{member},
					},
					MinContains: uint64p(0),
					MaxContains: uint64p(1),
				})
			}
		case "required_if", "required_unless":
			if kind != "string" {
				return fail("%s on %s is not mapped", name, kind)
			}
			if err := m.conditional(st, f, name, param, parent); err != nil {
				return fail("%v", err)
			}
		case "body":
			if m.body != "" {
				dst.Const = m.body
			} else {
				dst.Enum = m.bodies
			}
		case "task":
			dst.Enum = m.tasks
		case "activity":
			for _, a := range plan.Activities() {
				dst.Enum = append(dst.Enum, a.ID)
			}
		case "indicators":
			if t != reflect.TypeFor[map[string]int64]() {
				return fail("indicators on %s", t)
			}
			*s = *m.indicators(s)
		default:
			if r, ok := report.Rule(name); ok && r.Pattern != "" && param == "" && kind == "string" {
				dst.Pattern = r.Pattern
				continue
			}
			return fail("unknown rule %q", rule)
		}
	}
	return nil
}

// conditional maps required_if / required_unless with one "Field value"
// pair to an if/then/else on the struct's schema: the same condition gives
// one entry of allOf, required_if adding to then, required_unless to else.
// A required string must also be non-empty (validator's required rejects
// the zero value; JSON Schema's only asks for the key).
func (m *mapper) conditional(st reflect.Type, f reflect.StructField, rule, param string, parent *js.Schema) error {
	fields := strings.Fields(param)
	if len(fields) != 2 {
		return fmt.Errorf("%s needs exactly one field and value", rule)
	}
	other, ok := st.FieldByName(fields[0])
	if !ok {
		return fmt.Errorf("%s: no field %s", rule, fields[0])
	}
	otherName, _ := jsonName(other)
	v, err := typed(kindOf(other.Type), fields[1])
	if err != nil {
		return err
	}
	name, _ := jsonName(f)
	var c *js.Schema
	for _, e := range parent.AllOf {
		if e.If != nil && e.If.Properties != nil && len(e.If.Required) == 1 && e.If.Required[0] == otherName {
			if p, ok := e.If.Properties.Get(otherName); ok && p.Const == v {
				c = e
			}
		}
	}
	if c == nil {
		c = &js.Schema{If: &js.Schema{Properties: props(otherName, &js.Schema{Const: v}), Required: []string{otherName}}}
		parent.AllOf = append(parent.AllOf, c)
	}
	req := func(b **js.Schema) {
		if *b == nil {
			*b = &js.Schema{Properties: js.NewProperties()}
		}
		(*b).Required = append((*b).Required, name)
		(*b).Properties.Set(name, &js.Schema{Type: "string", MinLength: uint64p(1)})
	}
	if rule == "required_if" {
		req(&c.Then)
	} else {
		req(&c.Else)
	}
	return nil
}

// indicators is the schema of the indicator counts: one integer member per
// code of plan.Indicators, from 0 to the indicator's Max.
func (m *mapper) indicators(s *js.Schema) *js.Schema {
	out := &js.Schema{
		Type:                 "object",
		Title:                s.Title,
		Description:          s.Description,
		Properties:           js.NewProperties(),
		AdditionalProperties: js.FalseSchema,
		PropertyNames:        &js.Schema{},
	}
	for _, in := range plan.Indicators() {
		out.PropertyNames.Enum = append(out.PropertyNames.Enum, in.Code)
		title, unit := in.Name, in.Unit
		desc := "Số nguyên từ 0 đến %d; đơn vị: %s. Mã %s."
		if m.lang == diag.EN {
			title, unit = in.English, in.UnitEnglish
			desc = "Whole number from 0 to %d; unit: %s. Code %s."
		}
		out.Properties.Set(in.Code, &js.Schema{
			Type:        "integer",
			Minimum:     "0",
			Maximum:     json.Number(strconv.FormatInt(in.Max, 10)),
			Title:       title,
			Description: fmt.Sprintf(desc, in.Max, unit, in.Code),
		})
	}
	return out
}

// kindOf is the JSON type of values of Go type t.
func kindOf(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == dateType {
		return "date"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Bool:
		return "boolean"
	}
	return t.Kind().String()
}

// typed converts a tag parameter to a JSON value of the field's kind.
func typed(kind, p string) (any, error) {
	switch kind {
	case "string":
		return p, nil
	case "integer":
		if _, err := strconv.ParseInt(p, 10, 64); err != nil {
			return nil, fmt.Errorf("%q is not an integer", p)
		}
		return json.Number(p), nil
	}
	return nil, fmt.Errorf("values of %s are not mapped", kind)
}

// bound gives every integer schema in the tree the bounds ±(2^53-1) where
// a tag gave none.
func bound(s *js.Schema) {
	visit(s, func(s *js.Schema) {
		if s.Type == "integer" {
			if s.Minimum == "" {
				s.Minimum = json.Number(strconv.FormatInt(-maxSafeInteger, 10))
			}
			if s.Maximum == "" {
				s.Maximum = json.Number(strconv.FormatInt(maxSafeInteger, 10))
			}
		}
	})
}

// visit calls f on s and every subschema of s.
func visit(s *js.Schema, f func(*js.Schema)) {
	if s == nil || s == js.TrueSchema || s == js.FalseSchema {
		return
	}
	f(s)
	for _, l := range [][]*js.Schema{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, c := range l {
			visit(c, f)
		}
	}
	for _, c := range []*js.Schema{s.Not, s.If, s.Then, s.Else, s.Items, s.Contains, s.AdditionalProperties, s.PropertyNames} {
		visit(c, f)
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			visit(p.Value, f)
		}
	}
	for _, k := range sortedKeys(s.PatternProperties) {
		visit(s.PatternProperties[k], f)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func props(name string, s *js.Schema) *orderedmap.OrderedMap[string, *js.Schema] {
	p := js.NewProperties()
	p.Set(name, s)
	return p
}

func uint64p(n uint64) *uint64 { return &n }

func appendUnique(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(l, s)
}
