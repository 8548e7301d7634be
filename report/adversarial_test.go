package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/decode"
	"github.com/kh164/kh164/plan"
)

// adversarial returns a report of about size bytes (never more) built to
// make checking expensive, of one kind:
//
//	unknown_codes  a valid report whose indicators hold thousands of unknown codes
//	many_keys      thousands of small unknown members at the top level
//	deep_arrays    tasks that are arrays nested to just under the depth limit
//	long_strings   a difficulties text as long as the input allows
//	many_tasks     tens of thousands of empty tasks
//	bad_tasks      as many tasks as allowed, each with every problem it can have (small)
//	many_lines     a valid report padded with newlines, with a problem at the end
func adversarial(tb testing.TB, kind string, size int) []byte {
	tb.Helper()
	valid, err := json.Marshal(buildReport(tb, Default(), "so-y-te", mustDate("2026-11-15"), plan.Annual, 2026))
	if err != nil {
		tb.Fatal(err)
	}
	// base is the valid report without the member the kind replaces.
	var members map[string]json.RawMessage
	if err := json.Unmarshal(valid, &members); err != nil {
		tb.Fatal(err)
	}
	delete(members, map[string]string{"unknown_codes": "indicators", "deep_arrays": "tasks", "many_tasks": "tasks", "bad_tasks": "tasks", "long_strings": "difficulties"}[kind])
	base, err := json.Marshal(members)
	if err != nil {
		tb.Fatal(err)
	}
	// fill inserts members built by item(k) as the first members of the
	// top-level object, until the input reaches size.
	fill := func(prefix, sep, suffix string, item func(k int) string) []byte {
		var b bytes.Buffer
		b.WriteString(prefix)
		for k := 0; ; k++ {
			it := item(k)
			if b.Len()+len(it)+len(sep)+len(suffix)+len(base) > size {
				break
			}
			if k > 0 {
				b.WriteString(sep)
			}
			b.WriteString(it)
		}
		b.WriteString(suffix)
		return b.Bytes()
	}
	switch kind {
	case "unknown_codes":
		m := fill(`{"indicators":{`, ",", `},`, func(k int) string { return fmt.Sprintf(`"zz%06d":1`, k) })
		return append(m, base[1:]...)
	case "many_keys":
		m := fill(`{`, ",", `,`, func(k int) string { return fmt.Sprintf(`"k%d":0`, k) })
		return append(m, base[1:]...)
	case "deep_arrays":
		deep := strings.Repeat("[", 30) + strings.Repeat("]", 30)
		m := fill(`{"tasks":[`, ",", `],`, func(int) string { return deep })
		return append(m, base[1:]...)
	case "long_strings":
		m := fill(`{"difficulties":"`, "", `",`, func(int) string { return "Khó khăn về kinh phí. " })
		return append(m, base[1:]...)
	case "many_tasks":
		m := fill(`{"tasks":[`, ",", `],`, func(int) string { return `{}` })
		return append(m, base[1:]...)
	case "bad_tasks":
		// As many task items as a report may hold, each with as many
		// problems as it can have: far more than diag.MaxIssues issues
		// from validation, in a small input.
		item := `{"task":"III.99.%d","status":"done","results":" x\u0007 ","activities":["a","b","c","d","e","f","g"]}`
		m := fill(`{"tasks":[`, ",", `],`, func(k int) string {
			if k >= len(plan.Tasks()) {
				return strings.Repeat(" ", size)
			}
			return fmt.Sprintf(item, k)
		})
		return append(m, base[1:]...)
	case "many_lines":
		pad := bytes.Repeat([]byte("\n"), size-len(base)-len(`,"x":0`)-1)
		out := append(bytes.Clone(base[:len(base)-1]), pad...)
		return append(out, `,"x":0}`...)
	}
	tb.Fatalf("unknown kind %q", kind)
	return nil
}

var adversarialKinds = []string{"unknown_codes", "many_keys", "deep_arrays", "long_strings", "many_tasks", "bad_tasks", "many_lines"}

// BenchmarkAdversarial checks 1 MiB reports built to be expensive, and
// prints the time per KB (of the fastest run: the machine is shared), the
// fastest and slowest times,, the memory allocated by one
// check in all (MB-alloc) and the peak of the heap in use above what it
// was before (MB-peak, sampled every 200 µs). The target is at most
// 100 ms and 64 MB per report.
//
//	go test ./report -run '^$' -bench Adversarial -benchtime 5x
func BenchmarkAdversarial(b *testing.B) {
	c := Default()
	for _, kind := range adversarialKinds {
		data := adversarial(b, kind, defaultMaxBytes)
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var worst, best time.Duration
			var alloc, peak uint64
			var issues int
			for b.Loop() {
				runtime.GC()
				start := time.Now()
				_, err := c.Parse("", data)
				d := time.Since(start)
				worst = max(worst, d)
				if best == 0 || d < best {
					best = d
				}
				issues = issueCount(err)
				runtime.GC()
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				// Peak: the heap in use, sampled while the same check runs
				// again (the collector on, as in production).
				stop, sampled := make(chan struct{}), make(chan uint64)
				go func() {
					var hi uint64
					s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
					for {
						metrics.Read(s)
						hi = max(hi, s[0].Value.Uint64())
						select {
						case <-stop:
							sampled <- hi
							return
						case <-time.After(200 * time.Microsecond):
						}
					}
				}()
				c.Parse("", data)
				close(stop)
				hi := <-sampled
				runtime.ReadMemStats(&m1)
				alloc = max(alloc, m1.TotalAlloc-m0.TotalAlloc)
				peak = max(peak, hi-min(hi, m0.HeapAlloc))
			}
			b.ReportMetric(float64(best.Microseconds())/float64(len(data)/1024), "µs/KB")
			b.ReportMetric(float64(best.Microseconds())/1000, "ms-best")
			b.ReportMetric(float64(worst.Microseconds())/1000, "ms-worst")
			b.ReportMetric(float64(alloc)/(1<<20), "MB-alloc")
			b.ReportMetric(float64(peak)/(1<<20), "MB-peak")
			b.ReportMetric(float64(issues), "issues")
		})
	}
}

func issueCount(err error) int {
	l, ok := err.(diag.List)
	if !ok {
		return 0
	}
	return len(l)
}

// work checks data as Parse does and returns its issues and a count of
// the operations the check made: the nodes and bytes visited to place
// issues, the issues built, and the memory allocations.
func work(t *testing.T, c *Checker, data []byte) (diag.List, int) {
	t.Helper()
	var l diag.List
	var src *decode.Source
	var built int
	allocs := testing.AllocsPerRun(1, func() {
		var r Report
		var errs diag.List
		src, errs = decode.Strict("", data, &r, c.maxBytes)
		if errs != nil {
			l = errs
			return
		}
		Normalize(&r)
		var more int
		l, more = c.validateAt(&r, plan.Date{}, src.Offset)
		built = len(l)
		if l != nil {
			l = c.capped(src, l, more)
		}
	})
	return l, src.Work() + built + int(allocs)
}

// TestAdversarialIsCappedAndLinear checks that no adversarial report
// gets more than diag.MaxIssues issues plus the one counting the others,
// that issues come in input order, and that doubling the input at most
// doubles the work (counted operations, not time).
func TestAdversarialIsCappedAndLinear(t *testing.T) {
	c := Default()
	for _, kind := range adversarialKinds {
		t.Run(kind, func(t *testing.T) {
			l1, w1 := work(t, c, adversarial(t, kind, 256<<10))
			l2, w2 := work(t, c, adversarial(t, kind, 512<<10))
			for _, l := range []diag.List{l1, l2} {
				if len(l) == 0 || len(l) > diag.MaxIssues+1 {
					t.Fatalf("%d issues", len(l))
				}
				if len(l) == diag.MaxIssues+1 {
					last := l[len(l)-1]
					if last.Code != diag.TooManyIssues || last.Params["more"].(int) < 1 || last.Params["shown"] != diag.MaxIssues {
						t.Fatalf("the last of %d issues is %+v", len(l), last)
					}
				}
				for i := 1; i < len(l); i++ {
					if l[i].Line < l[i-1].Line || l[i].Line == l[i-1].Line && l[i].Column < l[i-1].Column {
						t.Fatalf("issues out of order: %s before %s", l[i-1].Place(), l[i].Place())
					}
				}
			}
			t.Logf("%s: work %d at 256 KiB, %d at 512 KiB (×%.2f); %d issues", kind, w1, w2, float64(w2)/float64(w1), len(l2))
			if w2 > 2*w1+64 {
				t.Errorf("doubling the input multiplied the work by %.2f: %d, then %d", float64(w2)/float64(w1), w1, w2)
			}
		})
	}
}
