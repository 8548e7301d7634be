package schema

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"

	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// The agreement suite: every document of the corpus gets a verdict from
// (1) report.Default().Parse, (2) santhosh-tekuri/jsonschema/v6 with
// AssertFormat and (3) Ajv2020 with ajv-formats in strict mode (Node.js,
// schema/agreement/harness.mjs, one process for all cases). The verdicts
// must match, and so must the error locations, except in the documented
// classes below, which are the rules no JSON Schema can express.
//
// Locations match when every Go issue path is related to some schema
// error location and every schema error location is related to some Go
// issue path, "related" meaning equal, or one an ancestor of the other
// (a prefix, token by token: /tasks is an ancestor of /tasks/0/results).
// Ancestors are needed because JSON Schema reports a missing member at the
// object that lacks it (required), and Go at the member itself. santhosh's
// locations are the InstanceLocation of its leaf errors, Ajv's the
// instancePath of every error (allErrors). Go issues of a documented
// class take no part in the comparison.

// class is a documented reason for a disagreement.
type class struct {
	name   string
	reason string
}

var classes = []class{
	{"plan_dates", "Go checks the dates against the period's data window (report_date_before_window, cutoff_outside_window, cutoff_after_report_date), that the body exists on the report date (body_not_in_force) and has a duty for that very period (no_report_due, half_year_not_due; the schema only knows the bodies that have such a duty in some year), and that a date has a year from 0001 (invalid_date on 0000-…, which RFC 3339 full-date allows). JSON Schema cannot compare dates. Integrators: use the per-body schema of the report date, or call planreport validate."},
	{"task_set_general", "Go checks that the tasks are exactly the body's tasks on the report date (foreign_task, missing_task). The general schema accepts any task of the plan, each at most once; the per-body schema pins the set, and agrees."},
	{"duplicate_key", "Go rejects a member name repeated in one object (duplicate_key); JSON Schema validates the parsed value, in which one of the two was silently dropped (JSON.parse and encoding/json keep the last)."},
	{"encoding", "Go reads the bytes: it rejects invalid UTF-8 (invalid_utf8), escapes of lone UTF-16 surrogates (invalid_string_escape) and inputs over its size limit (too_large, 1 MiB by default), and skips a leading UTF-8 byte order mark. JSON Schema validates the parsed value: parsers replace or keep bad characters, have no size limit, and JSON.parse and encoding/json reject the byte order mark. Integrators: send UTF-8 without BOM, and check the size."},
	{"nfc", "Go normalises text to NFC before counting characters (Normalize); JSON Schema counts the code points as sent, so decomposed text near a length limit is longer to it. Integrators: normalise text to NFC before validating."},
}

// Go issue codes by class.
var classCodes = map[string][]string{
	"plan_dates":       {"report_date_before_window", "cutoff_outside_window", "cutoff_after_report_date", "body_not_in_force", "no_report_due", "half_year_not_due"},
	"task_set_general": {"foreign_task", "missing_task"},
	"duplicate_key":    {"duplicate_key"},
	"encoding":         {"invalid_utf8", "invalid_string_escape", "too_large"},
}

// verdict is one engine's answer on one document.
type verdict struct {
	valid bool
	paths []string
	codes []string // Go only
}

type kase struct {
	v      *variant
	schema string // "general" or the key of a per-body schema
}

type outcome struct {
	class  string // "agree", a documented class or "unexplained"
	detail string
}

func TestAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("the agreement suite takes a while")
	}
	reg := plan.Default()
	schemas := map[string][]byte{}
	general, err := Report(reg, diag.VI)
	if err != nil {
		t.Fatal(err)
	}
	schemas["general"] = general
	seeds := buildSeeds(t, reg)
	var cases []kase
	var docs []*variant
	for i, s := range seeds {
		key := "body:" + s.body + ":" + s.on.String()
		if _, ok := schemas[key]; !ok {
			b, err := ForBody(reg, s.body, s.on, diag.VI)
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			schemas[key] = b
		}
		// Every seed gets every structural mutation; the first ones also
		// get the lists of interesting strings and numbers (strings at and
		// over the limits for the first two), which keeps the suite at
		// about 20,000 documents.
		vs := append([]variant{{name: s.name, data: s.data, seed: s}}, mutations(s, i < 2, i < 6, seeds)...)
		for j := range vs {
			v := &vs[j]
			docs = append(docs, v)
			cases = append(cases, kase{v, "general"})
			// A per-body schema is for reports by that body dated that
			// date: documents whose body or report date changed are
			// judged by the general schema only.
			if v.touches != "/body" && v.touches != "/reportDate" {
				cases = append(cases, kase{v, key})
			}
		}
	}
	for _, v := range fixtures(t) {
		docs = append(docs, v)
		cases = append(cases, kase{v, "general"})
	}
	t.Logf("%d documents, %d verdicts per engine", len(docs), len(cases))

	compiled := map[string]*jsonschema.Schema{}
	for k, b := range schemas {
		compiled[k] = compile(t, b)
	}
	checker := report.Default()
	goV := map[*variant]verdict{}
	for _, v := range docs {
		goV[v] = goVerdict(checker, v.data)
	}
	sV := make([]verdict, len(cases))
	for i, c := range cases {
		sV[i] = santhosh(compiled[c.schema], c.v.data)
	}
	aV, ajvErr := ajv(t, schemas, cases)

	counts := map[string]int{}
	var unexplained []string
	for i, c := range cases {
		var a *verdict
		if aV != nil {
			a = &aV[i]
		}
		o := judge(c, goV[c.v], sV[i], a, compiled[c.schema])
		counts[o.class]++
		if o.class == "agree" && o.detail == "valid" {
			counts["agree valid"]++
		}
		if o.class == "unexplained" {
			unexplained = append(unexplained, fmt.Sprintf("%s [%s schema]: %s", c.v.name, c.schema, o.detail))
		}
	}
	for i, u := range unexplained {
		if i == 30 && os.Getenv("KH164_ALL") == "" {
			t.Errorf("… and %d more", len(unexplained)-30)
			break
		}
		t.Errorf("unexplained disagreement: %s", u)
	}
	t.Logf("outcomes: %v", counts)
	if ajvErr != nil {
		t.Skip(ajvErr.Error())
	}
	stats := statsJSON(len(docs), len(cases), counts)
	const file = "testdata/agreement-stats.json"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(file, stats, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, _ := os.ReadFile(file)
	if !bytes.Equal(committed, stats) {
		t.Errorf("%s differs from the computed statistics (run go test ./schema -run TestAgreement -update and review the change):\n%s", file, stats)
	}
	if len(docs) < 5000 {
		t.Errorf("only %d documents; the suite promises at least 5000", len(docs))
	}
}

// buildSeeds returns the valid reports the variants start from: the
// reports of the task's examples and one annual report of every body that
// reports on Snapshot (one commune-level unit for the 126).
func buildSeeds(t *testing.T, reg *plan.Registry) []*seed {
	type spec struct {
		body string
		p    plan.Period
		on   plan.Date
	}
	specs := []spec{
		{"hoi-ctd", plan.Period{Kind: plan.Annual, Year: 2026}, plan.Date{}},
		{"so-y-te", plan.Period{Kind: plan.Annual, Year: 2026}, plan.D(2026, time.November, 18)},
		{"quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15)},
		{"hoi-ctd", plan.Period{Kind: plan.HalfYear, Year: 2026}, plan.D(2026, time.June, 18)},
		{"so-noi-vu", plan.Period{Kind: plan.Annual, Year: 2025}, plan.D(2025, time.November, 15)},
	}
	for _, b := range reg.Reporters(Snapshot) {
		if b.Kind == plan.KindCommune && b.ID != "phuong-hoan-kiem" {
			continue // the 126 communes hold the same tasks: one stands for them
		}
		if b.ID != "hoi-ctd" && b.ID != "so-y-te" {
			specs = append(specs, spec{b.ID, plan.Period{Kind: plan.Annual, Year: Snapshot.Year}, plan.Date{}})
		}
	}
	var out []*seed
	for _, sp := range specs {
		var r *report.Report
		var err error
		if sp.on.IsZero() {
			r, err = report.Example(reg, sp.body, sp.p)
		} else {
			r, err = report.ExampleAt(reg, sp.body, sp.p, sp.on)
		}
		if err != nil {
			t.Fatalf("example %s %s: %v", sp.body, sp.p, err)
		}
		s, err := newSeed(fmt.Sprintf("%s %s %s", sp.body, sp.p, r.ReportDate), r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := report.Default().Parse(s.name, s.data); err != nil {
			t.Fatalf("seed %s is not valid: %v", s.name, err)
		}
		out = append(out, s)
	}
	return out
}

// fixtures reads report/testdata/valid and invalid, when they exist.
func fixtures(t *testing.T) []*variant {
	var out []*variant
	for _, dir := range []string{"../report/testdata/valid", "../report/testdata/invalid"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, &variant{name: f, data: b})
		}
	}
	return out
}

func goVerdict(c *report.Checker, data []byte) verdict {
	_, err := c.Parse("case.json", data)
	if err == nil {
		return verdict{valid: true}
	}
	var l diag.List
	if !errors.As(err, &l) {
		return verdict{paths: []string{""}, codes: []string{"error"}}
	}
	var v verdict
	for _, is := range l {
		v.paths = append(v.paths, is.Path)
		v.codes = append(v.codes, is.Code)
	}
	return v
}

func santhosh(s *jsonschema.Schema, data []byte) verdict {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return verdict{paths: []string{""}}
	}
	err = s.Validate(inst)
	if err == nil {
		return verdict{valid: true}
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return verdict{paths: []string{""}}
	}
	var v verdict
	var leaves func(e *jsonschema.ValidationError)
	leaves = func(e *jsonschema.ValidationError) {
		// A failed contains is the array's error: its causes are the
		// items that did not match, which are not errors of their own.
		_, contains := e.ErrorKind.(*kind.Contains)
		_, minContains := e.ErrorKind.(*kind.MinContains)
		if len(e.Causes) == 0 || contains || minContains {
			var b strings.Builder
			for _, tok := range e.InstanceLocation {
				b.WriteString("/" + escape(tok))
			}
			v.paths = append(v.paths, b.String())
			if contains || minContains {
				return
			}
		}
		for _, c := range e.Causes {
			leaves(c)
		}
	}
	leaves(ve)
	return v
}

// ajv runs the Node harness on every case at once. It returns nil and an
// error saying why when Node.js or the harness's node_modules are missing
// (a failure instead when KH164_REQUIRE_NODE=1).
func ajv(t *testing.T, schemas map[string][]byte, cases []kase) ([]verdict, error) {
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat("agreement/node_modules/ajv/dist/2020.js")
	}
	if err != nil {
		if os.Getenv("KH164_REQUIRE_NODE") == "1" {
			t.Fatalf("KH164_REQUIRE_NODE=1 but the Ajv harness cannot run (%v): run npm ci in schema/agreement", err)
		}
		return nil, fmt.Errorf("Ajv side not run (%v): install Node.js and run npm ci in schema/agreement", err)
	}
	var in bytes.Buffer
	for _, k := range sortedKeys(schemas) {
		line, _ := json.Marshal(map[string]string{"schema": k, "text": string(schemas[k])})
		in.Write(append(line, '\n'))
	}
	for i, c := range cases {
		line, _ := json.Marshal(map[string]any{"id": i, "schema": c.schema, "doc": base64.StdEncoding.EncodeToString(c.v.data)})
		in.Write(append(line, '\n'))
	}
	cmd := exec.Command(node, "harness.mjs")
	cmd.Dir = "agreement"
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node harness.mjs: %v\n%s\n%s", err, stderr.Bytes(), lastLine(out))
	}
	res := make([]verdict, len(cases))
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r struct {
			ID         int
			Valid      bool
			ParseError string
			Fatal      string
			Errors     []struct{ Path, SchemaPath, Keyword, Message string }
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("harness output: %v", err)
		}
		if r.Fatal != "" {
			t.Fatalf("harness: %s", r.Fatal)
		}
		v := verdict{valid: r.Valid && r.ParseError == ""}
		if r.ParseError != "" {
			v.paths = []string{""}
		}
		for _, e := range r.Errors {
			// The items that did not match a failed contains are not
			// errors of their own (as for santhosh, see leaves).
			if !strings.Contains(e.SchemaPath, "/contains/") {
				v.paths = append(v.paths, e.Path)
			}
		}
		res[r.ID] = v
		seen++
	}
	if seen != len(cases) {
		t.Fatalf("harness answered %d of %d cases", seen, len(cases))
	}
	return res, nil
}

func lastLine(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// judge compares the three verdicts on one case.
func judge(c kase, g, s verdict, a *verdict, sch *jsonschema.Schema) outcome {
	if a != nil && a.valid != s.valid {
		return outcome{"unexplained", fmt.Sprintf("santhosh valid=%v %v, Ajv valid=%v %v", s.valid, s.paths, a.valid, a.paths)}
	}
	if g.valid == s.valid {
		if g.valid {
			return outcome{class: "agree", detail: "valid"}
		}
		gp := goPaths(g, c.schema)
		for _, sv := range []*verdict{&s, a} { // a is nil when Ajv did not run
			if sv == nil {
				continue
			}
			if d := mismatch(gp, sv.paths, len(gp) > 0); d != "" {
				return outcome{"unexplained", fmt.Sprintf("locations: Go %v (codes %v), schema %v: %s", g.paths, g.codes, sv.paths, d)}
			}
		}
		return outcome{class: "agree"}
	}
	if !g.valid { // Go rejects what the schema accepts
		only := func(names ...string) bool {
			var allowed []string
			for _, n := range names {
				allowed = append(allowed, classCodes[n]...)
			}
			for _, code := range g.codes {
				if !slices.Contains(allowed, code) {
					return false
				}
			}
			return true
		}
		switch {
		case slices.Contains(g.codes, "duplicate_key"):
			return outcome{class: "duplicate_key"}
		case only("encoding"):
			return outcome{class: "encoding"}
		case only("plan_dates") || yearZero(c.v.data, g):
			return outcome{class: "plan_dates"}
		case c.schema == "general" && only("plan_dates", "task_set_general"):
			return outcome{class: "task_set_general"}
		}
		return outcome{"unexplained", fmt.Sprintf("Go rejects (%v at %v), the schema accepts", g.codes, g.paths)}
	}
	// The schema rejects what Go accepts.
	if b, ok := bytes.CutPrefix(c.v.data, []byte("\uFEFF")); ok && santhosh(sch, b).valid {
		return outcome{class: "encoding"}
	}
	if n := norm.NFC.Bytes(c.v.data); !bytes.Equal(n, c.v.data) && santhosh(sch, n).valid {
		return outcome{class: "nfc"}
	}
	return outcome{"unexplained", fmt.Sprintf("the schema rejects at %v, Go accepts", s.paths)}
}

// yearZero reports whether Go's only issues are of plan_dates or invalid
// dates whose text is an RFC 3339 full-date of year 0000, which
// plan.ParseDate rejects.
func yearZero(data []byte, g verdict) bool {
	tree, err := parseTree(data)
	if err != nil {
		return false
	}
	for i, code := range g.codes {
		if slices.Contains(classCodes["plan_dates"], code) {
			continue
		}
		if code != "invalid_date" && code != "invalid_value" {
			return false
		}
		v, _ := getPointer(tree, g.paths[i]).(string)
		if _, err := time.Parse(time.DateOnly, v); err != nil || !strings.HasPrefix(v, "0000-") {
			return false
		}
	}
	return true
}

// goPaths are the paths of the Go issues that are not of a documented
// class.
func goPaths(g verdict, schema string) []string {
	var out []string
	for i, code := range g.codes {
		documented := slices.Contains(classCodes["plan_dates"], code) || slices.Contains(classCodes["duplicate_key"], code) ||
			slices.Contains(classCodes["encoding"], code) ||
			(schema == "general" && slices.Contains(classCodes["task_set_general"], code))
		if !documented {
			out = append(out, g.paths[i])
		}
	}
	return out
}

// mismatch says which location of one side has no related location on the
// other ("" when they match). When every Go issue is of a documented class
// (goPaths is empty), the schema's errors cannot be matched against them:
// they are not compared.
func mismatch(goPaths, schemaPaths []string, compare bool) string {
	if !compare {
		return ""
	}
	for _, g := range goPaths {
		if !slices.ContainsFunc(schemaPaths, func(s string) bool { return related(g, s) }) {
			return "Go's " + g + " has no counterpart"
		}
	}
	for _, s := range schemaPaths {
		if !slices.ContainsFunc(goPaths, func(g string) bool { return related(g, s) }) {
			return "the schema's " + s + " has no counterpart"
		}
	}
	return ""
}

// related reports whether JSON Pointers a and b are equal or one is an
// ancestor of the other.
func related(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a) && (len(a) == len(b) || b[len(a)] == '/')
}

func statsJSON(docs, verdicts int, counts map[string]int) []byte {
	documented := 0
	type cls struct {
		Count  int    `json:"count"`
		Reason string `json:"reason"`
	}
	byClass := map[string]cls{}
	for _, c := range classes {
		byClass[c.name] = cls{counts[c.name], c.reason}
		documented += counts[c.name]
	}
	rate := func(n, d int) string {
		if d == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.4f", float64(n)/float64(d))
	}
	stats := map[string]any{
		"engines": []string{
			"go: report.Default().Parse",
			"santhosh-tekuri/jsonschema/v6 v6.0.3, AssertFormat",
			"ajv " + pkgVersion("ajv") + " (Ajv2020, strict, allErrors) + ajv-formats " + pkgVersion("ajv-formats"),
		},
		"documents":                        docs,
		"verdicts":                         verdicts,
		"agree":                            counts["agree"],
		"agreeValid":                       counts["agree valid"],
		"agreeInvalid":                     counts["agree"] - counts["agree valid"],
		"documented":                       byClass,
		"unexplained":                      counts["unexplained"],
		"agreementRate":                    rate(counts["agree"], verdicts),
		"agreementRateExcludingDocumented": rate(counts["agree"], verdicts-documented),
		"note":                             "verdicts: each document is judged by the general schema, and a variant of a seed also by the seed's per-body schema unless the mutation changed /body or /reportDate; agreementRateExcludingDocumented leaves the documented classes out",
	}
	b, _ := json.MarshalIndent(stats, "", "  ")
	return append(b, '\n')
}

// pkgVersion reads the installed version of an npm package of the harness.
func pkgVersion(name string) string {
	var p struct{ Dependencies map[string]string }
	b, _ := os.ReadFile("agreement/package.json")
	json.Unmarshal(b, &p)
	return p.Dependencies[name]
}

// TestAjvStrict compiles every generated schema with Ajv2020 in strict
// mode, which also checks them against the 2020-12 meta-schema.
func TestAjvStrict(t *testing.T) {
	files, err := Files(plan.Default())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ajv(t, files, nil); err != nil {
		t.Skip(err.Error())
	}
}
