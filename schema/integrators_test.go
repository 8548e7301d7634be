package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// TestIntegratorClasses keeps the README's measurements of what other
// validators read differently ("What no JSON Schema can express"): a
// number with a fraction beyond double precision, which Ajv (and Python's
// jsonschema) read as the integer 344391, and text ending in a line break,
// which Python's re matches with $. Go rejects all of them. Ajv runs under
// KH164_REQUIRE_NODE=1, Python's jsonschema under KH164_REQUIRE_PYTHON=1;
// otherwise each side skips when absent.
func TestIntegratorClasses(t *testing.T) {
	r, err := report.Example(plan.Default(), "so-y-te", plan.Period{Kind: plan.Annual, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	with := func(edit func(*report.Report)) []byte {
		c := *r
		c.PreparedBy = r.PreparedBy
		edit(&c)
		data, _ := json.Marshal(&c)
		return data
	}
	base := with(func(*report.Report) {})
	const integer = `"blood_units":` // the first indicator of the example
	if !bytes.Contains(base, []byte(integer)) {
		t.Fatalf("the example has no %s", integer)
	}
	i := bytes.Index(base, []byte(integer)) + len(integer)
	j := i + bytes.IndexAny(base[i:], ",}")
	fraction := append(append(append([]byte{}, base[:i]...), "344391.00000000000001"...), base[j:]...)
	docs := []struct {
		name        string
		data        []byte
		code        string // Go's issue
		ajv, python bool   // what they answer: valid?
	}{
		{"fraction beyond double precision", fraction, "not_integer", true, true},
		{"name ending in a line break", with(func(c *report.Report) { c.PreparedBy.Name += "\n" }), "invalid_text", false, true},
		{"phone ending in a line break", with(func(c *report.Report) { c.PreparedBy.Phone += "\n" }), "invalid_phone", false, true},
		{"proposals ending in a line break", with(func(c *report.Report) { c.Proposals += "\n" }), "invalid_text", false, true},
	}
	general, err := Report(plan.Default(), diag.VI)
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, general)
	for _, d := range docs {
		g := goVerdict(report.Default(), d.data)
		if g.valid || len(g.codes) != 1 || g.codes[0] != d.code {
			t.Errorf("%s: Go %+v, want %s", d.name, g, d.code)
		}
		if s := santhosh(sch, d.data); s.valid {
			t.Errorf("%s: santhosh-tekuri accepts it", d.name)
		}
	}

	cases := make([]kase, len(docs))
	for k, d := range docs {
		cases[k] = kase{&variant{name: d.name, data: d.data}, "general"}
	}
	if av, err := ajv(t, map[string][]byte{"general": general}, cases); err != nil {
		t.Log(err)
	} else {
		for k, d := range docs {
			if av[k].valid != d.ajv {
				t.Errorf("%s: Ajv valid=%v, the README says %v", d.name, av[k].valid, d.ajv)
			}
		}
	}

	py := python(t)
	if py == "" {
		return
	}
	var in bytes.Buffer
	for _, d := range docs {
		in.Write(d.data)
		in.WriteByte('\n')
	}
	dir := t.TempDir()
	os.WriteFile(dir+"/schema.json", general, 0o644)
	cmd := exec.Command(py, "-c", `
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])), format_checker=jsonschema.FormatChecker())
for line in sys.stdin:
    print("valid" if v.is_valid(json.loads(line)) else "invalid")
`, dir+"/schema.json")
	cmd.Stdin = &in
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python jsonschema: %v\n%s", err, out)
	}
	got := strings.Fields(string(out))
	for k, d := range docs {
		if k >= len(got) || (got[k] == "valid") != d.python {
			t.Errorf("%s: Python jsonschema %v, the README says valid=%v", d.name, got, d.python)
		}
	}
}

// python returns a Python 3 with the jsonschema package, or "" (a failure
// under KH164_REQUIRE_PYTHON=1).
func python(t *testing.T) string {
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(name)
		if err == nil && exec.Command(p, "-c", "import jsonschema").Run() == nil {
			return p
		}
	}
	if os.Getenv("KH164_REQUIRE_PYTHON") == "1" {
		t.Fatal("KH164_REQUIRE_PYTHON=1 but no python3 imports jsonschema (apt-get install python3-jsonschema)")
	}
	t.Log("Python side not run: no python3 with jsonschema")
	return ""
}
