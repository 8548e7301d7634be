package plan_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

var symbolRE = regexp.MustCompile(plan.SymbolPattern)

// FuzzParseSymbol checks that the parser never panics, that it accepts
// exactly what SymbolPattern (the rule published in JSON Schema) accepts,
// and that what it accepts formats back to itself.
func FuzzParseSymbol(f *testing.F) {
	for _, s := range []string{"164/KH-UBND", "44-KL/TW", "11/2008/QH12", "07/2014/TT-BGDĐT", "0/KH", "1656/NQ-UBTVQH15", "12/1944/QĐ", "7/KH-UBND", "164 /KH-UBND", "Đ/Đ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := plan.ParseSymbol(in)
		if (err == nil) != symbolRE.MatchString(in) {
			t.Fatalf("ParseSymbol(%q) error %v, but the pattern says %v", in, err, symbolRE.MatchString(in))
		}
		if err == nil && s.String() != in {
			t.Fatalf("ParseSymbol(%q) formats as %q", in, s)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-18", "2024-02-29", "2023-02-29", "0000-01-01", "9999-12-31", "2026-1-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := plan.ParseDate(in)
		if err == nil && d.String() != in {
			t.Fatalf("ParseDate(%q) = %v", in, d)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"annual-2026", "half-year-2024", "annual--1", "half-year-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := plan.ParsePeriod(in)
		var l diag.List
		if err != nil && (!errors.As(err, &l) || len(l) != 1 || l[0].Code != diag.InvalidPeriod) {
			t.Fatalf("ParsePeriod(%q): %v is not one invalid_period issue", in, err)
		}
		if err == nil && p.String() != in {
			if q, err := plan.ParsePeriod(p.String()); err != nil || q != p {
				t.Fatalf("ParsePeriod(%q) = %v does not round-trip", in, p)
			}
		}
	})
}

// FuzzParseUnits checks that no input panics and that accepted units
// always make a registry.
func FuzzParseUnits(f *testing.F) {
	f.Add([]byte(`{"units": [{"code": "phuong-ba-dinh", "name": "UBND phường Ba Đình", "group": 12, "from": "2025-07-01"}]}`))
	f.Add([]byte(`{"units": []}`))
	f.Add([]byte(`{"units": [{"code": "a", "code": "b"}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, in []byte) {
		units, err := plan.ParseUnits("f.json", in)
		if err != nil {
			return
		}
		if _, err := plan.Default().WithUnits(units...); err != nil {
			t.Fatalf("parsed units do not make a registry: %v", err)
		}
	})
}
