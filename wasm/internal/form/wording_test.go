package form

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// The wording test: every output that names a field of the report names
// it with the same words. It reads the outputs themselves: the committed
// JSON Schemas (titles, in both languages), the form's labels and section
// titles, the checker's messages, the body's and the compiled documents'
// headings and the compiled Markdown. They all come from report.Field;
// a field worded anew in any one of them fails here.

// schemaTitles are the titles of the committed report schema in lang, by
// pointer pattern.
func schemaTitles(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../../../schema/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	var walk func(s map[string]any, ptr string)
	walk = func(s map[string]any, ptr string) {
		if title, ok := s["title"].(string); ok {
			titles[ptr] = title
		}
		if props, ok := s["properties"].(map[string]any); ok {
			for name, p := range props {
				walk(p.(map[string]any), ptr+"/"+name)
			}
		}
		for _, k := range []string{"items", "additionalProperties"} {
			if sub, ok := s[k].(map[string]any); ok {
				walk(sub, ptr+"/*")
			}
		}
	}
	walk(root, "")
	return titles
}

// generic is a task item's label as the schema has it: the task named
// without its ID ("nhiệm vụ III.6.1" → "nhiệm vụ", "task III.6.1" → "the
// task").
func generic(s, task string) string {
	if task == "" {
		return s
	}
	return strings.NewReplacer("nhiệm vụ "+task, "nhiệm vụ", "task "+task, "the task").Replace(s)
}

func TestWordingAgrees(t *testing.T) {
	vi, en := schemaTitles(t, "report.schema.json"), schemaTitles(t, "report.schema.en.json")
	title := func(ptr string) Text { return Text{vi[ptr], en[ptr]} }
	for _, f := range report.Fields() {
		if (vi[f.Pointer] == "" || en[f.Pointer] == "") && f.Pointer != "/indicators/*" { // each indicator has the plan's title
			t.Errorf("%q: the schema has no title", f.Pointer)
		}
	}

	// The form: each field's label, each section's title.
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	on := plan.D(2026, 11, 15)
	seen := map[string]bool{}
	for _, body := range []string{"so-y-te", "hoi-ctd"} {
		fm, err := New(Config{Body: body, Period: p, Date: on, Today: on})
		if err != nil {
			t.Fatal(err)
		}
		own := map[string]string{} // key → the field's own member, the longest pointer to it
		for ptr, key := range fm.ptr {
			if len(ptr) > len(own[key]) {
				own[key] = ptr
			}
		}
		for key, ptr := range own {
			fd := fm.Field(key)
			ft, ok := report.Field(ptr)
			if !ok || fd.Kind == Number { // indicators are named by the plan
				continue
			}
			task, _ := taskPart(key)
			got := Text{generic(fd.Label.VI, task), generic(fd.Label.EN, task)}
			if got != title(ft.Pointer) {
				t.Errorf("%s: the form says %q, the schema %q", ptr, fd.Label, title(ft.Pointer))
			}
			seen[ft.Pointer] = true
		}
		sections := map[string]string{"tasks": "/tasks", "indicators": "/indicators", "preparer": "/preparedBy", "signer": "/signedBy"}
		for _, s := range fm.Sections {
			if ptr, ok := sections[s.ID]; ok && len(fm.Tasks) > 1 && s.Title != title(ptr) {
				t.Errorf("section %s: the form says %q, the schema %q", s.ID, s.Title, title(ptr))
			}
		}
	}
	for _, ptr := range []string{"/reportDate", "/dataCutoff", "/reference", "/tasks/*/status", "/tasks/*/results", "/tasks/*/reason",
		"/tasks/*/activities", "/difficulties", "/proposals", "/preparedBy/name", "/preparedBy/position", "/preparedBy/phone",
		"/preparedBy/email", "/signedBy/name", "/signedBy/position"} {
		if !seen[ptr] {
			t.Errorf("%s: no form field checked", ptr)
		}
	}

	// The messages name each field with its words, lower-cased.
	checkMessagesName(t, title)

	// The documents and the Markdown head their sections with the labels.
	checkDocuments(t, title)
}

// messageCases make an issue about each field that messages name; the
// issue found is the first at a pointer starting with path and with code.
var messageCases = map[string]struct {
	path   string
	code   diag.Code
	mutate func(r *report.Report)
}{
	"/schemaVersion":        {"/schemaVersion", diag.InvalidValue, func(r *report.Report) { r.SchemaVersion = 2 }},
	"/plan":                 {"/plan", diag.InvalidValue, func(r *report.Report) { r.Plan = "1/KH-UBND" }},
	"/body":                 {"/body", diag.Required, func(r *report.Report) { r.Body = "" }},
	"/period/kind":          {"/period/kind", diag.InvalidValue, func(r *report.Report) { r.Period.Kind = "monthly" }},
	"/period/year":          {"/period/year", diag.OutOfRange, func(r *report.Report) { r.Period.Year = 1999 }},
	"/reportDate":           {"/reportDate", diag.Required, func(r *report.Report) { r.ReportDate = plan.Date{} }},
	"/dataCutoff":           {"/dataCutoff", diag.CutoffOutsideWindow, func(r *report.Report) { d := plan.D(2020, 1, 1); r.DataCutoff = &d }},
	"/reference":            {"/reference", diag.TooLong, func(r *report.Report) { r.Reference = strings.Repeat("1", report.MaxReference+1) }},
	"/tasks":                {"/tasks", diag.TooFew, func(r *report.Report) { r.Tasks = []report.TaskResult{} }},
	"/tasks/*/task":         {"/tasks/0/task", diag.UnknownTask, func(r *report.Report) { r.Tasks[0].Task = "III.99.1" }},
	"/tasks/*/status":       {"/tasks/0/status", diag.InvalidValue, func(r *report.Report) { r.Tasks[0].Status = "paused" }},
	"/tasks/*/results":      {"/tasks/0/results", diag.Required, func(r *report.Report) { r.Tasks[0].Results = "" }},
	"/tasks/*/reason":       {"/tasks/0/reason", diag.Required, func(r *report.Report) { r.Tasks[0].Status, r.Tasks[0].Results = report.NotStarted, "" }},
	"/tasks/*/activities":   {"/tasks/0/activities/", diag.DuplicateActivity, func(r *report.Report) { r.Tasks[0].Activities = []string{"relief", "relief"} }},
	"/tasks/*/activities/*": {"/tasks/0/activities/0", diag.UnknownActivity, func(r *report.Report) { r.Tasks[0].Activities = []string{"parade"} }},
	"/indicators":           {"/indicators/", diag.UnknownIndicator, func(r *report.Report) { r.Indicators = map[string]int64{"parades": 1} }},
	"/difficulties":         {"/difficulties", diag.TooLong, func(r *report.Report) { r.Difficulties = strings.Repeat("a", report.MaxProse+1) }},
	"/proposals":            {"/proposals", diag.TooLong, func(r *report.Report) { r.Proposals = strings.Repeat("a", report.MaxProse+1) }},
	"/preparedBy/name":      {"/preparedBy/name", diag.Required, func(r *report.Report) { r.PreparedBy.Name = "" }},
	"/preparedBy/position":  {"/preparedBy/position", diag.Required, func(r *report.Report) { r.PreparedBy.Position = "" }},
	"/preparedBy/phone":     {"/preparedBy/phone", diag.Required, func(r *report.Report) { r.PreparedBy.Phone = "" }},
	"/preparedBy/email":     {"/preparedBy/email", diag.InvalidEmail, func(r *report.Report) { r.PreparedBy.Email = "a@b" }},
	"/signedBy/name":        {"/signedBy/name", diag.Required, func(r *report.Report) { r.SignedBy.Name = "" }},
	"/signedBy/position":    {"/signedBy/position", diag.Required, func(r *report.Report) { r.SignedBy.Position = "" }},
}

// unnamed are the members no message names: objects and items whose own
// members have the issues, and the indicators' values, which the plan
// names (plan.Indicators).
var unnamed = map[string]bool{"": true, "/period": true, "/tasks/*": true, "/indicators/*": true, "/preparedBy": true, "/signedBy": true}

func checkMessagesName(t *testing.T, title func(string) Text) {
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	for _, f := range report.Fields() {
		c, ok := messageCases[f.Pointer]
		if !ok {
			if !unnamed[f.Pointer] {
				t.Errorf("%q: no case makes a message about it", f.Pointer)
			}
			continue
		}
		r, err := sample.ReportAt(plan.Default(), "so-y-te", p, plan.D(2026, 11, 15))
		if err != nil {
			t.Fatal(err)
		}
		task := r.Tasks[0].Task
		c.mutate(r)
		var l diag.List
		errors.As(report.Validate(r), &l)
		var found *diag.Issue
		for i, is := range l {
			if strings.HasPrefix(is.Path, c.path) && is.Code == c.code {
				found = &l[i]
				break
			}
		}
		if found == nil {
			t.Errorf("%s: no %s issue at %s in %v", f.Pointer, c.code, c.path, l)
			continue
		}
		want := title(f.Pointer)
		if strings.HasPrefix(f.Pointer, "/tasks/*/") && f.Pointer != "/tasks/*/task" {
			// The form's label, task ID and all: "kết quả thực hiện nhiệm vụ III.6.1".
			want = Text{strings.Replace(want.VI, "nhiệm vụ", "nhiệm vụ "+task, 1), strings.Replace(want.EN, "the task", "task "+task, 1)}
		}
		if !strings.Contains(strings.ToLower(found.VI), strings.ToLower(want.VI)) || !strings.Contains(strings.ToLower(found.EN), strings.ToLower(want.EN)) {
			t.Errorf("%s: the message\n\t%s\n\t%s\ndoes not name the field as the schema and the form do: %q / %q", found.Path, found.VI, found.EN, want.VI, want.EN)
		}
	}
}

func checkDocuments(t *testing.T, title func(string) Text) {
	reg, p := plan.Default(), plan.Period{Kind: plan.Annual, Year: 2026}
	r, err := sample.ReportAt(reg, "so-y-te", p, plan.D(2026, 11, 15))
	if err != nil {
		t.Fatal(err)
	}
	r.Tasks[0].Status, r.Tasks[0].Reason = report.InProgress, "Chưa đủ kinh phí."
	r.Tasks[0].Activities = []string{"blood_donation"}
	r.Difficulties, r.Proposals = "Thiếu kinh phí.", "Bổ sung kinh phí."
	doc, err := document.BodyReport(r, reg)
	if err != nil {
		t.Fatal(err)
	}
	up := func(ptr string) string { return strings.ToUpper(title(ptr).VI) }
	paras := texts(doc)
	for _, want := range []string{"I. " + up("/tasks"), "II. " + up("/indicators"), "III. " + up("/difficulties"), "IV. " + up("/proposals"),
		title("/tasks/*/status").VI + ": ", title("/tasks/*/reason").VI + ":", title("/tasks/*/activities").VI + ": ", title("/preparedBy").VI + ": "} {
		if !hasPrefix(paras, want) {
			t.Errorf("the body's document has no paragraph starting %q", want)
		}
	}

	data, _ := json.Marshal(r)
	other, err := sample.ReportAt(reg, "so-gddt", p, plan.D(2026, 11, 15))
	if err != nil {
		t.Fatal(err)
	}
	data2, _ := json.Marshal(other)
	at := time.Date(2026, 11, 15, 9, 0, 0, 0, plan.Hanoi)
	c := report.Compile(report.Default(), p, plan.D(2026, 11, 25), []report.Input{{Name: "a.json", Data: data, Received: at}, {Name: "b.json", Data: data2, Received: at}})
	paras = texts(document.Compiled(c, reg, document.Blanks{}))
	for _, want := range []string{"II. " + up("/tasks"), "III. " + up("/indicators"), "IV. " + up("/difficulties"), "V. " + up("/proposals"), title("/tasks/*/reason").VI + ":"} {
		if !hasPrefix(paras, want) {
			t.Errorf("the compiled document has no paragraph starting %q", want)
		}
	}
	var md bytes.Buffer
	if err := c.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(md.String(), "\n")
	for _, want := range []string{"## II. " + title("/tasks").VI, "## III. " + title("/indicators").VI, "## IV. " + title("/difficulties").VI,
		"## V. " + title("/proposals").VI, "*" + title("/tasks/*/reason").VI + ":*"} {
		if !hasPrefix(lines, want) {
			t.Errorf("the compiled Markdown has no line %q", want)
		}
	}
	// The figures' areas: the form's indicator groups, the Markdown's and
	// the documents' headings.
	fm, err := New(Config{Body: "hoi-ctd", Period: p, Date: plan.D(2026, 11, 15)})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range fm.Sections {
		if s.ID != "indicators" {
			continue
		}
		for _, g := range s.Groups {
			if !hasPrefix(lines, "### "+g.Title.VI) {
				t.Errorf("the form's area %q is not a heading of the compiled Markdown", g.Title.VI)
			}
		}
	}
}

// texts are the paragraphs of d's body, runs joined.
func texts(d *document.Doc) []string {
	var out []string
	for _, b := range d.Body {
		if p, ok := b.(document.Para); ok {
			var s strings.Builder
			for _, r := range p.Runs {
				s.WriteString(r.Text)
			}
			out = append(out, s.String())
		}
	}
	return out
}

func hasPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
