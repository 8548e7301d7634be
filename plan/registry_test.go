package plan_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

func taskIDs(t *testing.T, r *plan.Registry, body string, on plan.Date) []string {
	t.Helper()
	ts, err := r.Tasks(body, on)
	if err != nil {
		t.Fatalf("Tasks(%s, %s): %v", body, on, err)
	}
	var ids []string
	for _, x := range ts {
		ids = append(ids, x.ID)
	}
	return ids
}

func reporterIDs(r *plan.Registry, on plan.Date) []string {
	var ids []string
	for _, b := range r.Reporters(on) {
		ids = append(ids, b.ID)
	}
	return ids
}

func countKind(r *plan.Registry, on plan.Date, k plan.BodyKind) int {
	n := 0
	for _, b := range r.Reporters(on) {
		if b.Kind == k {
			n++
		}
	}
	return n
}

func TestSuccession2024(t *testing.T) {
	r := plan.Default()
	on := plan.D(2024, time.November, 15)
	ids := reporterIDs(r, on)
	if n := countKind(r, on, plan.KindDistrict); n != 30 {
		t.Errorf("%d districts report on %s, want 30", n, on)
	}
	for _, want := range []string{"hoi-ctd", "so-ldtbxh", "so-tttt", "so-ngoai-vu", "bao-hanoimoi", "bao-ktdt", "dai-ptth-hanoi", "ban-dan-van", "ubmttq", "hoi-ccb"} {
		if !slices.Contains(ids, want) {
			t.Errorf("%s does not report on %s", want, on)
		}
	}
	for _, absent := range []string{"so-khcn", "vp-ubnd", "bao-ptth-hanoi", "ban-tgdv"} {
		if slices.Contains(ids, absent) {
			t.Errorf("%s reports on %s, but answers for no task then", absent, on)
		}
	}
	if got := taskIDs(t, r, "so-noi-vu", on); !slices.Equal(got, []string{"III.4.1", "III.4.2", "III.4.3"}) {
		t.Errorf("so-noi-vu tasks %v", got)
	}
	if got := taskIDs(t, r, "so-ldtbxh", on); !slices.Equal(got, []string{"III.2.1"}) {
		t.Errorf("so-ldtbxh tasks %v", got)
	}
	if got := taskIDs(t, r, "quan-ba-dinh", on); !slices.Equal(got, []string{"III.12.1", "III.12.2", "III.12.3"}) {
		t.Errorf("district tasks %v", got)
	}
	if len(ids) != 1+7+3+6+1+30 {
		t.Errorf("%d reporters on %s, want 48: %v", len(ids), on, ids)
	}
}

func TestSuccession2025(t *testing.T) {
	r := plan.Default()
	on := plan.D(2025, time.November, 15)
	if n := countKind(r, on, plan.KindDistrict); n != 0 {
		t.Errorf("%d districts on %s, want none", n, on)
	}
	cases := map[string][]string{
		"so-noi-vu": {"III.2.1", "III.4.1", "III.4.2", "III.4.3"},
		"vp-ubnd":   {"III.8.1"},
		"so-khcn":   {"III.3.1"},
		"ban-tgdv":  {"III.11.1"},
		"hoi-ctd":   {"III.1.1", "III.1.2", "III.1.3", "III.1.4", "III.1.5", "III.1.6"},
	}
	for body, want := range cases {
		if got := taskIDs(t, r, body, on); !slices.Equal(got, want) {
			t.Errorf("%s on %s: %v, want %v", body, on, got, want)
		}
	}
	_, err := r.Tasks("so-ldtbxh", on)
	var l diag.List
	if !errors.As(err, &l) || l[0].Code != "body_no_longer_in_force" || !strings.Contains(l[0].VI, "Sở Nội vụ") || !strings.Contains(l[0].EN, "so-noi-vu") {
		t.Errorf("so-ldtbxh on %s: %v", on, err)
	}
	_, err = r.Tasks("quan-ba-dinh", on)
	if !errors.As(err, &l) || !strings.Contains(l[0].VI, "xã, phường") {
		t.Errorf("district on %s: %v", on, err)
	}
	// The press bodies still exist until the 2026 merger.
	if got := taskIDs(t, r, "bao-hanoimoi", on); !slices.Equal(got, []string{"III.9.1"}) {
		t.Errorf("bao-hanoimoi %v", got)
	}
}

func TestSuccession2026(t *testing.T) {
	r := plan.Default()
	on := plan.D(2026, time.November, 15)
	if got := taskIDs(t, r, "bao-ptth-hanoi", on); !slices.Equal(got, []string{"III.9.1"}) {
		t.Errorf("merged press body: %v", got)
	}
	ids := reporterIDs(r, on)
	for _, gone := range []string{"bao-hanoimoi", "bao-ktdt", "dai-ptth-hanoi", "so-ldtbxh", "ban-dan-van"} {
		if slices.Contains(ids, gone) {
			t.Errorf("%s still reports on %s", gone, on)
		}
	}
	if s, err := r.Successor("dai-ptth-hanoi", on); err != nil || s.ID != "bao-ptth-hanoi" {
		t.Errorf("successor of dai-ptth-hanoi: %v %v", s.ID, err)
	}
	// Every task of groups 1–11 has a reporter; group 12 waits for registered units.
	covered := map[string]bool{}
	for _, b := range r.Reporters(on) {
		for _, id := range taskIDs(t, r, b.ID, on) {
			covered[id] = true
		}
	}
	for _, task := range plan.Tasks() {
		if !covered[task.ID] && task.Group != 12 {
			t.Errorf("no body answers for %s on %s", task.ID, on)
		}
	}
}

func TestSettingsMoveTheMergers(t *testing.T) {
	s := plan.DefaultSettings()
	s.PressMerger = plan.D(2026, time.December, 1)
	r, err := plan.New(s)
	if err != nil {
		t.Fatal(err)
	}
	on := plan.D(2026, time.November, 15)
	if got := taskIDs(t, r, "bao-hanoimoi", on); !slices.Equal(got, []string{"III.9.1"}) {
		t.Errorf("with a later merger bao-hanoimoi answers for %v", got)
	}
	if _, err := r.Tasks("bao-ptth-hanoi", on); err == nil {
		t.Error("merged body exists before its first day")
	}
	s.PartyMerger = plan.Date{Year: 2025, Month: 2, Day: 30}
	if _, err := plan.New(s); err == nil {
		t.Error("an impossible date was accepted as a setting")
	}
}

func TestDue(t *testing.T) {
	r := plan.Default()
	cases := []struct {
		body   string
		period string
		want   string
		err    string
	}{
		{"hoi-ctd", "annual-2026", "2026-12-15", ""},
		{"hoi-ctd", "half-year-2026", "2026-06-20", ""},
		{"so-y-te", "annual-2026", "2026-11-20", ""},
		{"so-y-te", "half-year-2026", "", "no_report_due"},
		{"quan-ba-dinh", "annual-2024", "2024-11-20", ""},
		{"quan-ba-dinh", "annual-2025", "", "no_report_due"},
		{"so-noi-vu", "annual-2025", "2025-11-20", ""},
		{"so-khcn", "annual-2024", "", "no_report_due"},
		{"so-khcn", "annual-2025", "2025-11-20", ""},
		{"nobody", "annual-2025", "", "unknown_body"},
	}
	for _, c := range cases {
		p, err := plan.ParsePeriod(c.period)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Due(c.body, p)
		var l diag.List
		switch {
		case c.err != "":
			if !errors.As(err, &l) || string(l[0].Code) != c.err {
				t.Errorf("Due(%s, %s) = %v, %v; want error %s", c.body, c.period, got, err, c.err)
			}
		case err != nil || got.String() != c.want:
			t.Errorf("Due(%s, %s) = %v, %v; want %s", c.body, c.period, got, err, c.want)
		}
	}
	if n := len(r.Expected(plan.Period{Kind: plan.HalfYear, Year: 2026})); n != 1 {
		t.Errorf("%d bodies file a half-year report, want 1", n)
	}
	if n := len(r.Expected(plan.Period{Kind: plan.Annual, Year: 2024})); n != 48 {
		t.Errorf("%d bodies file for 2024, want 48", n)
	}
}

func TestUnknownIDs(t *testing.T) {
	r := plan.Default()
	_, err := r.Body("so-yte")
	var l diag.List
	if !errors.As(err, &l) || l[0].Code != "unknown_body" || !strings.Contains(l[0].EN, "so-y-te") {
		t.Errorf("Body(so-yte): %v", err)
	}
	if _, err := plan.TaskByID("III.6.2"); !errors.As(err, &l) || l[0].Code != "unknown_task" || !strings.Contains(l[0].VI, "III.6.1") {
		t.Errorf("TaskByID(III.6.2): %v", err)
	}
	if _, err := r.Lookup("zzzz-nothing"); !errors.As(err, &l) || l[0].Code != "unknown_id" {
		t.Errorf("Lookup: %v", err)
	}
	for id, kind := range map[string]string{"III.6.1": "task", "I.1.2": "clause", "III.6": "group", "so-y-te": "body",
		"blood_donation": "activity", "humane_tet": "campaign", "44-KL/TW": "reference", "blood_units": "indicator", "results": "duty", "closing": "clause", "II": "section"} {
		e, err := r.Lookup(id)
		if err != nil || e.Kind != kind || e.Text == "" || e.English == "" {
			t.Errorf("Lookup(%s) = %+v, %v; want kind %s", id, e, err, kind)
		}
	}
}

func TestSymbols(t *testing.T) {
	good := map[string]plan.Symbol{
		"164/KH-UBND":      {Number: 164, Type: "KH", Issuer: "UBND", Text: "164/KH-UBND"},
		"44-KL/TW":         {Number: 44, Type: "KL", Issuer: "TW", Party: true, Text: "44-KL/TW"},
		"11/2008/QH12":     {Number: 11, Year: 2008, Issuer: "QH12", Text: "11/2008/QH12"},
		"07/2014/TT-BGDĐT": {Number: 7, Year: 2014, Type: "TT", Issuer: "BGDĐT", Text: "07/2014/TT-BGDĐT"},
		"1656/NQ-UBTVQH15": {Number: 1656, Type: "NQ", Issuer: "UBTVQH15", Text: "1656/NQ-UBTVQH15"},
		"245/BC-SYT":       {Number: 245, Type: "BC", Issuer: "SYT", Text: "245/BC-SYT"},
	}
	for in, want := range good {
		got, err := plan.ParseSymbol(in)
		if err != nil || got != want {
			t.Errorf("ParseSymbol(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "164", "164/", "164/kh-UBND", "164 /KH-UBND", "44-KL", "0/KH-UBND", "11/08/QH12", "164/KH-", "KH-UBND", "164/KH-UBND ", "164//UBND", "44-KL/TW/x", "123456/KH-UBND", "7/KH-UBND"} {
		_, err := plan.ParseSymbol(bad)
		var l diag.List
		if !errors.As(err, &l) || l[0].Code != "invalid_symbol" || !strings.Contains(l[0].VI, "164/KH-UBND") {
			t.Errorf("ParseSymbol(%q) = %v; want invalid_symbol", bad, err)
		}
	}
}

func TestDatesAndPeriods(t *testing.T) {
	for _, bad := range []string{"2026-2-1", "2026-02-30", "26-02-01", "2026/02/01", "2026-02-01T00:00:00Z", "２０２６-02-01"} {
		if _, err := plan.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if d, err := plan.ParseDate("2024-02-29"); err != nil || d.Vietnamese() != "29/02/2024" {
		t.Errorf("leap day: %v %v", d, err)
	}
	p, _ := plan.ParsePeriod("half-year-2026")
	if s, e := p.Window(); s != plan.D(2025, 12, 15) || e != plan.D(2026, 6, 14) {
		t.Errorf("half-year window %v–%v", s, e)
	}
	p, _ = plan.ParsePeriod("annual-2026")
	if s, e := p.Window(); s != plan.D(2025, 12, 15) || e != plan.D(2026, 12, 14) {
		t.Errorf("annual window %v–%v", s, e)
	}
	for _, bad := range []string{"annual", "annual-", "yearly-2026", "annual-1999", "annual-20x6"} {
		_, err := plan.ParsePeriod(bad)
		var l diag.List
		if !errors.As(err, &l) || len(l) != 1 || l[0].Code != diag.InvalidPeriod || l[0].Path != "" || l[0].VI == "" || l[0].EN == "" || l[0].VI == l[0].EN {
			t.Errorf("ParsePeriod(%q): %#v, want one bilingual invalid_period issue", bad, err)
		}
	}
}

// On every day a body starts or ends, every task is answered for by some
// body, and every successor exists on the day after its predecessor's
// last day: ending a body without naming its successor, or naming one
// that does not exist yet, fails here.
func TestSuccessionIsContinuous(t *testing.T) {
	reg := plan.Default()
	days := []plan.Date{plan.D(2023, time.June, 5)}
	for _, b := range reg.Bodies() {
		if !b.From.IsZero() {
			days = append(days, b.From.AddDays(-1), b.From)
		}
		if !b.Until.IsZero() {
			days = append(days, b.Until, b.Until.AddDays(1))
		}
	}
	for _, on := range days {
		holders := map[string][]string{}
		for _, b := range reg.Reporters(on) {
			ts, _ := reg.Tasks(b.ID, on)
			for _, tk := range ts {
				if tk.Group != 12 {
					holders[tk.ID] = append(holders[tk.ID], b.ID)
				}
			}
		}
		for _, tk := range plan.Tasks() {
			if tk.Group != 12 && len(holders[tk.ID]) == 0 {
				t.Errorf("on %s nobody answers for task %s", on, tk.ID)
			}
		}
	}
	for _, b := range reg.Bodies() {
		for _, id := range b.Successors {
			s, err := reg.Body(id)
			if err != nil || !s.ExistsOn(b.Until.AddDays(1)) {
				t.Errorf("%s ends on %s, but its successor %s does not exist the day after (%v)", b.ID, b.Until, id, err)
			}
		}
	}
}
