package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/reportapi"
)

// result is what one in-process run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

func runWith(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}, args)
	return result{code, out.String(), errOut.String()}
}

func runCmd(args ...string) result { return runWith("", args...) }

// usageError checks a run failed with exit 2 and one line on stderr.
func usageError(t *testing.T, r result, args ...string) {
	t.Helper()
	if r.code != exitUsage {
		t.Errorf("%v: exit %d, want %d", args, r.code, exitUsage)
	}
	if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(r.stderr, "planreport: ") {
		t.Errorf("%v: stderr is not one line: %q", args, r.stderr)
	}
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHelp(t *testing.T) {
	r := runCmd()
	if r.code != exitUsage || !strings.Contains(r.stdout, "Usage:") {
		t.Errorf("no arguments: exit %d, stdout %q", r.code, r.stdout)
	}
	for _, arg := range []string{"help", "-h", "--help"} {
		r := runCmd(arg)
		if r.code != exitOK {
			t.Errorf("%s: exit %d", arg, r.code)
		}
		for name := range commands {
			if !strings.Contains(r.stdout, "planreport "+name) {
				t.Errorf("%s does not list %s", arg, name)
			}
		}
	}
	for name := range commands {
		r := runCmd(name, "-h")
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "Usage: planreport "+name) || r.stderr != "" {
			t.Errorf("%s -h: exit %d, stdout %q, stderr %q", name, r.code, r.stdout, r.stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"nosuch"},
		{"plan", "--nosuch"},
		{"plan", "--format", "xml"},
		{"plan", "extra"},
		{"bodies", "--at", "2025-02-30"},
		{"bodies", "--format"},
		{"example", "--body", "so-y-te"},
		{"example", "--body", "so-y-te", "--period", "quarterly-2026"},
		{"example", "--body", "nobody", "--period", "annual-2026"},
		{"example", "--body", "so-y-te", "--period", "half-year-2026"},
		{"example", "--body", "so-y-te", "--period", "annual-2026", "extra"},
		{"validate"},
		{"validate", "--lang", "fr", "x.json"},
		{"validate", "--format", "xml", "x.json"},
		{"validate", "no-such-file.json"},
		{"compile", "x.json"},
		{"compile", "--period", "annual-2026", "--as-of", "2026-13-01", "x.json"},
		{"compile", "--period", "annual-2026"},
		{"compile", "--period", "annual-2026", "--format", "html", "x.json"},
		{"compile", "--period", "annual-2026", "no-such-dir"},
		{"document"},
		{"document", "a.json", "b.json"},
		{"document", "--format", "pdf", "a.json"},
		{"reminder", "--period", "annual-2026"},
		{"schema", "--lang", "fr"},
		{"schema", "extra"},
		{"serve", "extra"},
	} {
		usageError(t, runCmd(args...), args...)
	}
	// The checks every command declares say what to give.
	for args, want := range map[string]string{
		"document a.json b.json":        "planreport: document: name one report file (JSON), or - for standard input\n",
		"reminder --period annual-2026": "planreport: reminder: name the report files or directories to compile\n",
		"serve extra":                   "planreport: serve: unexpected argument \"extra\"\n",
		"plan --format xml":             "planreport: --format must be text or json, not \"xml\"\n",
	} {
		if r := runCmd(strings.Fields(args)...); r.stderr != want {
			t.Errorf("planreport %s: stderr %q, want %q", args, r.stderr, want)
		}
	}
	// A bad flag value is named as the flag, not as a JSON place.
	if r := runCmd("example", "--body", "so-y-te", "--period", "quarterly-2026"); !strings.HasPrefix(r.stderr, "planreport: --period: The period \"quarterly-2026\" is not KIND-YEAR") {
		t.Errorf("bad period: %q", r.stderr)
	}
}

func TestPlan(t *testing.T) {
	r := runCmd("plan")
	if r.code != exitOK || !strings.Contains(r.stdout, "KẾ HOẠCH") || !strings.Contains(r.stdout, "Lê Hồng Sơn") || strings.Contains(r.stdout, "[III.6.1]") {
		t.Errorf("plan: exit %d, %d bytes", r.code, len(r.stdout))
	}
	if r := runCmd("plan", "--ids"); r.code != exitOK || !strings.Contains(r.stdout, "[III.6.1] ") {
		t.Errorf("plan --ids: exit %d", r.code)
	}
	r = runCmd("plan", "--format", "json")
	var export plan.Export
	if err := json.Unmarshal([]byte(r.stdout), &export); err != nil || r.code != exitOK {
		t.Fatalf("plan --format json: exit %d, %v", r.code, err)
	}
	if export.SchemaVersion != plan.ExportVersion || len(export.Tasks) != 22 || len(export.Activities) != 7 {
		t.Errorf("export: version %d, %d tasks, %d activities", export.SchemaVersion, len(export.Tasks), len(export.Activities))
	}
	if strings.Contains(r.stdout, `\u003c`) || strings.Contains(r.stdout, `\u0026`) {
		t.Error("plan JSON escapes HTML characters")
	}
}

type bodiesJSON struct {
	Date   string               `json:"date"`
	Bodies []reportapi.Reporter `json:"bodies"`
}

func bodies(t *testing.T, args ...string) bodiesJSON {
	t.Helper()
	r := runCmd(append([]string{"bodies", "--format", "json"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("bodies %v: exit %d: %s", args, r.code, r.stderr)
	}
	var out bodiesJSON
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func tasksOf(b bodiesJSON, id string) []string {
	for _, r := range b.Bodies {
		if r.ID == id {
			return r.Tasks
		}
	}
	return nil
}

func TestBodies(t *testing.T) {
	for _, c := range []struct {
		at     string
		count  int
		has    []string
		hasNot []string
		tasks  map[string][]string
	}{
		{"2024-11-15", 48, []string{"so-ldtbxh", "so-tttt", "so-ngoai-vu", "bao-hanoimoi", "ban-dan-van", "quan-ba-dinh", "thi-xa-son-tay"},
			[]string{"so-khcn", "vp-ubnd", "bao-ptth-hanoi", "ban-tgdv"},
			map[string][]string{"so-noi-vu": {"III.4.1", "III.4.2", "III.4.3"}, "huyen-gia-lam": {"III.12.1", "III.12.2", "III.12.3"}}},
		{"2025-11-15", 143, []string{"so-khcn", "vp-ubnd", "bao-hanoimoi", "ban-tgdv", "phuong-hoan-kiem", "xa-soc-son"},
			[]string{"so-ldtbxh", "so-tttt", "quan-ba-dinh", "bao-ptth-hanoi"},
			map[string][]string{"so-noi-vu": {"III.2.1", "III.4.1", "III.4.2", "III.4.3"}, "so-khcn": {"III.3.1"}, "vp-ubnd": {"III.8.1"}, "ban-tgdv": {"III.11.1"}}},
		{"2026-11-15", 141, []string{"bao-ptth-hanoi", "ban-tgdv", "phuong-ba-dinh"}, []string{"bao-hanoimoi", "bao-ktdt", "dai-ptth-hanoi"},
			map[string][]string{"bao-ptth-hanoi": {"III.9.1"}, "hoi-ctd": {"III.1.1", "III.1.2", "III.1.3", "III.1.4", "III.1.5", "III.1.6"}}},
	} {
		b := bodies(t, "--at", c.at)
		if b.Date != c.at || len(b.Bodies) != c.count {
			t.Errorf("%s: %d bodies on %s, want %d", c.at, len(b.Bodies), b.Date, c.count)
		}
		for _, id := range c.has {
			if tasksOf(b, id) == nil {
				t.Errorf("%s: %s is not listed", c.at, id)
			}
		}
		for _, id := range c.hasNot {
			if tasksOf(b, id) != nil {
				t.Errorf("%s: %s is listed", c.at, id)
			}
		}
		for id, want := range c.tasks {
			if got := tasksOf(b, id); !slices.Equal(got, want) {
				t.Errorf("%s: %s tasks %v, want %v", c.at, id, got, want)
			}
		}
	}
	r := runCmd("bodies", "--at", "2026-11-15")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "Bodies that must report on 2026-11-15 (141):") {
		t.Errorf("bodies text: exit %d, %q", r.code, strings.SplitN(r.stdout, "\n", 2)[0])
	}
}

const unitsJSON = `{"units": [
  {"code": "xa-thu-nghiem", "name": "UBND xã Thử Nghiệm", "group": 12, "from": "2025-07-01"},
  {"code": "xa-moi", "name": "UBND xã Mới", "group": 12, "from": "2025-07-01"}
]}
`

func TestBodiesWithUnits(t *testing.T) {
	units := writeFile(t, "units.json", []byte(unitsJSON))
	b := bodies(t, "--at", "2025-11-15", "--units", units)
	if len(b.Bodies) != 145 {
		t.Errorf("%d bodies with two units, want 145", len(b.Bodies))
	}
	if got := tasksOf(b, "xa-thu-nghiem"); !slices.Equal(got, []string{"III.12.1", "III.12.2", "III.12.3"}) {
		t.Errorf("xa-thu-nghiem tasks %v", got)
	}
	if b := bodies(t, "--at", "2025-06-30", "--units", units); tasksOf(b, "xa-thu-nghiem") != nil || len(b.Bodies) != 47 {
		t.Errorf("on 30/6/2025 the districts report, not the units: %d bodies", len(b.Bodies))
	}

	bad := writeFile(t, "bad.json", []byte(`{"units": [{"code": "Phuong Ba Dinh", "name": "", "group": 12, "from": "2025-06-01"}]}`))
	r := runCmd("bodies", "--units", bad)
	usageError(t, r)
	if !strings.Contains(r.stderr, bad+":1:") || !strings.Contains(r.stderr, "/units/0/code") || !strings.Contains(r.stderr, "more)") {
		t.Errorf("bad units file: %q", r.stderr)
	}
	usageError(t, runCmd("bodies", "--units", filepath.Join(t.TempDir(), "missing.json")))
	usageError(t, runCmd("bodies", "--units", writeFile(t, "syntax.json", []byte("{units: []}"))))
}

// examples writes the example of every expected body for p into dir and
// returns their paths.
func examples(t *testing.T, dir string, p plan.Period, units string) []string {
	t.Helper()
	reg := plan.Default()
	args := []string{}
	if units != "" {
		us, err := plan.ReadUnitsFile(units)
		if err != nil {
			t.Fatal(err)
		}
		if reg, err = reg.WithUnits(us...); err != nil {
			t.Fatal(err)
		}
		args = []string{"--units", units}
	}
	var files []string
	for _, b := range reg.Expected(p) {
		r := runCmd(append([]string{"example", "--body", b.ID, "--period", p.String()}, args...)...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("example %s %s: exit %d: %s", b.ID, p, r.code, r.stderr)
		}
		if strings.Contains(r.stdout, `\u003c`) || !strings.HasPrefix(r.stdout, "{\n  \"schemaVersion\": 1,") {
			t.Errorf("example %s: not indented JSON without HTML escapes", b.ID)
		}
		path := filepath.Join(dir, b.ID+".json")
		if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return files
}

func TestExamplesValidate(t *testing.T) {
	units := writeFile(t, "units.json", []byte(unitsJSON))
	for _, p := range []string{"annual-2024", "annual-2025", "annual-2026", "half-year-2025"} {
		period, _ := plan.ParsePeriod(p)
		files := examples(t, t.TempDir(), period, units)
		r := runCmd(append([]string{"validate", "--units", units}, files...)...)
		if r.code != exitOK || r.stdout != "" {
			t.Errorf("%s: validate exit %d:\n%s", p, r.code, r.stdout)
		}
		if want := fmt.Sprintf("planreport: %d of %d reports valid\n", len(files), len(files)); r.stderr != want {
			t.Errorf("%s: stderr %q, want %q", p, r.stderr, want)
		}
	}
}

// placeRE is the text format of an issue: file:line:column: pointer: message.
var placeRE = regexp.MustCompile(`^(.+):(\d+):(\d+): (/[^ ]*): (.+)$`)

func TestValidateInvalid(t *testing.T) {
	dir := t.TempDir()
	good := examples(t, dir, plan.Period{Kind: plan.Annual, Year: 2026}, "")[0]
	data, _ := os.ReadFile(good)
	broken := strings.Replace(string(data), `"schemaVersion": 1,`, `"schemaVersion": 1,`+"\n  \"title\": \"x\",", 1)
	bad := writeFile(t, "bad.json", []byte(broken))
	wrongPhone := writeFile(t, "phone.json", regexp.MustCompile(`"phone": "[^"]*"`).ReplaceAll(data, []byte(`"phone": "12345"`)))

	r := runCmd("validate", good, bad, wrongPhone)
	if r.code != exitInvalid {
		t.Fatalf("exit %d, want %d", r.code, exitInvalid)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one line per issue, got:\n%s", r.stdout)
	}
	for i, want := range []struct{ file, ptr string }{{bad, "/title"}, {wrongPhone, "/preparedBy/phone"}} {
		m := placeRE.FindStringSubmatch(lines[i])
		if m == nil || m[1] != want.file || m[4] != want.ptr || m[2] == "0" {
			t.Errorf("line %q: want %s:LINE:COL: %s: message", lines[i], want.file, want.ptr)
		}
	}
	if r.stderr != "planreport: 1 of 3 reports valid\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	if en := runCmd("validate", "--lang", "en", wrongPhone); !strings.Contains(en.stdout, "is not valid") {
		t.Errorf("--lang en: %q", en.stdout)
	}

	// Standard input is named <stdin>.
	r = runWith(broken, "validate", "-")
	if r.code != exitInvalid || !strings.HasPrefix(r.stdout, "<stdin>:3:3: /title: ") {
		t.Errorf("stdin: exit %d, %q", r.code, r.stdout)
	}
	if r := runWith(string(data), "validate", "-"); r.code != exitOK {
		t.Errorf("valid stdin: exit %d", r.code)
	}

	// JSON output.
	r = runCmd("validate", "--format", "json", good, wrongPhone)
	var results []fileResult
	if err := json.Unmarshal([]byte(r.stdout), &results); err != nil || r.code != exitInvalid {
		t.Fatalf("json: exit %d, %v", r.code, err)
	}
	if len(results) != 2 || !results[0].Valid || len(results[0].Errors) != 0 || results[1].Valid {
		t.Fatalf("json results %+v", results)
	}
	e := results[1].Errors[0]
	if e.Path != "/preparedBy/phone" || e.Code != "invalid_phone" || e.Line == 0 || e.Column == 0 || e.VI == "" || e.EN == "" || e.File != "" || results[1].File != wrongPhone {
		t.Errorf("json error %+v", e)
	}
	// Each issue is the portal's (and planreport serve's) 422 object.
	var raw []struct{ Errors []map[string]any }
	json.Unmarshal([]byte(r.stdout), &raw)
	for k := range raw[1].Errors[0] {
		if !strings.Contains(" path line column offset end code params vi en ", " "+k+" ") {
			t.Errorf("json issue member %q is not one of the portal's", k)
		}
	}
	if !strings.Contains(r.stdout, `"errors": []`) {
		t.Error("a valid file's errors must be [], not null")
	}
}

type compiled struct {
	SchemaVersion int `json:"schemaVersion"`
	Summary       struct {
		Files, Expected, OnTime, Late, Missing, NotYetDue, Rejected int
	} `json:"summary"`
}

func TestCompile(t *testing.T) {
	dir := t.TempDir()
	files := examples(t, dir, plan.Period{Kind: plan.Annual, Year: 2025}, "")
	// Not a report: a directory reads *.json only.
	if err := os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := runCmd("compile", "--period", "annual-2025", "--as-of", "2025-12-20", "--format", "json", dir)
	var c compiled
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil || r.code != exitOK {
		t.Fatalf("compile: exit %d, %v: %s", r.code, err, r.stderr)
	}
	if c.SchemaVersion != 2 || c.Summary.Files != len(files) || c.Summary.Expected != 143 || c.Summary.OnTime != 143 || c.Summary.Missing != 0 || c.Summary.Rejected != 0 {
		t.Errorf("summary %+v", c.Summary)
	}

	r = runCmd(append([]string{"compile", "--period", "annual-2025", "--as-of", "2025-12-20"}, files[1:]...)...)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "# Báo cáo tổng hợp kết quả thực hiện Kế hoạch số 164/KH-UBND năm 2025\n") {
		t.Fatalf("markdown: exit %d, %q", r.code, strings.SplitN(r.stdout, "\n", 2)[0])
	}
	if !strings.Contains(r.stdout, "| Chưa nộp (đã quá hạn) | 1 |") || !strings.Contains(r.stdout, "| 1 | Hội Chữ thập đỏ thành phố Hà Nội | 1 | Chưa nộp (hạn 15/12/2025) | – | – | – |") {
		t.Errorf("markdown does not show the City Red Cross as missing:\n%s", r.stdout[:min(len(r.stdout), 3000)])
	}

	// Before the deadlines nothing is missing yet.
	r = runCmd("compile", "--period", "annual-2025", "--as-of", "2025-11-01", "--format", "json", files[0])
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil || c.Summary.NotYetDue != 142 || c.Summary.Missing != 0 {
		t.Errorf("as of 1/11: %+v (%v)", c.Summary, err)
	}
}

func TestSchemaCommand(t *testing.T) {
	r := runCmd("schema")
	var s map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil || r.code != exitOK {
		t.Fatalf("schema: exit %d, %v", r.code, err)
	}
	if r := runCmd("schema", "--body", "so-y-te", "--at", "2026-11-15"); r.code != exitOK || !strings.Contains(r.stdout, "III.6.1") {
		t.Errorf("schema --body: exit %d", r.code)
	}
	usageError(t, runCmd("schema", "--at", "2026-11-15"), "schema", "--at")
}
