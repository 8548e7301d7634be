package form

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func TestNew(t *testing.T) {
	f := district(t)
	if len(f.Tasks) != 3 || f.Due != plan.D(2024, time.November, 20) {
		t.Fatalf("tasks %d, due %v", len(f.Tasks), f.Due)
	}
	if _, err := New(Config{Body: "quan-ba-dinh", Period: annual2024, Date: plan.D(2025, time.August, 1)}); err == nil {
		t.Error("a form for a district after the district level ended")
	}
	if _, err := New(Config{Body: "no-such-body", Period: annual2024}); err == nil {
		t.Error("a form for an unknown body")
	}
	big, err := New(Config{Body: "hoi-ctd", Period: annual2024, Date: plan.D(2024, time.December, 1)})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, fd := range big.Fields() {
		if fd.Kind == Number {
			n++
		}
	}
	if len(big.Tasks) != 6 || n != len(plan.Indicators()) {
		t.Errorf("hoi-ctd: %d tasks, %d indicators", len(big.Tasks), n)
	}
	// Indicator areas follow the plan: organisation, overall, then the
	// seven contents of Điều 2 in order.
	want := []string{"area-organisation", "area-overall"}
	for _, a := range plan.Activities() {
		want = append(want, "area-"+a.ID)
	}
	var got []string
	for _, g := range big.Sections[2].Groups {
		got = append(got, g.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("areas %v, want %v", got, want)
	}
}

func TestFieldOf(t *testing.T) {
	f := district(t)
	for ptr, want := range map[string]string{
		"/tasks/0/status":           StatusKey("III.12.1"),
		"/tasks/1/results":          TextKey("III.12.2"),
		"/tasks/2/reason":           ReasonKey("III.12.3"),
		"/tasks/2/activities/0":     ActivitiesKey("III.12.3"),
		"/dataCutoff":               KeyDataCutoff,
		"/tasks/1":                  StatusKey("III.12.2"),
		"/tasks":                    StatusKey("III.12.1"),
		"/tasks/9/status":           StatusKey("III.12.1"),
		"/indicators/blood_units":   IndicatorKey("blood_units"),
		"/indicators/no_such_thing": IndicatorKey("members"),
		"/preparedBy/phone":         KeyPrepPhone,
		"/preparedBy":               KeyPrepName,
		"/signedBy/position":        KeySignPosition,
		"/body":                     KeyReportDate,
		"/period/year":              KeyReportDate,
		"":                          KeyReportDate,
		"/unknown/member":           KeyReportDate,
	} {
		if got := f.FieldOf(ptr); got != want {
			t.Errorf("FieldOf(%q) = %q, want %q", ptr, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	f := district(t)
	_, ps := f.Check(Values{KeyReportDate: "15/11/2024"}, report.Default().Validate)
	var keys []string
	for _, p := range ps {
		keys = append(keys, p.Field)
		if p.VI == "" || p.EN == "" || strings.Contains(p.VI, "not_started") || strings.Contains(p.VI, "YYYY") {
			t.Errorf("message for %s: %q / %q", p.Field, p.VI, p.EN)
		}
	}
	want := []string{StatusKey("III.12.1"), TextKey("III.12.1"), StatusKey("III.12.2"), TextKey("III.12.2"),
		StatusKey("III.12.3"), TextKey("III.12.3"), KeyPrepName, KeyPrepPosition, KeyPrepPhone, KeySignName, KeySignPosition}
	if !slices.Equal(keys, want) {
		t.Errorf("problems on %v, want %v (one per field, in field order)", keys, want)
	}
	if ps[0].VI != "Chọn tình trạng thực hiện nhiệm vụ III.12.1." || ps[0].EN != "Choose the status of task III.12.1." {
		t.Errorf("status message %q / %q", ps[0].VI, ps[0].EN)
	}
	if _, ps := f.Check(filled(f), report.Default().Validate); len(ps) != 0 {
		t.Errorf("a filled form has problems: %v", ps)
	}
	// A report date on which the district no longer existed: the
	// validator's issue is at /body and shows on the date.
	v := filled(f)
	v[KeyReportDate] = "01/08/2025"
	_, ps = f.Check(v, report.Default().Validate)
	if len(ps) == 0 || ps[0].Field != KeyReportDate {
		t.Errorf("problems %v", ps)
	}
	// An unreadable number shows its own message, not the validator's.
	v = filled(f)
	v[IndicatorKey("blood_units")] = "1,5"
	_, ps = f.Check(v, report.Default().Validate)
	if len(ps) != 1 || ps[0].Code != "not_whole_number" {
		t.Errorf("problems %v", ps)
	}
	// A validator that fails otherwise than with a diag.List.
	_, ps = f.Check(filled(f), func(*report.Report) error { return fmt.Errorf("boom") })
	if len(ps) != 1 || ps[0].Code != "internal_error" {
		t.Errorf("problems %v", ps)
	}
}

func TestOptional(t *testing.T) {
	f := district(t)
	key := ReasonKey("III.12.1")
	notStarted := Values{StatusKey("III.12.1"): "not_started"}
	if f.Optional(key, notStarted) || !f.Optional(key, Values{}) || !f.Optional(TextKey("III.12.1"), notStarted) || f.Optional(TextKey("III.12.1"), Values{}) {
		t.Error("results are required unless the task has not started, the reason when it has not")
	}
}

func TestDraft(t *testing.T) {
	f := district(t)
	v := filled(f)
	v["not/a/field"] = "dropped"
	saved := time.Date(2024, time.November, 15, 7, 5, 0, 0, time.UTC)
	data, err := f.EncodeDraft(v, saved)
	if err != nil {
		t.Fatal(err)
	}
	got, when, err := f.DecodeDraft(data)
	if err != nil || !when.Equal(saved) {
		t.Fatal(err, when)
	}
	delete(v, "not/a/field")
	if len(got) != len(v) {
		t.Errorf("draft values %v", got)
	}
	for k, s := range v {
		if got[k] != s {
			t.Errorf("draft %s = %q, want %q", k, got[k], s)
		}
	}
	other, _ := New(Config{Body: "so-y-te", Period: annual2024, Date: plan.D(2024, time.November, 15)})
	if _, _, err := other.DecodeDraft(data); err == nil {
		t.Error("a draft of another body was accepted")
	}
	if _, _, err := f.DecodeDraft([]byte("{")); err == nil {
		t.Error("a broken draft was accepted")
	}
	if k := f.DraftKey("x"); k != "kh164-draft:164/KH-UBND:quan-ba-dinh:annual-2024:x" {
		t.Errorf("draft key %q", k)
	}
}

func TestMismatch(t *testing.T) {
	f := district(t)
	r, _ := f.Report(filled(f))
	if l := f.Mismatch(r); l != nil {
		t.Error(l)
	}
	r.Body = "so-y-te"
	if l := f.Mismatch(r); len(l) != 1 {
		t.Error("a report of another body matches")
	}
}
