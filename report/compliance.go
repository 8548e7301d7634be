package report

import (
	"slices"
	"time"

	"github.com/kh164/kh164/plan"
)

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

// Basis is what a verdict of on time or late was judged on.
type Basis string

// Bases of a verdict (domain: the day of receipt decides; the report date is
// only a clue, used when no receipt time is known).
const (
	BasisReceipt    Basis = "receipt"     // the day the report was received, in Hanoi time
	BasisReportDate Basis = "report_date" // the date typed on the report: no receipt time was known
)

// Vietnamese says the basis as the compiled report writes it.
func (b Basis) Vietnamese() string {
	switch b {
	case BasisReceipt:
		return "theo ngày nhận"
	case BasisReportDate:
		return "theo ngày ghi trên báo cáo (không có thời điểm nhận)"
	}
	return ""
}

// Receipt is a report and when it was received; a zero At means the time
// of receipt is unknown (files compiled from a folder).
type Receipt struct {
	Report *Report
	At     time.Time
}

// Version is one of a body's reports for a period, as received.
type Version struct {
	Report   *Report
	Received time.Time // zero when unknown
	Counts   bool      // the version that counts
}

// Standing is one expected body's filing for a period.
type Standing struct {
	Body plan.Body
	Due  plan.Date
	// Filing is judged on Filed: a body that filed on time and later sent
	// a corrected report has filed on time.
	Filing Filing
	// Report is the report that counts: the version received last (see
	// AssessReceipts); nil when the body filed none.
	Report *Report
	// Received is when Report was received; zero when unknown.
	Received time.Time
	// Filed is the day the body's first version reached the City Red
	// Cross: the day of receipt in Hanoi time when known, else the report
	// date. Basis says which; both are zero when the body filed none.
	Filed plan.Date
	Basis Basis
	// Versions are all the body's versions for the period, in the order
	// they were received (input order when not every time is known).
	Versions []Version
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
	// file one, the one that counts of each body, in input order.
	Extra []*Report
	// Superseded are the reports replaced by a later one of the same body
	// for the period, in input order.
	Superseded []Superseded
	// OtherPeriod are the reports for another period, in input order.
	OtherPeriod []*Report
}

// Assess is AssessReceipts with no receipt times: the last report of a
// body in the input counts, and on time or late is judged on report dates.
func Assess(reg *plan.Registry, p plan.Period, asOf plan.Date, reports []*Report) *Compliance {
	rs := make([]Receipt, len(reports))
	for i, r := range reports {
		rs[i] = Receipt{Report: r}
	}
	return AssessReceipts(reg, p, asOf, rs)
}

// AssessReceipts reports, for period p as of day asOf, each expected body's
// filing among the given reports, which should be valid (see
// Checker.Validate).
//
// Among a body's versions for p, the one received last counts: when every
// version has a receipt time, the latest (on a tie, the later input);
// otherwise the last in input order. A version's own date never makes it
// count, so a mistyped year cannot hide later corrections. On time or late
// is judged on the first version: the day it was received, in Hanoi time,
// or its report date when its receipt time is unknown (Standing.Basis).
// asOf only tells a missing report (due before asOf) from one not yet due.
func AssessReceipts(reg *plan.Registry, p plan.Period, asOf plan.Date, receipts []Receipt) *Compliance {
	c := &Compliance{Period: p, AsOf: asOf}
	versions := map[string][]Version{}
	timed := map[string]bool{} // every version of the body has a receipt time
	for _, rc := range receipts {
		r := rc.Report
		if r.Period.Plan() != p {
			c.OtherPeriod = append(c.OtherPeriod, r)
			continue
		}
		if _, seen := versions[r.Body]; !seen {
			timed[r.Body] = true
		}
		timed[r.Body] = timed[r.Body] && !rc.At.IsZero()
		versions[r.Body] = append(versions[r.Body], Version{Report: r, Received: rc.At})
	}
	counts := map[string]*Report{}
	for body, vs := range versions {
		if timed[body] {
			slices.SortStableFunc(vs, func(a, b Version) int { return a.Received.Compare(b.Received) })
		}
		vs[len(vs)-1].Counts = true
		counts[body] = vs[len(vs)-1].Report
	}
	for _, rc := range receipts {
		r := rc.Report
		if l, ok := counts[r.Body]; ok && r.Period.Plan() == p && l != r {
			c.Superseded = append(c.Superseded, Superseded{Report: r, By: l})
		}
	}
	expected := map[string]bool{}
	for _, b := range reg.Expected(p) {
		expected[b.ID] = true
		due, _ := reg.Due(b.ID, p) // an expected body has a due date
		s := Standing{Body: b, Due: due, Versions: versions[b.ID]}
		for _, v := range s.Versions {
			day, basis := v.Report.ReportDate, BasisReportDate
			if !v.Received.IsZero() {
				day, basis = plan.DateOf(v.Received), BasisReceipt
			}
			if s.Basis == "" || day.Before(s.Filed) {
				s.Filed, s.Basis = day, basis
			}
			if v.Counts {
				s.Report, s.Received = v.Report, v.Received
			}
		}
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
	for _, rc := range receipts {
		r := rc.Report
		if r.Period.Plan() == p && counts[r.Body] == r && !expected[r.Body] {
			c.Extra = append(c.Extra, r)
		}
	}
	return c
}
