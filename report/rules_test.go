package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kh164/kh164/plan"
)

// TestEveryTagHasARule walks every validate tag on the types of Report,
// aliases expanded, and requires its declaration in rules.go: an alias,
// or a rule with its keywords and, unless it never fails, its issue. It
// also fails on a declaration no tag uses.
func TestEveryTagHasARule(t *testing.T) {
	used := map[string]bool{}
	var tags func(where, tag string)
	tags = func(where, tag string) {
		for _, tok := range strings.Split(tag, ",") {
			name, _, _ := strings.Cut(tok, "=")
			r, ok := rules[name]
			a, isAlias := aliases[name]
			used[name] = true
			switch {
			case isAlias && ok:
				t.Errorf("%s is both an alias and a rule", name)
			case isAlias:
				tags(where+" ("+name+")", a)
			case !ok:
				t.Errorf("%s: rule %q is not declared in rules.go", where, tok)
			case r.keywords == nil:
				t.Errorf("%s: rule %q has no JSON Schema keywords", where, name)
			case r.issue == nil && name != "omitempty" && name != "dive":
				t.Errorf("%s: rule %q has no issue", where, name)
			}
		}
	}
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[plan.Date]() || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if tag, ok := f.Tag.Lookup("validate"); ok {
				tags(typ.Name()+"."+f.Name, tag)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[Report]())
	for _, declared := range []map[string]bool{setOf(rules), setOf(aliases)} {
		for name := range declared {
			if !used[name] {
				t.Errorf("%q is declared in rules.go but no tag of Report uses it", name)
			}
		}
	}
}

func setOf[V any](m map[string]V) map[string]bool {
	s := map[string]bool{}
	for k := range m {
		s[k] = true
	}
	return s
}
