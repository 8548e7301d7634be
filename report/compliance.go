package report

import "github.com/kh164/kh164/plan"

// Filing is where an expected body stands with its report for a period.
// Lateness is a standing, not an error: a late report is a valid report.
type Filing string

// Filings.
const (
	OnTime    Filing = "on_time"     // filed on or before the due date
	Late      Filing = "late"        // filed after the due date
	Missing   Filing = "missing"     // not filed, and the due date has passed
	NotYetDue Filing = "not_yet_due" // not filed, and the due date has not passed
)

// Vietnamese names the filing as the compiled report writes it.
func (f Filing) Vietnamese() string {
	switch f {
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Nộp muộn"
	case Missing:
		return "Chưa nộp"
	case NotYetDue:
		return "Chưa đến hạn"
	}
	return string(f)
}

// Standing is one expected body's filing for a period.
type Standing struct {
	Body plan.Body
	Due  plan.Date
	// Filing is judged on Filed: a body that filed on time and later sent
	// a corrected report has filed on time.
	Filing Filing
	// Report is the report that counts: the body's report for the period
	// with the latest report date (on a tie, the later one in the input);
	// nil when the body filed none.
	Report *Report
	// Filed is the report date of the body's earliest report for the
	// period; zero when it filed none.
	Filed plan.Date
}

// Superseded is a report replaced by a later one from the same body for
// the same period.
type Superseded struct {
	Report *Report
	By     *Report // the report that counts instead
}

// Compliance is who filed for one period, as of one day. Every report
// given to Assess is in exactly one place: the Report of a Standing, Extra,
// Superseded or OtherPeriod.
type Compliance struct {
	Period plan.Period
	AsOf   plan.Date
	// Bodies are the bodies that owe a report for the period
	// (plan.Registry.Expected), in registry order.
	Bodies []Standing
	// Extra are the reports for the period from bodies not expected to
	// file one, the latest of each body, in input order.
	Extra []*Report
	// Superseded are the reports replaced by a later one of the same body
	// for the period, in input order.
	Superseded []Superseded
	// OtherPeriod are the reports for another period, in input order.
	OtherPeriod []*Report
}

// Assess reports, for period p as of day asOf, each expected body's filing
// among the given reports, which should be valid (see Checker.Validate).
// A report counts however its date compares with asOf: asOf only tells a
// missing report (due before asOf) from one not yet due (due on or after
// asOf, when the body may still file on time).
func Assess(reg *plan.Registry, p plan.Period, asOf plan.Date, reports []*Report) *Compliance {
	c := &Compliance{Period: p, AsOf: asOf}
	latest := map[string]*Report{}
	filed := map[string]plan.Date{}
	for _, r := range reports {
		if r.Period.Plan() != p {
			c.OtherPeriod = append(c.OtherPeriod, r)
			continue
		}
		if l, ok := latest[r.Body]; !ok || !r.ReportDate.Before(l.ReportDate) {
			latest[r.Body] = r
		}
		if f, ok := filed[r.Body]; !ok || r.ReportDate.Before(f) {
			filed[r.Body] = r.ReportDate
		}
	}
	for _, r := range reports {
		if l, ok := latest[r.Body]; ok && r.Period.Plan() == p && l != r {
			c.Superseded = append(c.Superseded, Superseded{Report: r, By: l})
		}
	}
	expected := map[string]bool{}
	for _, b := range reg.Expected(p) {
		expected[b.ID] = true
		due, _ := reg.Due(b.ID, p) // an expected body has a due date
		s := Standing{Body: b, Due: due, Report: latest[b.ID], Filed: filed[b.ID]}
		switch {
		case s.Report == nil && asOf.After(due):
			s.Filing = Missing
		case s.Report == nil:
			s.Filing = NotYetDue
		case s.Filed.After(due):
			s.Filing = Late
		default:
			s.Filing = OnTime
		}
		c.Bodies = append(c.Bodies, s)
	}
	for _, r := range reports {
		if r.Period.Plan() == p && latest[r.Body] == r && !expected[r.Body] {
			c.Extra = append(c.Extra, r)
		}
	}
	return c
}
