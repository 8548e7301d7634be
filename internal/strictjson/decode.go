package strictjson

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// The decoding pass: it walks the tape of a syntactically valid input
// and stores values into Go values, collecting type errors.

type decoder struct {
	tree
	path      []step // from the root to the value being decoded
	errs      Errors
	maxErrors int
	buf       []byte
}

// A step leads from a container to one of its values.
type step struct {
	key   int // object members: tape index of the member's name (never 0, the root)
	index int // array elements, when key is 0
}

// decode stores the value of node i in v. It reports false, leaving v
// unchanged, if the value itself is rejected; errors deeper inside it
// leave the parts concerned unchanged but do not reject it.
func (d *decoder) decode(i int, ti *typeInfo, v reflect.Value) bool {
	n := &d.tape[i]
	if ti.kind == tAny {
		if x := d.any(i); x != nil {
			v.Set(reflect.ValueOf(x))
		} else {
			v.SetZero()
		}
		return true
	}
	switch {
	case n.kind == kNull:
		return d.wrongType(i, ti)
	case ti.kind == tText:
		return d.decodeText(i, ti, v)
	case ti.kind == tString && n.kind == kString:
		v.SetString(d.str(i))
	case ti.kind == tBool && (n.kind == kTrue || n.kind == kFalse):
		v.SetBool(n.kind == kTrue)
	case (ti.kind == tInt || ti.kind == tUint) && n.kind == kNumber:
		x, ok := d.integer(i, ti)
		if !ok {
			return false
		}
		if ti.kind == tInt {
			v.SetInt(x)
		} else {
			v.SetUint(uint64(x))
		}
	case ti.kind == tFloat && n.kind == kNumber:
		lit := string(d.lit(i))
		f, err := strconv.ParseFloat(lit, ti.t.Bits())
		if err != nil {
			if d.full() {
				return false
			}
			d.fail(codeInvalidValue, i, map[string]any{"value": lit, "reason": err.Error(), "cause": err},
				fmt.Sprintf("number %s does not fit %s", lit, ti.t))
			return false
		}
		v.SetFloat(f)
	case ti.kind == tPtr:
		if !v.IsNil() {
			return d.decode(i, ti.elem, v.Elem())
		}
		p := reflect.New(ti.elem.t)
		if !d.decode(i, ti.elem, p.Elem()) {
			return false
		}
		v.Set(p)
	case ti.kind == tSlice && n.kind == kArray:
		s := reflect.MakeSlice(ti.t, d.count(i), d.count(i))
		for k, j := 0, i+1; k < s.Len(); k, j = k+1, d.next(j) {
			d.path = append(d.path, step{index: k})
			d.decode(j, ti.elem, s.Index(k))
			d.path = d.path[:len(d.path)-1]
		}
		v.Set(s)
	case ti.kind == tMap && n.kind == kObject:
		m := reflect.MakeMapWithSize(ti.t, d.count(i))
		key := reflect.New(ti.t.Key()).Elem()
		elem := reflect.New(ti.elem.t).Elem()
		for j := i + 1; j < d.next(i); j = d.next(j + 1) {
			if d.tape[j].dup {
				continue
			}
			elem.SetZero()
			if d.member(j, ti.elem, elem) {
				key.SetString(d.str(j))
				m.SetMapIndex(key, elem)
			}
		}
		v.Set(m)
	case ti.kind == tStruct && n.kind == kObject:
		for j := i + 1; j < d.next(i); j = d.next(j + 1) {
			if d.tape[j].dup {
				continue
			}
			f, ok := ti.fields[string(d.name(j))]
			if !ok {
				d.unknownField(j, ti)
				continue
			}
			d.member(j, f.info, v.Field(f.index))
		}
	default:
		return d.wrongType(i, ti)
	}
	return true
}

// member decodes the value of the member whose name is node j.
func (d *decoder) member(j int, ti *typeInfo, v reflect.Value) bool {
	d.path = append(d.path, step{key: j})
	ok := d.decode(j+1, ti, v)
	d.path = d.path[:len(d.path)-1]
	return ok
}

// name returns the decoded name of key node j, valid until the next call.
func (d *decoder) name(j int) []byte {
	if !d.tape[j].esc {
		return d.raw(j)
	}
	d.buf = unescape(d.buf[:0], d.raw(j))
	return d.buf
}

func (d *decoder) decodeText(i int, ti *typeInfo, v reflect.Value) bool {
	if d.tape[i].kind != kString {
		return d.wrongType(i, ti)
	}
	d.buf = d.text(d.buf[:0], i)
	p := reflect.New(ti.t)
	if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText(d.buf); err != nil {
		if d.full() {
			return false
		}
		s := string(d.buf)
		d.fail(codeInvalidValue, i, map[string]any{"value": s, "reason": err.Error(), "cause": err},
			fmt.Sprintf("invalid value %q: %v", s, err))
		return false
	}
	v.Set(p.Elem())
	return true
}

// integer returns the value of number node i if it is an integer in the
// range of ti.
func (d *decoder) integer(i int, ti *typeInfo) (int64, bool) {
	lit := d.lit(i)
	abs, neg, res := parseInteger(lit)
	x := int64(abs)
	if neg {
		x = -x
	}
	switch {
	case res == intOK && ti.min <= x && x <= ti.max:
		return x, true
	case d.full():
	case res == intFraction:
		d.fail(codeNotInteger, i, map[string]any{"value": string(lit)},
			fmt.Sprintf("number %s is not an integer", lit))
	default:
		d.fail(codeIntegerOutOfRange, i, map[string]any{"value": string(lit), "min": ti.min, "max": ti.max},
			fmt.Sprintf("integer %s is out of range [%d, %d]", lit, ti.min, ti.max))
	}
	return 0, false
}

func (d *decoder) wrongType(i int, ti *typeInfo) bool {
	if d.full() {
		return false
	}
	found := d.tape[i].kind.name()
	d.fail(codeWrongType, i, map[string]any{"expected": ti.expected, "found": found},
		"expected "+ti.expected+", found "+found)
	return false
}

// unknownField reports member j (a key node) of an object decoded into ti.
func (d *decoder) unknownField(j int, ti *typeInfo) {
	if d.full() {
		return
	}
	name := d.str(j)
	d.path = append(d.path, step{key: j})
	d.fail(codeUnknownField, j, map[string]any{"field": name, "allowed": slices.Clone(ti.names)},
		fmt.Sprintf("unknown field %q", name))
	d.path = d.path[:len(d.path)-1]
}

// full reports whether no more errors are to be collected. Callers check
// it before they build an error.
// When it is full, it counts the error its caller will not build.
func (d *decoder) full() bool {
	if len(d.errs) >= d.maxErrors {
		d.dropped++
		return true
	}
	return false
}

// fail records an error about the value at d.path, placed at node at.
func (d *decoder) fail(code string, at int, params map[string]any, detail string) {
	var ptr []byte
	for _, s := range d.path {
		if s.key > 0 {
			ptr = appendToken(ptr, d.str(s.key))
		} else {
			ptr = appendIndex(ptr, s.index)
		}
	}
	d.errs = append(d.errs, newError(code, d.off(at), string(ptr), params, detail))
}

// any returns the value of node i as encoding/json decodes it into an
// empty interface with UseNumber.
func (d *decoder) any(i int) any {
	switch d.tape[i].kind {
	case kString:
		return d.str(i)
	case kNumber:
		return json.Number(d.lit(i))
	case kTrue:
		return true
	case kFalse:
		return false
	case kObject:
		m := make(map[string]any, d.count(i))
		for j := i + 1; j < d.next(i); j = d.next(j + 1) {
			if !d.tape[j].dup {
				m[d.str(j)] = d.any(j + 1)
			}
		}
		return m
	case kArray:
		a := make([]any, d.count(i))
		for k, j := 0, i+1; k < len(a); k, j = k+1, d.next(j) {
			a[k] = d.any(j)
		}
		return a
	}
	return nil
}
