package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// CompilationVersion is the version of the Compilation JSON shape. Within
// a version, changes are additive only.
//
// Version 2 judges on time or late on the day of receipt (BodyEntry.Basis),
// lists every version (BodyEntry.Versions) and replaces version 1's
// indicator totals, which added figures of bodies whose activities overlap,
// by Figures.
const CompilationVersion = 2

// Input is one file given to Compile: its name, used in error places, its
// bytes and, when known, when the City Red Cross received it.
type Input struct {
	Name     string
	Data     []byte
	Received time.Time // zero when unknown (files compiled from a folder)
}

// Compilation is what the City Red Cross compiles for one period from the
// reports it received (plan clause III.1.6): who filed and when, what each
// task came to, the indicator totals, the difficulties and proposals, and
// every file that did not count, with the reason. Nothing given to Compile
// is dropped: each input is in Bodies (as the report that counts), Extra,
// OtherPeriod, Superseded or Rejected.
//
// Its JSON form (WriteJSON) is stable within CompilationVersion; slices are
// never null.
type Compilation struct {
	SchemaVersion int         `json:"schemaVersion"`
	Plan          string      `json:"plan"`
	Period        plan.Period `json:"period"`
	AsOf          plan.Date   `json:"asOf"`
	Summary       Summary     `json:"summary"`
	// Bodies are the bodies that owe a report for the period, in the
	// plan's order: by primary group (section III groups 1–12), then in
	// registry order.
	Bodies []BodyEntry `json:"bodies"`
	// Tasks are the tasks of section III in the plan's order, with the
	// results of the reports that count.
	Tasks []TaskEntry `json:"tasks"`
	// Figures are the catalogue's indicators over the reports that count,
	// by area: organisation, overall, then the seven contents of Red Cross
	// activity in the order of plan.Activities. Figures of different bodies
	// are not added up (see Figure).
	Figures []Figure `json:"figures"`
	// Notes are the difficulties and proposals of the reports that count,
	// in the order of Bodies; bodies that wrote neither are left out.
	Notes []Notes `json:"notes"`
	// Extra are valid reports for the period from bodies not expected to
	// file one. They are listed, not counted in tasks and totals.
	Extra []FiledReport `json:"extra"`
	// OtherPeriod are valid reports for another period.
	OtherPeriod []FiledReport `json:"otherPeriod"`
	// Superseded are valid reports replaced by a later report of the same
	// body for the period (see Standing.Report for which one counts).
	Superseded []FiledReport `json:"superseded"`
	// Rejected are the inputs that are not valid reports, in input order.
	Rejected []Rejected `json:"rejected"`
	// Issues are problems of the compilation itself, such as a total too
	// large for an int64; their paths point into the compilation.
	Issues diag.List `json:"issues"`
}

// Summary counts the compilation's entries.
type Summary struct {
	Files       int `json:"files"`    // inputs given
	Expected    int `json:"expected"` // bodies that owe a report
	OnTime      int `json:"onTime"`
	Late        int `json:"late"`
	Missing     int `json:"missing"`
	NotYetDue   int `json:"notYetDue"`
	Rejected    int `json:"rejected"`
	Superseded  int `json:"superseded"`
	Extra       int `json:"extra"`
	OtherPeriod int `json:"otherPeriod"`
}

// BodyEntry is one expected body's filing.
type BodyEntry struct {
	Body string        `json:"body"`
	Name string        `json:"name"`
	Kind plan.BodyKind `json:"kind"`
	// Group is the body's primary group: its own group (plan.Body.Group)
	// when it answers for tasks of that group, otherwise the lowest group
	// among its tasks (Sở Khoa học và Công nghệ, which holds only the
	// tasks of Sở Thông tin và Truyền thông, is in group 3). Its indicators
	// are counted under that group alone.
	Group  int       `json:"group"`
	Filing Filing    `json:"filing"`
	Due    plan.Date `json:"due"`
	// ReportDate, File and Reference are those of the report that counts.
	ReportDate plan.Date `json:"reportDate,omitzero"`
	File       string    `json:"file,omitempty"`
	Reference  string    `json:"reference,omitempty"`
	// Received is when the report that counts was received, when known.
	Received time.Time `json:"received,omitzero"`
	// Filed is the day the body's first version reached the City Red
	// Cross, which decides Filing; Basis says whether it is the day of
	// receipt or, with no receipt time, the report date.
	Filed plan.Date `json:"filed,omitzero"`
	Basis Basis     `json:"basis,omitempty"`
	// Versions are every version the body sent for the period, in the
	// order received; the one that counts has Counts set.
	Versions []VersionEntry `json:"versions"`
	// PreparedBy and SignedBy are those of the report that counts.
	PreparedBy *Preparer `json:"preparedBy,omitempty"`
	SignedBy   *Signer   `json:"signedBy,omitempty"`
	// Tasks are the tasks of the report that counts with their status or,
	// when the body has not filed, the tasks it holds on the due date
	// without a status.
	Tasks []BodyTask `json:"tasks"`
}

// VersionEntry is one version of a body's report for the period.
type VersionEntry struct {
	File       string    `json:"file"`
	ReportDate plan.Date `json:"reportDate"`
	Reference  string    `json:"reference,omitempty"`
	Received   time.Time `json:"received,omitzero"`
	Counts     bool      `json:"counts"`
}

// BodyTask is a task and the status a body reported for it.
type BodyTask struct {
	Task   string `json:"task"`
	Status Status `json:"status,omitempty"`
}

// TaskEntry is one task: how many bodies reached which status, and what
// they wrote.
type TaskEntry struct {
	Task       string `json:"task"`
	Group      int    `json:"group"`
	Done       int    `json:"done"`
	InProgress int    `json:"inProgress"`
	NotStarted int    `json:"notStarted"`
	// NoReport counts the expected bodies that hold the task and have not
	// filed.
	NoReport int           `json:"noReport"`
	Results  []TaskOutcome `json:"results"`
	// Pending are the expected bodies that hold the task and have not
	// filed, in the order of Bodies.
	Pending []Pending `json:"pending"`
}

// Pending is a body that holds a task and has not filed.
type Pending struct {
	Body   string `json:"body"`
	Name   string `json:"name"`
	Filing Filing `json:"filing"` // missing or not_yet_due
}

// TaskOutcome is what one body reported on a task.
type TaskOutcome struct {
	Body    string `json:"body"`
	Name    string `json:"name"`
	Status  Status `json:"status"`
	Results string `json:"results,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// Figure is one catalogue indicator over the reports that count. Figures
// of different bodies are never added up, because the activities of
// departments, the Front and the press done with the Red Cross are also
// counted by the Red Cross (plan.Indicator.City, plan.DisjointKinds):
// City is the City Red Cross's figure, the city's; Values is each body's
// own figure; Subtotals add only bodies disjoint by construction.
type Figure struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Unit   string `json:"unit"`
	Area   string `json:"area"`
	Groups []int  `json:"groups"` // the groups asked for it
	// City is the value of the body whose figure is the city's, when it
	// gave one.
	City *BodyValue `json:"city,omitempty"`
	// Values are the values of every body that gave one, in the order of
	// Bodies (City's body included).
	Values []BodyValue `json:"values"`
	// Subtotals are the sums over the bodies of each kind of
	// plan.Indicator.Subtotals that gave a value.
	Subtotals []Subtotal `json:"subtotals"`
}

// BodyValue is one body's figure.
type BodyValue struct {
	Body  string `json:"body"`
	Name  string `json:"name"`
	Group int    `json:"group"`
	Value int64  `json:"value"`
}

// Subtotal is the sum of an indicator over the bodies of one kind whose
// figures are disjoint by construction. Sums are exact; Overflow marks a
// sum that would pass math.MaxInt64 (it then holds the sum of the reports
// before the one that would overflow, and Issues says so).
type Subtotal struct {
	Kind     plan.BodyKind `json:"kind"`
	Label    string        `json:"label"` // "Cộng các UBND phường, xã"
	Total    int64         `json:"total"`
	Reports  int           `json:"reports"`  // bodies of the kind that gave a value
	Expected int           `json:"expected"` // bodies of the kind that owe a report
	Overflow bool          `json:"overflow,omitempty"`
}

// Notes are the difficulties and proposals of one body's report.
type Notes struct {
	Body         string `json:"body"`
	Name         string `json:"name"`
	Difficulties string `json:"difficulties,omitempty"`
	Proposals    string `json:"proposals,omitempty"`
}

// FiledReport is a valid report that does not count in the compilation.
type FiledReport struct {
	File       string      `json:"file"`
	Body       string      `json:"body"`
	Name       string      `json:"name"`
	Period     plan.Period `json:"period"`
	ReportDate plan.Date   `json:"reportDate"`
	Received   time.Time   `json:"received,omitzero"`
	// SupersededBy is the file of the report that counts instead, for a
	// superseded report.
	SupersededBy string `json:"supersededBy,omitempty"`
}

// Rejected is an input that is not a valid report, with its issues.
type Rejected struct {
	File   string    `json:"file"`
	Issues diag.List `json:"issues"`
}

// Compile parses and validates every input with c and compiles the valid
// reports for period p as of day asOf (see AssessReceipts for which
// version counts and how on time or late is judged). An input with a
// receipt time is also refused when dated after the day it was received
// (report_date_after_receipt). Inputs that fail are listed as Rejected
// with their issues, valid reports for other periods as OtherPeriod, the
// versions that do not count as Superseded.
func Compile(c *Checker, p plan.Period, asOf plan.Date, inputs []Input) *Compilation {
	reg := c.Registry()
	out := &Compilation{
		SchemaVersion: CompilationVersion, Plan: plan.ID, Period: p, AsOf: asOf,
		Bodies: []BodyEntry{}, Tasks: []TaskEntry{}, Figures: []Figure{}, Notes: []Notes{},
		Extra: []FiledReport{}, OtherPeriod: []FiledReport{}, Superseded: []FiledReport{}, Rejected: []Rejected{},
		Issues: diag.List{},
	}
	out.Summary.Files = len(inputs)

	var receipts []Receipt
	file := map[*Report]string{}
	received := map[*Report]time.Time{}
	for _, in := range inputs {
		r, err := c.ParseReceived(in.Name, in.Data, in.Received)
		if err != nil {
			out.Rejected = append(out.Rejected, Rejected{File: in.Name, Issues: issues(in.Name, err)})
			continue
		}
		receipts = append(receipts, Receipt{Report: r, At: in.Received})
		file[r], received[r] = in.Name, in.Received
	}
	a := AssessReceipts(reg, p, asOf, receipts)

	filedReport := func(r *Report) FiledReport {
		f := FiledReport{File: file[r], Body: r.Body, Period: r.Period.Plan(), ReportDate: r.ReportDate, Received: received[r]}
		if b, err := reg.Body(r.Body); err == nil {
			f.Name = b.Name
		}
		return f
	}
	for _, r := range a.Extra {
		out.Extra = append(out.Extra, filedReport(r))
	}
	for _, r := range a.OtherPeriod {
		out.OtherPeriod = append(out.OtherPeriod, filedReport(r))
	}
	for _, s := range a.Superseded {
		f := filedReport(s.Report)
		f.SupersededBy = file[s.By]
		out.Superseded = append(out.Superseded, f)
	}

	// Bodies, in the plan's order.
	standings := map[string]Standing{}
	for _, s := range a.Bodies {
		standings[s.Body.ID] = s
		e := BodyEntry{Body: s.Body.ID, Name: s.Body.Name, Kind: s.Body.Kind, Filing: s.Filing, Due: s.Due, Filed: s.Filed, Basis: s.Basis,
			Received: s.Received, Tasks: []BodyTask{}, Versions: []VersionEntry{}}
		for _, v := range s.Versions {
			e.Versions = append(e.Versions, VersionEntry{File: file[v.Report], ReportDate: v.Report.ReportDate, Reference: v.Report.Reference, Received: v.Received, Counts: v.Counts})
		}
		var groups []int
		if r := s.Report; r != nil {
			e.ReportDate, e.File, e.Reference = r.ReportDate, file[r], r.Reference
			e.PreparedBy, e.SignedBy = &r.PreparedBy, &r.SignedBy
			for _, t := range r.Tasks {
				e.Tasks = append(e.Tasks, BodyTask{Task: t.Task, Status: t.Status})
				if task, err := plan.TaskByID(t.Task); err == nil {
					groups = append(groups, task.Group)
				}
			}
		} else {
			ts, _ := reg.Tasks(s.Body.ID, s.Due) // an expected body exists on its due date
			for _, t := range ts {
				e.Tasks = append(e.Tasks, BodyTask{Task: t.ID})
				groups = append(groups, t.Group)
			}
		}
		e.Group = primaryGroup(s.Body, groups)
		out.Bodies = append(out.Bodies, e)
		out.Summary.count(s.Filing)
	}
	slices.SortStableFunc(out.Bodies, func(x, y BodyEntry) int { return x.Group - y.Group })
	out.Summary.Expected = len(out.Bodies)
	out.Summary.Rejected = len(out.Rejected)
	out.Summary.Superseded = len(out.Superseded)
	out.Summary.Extra = len(out.Extra)
	out.Summary.OtherPeriod = len(out.OtherPeriod)

	// Tasks, figures and notes, over the reports that count.
	tasks := map[string]*TaskEntry{}
	for _, t := range plan.Tasks() {
		out.Tasks = append(out.Tasks, TaskEntry{Task: t.ID, Group: t.Group, Results: []TaskOutcome{}, Pending: []Pending{}})
	}
	for i := range out.Tasks {
		tasks[out.Tasks[i].Task] = &out.Tasks[i]
	}
	figs := newFigures(out.Bodies)
	for _, e := range out.Bodies {
		r := standings[e.Body].Report
		if r == nil {
			for _, bt := range e.Tasks {
				if t := tasks[bt.Task]; t != nil {
					t.NoReport++
					t.Pending = append(t.Pending, Pending{Body: e.Body, Name: e.Name, Filing: e.Filing})
				}
			}
			continue
		}
		for _, tr := range r.Tasks {
			t := tasks[tr.Task]
			if t == nil {
				continue // not a task of the plan: the checker let it through
			}
			switch tr.Status {
			case Done:
				t.Done++
			case InProgress:
				t.InProgress++
			case NotStarted:
				t.NotStarted++
			}
			t.Results = append(t.Results, TaskOutcome{Body: e.Body, Name: e.Name, Status: tr.Status, Results: tr.Results, Reason: tr.Reason})
		}
		figs.add(e, r.Indicators)
		if r.Difficulties != "" || r.Proposals != "" {
			out.Notes = append(out.Notes, Notes{Body: e.Body, Name: e.Name, Difficulties: r.Difficulties, Proposals: r.Proposals})
		}
	}
	out.Figures, out.Issues = figs.list()
	return out
}

func (s *Summary) count(f Filing) {
	switch f {
	case OnTime:
		s.OnTime++
	case Late:
		s.Late++
	case Missing:
		s.Missing++
	case NotYetDue:
		s.NotYetDue++
	}
}

// primaryGroup is b's own group if one of its tasks is of that group, else
// the lowest group among groups (0 when there is none).
func primaryGroup(b plan.Body, groups []int) int {
	if slices.Contains(groups, b.Group) || len(groups) == 0 {
		return b.Group
	}
	return slices.Min(groups)
}

// issues returns err as a diag.List placed in file.
func issues(file string, err error) diag.List {
	var l diag.List
	if errors.As(err, &l) {
		return l
	}
	return diag.List{{File: file, Code: diag.InvalidReport, VI: "Báo cáo không hợp lệ: " + err.Error(), EN: "Invalid report: " + err.Error()}}
}

// SubtotalLabel names the subtotal over the bodies of kind k in the
// compiled report: "Cộng các UBND phường, xã".
func SubtotalLabel(k plan.BodyKind) string {
	switch k {
	case plan.KindCommune:
		return "Cộng các UBND phường, xã"
	case plan.KindPress:
		return "Cộng các cơ quan báo chí"
	}
	return "Cộng " + string(k)
}

// figures collects each body's values by indicator code.
type figures struct {
	values   map[string][]BodyValue
	kinds    map[string]plan.BodyKind // body ID → kind
	expected map[plan.BodyKind]int
}

func newFigures(bodies []BodyEntry) *figures {
	f := &figures{values: map[string][]BodyValue{}, kinds: map[string]plan.BodyKind{}, expected: map[plan.BodyKind]int{}}
	for _, b := range bodies {
		f.kinds[b.Body] = b.Kind
		f.expected[b.Kind]++
	}
	return f
}

// add records one body's values; bodies come in the order of Bodies.
func (f *figures) add(e BodyEntry, values map[string]int64) {
	for code, v := range values {
		f.values[code] = append(f.values[code], BodyValue{Body: e.Body, Name: e.Name, Group: e.Group, Value: v})
	}
}

// list lists every catalogue indicator in area order with its values, city
// figure and subtotals, and an issue for each subtotal that overflowed.
func (f *figures) list() ([]Figure, diag.List) {
	out := []Figure{}
	l := diag.List{}
	for _, in := range indicatorsByArea() {
		fig := Figure{Code: in.Code, Name: in.Name, Unit: in.Unit, Area: in.Area, Groups: slices.Clone(in.Groups), Values: []BodyValue{}, Subtotals: []Subtotal{}}
		fig.Values = append(fig.Values, f.values[in.Code]...)
		for i, v := range fig.Values {
			if in.City != "" && v.Body == in.City {
				fig.City = &fig.Values[i]
			}
		}
		for _, k := range in.Subtotals {
			st := Subtotal{Kind: k, Label: SubtotalLabel(k), Expected: f.expected[k]}
			for _, v := range fig.Values {
				if f.kinds[v.Body] != k {
					continue
				}
				st.Reports++
				if st.Overflow {
					continue
				}
				if sum, ok := addInt64(st.Total, v.Value); ok {
					st.Total = sum
				} else {
					st.Overflow = true
				}
			}
			if st.Reports == 0 {
				continue
			}
			if st.Overflow {
				l = append(l, overflowIssue(fmt.Sprintf("/figures/%d/subtotals/%d/total", len(out), len(fig.Subtotals)), in, st.Label))
			}
			fig.Subtotals = append(fig.Subtotals, st)
		}
		out = append(out, fig)
	}
	return out, l
}

// addInt64 returns a+b and whether it did not overflow.
func addInt64(a, b int64) (int64, bool) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, false
	}
	return a + b, true
}

func overflowIssue(path string, in plan.Indicator, label string) diag.Issue {
	return diag.New(path, diag.TotalOverflow,
		fmt.Sprintf("%s của chỉ tiêu %q vượt quá %d, số lớn nhất có thể cộng chính xác; tổng ghi nhận dừng ở báo cáo trước đó. Kiểm tra số liệu của các báo cáo.", label, in.Name, int64(math.MaxInt64)),
		fmt.Sprintf("The subtotal (%s) of indicator %q exceeds %d, the largest exact sum; it stops before the report that would pass it. Check the reports' figures.", label, in.English, int64(math.MaxInt64)),
		"indicator", in.Code, "subtotal", label)
}

// indicatorsByArea is the catalogue ordered by area, in the order of
// plan.Areas; the catalogue's order within an area.
func indicatorsByArea() []plan.Indicator {
	rank := map[string]int{}
	for i, a := range plan.Areas() {
		rank[a.ID] = i
	}
	ins := plan.Indicators()
	slices.SortStableFunc(ins, func(a, b plan.Indicator) int { return rank[a.Area] - rank[b.Area] })
	return ins
}

// WriteJSON writes the compilation as indented JSON, without HTML
// escaping.
func (c *Compilation) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}
