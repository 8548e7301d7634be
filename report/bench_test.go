package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kh164/kh164/plan"
)

// benchCity is the City Red Cross's annual report: 6 tasks whose results
// are about 1,500 characters of Vietnamese each, and all 24 indicators.
func benchCity(tb testing.TB) *Report {
	r := buildReport(tb, Default(), "hoi-ctd", mustDate("2026-12-10"), plan.Annual, 2026)
	for i := range r.Tasks {
		var b strings.Builder
		for g := 1; utf8.RuneCountInString(b.String()) < 1500; g++ {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, resultsByGroup[(i+g)%12+1], r.Tasks[i].Task)
		}
		r.Tasks[i].Results = b.String()
	}
	r.Indicators = map[string]int64{}
	for k, in := range plan.Indicators() {
		r.Indicators[in.Code] = in.Max / int64(k+2)
	}
	return r
}

// benchDistrict is a district's annual report for 2024: 3 tasks.
func benchDistrict(tb testing.TB) *Report {
	return buildReport(tb, Default(), "quan-ba-dinh", mustDate("2024-11-15"), plan.Annual, 2024)
}

func BenchmarkParseValidate(b *testing.B) {
	for _, bb := range []struct {
		name  string
		build func(testing.TB) *Report
	}{{"city", benchCity}, {"district", benchDistrict}} {
		data, err := json.Marshal(bb.build(b))
		if err != nil {
			b.Fatal(err)
		}
		c := Default()
		if _, err := c.Parse("", data); err != nil {
			b.Fatalf("%s: %v", bb.name, err)
		}
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Parse("", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidate is the validation alone, on a report built in Go.
func BenchmarkValidate(b *testing.B) {
	r := benchCity(b)
	c := Default()
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateInvalid is the cost of a report with a dozen issues.
func BenchmarkValidateInvalid(b *testing.B) {
	r := benchDistrict(b)
	r.Tasks = append(r.Tasks, r.Tasks[0], TaskResult{Task: "III.6.1", Status: "x"})
	r.Tasks[1].Results = " x"
	r.Indicators["nope"], r.Indicators["blood_units"] = 1, -1
	r.PreparedBy.Phone, r.SignedBy.Name, r.Period.Kind = "1", "", plan.HalfYear
	c := Default()
	b.ReportAllocs()
	for b.Loop() {
		if c.Validate(r) == nil {
			b.Fatal("valid")
		}
	}
}
