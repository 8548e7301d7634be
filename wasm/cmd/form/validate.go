//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/hack-pad/safejs"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/internal/form"
)

// validateJS is validate(bytes[, units]) for a host without a DOM (the
// npm package's Node entry): it parses and validates the report in bytes
// (a Uint8Array, exactly as received) as the portal does, with the
// commune-level units of the units file text units if given, and returns
// form.Checked as JSON, or {error} when the call itself is wrong. It
// touches no document.
func validateJS(_ safejs.Value, args []safejs.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]any{"error": fmt.Sprint("kh164 validate: panic: ", r)}
		}
	}()
	res, err := validate(args)
	if err != nil {
		msg := err.Error()
		var l diag.List
		if errors.As(err, &l) && len(l) > 0 {
			msg = l[0].Format(diag.EN)
		}
		return map[string]any{"error": msg}
	}
	return jsonString(res)
}

func validate(args []safejs.Value) (form.Checked, error) {
	if len(args) < 1 {
		return form.Checked{}, errors.New("validate needs the report's bytes (a Uint8Array)")
	}
	n, err := args[0].Length()
	if err != nil {
		return form.Checked{}, fmt.Errorf("the report: %w", err)
	}
	c := report.Default()
	if len(args) > 1 && !args[1].IsUndefined() && !args[1].IsNull() {
		s, err := args[1].String()
		if err != nil {
			return form.Checked{}, fmt.Errorf("the units: %w", err)
		}
		if c, err = unitsChecker(s); err != nil {
			return form.Checked{}, err
		}
	}
	// Read one byte over the limit at most: the checker says too_large.
	data := make([]byte, min(int64(n), c.MaxBytes()+1, math.MaxInt32))
	if _, err := safejs.CopyBytesToGo(data, args[0]); err != nil {
		return form.Checked{}, fmt.Errorf("the report must be a Uint8Array: %w", err)
	}
	_, err = c.Parse("", data)
	var l diag.List
	if err != nil && !errors.As(err, &l) {
		return form.Checked{}, err
	}
	if l == nil {
		l = diag.List{}
	}
	for _, is := range l {
		if is.Code == diag.TooLarge && int64(n) > int64(len(data)) {
			delete(is.Params, "size") // only a prefix was read, as ParseReader says
		}
	}
	return form.Checked{Valid: err == nil, Errors: l}, nil
}

// unitsChecker returns the checker of the default registry with the units
// of a units file, keeping the last one made.
var unitsChecker = func() func(string) (*report.Checker, error) {
	var mu sync.Mutex
	var last string
	var lastChecker *report.Checker
	return func(units string) (*report.Checker, error) {
		mu.Lock()
		defer mu.Unlock()
		if lastChecker != nil && units == last {
			return lastChecker, nil
		}
		us, err := plan.ParseUnits("units.json", []byte(units))
		if err != nil {
			return nil, err
		}
		reg, err := plan.Default().WithUnits(us...)
		if err != nil {
			return nil, err
		}
		last, lastChecker = units, report.NewChecker(report.Options{Registry: reg})
		return lastChecker, nil
	}
}()
