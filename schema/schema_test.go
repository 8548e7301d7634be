package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

var update = flag.Bool("update", false, "rewrite the committed schema files and testdata/agreement-stats.json")

// compile compiles schema text with santhosh-tekuri/jsonschema, which
// validates it against the draft 2020-12 meta-schema first, and asserts
// formats as the agreement suite does.
func compile(t testing.TB, text []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var id struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(text, &id); err != nil || id.ID == "" {
		t.Fatalf("schema has no $id: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id.ID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id.ID)
	if err != nil {
		t.Fatalf("%s: %v", id.ID, err)
	}
	return s
}

// TestCommittedFiles fails when a committed schema file is stale, missing
// or left over; go test -update (or go generate ./...) rewrites them.
func TestCommittedFiles(t *testing.T) {
	want, err := Files(plan.Default())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := Write(".", want); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Committed(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedKeys(want) {
		switch g, ok := got[name]; {
		case !ok:
			t.Errorf("%s is missing: run go generate ./... (or go test ./schema -update)", name)
		case !bytes.Equal(g, want[name]):
			t.Errorf("%s is stale: run go generate ./... (or go test ./schema -update)", name)
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not generated any more: run go generate ./... to remove it", name)
		}
	}
}

// TestMetaSchema compiles every generated schema with santhosh-tekuri,
// which checks it against the 2020-12 meta-schema. (Ajv strict mode
// compiles them in TestAgreement.)
func TestMetaSchema(t *testing.T) {
	files, err := Files(plan.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range sortedKeys(files) {
		compile(t, files[name])
		var v map[string]any
		json.Unmarshal(files[name], &v)
		if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" || v["$id"] != ID(name) {
			t.Errorf("%s: $schema %v, $id %v", name, v["$schema"], v["$id"])
		}
		if !bytes.HasSuffix(files[name], []byte("}\n")) {
			t.Errorf("%s does not end in a newline", name)
		}
	}
	if len(files) < 10 {
		t.Errorf("only %d files", len(files))
	}
}

// TestEveryIntegerIsBounded: no integer schema is without bounds within
// ±(2^53-1).
func TestEveryIntegerIsBounded(t *testing.T) {
	for _, build := range []func() ([]byte, error){
		func() ([]byte, error) { return Report(plan.Default(), diag.VI) },
		func() ([]byte, error) { return Plan(diag.VI) },
		func() ([]byte, error) { return Units(diag.VI) },
	} {
		b, err := build()
		if err != nil {
			t.Fatal(err)
		}
		var v any
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		d.Decode(&v)
		var check func(v any, at string)
		check = func(v any, at string) {
			switch v := v.(type) {
			case map[string]any:
				if v["type"] == "integer" {
					lo, _ := v["minimum"].(json.Number).Int64()
					hi, _ := v["maximum"].(json.Number).Int64()
					if v["minimum"] == nil || v["maximum"] == nil || lo < -maxSafeInteger || hi > maxSafeInteger {
						t.Errorf("%s: integer bounds %v..%v", at, v["minimum"], v["maximum"])
					}
				}
				for k, c := range v {
					check(c, at+"/"+k)
				}
			case []any:
				for i, c := range v {
					check(c, fmt.Sprintf("%s/%d", at, i))
				}
			}
		}
		check(v, "#")
	}
}

// TestUnknownRuleFails: a validate tag the mapping does not know stops
// generation, so a new rule cannot be silently missing from the schema.
func TestUnknownRuleFails(t *testing.T) {
	for _, tag := range []string{"bogus", "omitempty,max=5,bogus", "required,len=3", "oneof=a b|c", "dive,task", "prose=5", "phone=1", "max=x"} {
		typ := reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`json:"x" validate:"` + tag + `"`)}})
		s := reflector().ReflectFromType(typ)
		m := &mapper{lang: diag.EN, ns: "test"}
		err := m.walk(typ, s, "")
		if err == nil {
			t.Errorf("validate:%q: no error", tag)
		} else if !strings.Contains(err.Error(), "schema/doc.go") {
			t.Errorf("validate:%q: %v", tag, err)
		}
	}
}

// TestPlanExportMatchesItsSchema: the plan's own export passes its schema.
func TestPlanExportMatchesItsSchema(t *testing.T) {
	for _, l := range []diag.Lang{diag.VI, diag.EN} {
		text, err := Plan(l)
		if err != nil {
			t.Fatal(err)
		}
		s := compile(t, text)
		b, _ := json.Marshal(plan.Default().Export())
		v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
}

// TestUnitsSchemaAgreesWithParseUnits checks the units schema against
// plan.ParseUnits on single-unit files (the schema cannot check rules
// between units, nor the group-12 start date).
func TestUnitsSchemaAgreesWithParseUnits(t *testing.T) {
	text, err := Units(diag.EN)
	if err != nil {
		t.Fatal(err)
	}
	s := compile(t, text)
	long := strings.Repeat("a", plan.MaxCodeLen)
	longName := strings.Repeat("ệ", plan.MaxNameLen)
	units := []string{
		`{"code": "xa-thu-nghiem", "name": "UBND xã Thử Nghiệm", "group": 11, "from": "2025-07-01"}`,
		`{"code": "xa-thu-nghiem", "name": "UBND xã Thử Nghiệm", "english": "Thu Nghiem Commune", "group": 11, "from": "2025-07-01", "until": "2026-01-01"}`,
		`{"code": "` + long + `", "name": "` + longName + `", "group": 2, "from": "2024-01-01"}`,
		`{"code": "` + long + `a", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "x", "name": "` + longName + `ệ", "group": 2, "from": "2024-01-01"}`,
		`{"code": "Phuong", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "a--b", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "-ab", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "ab-", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "a_b", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "", "name": "X", "group": 2, "from": "2024-01-01"}`,
		`{"code": "ab", "name": "", "group": 2, "from": "2024-01-01"}`,
		`{"code": "ab", "name": "X", "group": 1, "from": "2024-01-01"}`,
		`{"code": "ab", "name": "X", "group": 12, "from": "2025-07-01"}`,
		`{"code": "ab", "name": "X", "group": 13, "from": "2024-01-01"}`,
		`{"code": "ab", "name": "X", "group": 0, "from": "2024-01-01"}`,
		`{"code": "ab", "name": "X", "from": "2024-01-01"}`,
		`{"code": "ab", "name": "X", "group": 3}`,
		`{"code": "ab", "name": "X", "group": 3, "from": "2024-02-30"}`,
		`{"code": "ab", "name": "X", "group": 3, "from": "2024-01-01", "extra": 1}`,
	}
	for _, u := range units {
		file := `{"units": [` + u + `]}`
		_, goErr := plan.ParseUnits("units.json", []byte(file))
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(file))
		schemaErr := s.Validate(v)
		if (goErr == nil) != (schemaErr == nil) {
			t.Errorf("%s: ParseUnits: %v; schema: %v", u, goErr, schemaErr)
		}
	}
}

func TestForBodyPinsTasks(t *testing.T) {
	reg := plan.Default()
	on := plan.D(2025, 11, 15)
	tasks, err := reg.Tasks("so-noi-vu", on)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ForBody(reg, "so-noi-vu", on, diag.EN)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties struct {
			Body  struct{ Const string }
			Tasks struct {
				MinItems, MaxItems int
				AllOf              []struct{ MinContains, MaxContains int }
				Items              struct {
					Properties struct{ Task struct{ Enum []string } }
				}
			}
		}
	}
	json.Unmarshal(b, &s)
	tp := s.Properties.Tasks
	var ids []string
	for _, t := range tasks {
		ids = append(ids, t.ID)
	}
	sort.Strings(ids)
	got := append([]string(nil), tp.Items.Properties.Task.Enum...)
	sort.Strings(got)
	if s.Properties.Body.Const != "so-noi-vu" || tp.MinItems != len(tasks) || tp.MaxItems != len(tasks) ||
		len(tp.AllOf) != len(tasks) || !reflect.DeepEqual(got, ids) {
		t.Errorf("pinned schema: %+v, want tasks %v", s.Properties, ids)
	}
	for _, c := range tp.AllOf {
		if c.MinContains != 1 || c.MaxContains != 1 {
			t.Errorf("contains %+v", c)
		}
	}
	if _, err := ForBody(reg, "quan-ba-dinh", on, diag.VI); err == nil {
		t.Error("a district after 30/6/2025: no error")
	}
	if _, err := ForBody(reg, "so-khong-co", on, diag.VI); err == nil {
		t.Error("unknown body: no error")
	}
}
