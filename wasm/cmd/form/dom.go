//go:build js && wasm

package main

import (
	"fmt"

	"github.com/hack-pad/safejs"

	"github.com/kh164/kh164/wasm/internal/form"
)

// dom performs a series of DOM operations and keeps the first error: after
// one, the others do nothing, and the caller checks err once at the end.
type dom struct {
	doc safejs.Value
	err error
}

func newDOM() *dom {
	d := &dom{}
	d.doc = d.get(safejs.Global(), "document")
	return d
}

func (d *dom) fail(op string, err error) {
	if d.err == nil && err != nil {
		d.err = fmt.Errorf("%s: %w", op, err)
	}
}

func (d *dom) call(v safejs.Value, method string, args ...any) safejs.Value {
	if d.err != nil {
		return safejs.Undefined()
	}
	r, err := v.Call(method, args...)
	d.fail(method, err)
	return r
}

func (d *dom) get(v safejs.Value, prop string) safejs.Value {
	if d.err != nil {
		return safejs.Undefined()
	}
	r, err := v.Get(prop)
	d.fail("get "+prop, err)
	return r
}

func (d *dom) set(v safejs.Value, prop string, x any) {
	if d.err == nil {
		d.fail("set "+prop, v.Set(prop, x))
	}
}

func (d *dom) str(v safejs.Value, prop string) string {
	x := d.get(v, prop)
	if d.err != nil || x.IsUndefined() || x.IsNull() {
		return ""
	}
	s, err := x.String()
	d.fail("string "+prop, err)
	return s
}

// truthy is the truth of property prop of v.
func (d *dom) truthy(v safejs.Value, prop string) bool {
	x := d.get(v, prop)
	if d.err != nil {
		return false
	}
	b, err := x.Truthy()
	d.fail("truthy "+prop, err)
	return b
}

// attr sets attribute name, or removes it when value is nil.
func (d *dom) attr(v safejs.Value, name string, value *string) {
	if value == nil {
		d.call(v, "removeAttribute", name)
	} else {
		d.call(v, "setAttribute", name, *value)
	}
}

// build creates the DOM nodes of n and records every element with an id in
// ids. Text is set with createTextNode or textContent, never parsed.
func (d *dom) build(n *form.Node, ids map[string]safejs.Value) safejs.Value {
	if n.Tag == "" {
		return d.call(d.doc, "createTextNode", n.Text)
	}
	e := d.call(d.doc, "createElement", n.Tag)
	for i := 0; i+1 < len(n.Attrs); i += 2 {
		d.call(e, "setAttribute", n.Attrs[i], n.Attrs[i+1])
		if n.Attrs[i] == "id" && ids != nil {
			ids[n.Attrs[i+1]] = e
		}
	}
	if n.Text != "" {
		d.set(e, "textContent", n.Text)
	}
	for _, k := range n.Kids {
		d.call(e, "appendChild", d.build(k, ids))
	}
	return e
}

// replace puts the view n (nil: nothing) in place of the children of slot.
func (d *dom) replace(slot safejs.Value, n *form.Node, ids map[string]safejs.Value) {
	if n == nil {
		d.call(slot, "replaceChildren")
		return
	}
	d.call(slot, "replaceChildren", d.build(n, ids))
}
