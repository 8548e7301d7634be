package document_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// BenchmarkCompileDocx compiles 150 annual-2026 reports (the 141 bodies
// that must report, nine of them twice) into the compiled report's .docx,
// parsing and validating included, and prints the time (goal: under 1 s).
func BenchmarkCompileDocx(b *testing.B) {
	reg := plan.Default()
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	bodies := reg.Expected(p)
	var in []report.Input
	for i := 0; len(in) < 150; i++ {
		body := bodies[i%len(bodies)]
		due, _ := reg.Due(body.ID, p)
		on := due.AddDays(-1 - i/len(bodies))
		r, err := report.ExampleAt(reg, body.ID, p, on)
		if err != nil {
			b.Fatal(err)
		}
		at := time.Date(on.Year, on.Month, on.Day, 8, i%60, 0, 0, plan.Hanoi)
		in = append(in, report.Input{Name: fmt.Sprint(i), Data: encode(b, r), Received: at})
	}
	var size int
	b.ResetTimer()
	for b.Loop() {
		c := report.Compile(report.Default(), p, plan.D(2026, 12, 20), in)
		if len(c.Rejected) > 0 {
			b.Fatal(c.Rejected[0].Issues)
		}
		var out bytes.Buffer
		if err := document.Compiled(c, reg, document.Blanks{}).WriteDocx(&out); err != nil {
			b.Fatal(err)
		}
		size = out.Len()
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per.Milliseconds()), "ms/compilation")
	b.ReportMetric(float64(size), "docx-bytes")
	fmt.Printf("150 reports → compiled .docx: %v per run, %d bytes (goal < 1 s)\n", per.Round(time.Millisecond), size)
}
