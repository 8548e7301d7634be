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

// apply maps the validate tag of field f of struct type st to keywords on
// the field's schema s; conditional rules go on the struct's schema parent.
// report.WriteKeywords reads the tag, rule by rule, and calls the field's
// keywords writer.
func (m *mapper) apply(st reflect.Type, f reflect.StructField, tag string, s, parent *js.Schema, ptr string) error {
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if err := report.WriteKeywords(tag, &keywords{m: m, st: st, f: f, t: t, s: s, dst: s, parent: parent}); err != nil {
		return fmt.Errorf("schema: %s.%s: validate:%q: %v (see the mapping table in schema/doc.go)", st, f.Name, tag, err)
	}
	return nil
}

// keywords writes the JSON Schema keywords of one field's rules: it is
// the report.KeywordWriter of the field.
type keywords struct {
	m      *mapper
	st     reflect.Type        // the struct type of the field
	f      reflect.StructField // the field
	t      reflect.Type        // the type of the value the next rules constrain: the field's, its items' after dive
	s      *js.Schema          // that value's schema
	dst    *js.Schema          // where the next rules' keywords go: s, or the else of omitempty
	parent *js.Schema          // the struct's schema
}

// kind is the JSON type of the value the next rules constrain.
func (k *keywords) kind() string { return kindOf(k.t) }

func (k *keywords) unmapped() error { return fmt.Errorf("not mapped on %s", k.kind()) }

// OmitEmpty: validator skips the rest for the zero value; for slices and
// maps only nil is skipped, and nil is an absent member.
func (k *keywords) OmitEmpty() error {
	switch k.kind() {
	case "string":
		k.dst = &js.Schema{}
		k.s.If, k.s.Else = &js.Schema{Const: ""}, k.dst
	case "array", "object":
	default:
		return k.unmapped()
	}
	return nil
}

func (k *keywords) Dive() error {
	if k.kind() != "array" || k.s.Items == nil {
		return k.unmapped()
	}
	k.t, k.s = k.t.Elem(), k.s.Items
	k.dst = k.s
	return nil
}

func (k *keywords) Required() error {
	switch k.kind() {
	case "string":
		k.dst.MinLength = uint64p(1)
	case "array", "object":
	default:
		return k.unmapped()
	}
	member, _ := jsonName(k.f)
	k.parent.Required = appendUnique(k.parent.Required, member)
	return nil
}

func (k *keywords) RequiredIf(field, value string) error { return k.conditional(field, value, true) }

func (k *keywords) RequiredUnless(field, value string) error {
	return k.conditional(field, value, false)
}

func (k *keywords) Const(value string) error {
	v, err := typed(k.kind(), value)
	if err != nil {
		return err
	}
	k.dst.Const = v
	return nil
}

func (k *keywords) Enum(values []string) error {
	for _, p := range values {
		v, err := typed(k.kind(), p)
		if err != nil {
			return err
		}
		k.dst.Enum = append(k.dst.Enum, v)
	}
	return nil
}

func (k *keywords) Min(n int64) error { return k.bound(n, true) }

func (k *keywords) Max(n int64) error { return k.bound(n, false) }

// bound writes n as the lower (low) or upper bound of the value: of an
// integer, or of the length of a string, an array or an object.
func (k *keywords) bound(n int64, low bool) error {
	if k.kind() == "integer" {
		if low {
			k.dst.Minimum = json.Number(strconv.FormatInt(n, 10))
		} else {
			k.dst.Maximum = json.Number(strconv.FormatInt(n, 10))
		}
		return nil
	}
	if n < 0 {
		return fmt.Errorf("a length of %d", n)
	}
	var lo, hi **uint64
	switch k.kind() {
	case "string":
		lo, hi = &k.dst.MinLength, &k.dst.MaxLength
	case "array":
		lo, hi = &k.dst.MinItems, &k.dst.MaxItems
	case "object":
		lo, hi = &k.dst.MinProperties, &k.dst.MaxProperties
	default:
		return k.unmapped()
	}
	if !low {
		lo = hi
	}
	*lo = uint64p(uint64(n))
	return nil
}

func (k *keywords) Pattern(expr string) error {
	if k.kind() != "string" {
		return k.unmapped()
	}
	k.dst.Pattern = expr
	return nil
}

func (k *keywords) Unique(field string) error {
	if k.kind() != "array" {
		return k.unmapped()
	}
	if field == "" {
		k.dst.UniqueItems = true
		return nil
	}
	sub, ok := k.t.Elem().FieldByName(field)
	member, _ := jsonName(sub)
	var ids []any
	if ok && k.s.Items != nil && k.s.Items.Properties != nil {
		if p, ok := k.s.Items.Properties.Get(member); ok {
			ids = p.Enum
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s needs an enum on the items' %q member", field, member)
	}
	for _, id := range ids {
		k.dst.AllOf = append(k.dst.AllOf, &js.Schema{
			Contains: &js.Schema{
				Type:       "object",
				Properties: props(member, &js.Schema{Const: id}),
				Required:   []string{member},
			},
			MinContains: uint64p(0),
			MaxContains: uint64p(1),
		})
	}
	return nil
}

func (k *keywords) Body() error {
	if k.m.body != "" {
		k.dst.Const = k.m.body
	} else {
		k.dst.Enum = k.m.bodies
	}
	return nil
}

func (k *keywords) Task() error {
	k.dst.Enum = k.m.tasks
	return nil
}

func (k *keywords) Indicators() error {
	if k.t != reflect.TypeFor[map[string]int64]() {
		return fmt.Errorf("not mapped on %s", k.t)
	}
	*k.s = *k.m.indicators(k.s)
	return nil
}

// conditional maps required_if (then) or required_unless (!then) with
// one "Field value" pair to an if/then/else on the struct's schema: the
// same condition gives one entry of allOf, required_if adding to then,
// required_unless to else. A required string must also be non-empty
// (validator's required rejects the zero value; JSON Schema's only asks
// for the key).
func (k *keywords) conditional(field, value string, then bool) error {
	if k.kind() != "string" {
		return k.unmapped()
	}
	other, ok := k.st.FieldByName(field)
	if !ok {
		return fmt.Errorf("no field %s", field)
	}
	otherName, _ := jsonName(other)
	v, err := typed(kindOf(other.Type), value)
	if err != nil {
		return err
	}
	name, _ := jsonName(k.f)
	var c *js.Schema
	for _, e := range k.parent.AllOf {
		if e.If != nil && e.If.Properties != nil && len(e.If.Required) == 1 && e.If.Required[0] == otherName {
			if p, ok := e.If.Properties.Get(otherName); ok && p.Const == v {
				c = e
			}
		}
	}
	if c == nil {
		c = &js.Schema{If: &js.Schema{Properties: props(otherName, &js.Schema{Const: v}), Required: []string{otherName}}}
		k.parent.AllOf = append(k.parent.AllOf, c)
	}
	b := &c.Else
	if then {
		b = &c.Then
	}
	if *b == nil {
		*b = &js.Schema{Properties: js.NewProperties()}
	}
	(*b).Required = append((*b).Required, name)
	(*b).Properties.Set(name, &js.Schema{Type: "string", MinLength: uint64p(1)})
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
