package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// CompilationVersion is the version of the Compilation JSON shape. Within
// a version, changes are additive only.
const CompilationVersion = 1

// Input is one file given to Compile: its name, used in error places, and
// its bytes.
type Input struct {
	Name string
	Data []byte
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
	// Indicators are the totals of every catalogue indicator over the
	// reports that count, by area: organisation, overall, then the seven
	// contents of Red Cross activity in the order of plan.Activities.
	Indicators []IndicatorTotal `json:"indicators"`
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
	Body string `json:"body"`
	Name string `json:"name"`
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
	// Filed is the date of the body's earliest report for the period,
	// which decides Filing.
	Filed plan.Date `json:"filed,omitzero"`
	// Tasks are the tasks of the report that counts with their status or,
	// when the body has not filed, the tasks it holds on the due date
	// without a status.
	Tasks []BodyTask `json:"tasks"`
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
}

// TaskOutcome is what one body reported on a task.
type TaskOutcome struct {
	Body    string `json:"body"`
	Name    string `json:"name"`
	Status  Status `json:"status"`
	Results string `json:"results,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// IndicatorTotal is the sum of one indicator over the reports that count,
// for the whole city and by primary group. Sums are exact; Overflow marks
// a sum that would pass math.MaxInt64 (it then holds the sum of the
// reports before the one that would overflow, and Issues says so).
type IndicatorTotal struct {
	Code     string       `json:"code"`
	Name     string       `json:"name"`
	Unit     string       `json:"unit"`
	Area     string       `json:"area"`
	Total    int64        `json:"total"`
	Reports  int          `json:"reports"` // how many reports gave it
	Overflow bool         `json:"overflow,omitempty"`
	Groups   []GroupTotal `json:"groups"` // groups with at least one report, ascending
}

// GroupTotal is an indicator's sum over the reports of one primary group.
type GroupTotal struct {
	Group    int   `json:"group"`
	Total    int64 `json:"total"`
	Reports  int   `json:"reports"`
	Overflow bool  `json:"overflow,omitempty"`
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
// reports for period p as of day asOf (see Assess for how reports count).
// Inputs that fail are listed as Rejected with their issues, valid reports
// for other periods as OtherPeriod. When one body filed several reports for
// p, the one with the latest report date counts (on a tie, the later
// input) and the others are Superseded.
func Compile(c *Checker, p plan.Period, asOf plan.Date, inputs []Input) *Compilation {
	reg := c.Registry()
	out := &Compilation{
		SchemaVersion: CompilationVersion, Plan: plan.ID, Period: p, AsOf: asOf,
		Bodies: []BodyEntry{}, Tasks: []TaskEntry{}, Indicators: []IndicatorTotal{}, Notes: []Notes{},
		Extra: []FiledReport{}, OtherPeriod: []FiledReport{}, Superseded: []FiledReport{}, Rejected: []Rejected{},
		Issues: diag.List{},
	}
	out.Summary.Files = len(inputs)

	var reports []*Report
	file := map[*Report]string{}
	for _, in := range inputs {
		r, err := c.Parse(in.Name, in.Data)
		if err != nil {
			out.Rejected = append(out.Rejected, Rejected{File: in.Name, Issues: issues(in.Name, err)})
			continue
		}
		reports = append(reports, r)
		file[r] = in.Name
	}
	a := Assess(reg, p, asOf, reports)

	filedReport := func(r *Report) FiledReport {
		f := FiledReport{File: file[r], Body: r.Body, Period: r.Period.Plan(), ReportDate: r.ReportDate}
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
		e := BodyEntry{Body: s.Body.ID, Name: s.Body.Name, Filing: s.Filing, Due: s.Due, Filed: s.Filed, Tasks: []BodyTask{}}
		var groups []int
		if r := s.Report; r != nil {
			e.ReportDate, e.File, e.Reference = r.ReportDate, file[r], r.Reference
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

	// Tasks, indicators and notes, over the reports that count.
	tasks := map[string]*TaskEntry{}
	for _, t := range plan.Tasks() {
		out.Tasks = append(out.Tasks, TaskEntry{Task: t.ID, Group: t.Group, Results: []TaskOutcome{}})
	}
	for i := range out.Tasks {
		tasks[out.Tasks[i].Task] = &out.Tasks[i]
	}
	sums := newSums()
	for _, e := range out.Bodies {
		r := standings[e.Body].Report
		if r == nil {
			for _, bt := range e.Tasks {
				if t := tasks[bt.Task]; t != nil {
					t.NoReport++
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
		sums.add(e.Group, r.Indicators)
		if r.Difficulties != "" || r.Proposals != "" {
			out.Notes = append(out.Notes, Notes{Body: e.Body, Name: e.Name, Difficulties: r.Difficulties, Proposals: r.Proposals})
		}
	}
	out.Indicators, out.Issues = sums.totals()
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

// sums adds indicator values exactly, by code and group.
type sums struct {
	city   map[string]*GroupTotal
	groups map[string]map[int]*GroupTotal
}

func newSums() *sums {
	return &sums{city: map[string]*GroupTotal{}, groups: map[string]map[int]*GroupTotal{}}
}

// add counts one report's values under group g.
func (s *sums) add(g int, values map[string]int64) {
	for code, v := range values {
		c := s.city[code]
		if c == nil {
			c = &GroupTotal{}
			s.city[code] = c
			s.groups[code] = map[int]*GroupTotal{}
		}
		c.plus(v)
		gt := s.groups[code][g]
		if gt == nil {
			gt = &GroupTotal{Group: g}
			s.groups[code][g] = gt
		}
		gt.plus(v)
	}
}

// plus adds v to t unless the sum would overflow, which it records.
func (t *GroupTotal) plus(v int64) {
	t.Reports++
	if t.Overflow {
		return
	}
	if sum, ok := addInt64(t.Total, v); ok {
		t.Total = sum
	} else {
		t.Overflow = true
	}
}

// addInt64 returns a+b and whether it did not overflow.
func addInt64(a, b int64) (int64, bool) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, false
	}
	return a + b, true
}

// totals lists every catalogue indicator in area order with its sums, and
// an issue for each sum that overflowed.
func (s *sums) totals() ([]IndicatorTotal, diag.List) {
	out := []IndicatorTotal{}
	l := diag.List{}
	for _, in := range indicatorsByArea() {
		it := IndicatorTotal{Code: in.Code, Name: in.Name, Unit: in.Unit, Area: in.Area, Groups: []GroupTotal{}}
		if c := s.city[in.Code]; c != nil {
			it.Total, it.Reports, it.Overflow = c.Total, c.Reports, c.Overflow
			for _, gt := range s.groups[in.Code] {
				it.Groups = append(it.Groups, *gt)
			}
			slices.SortFunc(it.Groups, func(a, b GroupTotal) int { return a.Group - b.Group })
		}
		i := len(out)
		if it.Overflow {
			l = append(l, overflowIssue(fmt.Sprintf("/indicators/%d/total", i), in, 0))
		}
		for j, gt := range it.Groups {
			if gt.Overflow {
				l = append(l, overflowIssue(fmt.Sprintf("/indicators/%d/groups/%d/total", i, j), in, gt.Group))
			}
		}
		out = append(out, it)
	}
	return out, l
}

func overflowIssue(path string, in plan.Indicator, group int) diag.Issue {
	where, whereEN := "toàn Thành phố", "the whole city"
	if group > 0 {
		where, whereEN = fmt.Sprintf("nhóm %d", group), fmt.Sprintf("group %d", group)
	}
	return diag.New(path, diag.TotalOverflow,
		fmt.Sprintf("Tổng chỉ tiêu %q của %s vượt quá %d, số lớn nhất có thể cộng chính xác; tổng ghi nhận dừng ở báo cáo trước đó. Kiểm tra số liệu của các báo cáo.", in.Name, where, int64(math.MaxInt64)),
		fmt.Sprintf("The total of indicator %q for %s exceeds %d, the largest exact sum; it stops before the report that would pass it. Check the reports' figures.", in.English, whereEN, int64(math.MaxInt64)),
		"indicator", in.Code, "group", group)
}

// indicatorsByArea is the catalogue ordered by area: organisation,
// overall, then the seven contents in the order of plan.Activities; the
// catalogue's order within an area.
func indicatorsByArea() []plan.Indicator {
	rank := map[string]int{plan.AreaOrganisation: 0, plan.AreaOverall: 1}
	for i, a := range plan.Activities() {
		rank[a.ID] = 2 + i
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
