package report_test

import (
	"testing"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func exampleAt(t testing.TB, reg *plan.Registry, body string, p plan.Period, on plan.Date) *report.Report {
	t.Helper()
	r, err := report.ExampleAt(reg, body, p, on)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAssess(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2025)
	due := date(2025, 11, 20)
	onTime := exampleAt(t, reg, "so-y-te", p, due)          // on the due date: on time
	late := exampleAt(t, reg, "so-gddt", p, due.AddDays(1)) // a day late
	first := exampleAt(t, reg, "so-tai-chinh", p, due.AddDays(-9))
	again := exampleAt(t, reg, "so-tai-chinh", p, due.AddDays(5)) // a correction after the deadline
	tieA := exampleAt(t, reg, "ldld", p, due.AddDays(-2))
	tieB := exampleAt(t, reg, "ldld", p, due.AddDays(-2))
	other := exampleAt(t, reg, "so-y-te", period(plan.Annual, 2024), date(2024, 11, 18))
	// Not expected for annual-2025: the labour department ceased on 28/02/2025.
	extra := exampleAt(t, reg, "so-ldtbxh", period(plan.Annual, 2024), date(2024, 11, 18))
	extra.Period.Year = 2025

	a := report.Assess(reg, p, date(2025, 11, 25), []*report.Report{onTime, late, first, again, tieA, tieB, other, extra})

	if len(a.Bodies) != len(reg.Expected(p)) {
		t.Fatalf("%d bodies, want %d", len(a.Bodies), len(reg.Expected(p)))
	}
	byID := map[string]report.Standing{}
	for i, s := range a.Bodies {
		if s.Body.ID != reg.Expected(p)[i].ID {
			t.Errorf("body %d is %s, want registry order", i, s.Body.ID)
		}
		byID[s.Body.ID] = s
	}
	for id, want := range map[string]report.Filing{
		"so-y-te": report.OnTime, "so-gddt": report.Late, "so-tai-chinh": report.OnTime, "ldld": report.OnTime,
		"so-khcn": report.Missing, "hoi-ctd": report.NotYetDue, // hoi-ctd is due on 15/12
	} {
		if got := byID[id].Filing; got != want {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
	if s := byID["so-tai-chinh"]; s.Report != again || s.Filed != first.ReportDate || s.Basis != report.BasisReportDate || len(s.Versions) != 2 {
		t.Errorf("so-tai-chinh: counted report dated %s, filed %s (%s); want the later input, filed on the first date, by report date", s.Report.ReportDate, s.Filed, s.Basis)
	}
	if byID["ldld"].Report != tieB {
		t.Error("without receipt times the later input must count")
	}
	if byID["so-khcn"].Report != nil || !byID["so-khcn"].Filed.IsZero() {
		t.Error("a missing body has no report")
	}
	if len(a.Superseded) != 2 || a.Superseded[0].Report != first || a.Superseded[0].By != again || a.Superseded[1].Report != tieA {
		t.Errorf("superseded %+v", a.Superseded)
	}
	if len(a.OtherPeriod) != 1 || a.OtherPeriod[0] != other {
		t.Errorf("other period %v", a.OtherPeriod)
	}
	if len(a.Extra) != 1 || a.Extra[0] != extra {
		t.Errorf("extra %v", a.Extra)
	}
}

func TestAssessDueDayIsNotMissing(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	due, _ := reg.Due("so-y-te", p)
	for on, want := range map[plan.Date]report.Filing{due.AddDays(-1): report.NotYetDue, due: report.NotYetDue, due.AddDays(1): report.Missing} {
		for _, s := range report.Assess(reg, p, on, nil).Bodies {
			if s.Body.ID == "so-y-te" && s.Filing != want {
				t.Errorf("as of %s: %s, want %s", on, s.Filing, want)
			}
		}
	}
}
