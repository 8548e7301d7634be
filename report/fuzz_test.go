package report

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// FuzzParse: no input makes Parse panic; its issues are complete; a report
// it accepts validates, and survives json.Marshal and Parse unchanged.
// The seeds are in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Default().Parse("f.json", data)
		if err != nil {
			var l diag.List
			if !errors.As(err, &l) || len(l) == 0 || r != nil {
				t.Fatalf("Parse: report %v, error %T %v", r != nil, err, err)
			}
			for _, is := range l {
				if is.File != "f.json" || is.Line < 1 || is.Column < 1 {
					t.Errorf("%s %s: not placed: %s:%d:%d", is.Path, is.Code, is.File, is.Line, is.Column)
				}
				checkMessages(t, is)
			}
			return
		}
		if err := Validate(r); err != nil {
			t.Fatalf("Validate after Parse: %v", err)
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(r)): %v\n%s", err, out)
		}
		if a, b := canonical(r), canonical(again); !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip changed the report:\n%+v\n%+v", a, b)
		}
	})
}

// canonical makes empty lists and maps nil: omitempty drops them, so they
// do not survive a round trip, and mean the same.
func canonical(r *Report) *Report {
	c := clone(r)
	if len(c.Indicators) == 0 {
		c.Indicators = nil
	}
	for i := range c.Tasks {
		if len(c.Tasks[i].Activities) == 0 {
			c.Tasks[i].Activities = nil
		}
	}
	return c
}

// fuzzEdits change one part of a valid report to s or n.
var fuzzEdits = []func(r *Report, s string, n int64){
	func(r *Report, s string, n int64) { r.SchemaVersion = int(n) },
	func(r *Report, s string, _ int64) { r.Plan = s },
	func(r *Report, s string, _ int64) { r.Body = s },
	func(r *Report, s string, _ int64) { r.Period.Kind = plan.PeriodKind(s) },
	func(r *Report, _ string, n int64) { r.Period.Year = int(n) },
	func(r *Report, _ string, n int64) { r.ReportDate = fuzzDate(n) },
	func(r *Report, _ string, n int64) { r.DataCutoff = refTo(fuzzDate(n)) },
	func(r *Report, s string, _ int64) { r.Reference = s },
	func(r *Report, s string, n int64) { item(r, n).Task = s },
	func(r *Report, s string, n int64) { item(r, n).Status = Status(s) },
	func(r *Report, s string, n int64) { item(r, n).Results = s },
	func(r *Report, s string, n int64) { t := item(r, n); t.Status, t.Results, t.Reason = NotStarted, "", s },
	func(r *Report, s string, n int64) {
		t := item(r, n)
		t.Activities = append(t.Activities, strings.Split(s, ",")...)
	},
	func(r *Report, s string, _ int64) {
		r.Tasks = append(r.Tasks, TaskResult{Task: s, Status: InProgress, Results: s})
	},
	func(r *Report, _ string, n int64) {
		r.Tasks = append(r.Tasks, r.Tasks[:min(int(uint64(n)%4), len(r.Tasks))]...)
	},
	func(r *Report, _ string, n int64) { r.Tasks = r.Tasks[:int(uint64(n)%uint64(len(r.Tasks)+1))] },
	func(r *Report, s string, n int64) { r.Indicators[s] = n },
	func(r *Report, _ string, n int64) {
		r.Indicators[plan.Indicators()[uint64(n)%uint64(len(plan.Indicators()))].Code] = n
	},
	func(r *Report, s string, _ int64) { r.Difficulties = s },
	func(r *Report, s string, _ int64) { r.Proposals = s },
	func(r *Report, s string, _ int64) { r.PreparedBy.Name = s },
	func(r *Report, s string, _ int64) { r.PreparedBy.Position = s },
	func(r *Report, s string, _ int64) { r.PreparedBy.Phone = s },
	func(r *Report, s string, _ int64) { r.PreparedBy.Email = s },
	func(r *Report, s string, _ int64) { r.SignedBy.Name = s },
	func(r *Report, s string, _ int64) { r.SignedBy.Position = s },
	func(r *Report, _ string, n int64) { // another body, on a date near the window
		bodies := Default().Registry().Bodies()
		r.Body = bodies[uint64(n)%uint64(len(bodies))].ID
		r.ReportDate = plan.D(2023, time.June, 5).AddDays(int(uint64(n) % 2000))
		r.Period.Year = r.ReportDate.Year
	},
}

// item is one of r's task items, chosen by n; it adds one if there is none.
func item(r *Report, n int64) *TaskResult {
	if len(r.Tasks) == 0 {
		r.Tasks = append(r.Tasks, TaskResult{})
	}
	return &r.Tasks[uint64(n)%uint64(len(r.Tasks))]
}

// fuzzDate is any date, valid or not, near the plan's years or far off.
func fuzzDate(n int64) plan.Date {
	if n >= 0 && n < 1<<16 {
		return plan.D(2023, time.January, 1).AddDays(int(n) % 2000)
	}
	return plan.Date{Year: int(n >> 16), Month: time.Month(n >> 8 & 0xff), Day: int(n & 0xff)}
}

// FuzzValidate edits one or two parts of a valid report: Validate must not
// panic nor change the report, and every issue must be complete.
func FuzzValidate(f *testing.F) {
	for i := range fuzzEdits {
		f.Add(uint8(i), "", int64(0))
	}
	for _, s := range []string{"III.2.1", "so-noi-vu", " Kết quả", "relief,relief,bad", "Nguyễn\tA", "a/b~c", "half-year", "\u0301ế"} {
		f.Add(uint8(200), s, int64(100_000_001))
	}
	f.Fuzz(func(t *testing.T, edit uint8, s string, n int64) {
		r := health(t)
		fuzzEdits[int(edit)%len(fuzzEdits)](r, s, n)
		if edit >= 128 {
			fuzzEdits[int(edit/7)%len(fuzzEdits)](r, s, n>>3)
		}
		before := canonical(r)
		err := Validate(r)
		if !reflect.DeepEqual(canonical(r), before) {
			t.Fatal("Validate changed the report")
		}
		var l diag.List
		if err != nil && !errors.As(err, &l) {
			t.Fatalf("error %T: %v", err, err)
		}
		for _, is := range l {
			if is.Path != "" && !strings.HasPrefix(is.Path, "/") {
				t.Errorf("%q is not a JSON Pointer", is.Path)
			}
			if is.Line != 0 || is.File != "" {
				t.Errorf("%s: Validate placed an issue", is.Path)
			}
			checkMessages(t, is)
		}
	})
}
