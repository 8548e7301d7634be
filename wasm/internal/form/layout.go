package form

import (
	"slices"
	"strings"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Kind is the kind of control a field is.
type Kind int

// Field kinds.
const (
	Line   Kind = iota // a one-line text input
	Prose              // a textarea with a character count
	Number             // a whole number (text input, numeric keyboard)
	Day                // a date written 15/11/2024
	Radios             // one choice from a few, as radio buttons
	Checks             // any of a few choices, as checkboxes; the value is the chosen values separated by spaces, in the order chosen
)

// Choice is one radio button of a Radios field.
type Choice struct {
	Value string
	Label Text
}

// Field is one question of the form. Key identifies it in Values, drafts,
// problems and element ids.
type Field struct {
	Key      string
	Kind     Kind
	Label    Text
	Hint     Text
	Optional bool
	// MaxChars is the limit of Line and Prose fields, in characters.
	MaxChars int
	// Unit is what a Number counts ("đơn vị", "đồng").
	Unit Text
	// Choices are the options of a Radios field.
	Choices []Choice
	// Autocomplete and InputType tune the control ("tel", "email").
	Autocomplete, InputType string
	// Extra marks an indicator the catalogue does not suggest for the
	// body: it is shown only once added (its key is in the values), and
	// can be removed again.
	Extra bool
}

// Group is a block of fields under one heading: a task, an indicator
// area, or a whole section.
type Group struct {
	ID    string
	Title Text // empty for a section's only group
	// Quote is the plan's verbatim text of a task (Vietnamese only).
	Quote  string
	Gloss  string // the task's English gloss
	Fields []*Field
	// Fieldset groups the fields under Title as a legend (indicator areas).
	Fieldset bool
}

// Section is a part of the form with its own heading and its own change
// link on the check-answers view.
type Section struct {
	ID     string
	Title  Text
	Intro  Text
	Groups []*Group
}

// Form is the form for one body, period and report date.
type Form struct {
	Body     plan.Body
	Period   plan.Period
	Date     plan.Date // the report date the form was laid out for
	Due      plan.Date // zero when the body has no report due for the period
	Today    plan.Date // the day the form was laid out
	Tasks    []plan.Task
	Sections []*Section

	fields []*Field          // in document order
	byKey  map[string]int    // key → index in fields
	ptr    map[string]string // JSON Pointer → field key
}

// Config selects a form.
type Config struct {
	Registry *plan.Registry // nil: plan.Default()
	Body     string
	Period   plan.Period
	// Date is the report date; zero means DefaultDate(Today).
	Date  plan.Date
	Today plan.Date // zero: plan.Today()
}

// Activity choices of a task: the seven contents of Điều 2, in order.
func activityChoices() []Choice {
	var cs []Choice
	for _, a := range plan.Activities() {
		cs = append(cs, Choice{a.ID, Text{upperFirst(a.Name), upperFirst(a.English)}})
	}
	return cs
}

// Status choices of a task, in the order of report.Status, in its words.
var statuses = func() []Choice {
	var cs []Choice
	for _, s := range []report.Status{report.Done, report.InProgress, report.NotStarted} {
		cs = append(cs, Choice{string(s), Text{s.Vietnamese(), s.English()}})
	}
	return cs
}()

// Keys of the fields that are not tied to a task or an indicator.
const (
	KeyReportDate   = "reportDate"
	KeyDataCutoff   = "dataCutoff"
	KeyReference    = "reference"
	KeyDifficulties = "difficulties"
	KeyProposals    = "proposals"
	KeyPrepName     = "preparedBy/name"
	KeyPrepPosition = "preparedBy/position"
	KeyPrepPhone    = "preparedBy/phone"
	KeyPrepEmail    = "preparedBy/email"
	KeySignName     = "signedBy/name"
	KeySignPosition = "signedBy/position"
)

// StatusKey, TextKey, ReasonKey and ActivitiesKey are the keys of a task's
// status, results, reason and activity contents; IndicatorKey is the key
// of an indicator.
func StatusKey(task string) string     { return "task/" + task + "/status" }
func TextKey(task string) string       { return "task/" + task + "/text" }
func ReasonKey(task string) string     { return "task/" + task + "/reason" }
func ActivitiesKey(task string) string { return "task/" + task + "/activities" }
func IndicatorKey(code string) string  { return "indicator/" + code }

// New lays out the form. It fails with a diag.List when the body is
// unknown, the period is invalid or the body does not exist on the date.
func New(c Config) (*Form, error) {
	reg := c.Registry
	if reg == nil {
		reg = plan.Default()
	}
	if err := c.Period.Check(); err != nil {
		return nil, err.(diag.List).Under("/period")
	}
	body, err := reg.Body(c.Body)
	if err != nil {
		return nil, err
	}
	due, _ := reg.Due(body.ID, c.Period)
	today := c.Today
	if today.IsZero() {
		today = plan.Today()
	}
	date := c.Date
	if date.IsZero() {
		date = DefaultDate(body, c.Period, due, today)
	}
	tasks, err := reg.Tasks(body.ID, date)
	if err != nil {
		return nil, err
	}
	f := &Form{Body: body, Period: c.Period, Date: date, Due: due, Today: today, Tasks: tasks}
	f.layout()
	return f, nil
}

// DefaultDate is the report date a form starts with: the first of today,
// the due date and the last day of the period's data window that falls in
// that window on a day the body exists; else the body's last day; else
// today.
func DefaultDate(b plan.Body, p plan.Period, due, today plan.Date) plan.Date {
	start, end := p.Window()
	for _, d := range []plan.Date{today, due, end} {
		if !d.IsZero() && !d.Before(start) && !d.After(end) && b.ExistsOn(d) {
			return d
		}
	}
	if !b.Until.IsZero() {
		return b.Until
	}
	return today
}

func (f *Form) layout() {
	_, windowEnd := f.Period.Window()
	// A field's label, hint and limit are its report member's (ptr, of
	// the item of task for a task's fields): report.Field.
	end := FormatDay(windowEnd)
	field := func(key string, kind Kind, ptr, task string) *Field {
		ft, _ := report.Field(ptr)
		hint := Text{strings.ReplaceAll(ft.Hint.VI, "{end}", end), strings.ReplaceAll(ft.Hint.EN, "{end}", end)}
		return &Field{Key: key, Kind: kind, Label: Text(ft.Label(task)), Hint: hint, MaxChars: ft.MaxLength}
	}
	with := func(fd *Field, set func(*Field)) *Field { set(fd); return fd }
	title := func(ptr string) Text { ft, _ := report.Field(ptr); return Text(ft.Label("")) }
	about := &Section{ID: "about", Title: Text{"Thông tin chung", "About the report"}, Groups: []*Group{{ID: "about", Fields: []*Field{
		field(KeyReportDate, Day, "/reportDate", ""),
		with(field(KeyDataCutoff, Day, "/dataCutoff", ""), func(fd *Field) { fd.Optional = true }),
		with(field(KeyReference, Line, "/reference", ""), func(fd *Field) { fd.Optional, fd.Autocomplete = true, "off" }),
	}}}}

	tasks := &Section{ID: "tasks", Title: title("/tasks"),
		Intro: Text{"Với mỗi nhiệm vụ Kế hoạch giao, chọn tình trạng và nêu kết quả, hoặc lý do nếu chưa thực hiện.",
			"For each task the plan assigns, choose how far it has come and give the results, or the reason if it has not started."}}
	if len(f.Tasks) == 1 { // a one-task body: the short form speaks of its task
		ft, _ := report.Field("/tasks/*/results")
		tasks.Title = Text(ft.Label(f.Tasks[0].ID))
		tasks.Intro = Text{"Chọn tình trạng thực hiện nhiệm vụ Kế hoạch giao và nêu kết quả, hoặc lý do nếu chưa thực hiện.",
			"Choose how far the task the plan assigns has come and give the results, or the reason if it has not started."}
	}
	for _, t := range f.Tasks {
		tasks.Groups = append(tasks.Groups, &Group{ID: "task-" + t.ID, Title: Text{"Nhiệm vụ " + t.ID, "Task " + t.ID}, Quote: t.Text, Gloss: t.English,
			Fields: []*Field{
				with(field(StatusKey(t.ID), Radios, "/tasks/*/status", t.ID), func(fd *Field) { fd.Choices = statuses }),
				field(TextKey(t.ID), Prose, "/tasks/*/results", t.ID),
				with(field(ReasonKey(t.ID), Prose, "/tasks/*/reason", t.ID), func(fd *Field) { fd.Optional = true }),
				with(field(ActivitiesKey(t.ID), Checks, "/tasks/*/activities", t.ID), func(fd *Field) { fd.Optional, fd.Choices = true, activityChoices() }),
			}})
	}

	inds := &Section{ID: "indicators", Title: title("/indicators"),
		Intro: Text{"Nhập các số liệu có được, là số nguyên, ví dụ 322.000 hoặc 322 000. Bỏ trống chỉ tiêu không có số liệu.",
			"Give the figures you have, as whole numbers such as 322.000 or 322 000. Leave out those you have no figure for."}}
	all := plan.Indicators()
	for _, a := range plan.Areas() {
		g := &Group{ID: "area-" + a.ID, Title: Text{a.Title, a.English}, Fieldset: true}
		for _, in := range all {
			if in.Area == a.ID {
				g.Fields = append(g.Fields, &Field{Key: IndicatorKey(in.Code), Kind: Number, Label: Text{in.Name, in.English},
					Unit: Text{in.Unit, in.UnitEnglish}, Optional: true, Autocomplete: "off", Extra: !slices.Contains(in.Groups, f.Body.Group)})
			}
		}
		if len(g.Fields) > 0 {
			inds.Groups = append(inds.Groups, g)
		}
	}

	optional := func(fd *Field) { fd.Optional = true }
	auto := func(a string) func(*Field) { return func(fd *Field) { fd.Autocomplete = a } }
	difficulties, proposals := title("/difficulties"), title("/proposals")
	remarks := &Section{ID: "remarks", Title: Text{difficulties.VI + " và " + lowerFirst(proposals.VI), difficulties.EN + " and " + lowerFirst(proposals.EN)},
		Groups: []*Group{{ID: "remarks", Fields: []*Field{
			with(field(KeyDifficulties, Prose, "/difficulties", ""), optional),
			with(field(KeyProposals, Prose, "/proposals", ""), optional),
		}}}}
	prep := &Section{ID: "preparer", Title: title("/preparedBy"),
		Intro: Text{"Người có thể trả lời các câu hỏi về báo cáo này.", "The person to contact about this report."},
		Groups: []*Group{{ID: "preparer", Fields: []*Field{
			with(field(KeyPrepName, Line, "/preparedBy/name", ""), auto("name")),
			with(field(KeyPrepPosition, Line, "/preparedBy/position", ""), auto("organization-title")),
			with(field(KeyPrepPhone, Line, "/preparedBy/phone", ""), func(fd *Field) { fd.InputType, fd.Autocomplete = "tel", "tel" }),
			with(field(KeyPrepEmail, Line, "/preparedBy/email", ""), func(fd *Field) { fd.Optional, fd.InputType, fd.Autocomplete = true, "email", "email" }),
		}}}}
	sign := &Section{ID: "signer", Title: title("/signedBy"), Groups: []*Group{{ID: "signer", Fields: []*Field{
		with(field(KeySignName, Line, "/signedBy/name", ""), auto("off")),
		with(field(KeySignPosition, Line, "/signedBy/position", ""), auto("off")),
	}}}}
	f.Sections = []*Section{about, tasks, inds, remarks, prep, sign}

	f.byKey = map[string]int{}
	for _, s := range f.Sections {
		for _, g := range s.Groups {
			for _, fd := range g.Fields {
				f.byKey[fd.Key] = len(f.fields)
				f.fields = append(f.fields, fd)
			}
		}
	}
	f.pointers()
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Fields returns the fields in document order: the order of the error
// summary and of the check-answers view.
func (f *Form) Fields() []*Field { return f.fields }

// Field returns the field with the given key, or nil.
func (f *Form) Field(key string) *Field {
	if i, ok := f.byKey[key]; ok {
		return f.fields[i]
	}
	return nil
}

// SectionOf returns the ID of the section that holds field key.
func (f *Form) SectionOf(key string) string {
	for _, s := range f.Sections {
		for _, g := range s.Groups {
			for _, fd := range g.Fields {
				if fd.Key == key {
					return s.ID
				}
			}
		}
	}
	return ""
}

// taskPart splits the key of a task's field into the task ID and the
// part ("status", "text", "reason", "activities"); "", "" for others.
func taskPart(key string) (task, part string) {
	rest, ok := strings.CutPrefix(key, "task/")
	if !ok {
		return "", ""
	}
	i := strings.LastIndexByte(rest, '/')
	if i < 0 {
		return "", ""
	}
	return rest[:i], rest[i+1:]
}

// Optional reports whether field key may be left empty given the values:
// a task's results may when it has not started, its reason may unless it
// has not started.
func (f *Form) Optional(key string, v Values) bool {
	fd := f.Field(key)
	if fd == nil {
		return true
	}
	switch task, part := taskPart(key); part {
	case "text":
		return v[StatusKey(task)] == string(report.NotStarted)
	case "reason":
		return v[StatusKey(task)] != string(report.NotStarted)
	}
	return fd.Optional
}

// Shown reports whether field key is on show given the values: an extra
// indicator once added, a task's reason once the task is not done or the
// reason has text. Hidden fields hold no text, so nothing typed is hidden.
func (f *Form) Shown(key string, v Values) bool {
	fd := f.Field(key)
	if fd == nil {
		return false
	}
	if fd.Extra {
		_, ok := v[key]
		return ok
	}
	if task, part := taskPart(key); part == "reason" {
		st := v[StatusKey(task)]
		return st == string(report.InProgress) || st == string(report.NotStarted) || strings.TrimSpace(v[key]) != ""
	}
	return true
}

// GroupShown reports whether any field of group g is shown.
func (f *Form) GroupShown(g *Group, v Values) bool {
	for _, fd := range g.Fields {
		if f.Shown(fd.Key, v) {
			return true
		}
	}
	return false
}

// Overdue reports whether the report is past its due date today.
func (f *Form) Overdue() bool { return !f.Due.IsZero() && f.Today.After(f.Due) }

// Extras are the indicators the catalogue does not suggest for the body
// and that are not shown: those that can be added.
func (f *Form) Extras(v Values) []*Field {
	var out []*Field
	for _, fd := range f.fields {
		if fd.Extra && !f.Shown(fd.Key, v) {
			out = append(out, fd)
		}
	}
	return out
}
