package strictjson

import (
	"encoding"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// tkind is how values of a Go type are decoded.
type tkind uint8

const (
	tAny    tkind = iota // empty interface
	tText                // encoding.TextUnmarshaler
	tString              // string kinds
	tBool
	tInt
	tUint
	tFloat
	tPtr
	tSlice
	tMap
	tStruct
)

// maxSafe is the largest integer that every JSON consumer (JavaScript's
// Number in particular) represents exactly: 2^53-1.
const maxSafe = 1<<53 - 1

// typeInfo is what decoding needs to know about a Go type.
type typeInfo struct {
	t        reflect.Type
	kind     tkind
	expected string           // the "expected" of wrong_type errors
	elem     *typeInfo        // pointers, slices and maps
	min, max int64            // integers: the accepted range
	fields   map[string]field // structs: fields by JSON name
	names    []string         // structs: JSON names in declaration order
}

type field struct {
	index int
	info  *typeInfo
}

var (
	infos           sync.Map // reflect.Type -> *typeInfo
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// infoOf returns the typeInfo of t. It panics if t, or a type it
// contains, is not supported.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := infos.Load(t); ok {
		return ti.(*typeInfo)
	}
	built := map[reflect.Type]*typeInfo{}
	ti := build(t, built)
	for t, ti := range built {
		infos.Store(t, ti)
	}
	return ti
}

// build makes the typeInfo of t, recording it in built before looking at
// the types t contains, so that recursive types end.
func build(t reflect.Type, built map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := built[t]; ok {
		return ti
	}
	if ti, ok := infos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{t: t}
	built[t] = ti
	switch k := t.Kind(); {
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		ti.kind, ti.expected = tText, "string"
	case k == reflect.Interface && t.NumMethod() == 0:
		ti.kind = tAny
	case k == reflect.String:
		ti.kind, ti.expected = tString, "string"
	case k == reflect.Bool:
		ti.kind, ti.expected = tBool, "boolean"
	case reflect.Int <= k && k <= reflect.Int64:
		ti.kind, ti.expected = tInt, "integer"
		ti.max = min(int64(1<<(t.Bits()-1)-1), maxSafe)
		ti.min = -ti.max - 1
		if ti.max == maxSafe {
			ti.min = -maxSafe
		}
	case reflect.Uint <= k && k <= reflect.Uint64:
		ti.kind, ti.expected = tUint, "integer"
		ti.max = int64(min(uint64(1)<<t.Bits()-1, maxSafe))
	case k == reflect.Float32 || k == reflect.Float64:
		ti.kind, ti.expected = tFloat, "number"
	case k == reflect.Pointer && t.Elem().Kind() != reflect.Pointer:
		ti.kind = tPtr
		ti.elem = build(t.Elem(), built)
		ti.expected = ti.elem.expected
	case k == reflect.Slice:
		ti.kind, ti.expected = tSlice, "array"
		ti.elem = build(t.Elem(), built)
	case k == reflect.Map && t.Key().Kind() == reflect.String:
		ti.kind, ti.expected = tMap, "object"
		ti.elem = build(t.Elem(), built)
	case k == reflect.Struct:
		ti.kind, ti.expected = tStruct, "object"
		ti.fields = map[string]field{}
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if sf.Anonymous && name == "" {
				panic(fmt.Sprintf("strictjson: embedded field %s of %s is not supported: give it a json tag name or json:\"-\"", sf.Name, t))
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			if _, dup := ti.fields[name]; dup {
				panic(fmt.Sprintf("strictjson: %s has two fields named %q in JSON", t, name))
			}
			ti.fields[name] = field{i, build(sf.Type, built)}
			ti.names = append(ti.names, name)
		}
	default:
		panic(fmt.Sprintf("strictjson: type %s is not supported", t))
	}
	return ti
}
