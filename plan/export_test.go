package plan_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kh164/kh164/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; review the change and run go test ./plan -update", path)
	}
}

func TestGoldenText(t *testing.T) {
	var b bytes.Buffer
	if err := plan.Plan().WriteText(&b, plan.TextOptions{IDs: true}); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan-ids.golden.txt", b.Bytes())
}

func TestGoldenExport(t *testing.T) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(plan.Default().Export()); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.golden.json", b.Bytes())

	// The export reads back into the same shape.
	var back plan.Export
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	if len(back.Tasks) != 22 || len(back.Bodies) != len(plan.Default().Bodies()) || back.Document.Closing.Text != plan.Plan().Closing.Text {
		t.Error("export does not round-trip")
	}
}
