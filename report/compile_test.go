package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// compileScenario is annual-2025 as of 25/11/2025 with the corpus units,
// every file received at 10:00 (Hanoi) on its report date unless said
// otherwise: most bodies on time, one late, one missing, the City Red Cross
// not yet due, three of the 126 commune-level units filed and the others
// missing, one body that filed twice, one report for 2024, a file that is
// not JSON, an invalid report, and a difficulty written with Markdown
// characters.
func compileScenario(t testing.TB) (*report.Checker, plan.Period, plan.Date, []report.Input) {
	reg := unitsRegistry(t)
	p := period(plan.Annual, 2025)
	var inputs []report.Input
	add := func(name string, r *report.Report) {
		at := time.Date(r.ReportDate.Year, r.ReportDate.Month, r.ReportDate.Day, 10, 0, 0, 0, plan.Hanoi)
		inputs = append(inputs, report.Input{Name: name, Data: encode(r), Received: at})
	}
	for _, b := range reg.Expected(p) {
		due, _ := reg.Due(b.ID, p)
		if b.Kind == plan.KindCommune && !sampleCommunes[b.ID] {
			continue // missing
		}
		switch b.ID {
		case "vp-ubnd", "hoi-ctd": // missing, not yet due
		case "so-gddt":
			add(b.ID+".json", exampleAt(t, reg, b.ID, p, due.AddDays(4)))
		case "so-y-te":
			add(b.ID+"-lan-1.json", exampleAt(t, reg, b.ID, p, date(2025, 11, 3)))
			add(b.ID+"-lan-2.json", exampleAt(t, reg, b.ID, p, due.AddDays(-1)))
		case "ldld":
			r, err := report.Example(reg, b.ID, p)
			if err != nil {
				t.Fatal(err)
			}
			r.Difficulties = "Thiếu kinh phí | thiếu cán bộ *chuyên trách*;\n# chưa có phần mềm <b>báo cáo</b> [xem](http://x)\n1. cần hỗ trợ_thêm"
			add(b.ID+".json", r)
		default:
			r, err := report.Example(reg, b.ID, p)
			if err != nil {
				t.Fatal(err)
			}
			add(b.ID+".json", r)
		}
	}
	add("so-y-te-2024.json", exampleAt(t, reg, "so-y-te", period(plan.Annual, 2024), date(2024, 11, 15)))
	inputs = append(inputs, report.Input{Name: "loi-cu-phap.json", Data: []byte("{\"body\": 'so-noi-vu'}\n")})
	bad, err := report.Example(reg, "so-noi-vu", p)
	if err != nil {
		t.Fatal(err)
	}
	bad.Tasks = bad.Tasks[1:]
	bad.PreparedBy.Phone = "091 234 5678"
	add("so-noi-vu-thieu-nhiem-vu.json", bad)
	return report.NewChecker(report.Options{Registry: reg}), p, date(2025, 11, 25), inputs
}

func TestCompileGolden(t *testing.T) {
	c, p, asOf, inputs := compileScenario(t)
	comp := report.Compile(c, p, asOf, inputs)
	var js, md bytes.Buffer
	if err := comp.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := comp.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "compile-annual-2025.json"), js.Bytes())
	checkGolden(t, filepath.Join("testdata", "golden", "compile-annual-2025.md"), md.Bytes())

	s := comp.Summary
	want := report.Summary{Files: len(inputs), Expected: 144, OnTime: 18, Late: 1, Missing: 124, NotYetDue: 1, Rejected: 2, Superseded: 1, OtherPeriod: 1}
	// 17 built-in bodies, 126 communes and 1 unit; vp-ubnd and 123 communes
	// missing, hoi-ctd due on 15/12, so-gddt late.
	if s != want {
		t.Errorf("summary %+v, want %+v", s, want)
	}
	if s.Files != s.OnTime+s.Late+s.Rejected+s.Superseded+s.Extra+s.OtherPeriod {
		t.Errorf("summary %+v does not account for every file", s)
	}
}

func TestCompileStructure(t *testing.T) {
	c, p, asOf, inputs := compileScenario(t)
	comp := report.Compile(c, p, asOf, inputs)

	// Bodies in the plan's order: by primary group, then registry order.
	groups := map[string]int{}
	for i, b := range comp.Bodies {
		groups[b.Body] = b.Group
		if i > 0 && comp.Bodies[i-1].Group > b.Group {
			t.Errorf("%s (group %d) after %s (group %d)", b.Body, b.Group, comp.Bodies[i-1].Body, comp.Bodies[i-1].Group)
		}
	}
	for id, g := range map[string]int{"hoi-ctd": 1, "so-noi-vu": 4, "so-khcn": 3, "vp-ubnd": 8, "bao-hanoimoi": 9, "ban-tgdv": 11, "phuong-ba-dinh": 12} {
		if groups[id] != g {
			t.Errorf("%s is in group %d, want %d", id, groups[id], g)
		}
	}

	// Task counts add up to the expected bodies holding each task.
	held := map[string]int{}
	for _, b := range comp.Bodies {
		for _, t := range b.Tasks {
			held[t.Task]++
		}
	}
	for _, te := range comp.Tasks {
		if n := te.Done + te.InProgress + te.NotStarted + te.NoReport; n != held[te.Task] {
			t.Errorf("%s: %d counted, %d bodies hold it", te.Task, n, held[te.Task])
		}
	}
	if len(comp.Tasks) != len(plan.Tasks()) {
		t.Errorf("%d tasks, want %d", len(comp.Tasks), len(plan.Tasks()))
	}

	// Each body's own value is listed; the communes' subtotal adds theirs.
	values := map[string]int64{}
	for _, in := range inputs {
		r, err := c.Parse(in.Name, in.Data)
		if err != nil || r.Period.Plan() != p || in.Name == "so-y-te-lan-1.json" {
			continue
		}
		if v, ok := r.Indicators["blood_units"]; ok {
			values[r.Body] = v
		}
	}
	for _, f := range comp.Figures {
		if f.Code != "blood_units" {
			continue
		}
		var communes int64
		for _, v := range f.Values {
			if values[v.Body] != v.Value {
				t.Errorf("blood units of %s: %d, want %d", v.Body, v.Value, values[v.Body])
			}
			if sampleCommunes[v.Body] {
				communes += v.Value
			}
		}
		if len(f.Values) != len(values) || len(f.Subtotals) != 1 || f.Subtotals[0].Total != communes || f.Subtotals[0].Expected != 126 {
			t.Errorf("blood units: %d values, want %d; subtotals %+v, want communes %d of 126", len(f.Values), len(values), f.Subtotals, communes)
		}
	}

	// The rejected files keep their placed issues.
	if len(comp.Rejected) != 2 || comp.Rejected[0].File != "loi-cu-phap.json" || comp.Rejected[0].Issues[0].Line == 0 {
		t.Errorf("rejected %+v", comp.Rejected)
	}
	if comp.Superseded[0].File != "so-y-te-lan-1.json" || comp.Superseded[0].SupersededBy != "so-y-te-lan-2.json" {
		t.Errorf("superseded %+v", comp.Superseded)
	}

	// The JSON form has its version and no null arrays.
	var js bytes.Buffer
	if err := report.Compile(c, p, asOf, nil).WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(js.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m["schemaVersion"] != float64(report.CompilationVersion) {
		t.Errorf("schemaVersion %v", m["schemaVersion"])
	}
	if bytes.Contains(js.Bytes(), []byte("null")) {
		t.Errorf("the JSON of an empty compilation has a null:\n%s", js.String())
	}
}

// pipes counts the unescaped | of a Markdown line.
var pipes = regexp.MustCompile(`(^|[^\\])\|`)

func TestMarkdownEscapesUserText(t *testing.T) {
	units := []plan.Unit{{Code: "phuong-thu", Name: "UBND phường *Thử* | nghiệm", Group: 12, From: date(2025, 7, 1)}}
	reg, err := plan.Default().WithUnits(units...)
	if err != nil {
		t.Fatal(err)
	}
	p := period(plan.Annual, 2025)
	r, err := report.Example(reg, "phuong-thu", p)
	if err != nil {
		t.Fatal(err)
	}
	r.Tasks[0].Status, r.Tasks[0].Results = report.Done, "Kết quả | có *dấu sao* và `mã`\n- dòng mới"
	r.Proposals = "- Đề nghị | hỗ trợ\n2) thêm *kinh phí*"
	comp := report.Compile(report.NewChecker(report.Options{Registry: reg}), p, date(2025, 12, 1),
		[]report.Input{{Name: "a|b*.json", Data: encode(r)}})
	var md bytes.Buffer
	if err := comp.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	header := -1
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		n := len(pipes.FindAllString(line, -1))
		if header < 0 {
			header = n
		} else if n != header {
			t.Errorf("table row has %d cells, its header %d: %s", n, header, line)
		}
	}
	for _, want := range []string{
		`UBND phường \*Thử\* \| nghiệm`, "Kết quả \\| có \\*dấu sao\\* và \\`mã\\`\n\n\\- dòng mới",
		"\\- Đề nghị \\| hỗ trợ\n\n2\\) thêm \\*kinh phí\\*",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for _, bad := range []string{"*Thử*", "`mã`", "\n- Đề nghị", "\n2) thêm", "\n- dòng mới"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown has unescaped %q", bad)
		}
	}
}

func TestMarkdownHasTheFullText(t *testing.T) {
	c, p, asOf, inputs := compileScenario(t)
	comp := report.Compile(c, p, asOf, inputs)
	var md bytes.Buffer
	if err := comp.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	out := strings.ReplaceAll(md.String(), `\`, "")
	pos := 0
	for _, te := range comp.Tasks {
		task, _ := plan.TaskByID(te.Task)
		i := strings.Index(out[pos:], "Nhiệm vụ "+te.Task)
		if i < 0 {
			t.Fatalf("task %s is missing or out of the plan's order", te.Task)
		}
		pos += i
		if !strings.Contains(out, strings.Join(strings.Fields(task.Text), " ")) {
			t.Errorf("the text of task %s is not in full", te.Task)
		}
		for _, r := range te.Results {
			for _, para := range strings.Split(r.Results, "\n") {
				if para = strings.Join(strings.Fields(para), " "); !strings.Contains(out, para) {
					t.Errorf("%s on %s: results not in full: %q", r.Body, te.Task, para)
				}
			}
		}
	}
	if body, _, _ := strings.Cut(out, "## Phụ lục"); strings.Contains(body, "…") {
		t.Error("the Markdown cuts some text") // the appendix quotes issues, which may
	}
}

// benchInputs are n annual-2026 reports from the expected bodies of a
// registry with 126 commune-level units, each body filing again on
// earlier days until there are n (so most bodies have superseded reports).
func benchInputs(b *testing.B, n int) (*report.Checker, []report.Input) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	bodies := reg.Expected(p)
	inputs := make([]report.Input, 0, n)
	for i := 0; len(inputs) < n; i++ {
		body := bodies[i%len(bodies)]
		due, _ := reg.Due(body.ID, p)
		r, err := report.ExampleAt(reg, body.ID, p, due.AddDays(-i/len(bodies)))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, report.Input{Name: fmt.Sprintf("%s-%d.json", body.ID, i), Data: encode(r)})
	}
	return report.NewChecker(report.Options{Registry: reg}), inputs
}

func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c, inputs := benchInputs(b, n)
			p, asOf := period(plan.Annual, 2026), date(2026, 12, 20)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				comp := report.Compile(c, p, asOf, inputs)
				if len(comp.Rejected) > 0 {
					b.Fatal(comp.Rejected[0].Issues)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			reports := float64(b.N) * float64(n)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/reports, "ns/report")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/reports, "B/report")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/reports, "allocs/report")
		})
	}
}

func TestCompileOrderIsStable(t *testing.T) {
	c, p, asOf, inputs := compileScenario(t)
	rev := slices.Clone(inputs)
	slices.Reverse(rev)
	a, b := report.Compile(c, p, asOf, inputs), report.Compile(c, p, asOf, rev)
	for i := range a.Bodies {
		if a.Bodies[i].Body != b.Bodies[i].Body || a.Bodies[i].Filing != b.Bodies[i].Filing {
			t.Errorf("body %d: %s %s vs %s %s", i, a.Bodies[i].Body, a.Bodies[i].Filing, b.Bodies[i].Body, b.Bodies[i].Filing)
		}
	}
	for i := range a.Figures {
		if !slices.Equal(a.Figures[i].Values, b.Figures[i].Values) || !slices.Equal(a.Figures[i].Subtotals, b.Figures[i].Subtotals) {
			t.Errorf("figure %s depends on input order", a.Figures[i].Code)
		}
	}
}
