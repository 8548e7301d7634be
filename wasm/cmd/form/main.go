//go:build js && wasm

// Command form is the reporting form of Plan 164/KH-UBND compiled to
// WebAssembly. The loader (kh164-form.js) starts it once per page with the
// name of a global callback as its only argument; the program hands that
// callback an object whose mount method renders a form into an element
// and returns the form's controller. One program serves every form of the
// page: the runtime, the plan and the validator are loaded once.
//
// JavaScript is reached only through github.com/hack-pad/safejs, and every
// error it returns is handled: reported to the host as an "error" event,
// or returned to the loader. The layout, the values, the report, the
// checks and the views are package github.com/kh164/kh164/wasm/internal/form; this program only
// turns views into DOM nodes and events into calls.
package main

import (
	"fmt"
	"os"

	"github.com/hack-pad/safejs"

	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/internal/form"
)

func main() {
	if err := start(); err != nil {
		fmt.Fprintln(os.Stderr, "kh164 form:", err)
		os.Exit(1)
	}
	select {} // serve the forms until the page goes away
}

// start hands the loader its API: {mount(element, options, host),
// validate(bytes[, units]), maxBytes, version}. validate needs no DOM.
func start() error {
	if len(os.Args) < 2 {
		return fmt.Errorf("no init callback name: start the program with the loader (kh164-form.js)")
	}
	mount, err := safejs.FuncOf(mountJS)
	if err != nil {
		return err
	}
	check, err := safejs.FuncOf(validateJS)
	if err != nil {
		return err
	}
	api, err := object(map[string]any{"mount": mount.Value(), "validate": check.Value(), "maxBytes": report.Default().MaxBytes(), "version": form.ProtocolVersion})
	if err != nil {
		return err
	}
	cb, err := safejs.Global().Get(os.Args[1])
	if err != nil {
		return err
	}
	_, err = cb.Invoke(api)
	return err
}

// object makes a JavaScript object with the given properties.
func object(props map[string]any) (safejs.Value, error) {
	ctor, err := safejs.Global().Get("Object")
	if err != nil {
		return safejs.Value{}, err
	}
	o, err := ctor.New()
	if err != nil {
		return safejs.Value{}, err
	}
	for k, v := range props {
		if err := o.Set(k, v); err != nil {
			return safejs.Value{}, err
		}
	}
	return o, nil
}
