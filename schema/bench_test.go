package schema

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// benchInput is a full city report (the City Red Cross's annual report,
// sample.Report) and the general schema, compiled.
func benchInput(b *testing.B) ([]byte, *jsonschema.Schema) {
	b.Helper()
	reg := plan.Default()
	r, err := sample.Report(reg, "hoi-ctd", plan.Period{Kind: plan.Annual, Year: 2026})
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	text, err := Report(reg, diag.VI)
	if err != nil {
		b.Fatal(err)
	}
	return data, compile(b, text)
}

// BenchmarkGoParseValidate: strict decoding, NFC normalisation, tag and
// plan rules (report.Checker.Parse).
func BenchmarkGoParseValidate(b *testing.B) {
	data, _ := benchInput(b)
	c := report.Default()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Parse("bench.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSanthoshValidate: parsing the same bytes and validating them
// against the general schema with santhosh-tekuri/jsonschema/v6.
func BenchmarkSanthoshValidate(b *testing.B) {
	data, s := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRatio times both on the same bytes in one loop, alternating,
// and reports ns(Go)/ns(santhosh) as go/santhosh: below 1, the Go checker
// is the faster. (testing.Benchmark cannot be called from a running
// benchmark: it waits for the lock the running one holds.)
func BenchmarkRatio(b *testing.B) {
	data, s := benchInput(b)
	c := report.Default()
	var goNs, sNs time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := c.Parse("bench.json", data); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err == nil {
			err = s.Validate(v)
		}
		if err != nil {
			b.Fatal(err)
		}
		goNs += t1.Sub(t0)
		sNs += time.Since(t1)
	}
	b.ReportMetric(float64(goNs.Nanoseconds())/float64(b.N), "go-ns/op")
	b.ReportMetric(float64(sNs.Nanoseconds())/float64(b.N), "santhosh-ns/op")
	b.ReportMetric(float64(goNs)/float64(sNs), "go/santhosh")
}
