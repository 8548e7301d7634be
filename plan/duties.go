package plan

import (
	"fmt"
	"slices"
	"time"

	"github.com/kh164/kh164/diag"
)

// Duty is a reporting duty the plan writes down: who reports, on which
// periods, to whom and through whom, and by when.
type Duty struct {
	ID     string `json:"id"`
	Clause string `json:"clause"` // the clause that sets it
	// Groups: the duty falls on every body that answers, on the deadline,
	// for a task of one of these groups.
	Groups  []int        `json:"groups"`
	Periods []PeriodKind `json:"periods"`
	// Deadline is the day of the year the report is due. It is zero for the
	// half-year report, whose day is Settings.HalfYearDue.
	Deadline MonthDay `json:"deadline,omitzero"`
	Routes   []Route  `json:"routes"`
	VI       string   `json:"vi"` // what the duty is, in Vietnamese
	EN       string   `json:"en"`
}

// Route is where a report goes: the recipient, and the body it passes
// through (a body ID, resolved to its successor on the day; "" when sent
// directly).
type Route struct {
	To      string `json:"to"`
	Through string `json:"through,omitempty"`
}

var duties = []Duty{
	{ID: "results", Clause: "closing", Groups: []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, Periods: []PeriodKind{Annual},
		Deadline: MonthDay{time.November, 20},
		Routes:   []Route{{To: "Thành ủy Hà Nội", Through: "hoi-ctd"}, {To: "UBND Thành phố", Through: "hoi-ctd"}},
		VI:       "Báo cáo kết quả thực hiện (qua Hội Chữ thập đỏ Thành phố) trước ngày 20/11 hàng năm.",
		EN:       "Report results yearly through the City Red Cross before 20 November."},
	{ID: "district-results", Clause: "III.12.1", Groups: []int{12}, Periods: []PeriodKind{Annual},
		Deadline: MonthDay{time.November, 20},
		Routes:   []Route{{To: "Ban Thường vụ Thành ủy", Through: "ban-dan-van"}, {To: "UBND Thành phố", Through: "hoi-ctd"}},
		VI:       "Định kỳ hàng năm báo cáo Ban Thường vụ Thành ủy (qua Ban Dân vận Thành ủy), UBND Thành phố (qua Hội Chữ thập đỏ Thành phố tổng hợp toàn Thành phố).",
		EN:       "Report yearly to the Party Committee's Standing Board (through the Mass Mobilisation Commission) and the City People's Committee (through the City Red Cross)."},
	{ID: "compiled-annual", Clause: "III.1.6", Groups: []int{1}, Periods: []PeriodKind{Annual},
		Deadline: MonthDay{time.December, 15},
		Routes:   []Route{{To: "Thành ủy Hà Nội"}, {To: "UBND Thành phố"}, {To: "các sở ngành liên quan"}},
		VI:       "Tổng hợp báo cáo kết quả triển khai thực hiện năm (trước 15/12).",
		EN:       "Compile the annual report (before 15 December)."},
	{ID: "compiled-half-year", Clause: "III.1.6", Groups: []int{1}, Periods: []PeriodKind{HalfYear},
		Routes: []Route{{To: "Thành ủy Hà Nội"}, {To: "UBND Thành phố"}, {To: "các sở ngành liên quan"}},
		VI:     "Tổng hợp báo cáo kết quả triển khai thực hiện 6 tháng (kế hoạch không ghi hạn; hạn là một thiết lập).",
		EN:     "Compile the half-year report (the plan sets no day; the deadline is a setting)."},
}

// Duties returns the reporting duties of the plan.
func Duties() []Duty { return slices.Clone(duties) }

// deadline is the day duty d's report for period p is due.
func (r *Registry) deadline(d Duty, p Period) Date {
	if d.Deadline == (MonthDay{}) {
		return r.settings.HalfYearDue.In(p.Year)
	}
	return d.Deadline.In(p.Year)
}

// DutiesOf returns the duties that fall on body id for period p, with the
// earliest deadline first.
func (r *Registry) DutiesOf(id string, p Period) ([]Duty, error) {
	b, err := r.Body(id)
	if err != nil {
		return nil, err
	}
	if err := p.Check(); err != nil {
		return nil, err.(diag.List).Under("/period")
	}
	var out []Duty
	for _, d := range duties {
		if !slices.Contains(d.Periods, p.Kind) {
			continue
		}
		due := r.deadline(d, p)
		if !b.ExistsOn(due) {
			continue
		}
		for _, t := range r.tasks(b, due) {
			if slices.Contains(d.Groups, t.Group) {
				out = append(out, d)
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, c Duty) int { return r.deadline(a, p).Compare(r.deadline(c, p)) })
	return out, nil
}

// Due returns the day body id's report for period p is due: the earliest
// deadline of the duties that fall on it. It fails when the body has no
// report to file for that period (a half-year report from anyone but the
// City Red Cross, or a body that does not exist on the deadline).
func (r *Registry) Due(id string, p Period) (Date, error) {
	ds, err := r.DutiesOf(id, p)
	if err != nil {
		return Date{}, err
	}
	if len(ds) == 0 {
		b, _ := r.Body(id)
		return Date{}, diag.List{diag.New("/period", diag.NoReportDue,
			fmt.Sprintf("%s không phải nộp báo cáo %s theo Kế hoạch 164/KH-UBND.", b.Name, p.Vietnamese()),
			fmt.Sprintf("%s files no report for the %s under Plan 164/KH-UBND.", b.English, p.English()),
			"body", id, "period", p.String())}
	}
	return r.deadline(ds[0], p), nil
}

// Expected returns the bodies that must file a report for period p, in
// registry order.
func (r *Registry) Expected(p Period) []Body {
	var out []Body
	for _, b := range r.bodies {
		if ds, err := r.DutiesOf(b.ID, p); err == nil && len(ds) > 0 {
			out = append(out, b)
		}
	}
	return out
}
