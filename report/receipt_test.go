package report_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func hanoiAt(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, plan.Hanoi)
}

func standing(t *testing.T, c *report.Compilation, body string) report.BodyEntry {
	t.Helper()
	for _, b := range c.Bodies {
		if b.Body == body {
			return b
		}
	}
	t.Fatalf("%s is not in the compilation", body)
	return report.BodyEntry{}
}

// A report dated 17/11 but received on 01/12 is late, judged on receipt.
func TestReceiptDecidesLateness(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	r := exampleAt(t, reg, "so-y-te", p, date(2026, 11, 17))
	c := report.Compile(report.Default(), p, date(2026, 12, 2), []report.Input{
		{Name: "so-y-te.json", Data: encode(r), Received: hanoiAt(2026, 12, 1, 8, 30)},
	})
	b := standing(t, c, "so-y-te")
	if b.Filing != report.Late || b.Basis != report.BasisReceipt || b.Filed != date(2026, 12, 1) {
		t.Errorf("filing %s on %s (%s), want late on 2026-12-01 by receipt", b.Filing, b.Filed, b.Basis)
	}
	// Received at 23:30 UTC on 19/11 is 06:30 on 20/11 in Hanoi: on time.
	c = report.Compile(report.Default(), p, date(2026, 12, 2), []report.Input{
		{Name: "so-y-te.json", Data: encode(r), Received: time.Date(2026, 11, 19, 23, 30, 0, 0, time.UTC)},
	})
	if b := standing(t, c, "so-y-te"); b.Filing != report.OnTime || b.Filed != date(2026, 11, 20) {
		t.Errorf("received 06:30 on 20/11 in Hanoi: %s on %s", b.Filing, b.Filed)
	}
}

// A version dated 2099 (or 2062) cannot outrank a correction received later.
func TestLastReceivedCounts(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	typo := exampleAt(t, reg, "so-gddt", p, date(2026, 11, 10))
	typo.ReportDate = plan.D(2099, time.December, 31)
	typo.Reference = "12/BC-SGDĐT"
	fixed := exampleAt(t, reg, "so-gddt", p, date(2026, 11, 12))
	fixed.Reference = "13/BC-SGDĐT"
	in := []report.Input{
		// The correction is given first: receipt times, not input order, decide.
		{Name: "ban-2", Data: encode(fixed), Received: hanoiAt(2026, 11, 12, 15, 0)},
		{Name: "ban-1", Data: encode(typo), Received: hanoiAt(2026, 11, 10, 9, 0)},
	}
	c := report.Compile(report.Default(), p, date(2026, 11, 25), in)
	// Dated after it was received, the 2099 version is refused outright.
	if len(c.Rejected) != 1 || c.Rejected[0].File != "ban-1" || c.Rejected[0].Issues[0].Code != "report_date_after_receipt" {
		t.Fatalf("rejected %+v", c.Rejected)
	}
	// Without the clock check (no receipt times for the typo): still the later receipt counts.
	typo.ReportDate = plan.D(2026, time.November, 20)
	in[1].Data = encode(typo)
	in[1].Received = hanoiAt(2026, 11, 20, 9, 0) // received after the correction…
	in[0].Received = hanoiAt(2026, 11, 21, 9, 0) // …no: the correction came last
	c = report.Compile(report.Default(), p, date(2026, 11, 25), in)
	b := standing(t, c, "so-gddt")
	if b.Reference != "13/BC-SGDĐT" || len(b.Versions) != 2 || b.Versions[0].File != "ban-1" || !b.Versions[1].Counts || b.Versions[0].Counts {
		t.Errorf("counted %s; versions %+v", b.Reference, b.Versions)
	}
	if b.Versions[0].Received != in[1].Received || b.Versions[1].Received != in[0].Received {
		t.Errorf("versions lost their receipt times: %+v", b.Versions)
	}
	if len(c.Superseded) != 1 || c.Superseded[0].File != "ban-1" || c.Superseded[0].Received.IsZero() {
		t.Errorf("superseded %+v", c.Superseded)
	}
	// A later report date does not make a version count: receipt order does.
	early := exampleAt(t, reg, "so-gddt", p, date(2026, 11, 5))
	late := exampleAt(t, reg, "so-gddt", p, date(2026, 11, 18))
	early.Reference, late.Reference = "02/BC-SGDĐT", "01/BC-SGDĐT"
	c = report.Compile(report.Default(), p, date(2026, 11, 25), []report.Input{
		{Name: "a", Data: encode(late), Received: hanoiAt(2026, 11, 18, 9, 0)},
		{Name: "b", Data: encode(early), Received: hanoiAt(2026, 11, 19, 9, 0)},
	})
	if b := standing(t, c, "so-gddt"); b.Reference != "02/BC-SGDĐT" {
		t.Errorf("the version received last (dated earlier) must count, got %s", b.Reference)
	}
}

// A report dated after the day it is received is refused with its code,
// by Compile and by a checker with a clock.
func TestReportDatedAfterReceipt(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	r := exampleAt(t, reg, "so-y-te", p, date(2026, 11, 18))
	c := report.NewChecker(report.Options{Now: func() time.Time { return hanoiAt(2026, 11, 17, 23, 59) }})
	_, err := c.Parse("so-y-te.json", encode(r))
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Code != "report_date_after_receipt" || l[0].Path != "/reportDate" || l[0].Line == 0 {
		t.Fatalf("checker with a clock: %v", err)
	}
	if l[0].VI == "" || l[0].EN == "" || l[0].Params["received"] != "2026-11-17" {
		t.Errorf("issue %+v", l[0])
	}
	if err := c.Validate(r); err == nil {
		t.Error("Validate ignores the clock")
	}
	// On the day itself the report is accepted.
	c = report.NewChecker(report.Options{Now: func() time.Time { return hanoiAt(2026, 11, 18, 0, 1) }})
	if _, err := c.Parse("so-y-te.json", encode(r)); err != nil {
		t.Errorf("dated the day it is received: %v", err)
	}
	// Without a clock there is no such check.
	if _, err := report.Default().Parse("so-y-te.json", encode(r)); err != nil {
		t.Errorf("no clock: %v", err)
	}
}

// Without receipt times the report date decides, and the compilation says so.
func TestNoReceiptTimes(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	a := exampleAt(t, reg, "so-y-te", p, date(2026, 11, 17))
	b := exampleAt(t, reg, "so-y-te", p, date(2026, 11, 10))
	a.Reference, b.Reference = "01/BC-SYT", "02/BC-SYT"
	c := report.Compile(report.Default(), p, date(2026, 12, 2), []report.Input{{Name: "a", Data: encode(a)}, {Name: "b", Data: encode(b)}})
	e := standing(t, c, "so-y-te")
	if e.Filing != report.OnTime || e.Basis != report.BasisReportDate || e.Filed != date(2026, 11, 10) || e.Reference != "02/BC-SYT" {
		t.Errorf("%s on %s (%s), counted %s; want on time on 10/11 by report date, the last input counting", e.Filing, e.Filed, e.Basis, e.Reference)
	}
	if got := e.FilingText(); got != "Đúng hạn (báo cáo ngày 10/11/2026; hạn 20/11/2026; theo ngày ghi trên báo cáo (không có thời điểm nhận))" {
		t.Errorf("filing text %q", got)
	}
}

// The City Red Cross and Sở Y tế both report blood units: both values are
// shown and never summed; the communes' values have a subtotal.
func TestFiguresAreNotAddedAcrossBodies(t *testing.T) {
	reg := plan.Default()
	p := period(plan.Annual, 2026)
	set := func(body string, on plan.Date, v int64) report.Input {
		r := exampleAt(t, reg, body, p, on)
		r.Indicators = map[string]int64{"blood_units": v}
		return report.Input{Name: body, Data: encode(r)}
	}
	in := []report.Input{
		set("hoi-ctd", date(2026, 12, 10), 344_391),
		set("so-y-te", date(2026, 11, 18), 32_971),
		set("phuong-ba-dinh", date(2026, 11, 18), 1_200),
		set("xa-soc-son", date(2026, 11, 18), 800),
	}
	c := report.Compile(report.Default(), p, date(2026, 12, 16), in)
	var f report.Figure
	for _, x := range c.Figures {
		if x.Code == "blood_units" {
			f = x
		}
	}
	if f.City == nil || f.City.Body != "hoi-ctd" || f.City.Value != 344_391 {
		t.Errorf("city figure %+v, want the City Red Cross's 344.391", f.City)
	}
	got := map[string]int64{}
	for _, v := range f.Values {
		got[v.Body] = v.Value
	}
	if got["so-y-te"] != 32_971 || got["hoi-ctd"] != 344_391 || len(got) != 4 {
		t.Errorf("values %v", got)
	}
	if len(f.Subtotals) != 1 || f.Subtotals[0].Kind != plan.KindCommune || f.Subtotals[0].Total != 2_000 || f.Subtotals[0].Reports != 2 || f.Subtotals[0].Expected != 126 {
		t.Errorf("subtotals %+v, want communes 2.000 from 2 of 126", f.Subtotals)
	}
	for _, sum := range []int64{344_391 + 32_971, 344_391 + 32_971 + 2_000, 32_971 + 2_000} {
		for _, st := range f.Subtotals {
			if st.Total == sum {
				t.Errorf("a subtotal adds overlapping bodies: %d", sum)
			}
		}
	}
	md := markdown(t, c)
	for _, want := range []string{"- Toàn Thành phố (số liệu của Hội Chữ thập đỏ thành phố Hà Nội): 344.391", "| Sở Y tế | 32.971 |", "- Cộng các UBND phường, xã (2/126 đơn vị báo cáo): 2.000"} {
		if !contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if contains(md, "377.362") {
		t.Error("Markdown sums the City Red Cross and Sở Y tế")
	}
}

// An annual-2026 compilation with no commune reports lists all 126 as missing.
func TestAllCommunesMissing(t *testing.T) {
	c := report.Compile(report.Default(), period(plan.Annual, 2026), date(2026, 11, 21), nil)
	var missing []string
	for _, b := range c.Bodies {
		if b.Kind == plan.KindCommune && b.Filing == report.Missing {
			missing = append(missing, b.Body)
		}
	}
	if len(c.Bodies) != 141 || len(missing) != 126 || !slices.Contains(missing, "phuong-hoan-kiem") {
		t.Errorf("%d bodies, %d communes missing; want 141 and 126", len(c.Bodies), len(missing))
	}
}

func markdown(t *testing.T, c *report.Compilation) string {
	t.Helper()
	var b strings.Builder
	if err := c.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
