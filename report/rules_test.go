package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kh164/kh164/plan"
)

// TestEveryTagHasARule walks every validate tag on the types of Report,
// aliases expanded, and requires its declaration in rules.go: an alias
// only its expansion; any other rule its keywords, and its issue unless
// it never fails. It also fails on a declaration no tag uses.
func TestEveryTagHasARule(t *testing.T) {
	used := map[string]bool{}
	var tags func(where, tag string)
	tags = func(where, tag string) {
		for _, tok := range strings.Split(tag, ",") {
			name, _, _ := strings.Cut(tok, "=")
			r, ok := rules[name]
			used[name] = true
			switch {
			case !ok:
				t.Errorf("%s: rule %q is not declared in rules.go", where, tok)
			case r.alias != "":
				if r.check != nil || r.keywords != nil || r.issue != nil {
					t.Errorf("alias %s declares more than its expansion", name)
				}
				tags(where+" ("+name+")", r.alias)
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
	for name := range rules {
		if !used[name] {
			t.Errorf("rule %q is declared in rules.go but no tag of Report uses it", name)
		}
	}
}
