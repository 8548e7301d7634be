package form

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// TestRoundTrip shows every valid report of the corpus in the form laid
// out for it and builds the report back: nothing is lost or changed, in
// either language.
func TestRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../../../report/testdata/valid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		r, err := report.Default().Parse(file, data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		f, err := New(Config{Body: r.Body, Period: r.Period.Plan(), Date: r.ReportDate})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if l := f.Fits(r); l != nil {
			t.Errorf("%s: does not fit its form: %v", file, l)
			continue
		}
		for _, l := range []diag.Lang{diag.VI, diag.EN} {
			v := f.FromReport(r, l)
			back, issues := f.Report(v)
			if issues != nil {
				t.Errorf("%s: %v", file, issues)
			}
			want, _ := json.Marshal(r)
			got, _ := json.Marshal(back)
			if string(want) != string(got) {
				t.Errorf("%s (%s): round trip\n got %s\nwant %s", file, l, got, want)
			}
			for k := range v {
				if !f.Shown(k, v) {
					t.Errorf("%s: field %s holds %q but is hidden", file, k, v[k])
				}
			}
		}
	}
}
