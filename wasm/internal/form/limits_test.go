package form

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Every counter of the form counts down from the limit of the field's own
// validate tag, as the checker applies it: a value of MaxChars characters
// passes, one more is too_long with that max. Changing a limit in report
// alone fails here if the form would not follow.
func TestLimitsAreTheReports(t *testing.T) {
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	f, err := New(Config{Body: "so-y-te", Period: p, Date: plan.D(2026, 11, 15)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := sample.ReportAt(plan.Default(), "so-y-te", p, plan.D(2026, 11, 15))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := json.Marshal(r)
	checked := 0
	for _, fd := range f.Fields() {
		if fd.MaxChars == 0 {
			continue
		}
		ptr := ""
		for p, k := range f.ptr { // the field's own member, the longest pointer to it
			if k == fd.Key && len(p) > len(ptr) {
				ptr = p
			}
		}
		for _, n := range []int{fd.MaxChars, fd.MaxChars + 1} {
			var doc map[string]any
			json.Unmarshal(base, &doc)
			set(t, doc, ptr, strings.Repeat("a", n-1)+"b")
			data, _ := json.Marshal(doc)
			_, err := report.Parse(data)
			var l diag.List
			if err != nil && !errors.As(err, &l) {
				t.Fatal(err)
			}
			tooLong := false
			for _, is := range l {
				if is.Path == ptr && is.Code == diag.TooLong {
					tooLong = true
					if is.Params["max"] != fd.MaxChars {
						t.Errorf("field %s (%s): the form counts from %d, the report's limit is %v", fd.Key, ptr, fd.MaxChars, is.Params["max"])
					}
				}
			}
			if tooLong != (n > fd.MaxChars) {
				t.Errorf("field %s (%s): %d characters: too_long %v, the form allows %d", fd.Key, ptr, n, tooLong, fd.MaxChars)
			}
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("only %d fields with a limit checked", checked)
	}
}

// set puts v at JSON Pointer ptr of doc, creating the last member.
func set(t *testing.T, doc map[string]any, ptr, v string) {
	t.Helper()
	toks := strings.Split(ptr, "/")[1:]
	var cur any = doc
	for i, tok := range toks {
		last := i == len(toks)-1
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[tok] = v
				return
			}
			cur = c[tok]
		case []any:
			k, _ := strconv.Atoi(tok)
			if last {
				c[k] = v
				return
			}
			cur = c[k]
		default:
			t.Fatalf("cannot set %s", ptr)
		}
	}
}
