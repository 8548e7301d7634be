package strictjson

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
)

// Options bound the decoder. Zero (or negative) values mean the defaults.
type Options struct {
	MaxBytes  int64 // default 1 << 20 (1 MiB), at most 1<<31 - 1 (larger values are lowered); longer input is rejected with code "too_large" before parsing
	MaxDepth  int   // default 32: nesting depth of arrays/objects; deeper is "too_deep"
	MaxErrors int   // default 50: collection of non-fatal errors stops after this many
	// Borrow lets the Doc keep data itself instead of a copy: the caller
	// promises not to modify data while it uses the Doc.
	Borrow bool
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 1 << 20
	}
	o.MaxBytes = min(o.MaxBytes, math.MaxInt32)
	if o.MaxDepth <= 0 {
		o.MaxDepth = 32
	}
	if o.MaxErrors <= 0 {
		o.MaxErrors = 50
	}
	return o
}

// Decode parses data strictly and stores the result in v, which must be a
// non-nil pointer to a supported type: Decode panics otherwise, as these
// are programming errors (see the package documentation).
//
// It returns the Doc whenever the input was syntactically valid JSON
// within the limits, even if type errors were found, so that callers can
// place later validation errors; it returns a nil Doc otherwise, and then
// v is untouched. err is nil or Errors.
func Decode(data []byte, v any, opt Options) (*Doc, error) {
	rv, ti := target(v)
	return decode(data, rv, ti, opt.withDefaults(), opt.Borrow)
}

// DecodeReader reads at most MaxBytes+1 bytes from r (so a huge stream is
// never read fully) and decodes them as Decode does. I/O errors are
// returned as is (not Errors).
func DecodeReader(r io.Reader, v any, opt Options) (*Doc, error) {
	rv, ti := target(v)
	opt = opt.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > opt.MaxBytes {
		return nil, Errors{tooLarge(data, opt.MaxBytes, map[string]any{"limit": opt.MaxBytes},
			fmt.Sprintf("input is longer than the limit of %d bytes", opt.MaxBytes))}
	}
	return decode(data, rv, ti, opt, true)
}

func target(v any) (reflect.Value, *typeInfo) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("strictjson: decoding needs a non-nil pointer, not %T", v))
	}
	return rv.Elem(), infoOf(rv.Type().Elem())
}

// decode decodes data into v. owned tells whether data may be kept by
// the Doc rather than copied.
func decode(data []byte, v reflect.Value, ti *typeInfo, opt Options, owned bool) (*Doc, error) {
	if size := int64(len(data)); size > opt.MaxBytes {
		return nil, Errors{tooLarge(data, opt.MaxBytes, map[string]any{"limit": opt.MaxBytes, "size": size},
			fmt.Sprintf("input is %d bytes, over the limit of %d bytes", size, opt.MaxBytes))}
	}
	t, dups, fatal := scan(data, opt)
	if fatal != nil {
		fatal.Pos = walk(data, origin(data), fatal.Pos.Offset)
		return nil, Errors{fatal}
	}
	if !owned {
		t.data = bytes.Clone(data)
	}
	d := decoder{tree: t, maxErrors: opt.MaxErrors}
	d.decode(0, ti, v)
	doc := &Doc{tree: d.tree}
	errs := append(dups, d.errs...)
	if len(errs) == 0 {
		return doc, nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int { return cmp.Compare(a.Pos.Offset, b.Pos.Offset) })
	more := d.dropped + max(0, len(errs)-opt.MaxErrors)
	errs = errs[:min(len(errs), opt.MaxErrors)]
	p := origin(data)
	for _, e := range errs { // in input order, so positions are counted once
		p = walk(data, p, e.Pos.Offset)
		e.Pos = p
	}
	if more > 0 {
		errs = append(errs, &Error{Code: codeTooManyErrors, Pos: p, Params: map[string]any{"more": more, "limit": opt.MaxErrors},
			Detail: fmt.Sprintf("%d more errors not listed", more)})
	}
	return doc, errs
}

// tooLarge returns the too_large error for data, placed at byte limit.
func tooLarge(data []byte, limit int64, params map[string]any, detail string) *Error {
	e := newError(codeTooLarge, int(limit), "", params, detail)
	e.Pos = walk(data, origin(data), int(limit))
	return e
}
