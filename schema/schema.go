package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	js "github.com/invopop/jsonschema"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Base is the base URI of every schema's $id: a neutral, unregistered name
// (".example" is reserved by RFC 2606) that fixes the schemas' identities,
// not where they are served. Integrators may host the files anywhere; the
// path after Base is the file's path under schema/, and v1 follows
// report.SchemaVersion.
var Base = fmt.Sprintf("https://kh164.example/schema/v%d/", report.SchemaVersion)

// Snapshot is the date of the committed per-body schemas
// (schema/bodies/2026-11-15/*.schema.json): a fixed date, not today, so
// that generated files are reproducible. Change it (and run go generate
// ./...) to publish a new snapshot.
var Snapshot = plan.D(2026, time.November, 15)

// Report returns the general JSON Schema of a report (report.Report) for
// the bodies of reg, with titles and descriptions in lang.
func Report(reg *plan.Registry, lang diag.Lang) ([]byte, error) {
	s, err := reportSchema(reg, lang, "", plan.Date{})
	if err != nil {
		return nil, err
	}
	return render(s)
}

// ForBody returns the JSON Schema of a report by body id on date on: the
// body is fixed and the tasks are exactly those it answers for on that
// date, each once. It fails if the body does not exist on that date or has
// no task then.
func ForBody(reg *plan.Registry, id string, on plan.Date, lang diag.Lang) ([]byte, error) {
	s, err := reportSchema(reg, lang, id, on)
	if err != nil {
		return nil, err
	}
	return render(s)
}

// Plan returns the JSON Schema of the plan's JSON export (plan.Export,
// planreport plan --format json).
func Plan(lang diag.Lang) ([]byte, error) {
	s, err := planSchema(lang)
	if err != nil {
		return nil, err
	}
	return render(s)
}

// Units returns the JSON Schema of a portal's units file (plan.UnitsFile).
func Units(lang diag.Lang) ([]byte, error) {
	s, err := unitsSchema(lang)
	if err != nil {
		return nil, err
	}
	return render(s)
}

// Files returns the committed schema files, by path under schema/: the
// general report schema, the per-body schemas of every body that reports
// on Snapshot except the 126 built-in commune-level units (they share
// group 12's tasks; ForBody makes theirs on demand), and the plan and units schemas, each in Vietnamese
// (NAME.schema.json) and English (NAME.schema.en.json).
func Files(reg *plan.Registry) (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(name string, f func(diag.Lang) ([]byte, error)) error {
		for _, l := range []diag.Lang{diag.VI, diag.EN} {
			b, err := f(l)
			if err != nil {
				return err
			}
			out[fileName(name, l)] = b
		}
		return nil
	}
	if err := add("report", func(l diag.Lang) ([]byte, error) { return Report(reg, l) }); err != nil {
		return nil, err
	}
	if err := add("plan", Plan); err != nil {
		return nil, err
	}
	if err := add("units", Units); err != nil {
		return nil, err
	}
	for _, b := range reg.Reporters(Snapshot) {
		if b.Kind == plan.KindCommune {
			continue // 126 units with group 12's tasks: made on demand (ForBody), not committed
		}
		err := add(bodyName(b.ID, Snapshot), func(l diag.Lang) ([]byte, error) { return ForBody(reg, b.ID, Snapshot, l) })
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fileName is the path under schema/ of schema name in language l, and the
// path of its $id under Base.
func fileName(name string, l diag.Lang) string {
	if l == diag.EN {
		return name + ".schema.en.json"
	}
	return name + ".schema.json"
}

func bodyName(id string, on plan.Date) string { return "bodies/" + on.String() + "/" + id }

// ID returns the $id of a schema file (a path returned by Files).
func ID(file string) string { return Base + file }

func reportSchema(reg *plan.Registry, lang diag.Lang, bodyID string, on plan.Date) (*js.Schema, error) {
	m := &mapper{lang: lang, ns: "report", labels: true}
	for _, b := range reg.Bodies() {
		m.bodies = append(m.bodies, b.ID)
	}
	for _, t := range plan.Tasks() {
		m.tasks = append(m.tasks, t.ID)
	}
	var body plan.Body
	var tasks []plan.Task
	if bodyID != "" {
		var err error
		if body, err = reg.Body(bodyID); err != nil {
			return nil, err
		}
		if tasks, err = reg.Tasks(bodyID, on); err != nil {
			return nil, err
		}
		if len(tasks) == 0 {
			return nil, diag.List{diag.New("", "no_tasks",
				fmt.Sprintf("%s không được giao nhiệm vụ nào vào ngày %s.", body.Name, on.Vietnamese()),
				fmt.Sprintf("%s answers for no task on %s.", body.English, on), "body", bodyID, "date", on.String())}
		}
		m.body = bodyID
		m.bodies = []any{bodyID}
		m.tasks = nil
		for _, t := range tasks {
			m.tasks = append(m.tasks, t.ID)
		}
	}
	s := reflector().Reflect(&report.Report{})
	if err := m.walk(reflect.TypeFor[report.Report](), s, ""); err != nil {
		return nil, err
	}
	// The body conditional: a report for a kind of period comes only from
	// a body that has a duty of that kind in some year (plan duties). It is
	// written "if the body is one of the others, the kind is not that
	// kind", so that the error is at /period/kind, where the checker
	// reports it (half_year_not_due), and an unknown body is only an
	// unknown body.
	for _, k := range plan.PeriodKinds {
		others := withoutDuty(reg, k, m)
		if len(others) == 0 {
			continue
		}
		s.AllOf = append(s.AllOf, &js.Schema{
			If: &js.Schema{Properties: props("body", &js.Schema{Enum: others}), Required: []string{"body"}},
			Then: &js.Schema{Properties: props("period", &js.Schema{
				Type:       "object",
				Properties: props("kind", &js.Schema{Not: &js.Schema{Const: string(k)}}),
			})},
		})
	}
	name := "report"
	s.Comments = "Generated by package github.com/kh164/kh164/schema from report.Report and report/rules.go; do not edit. Rules no schema can express (dates against the period and the body's existence, NFC normalisation) are listed in schema/doc.go."
	if bodyID != "" {
		name = bodyName(bodyID, on)
		pin(s, len(tasks))
		ids := make([]string, len(tasks))
		for i, t := range tasks {
			ids[i] = t.ID
		}
		if lang == diag.EN {
			s.Title = fmt.Sprintf("Report of %s (tasks as of %s)", body.English, on)
			s.Description = fmt.Sprintf("Report by %s (ID %s) under Plan 164/KH-UBND, for the tasks it answers for on %s: %s, each exactly once.", body.English, body.ID, on, strings.Join(ids, ", "))
		} else {
			s.Title = fmt.Sprintf("Báo cáo của %s (nhiệm vụ tại ngày %s)", body.Name, on.Vietnamese())
			s.Description = fmt.Sprintf("Báo cáo của %s (mã %s) theo Kế hoạch 164/KH-UBND, cho các nhiệm vụ được giao vào ngày %s: %s, mỗi nhiệm vụ đúng một lần.", body.Name, body.ID, on.Vietnamese(), strings.Join(ids, ", "))
		}
	}
	s.ID = js.ID(ID(fileName(name, lang)))
	bound(s)
	return s, nil
}

// pin fixes the task list of a per-body schema to n items, each task of
// the (already pinned) enum exactly once.
func pin(s *js.Schema, n int) {
	tasks, _ := s.Properties.Get("tasks")
	tasks.MinItems, tasks.MaxItems = uint64p(uint64(n)), uint64p(uint64(n))
	for _, c := range tasks.AllOf {
		if c.Contains != nil {
			c.MinContains = uint64p(1)
		}
	}
}

// withoutDuty returns the IDs of the bodies the schema admits (m.body or
// m.bodies) that file no report of kind k in any year from plan.FirstYear
// to plan.LastYear, in registry order.
func withoutDuty(reg *plan.Registry, k plan.PeriodKind, m *mapper) []any {
	has := map[string]bool{}
	for y := plan.FirstYear; y <= plan.LastYear; y++ {
		for _, b := range reg.Expected(plan.Period{Kind: k, Year: y}) {
			has[b.ID] = true
		}
	}
	var ids []any
	for _, id := range m.bodies {
		if !has[id.(string)] && (m.body == "" || m.body == id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func planSchema(lang diag.Lang) (*js.Schema, error) {
	m := &mapper{lang: lang, ns: "plan"}
	s := reflector().Reflect(&plan.Export{})
	if err := m.walk(reflect.TypeFor[plan.Export](), s, ""); err != nil {
		return nil, err
	}
	v, _ := s.Properties.Get("schemaVersion")
	v.Const = json.Number(fmt.Sprint(plan.ExportVersion))
	s.Comments = "Generated by package github.com/kh164/kh164/schema from plan.Export; do not edit."
	s.ID = js.ID(ID(fileName("plan", lang)))
	bound(s)
	return s, nil
}

func unitsSchema(lang diag.Lang) (*js.Schema, error) {
	m := &mapper{lang: lang, ns: "units", labels: true}
	s := reflector().Reflect(&plan.UnitsFile{})
	if err := m.walk(reflect.TypeFor[plan.UnitsFile](), s, ""); err != nil {
		return nil, err
	}
	units, _ := s.Properties.Get("units")
	unitRules(units.Items)
	s.Comments = "Generated by package github.com/kh164/kh164/schema from plan.UnitsFile; do not edit. The rules between units (unique codes, not a built-in body's ID, from before until, group 12 only after the district level ended) are checked by plan.ParseUnits."
	s.ID = js.ID(ID(fileName("units", lang)))
	bound(s)
	return s, nil
}

// render writes s as the committed files are: keys sorted, two-space
// indent, no HTML escaping, a final newline.
func render(s *js.Schema) ([]byte, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetIndent("", "  ")
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
