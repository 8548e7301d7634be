package form

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		err  error
	}{
		{"322.000", 322000, nil},
		{"322 000", 322000, nil},
		{"322000", 322000, nil},
		{" 322\u00a0000 ", 322000, nil}, // no-break space, as office software writes
		{"322\u202f000", 322000, nil},   // narrow no-break space
		{"1.234.567", 1234567, nil},
		{"0", 0, nil},
		{"9.007.199.254.740.991", 1<<53 - 1, nil},
		{"9007199254740992", 0, ErrTooLarge},
		{"99999999999999999999", 0, ErrTooLarge},
		{"12,5", 0, ErrDecimal},
		{"322,000", 0, ErrDecimal},
		{"12.5", 0, ErrDecimal},
		{"1.2345", 0, ErrDecimal},
		{"1234.567", 0, ErrDecimal},
		{"1.234.56", 0, ErrDecimal},
		{"-5", 0, ErrNegative},
		{"−5", 0, ErrNegative},
		{"1.000 000", 0, ErrNotNumber},
		{"1..000", 0, ErrNotNumber},
		{"12 34", 0, ErrNotNumber},
		{"1e6", 0, ErrNotNumber},
		{"", 0, ErrNotNumber},
		{"abc", 0, ErrNotNumber},
		{"١٢", 0, ErrNotNumber},
	} {
		got, err := ParseCount(c.in)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("ParseCount(%q) = %d, %v; want %d, %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestFormatCount(t *testing.T) {
	for _, c := range []struct {
		n    int64
		l    diag.Lang
		want string
	}{{0, diag.VI, "0"}, {999, diag.VI, "999"}, {322000, diag.VI, "322.000"}, {1234567, diag.EN, "1 234 567"}, {1<<53 - 1, diag.VI, "9.007.199.254.740.991"}} {
		if got := FormatCount(c.n, c.l); got != c.want {
			t.Errorf("FormatCount(%d) = %q, want %q", c.n, got, c.want)
		}
		if n, err := ParseCount(FormatCount(c.n, c.l)); n != c.n || err != nil {
			t.Errorf("ParseCount(FormatCount(%d)) = %d, %v", c.n, n, err)
		}
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"322.000", "322 000", "12,5", "9.007.199.254.740.991", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCount(s)
		if err != nil {
			return
		}
		if n < 0 || n > plan.MaxIndicator {
			t.Fatalf("ParseCount(%q) = %d, outside 0..2^53-1", s, n)
		}
		if m, err := ParseCount(FormatCount(n, diag.VI)); m != n || err != nil {
			t.Fatalf("round trip of %d: %d, %v", n, m, err)
		}
	})
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"Tiếng Việt", 10},
		{"Tie\u0302\u0301ng Vie\u0323\u0302t", 10}, // decomposed: 17 code points, 10 after NFC
		{"  Hà Nội\n\n", 6},                        // the validator sees the trimmed text
		{"😀", 1},                                   // one code point, two UTF-16 units
		{"", 0},
	} {
		if got := Count(c.in); got != c.want {
			t.Errorf("Count(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestParseDay(t *testing.T) {
	for in, want := range map[string]plan.Date{
		"15/11/2024": plan.D(2024, time.November, 15),
		"5/6/2023":   plan.D(2023, time.June, 5),
		"05.06.2023": plan.D(2023, time.June, 5),
		"2024-11-15": plan.D(2024, time.November, 15),
		" 1-2-2025 ": plan.D(2025, time.February, 1),
	} {
		if got, err := ParseDay(in); got != want || err != nil {
			t.Errorf("ParseDay(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"31/02/2024", "15/11/24", "2024/11/15", "15 tháng 11", "", "111/1/2024"} {
		if _, err := ParseDay(in); err == nil {
			t.Errorf("ParseDay(%q) accepted", in)
		}
	}
	if got := FormatDay(plan.D(2024, time.March, 5)); got != "05/03/2024" {
		t.Errorf("FormatDay = %q", got)
	}
}

var annual2024 = plan.Period{Kind: plan.Annual, Year: 2024}

func district(t *testing.T) *Form {
	t.Helper()
	f, err := New(Config{Body: "quan-ba-dinh", Period: annual2024, Date: plan.D(2024, time.November, 15)})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func filled(f *Form) Values {
	v := Values{
		KeyReportDate: "15/11/2024", KeyPrepName: " Nguyễn Thị Hoa ", KeyPrepPosition: "Chuyên viên",
		KeyPrepPhone: "0912 345.678", KeySignName: "Trần Văn Nam", KeySignPosition: "Phó Chủ tịch",
		IndicatorKey("blood_units"): "1.250", IndicatorKey("movement_value_vnd"): "322 000 000",
		KeyDifficulties: "Kinh phí còn hạn chế.\n",
	}
	for _, task := range f.Tasks {
		v[StatusKey(task.ID)] = "done"
		v[TextKey(task.ID)] = "Đã thực hiện nhiệm vụ " + task.ID + "."
	}
	v[StatusKey(f.Tasks[1].ID)] = "not_started"
	delete(v, TextKey(f.Tasks[1].ID))
	v[ReasonKey(f.Tasks[1].ID)] = "Chưa bố trí được kinh phí."
	return v
}

func TestReport(t *testing.T) {
	f := district(t)
	r, issues := f.Report(filled(f))
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	if err := report.Default().Validate(r); err != nil {
		t.Fatalf("the report of a filled form is invalid: %v", err)
	}
	if r.PreparedBy.Name != "Nguyễn Thị Hoa" || r.PreparedBy.Phone != "0912345678" || r.Difficulties != "Kinh phí còn hạn chế." {
		t.Errorf("texts not cleaned: %+v", r.PreparedBy)
	}
	if r.Indicators["blood_units"] != 1250 || r.Indicators["movement_value_vnd"] != 322000000 {
		t.Errorf("indicators %v", r.Indicators)
	}
	if r.Tasks[1].Reason == "" || r.Tasks[1].Results != "" || r.Tasks[0].Results == "" {
		t.Errorf("results and reason: %+v", r.Tasks)
	}
	back := f.FromReport(r, diag.VI)
	if r2, _ := f.Report(back); !sameReport(r, r2) {
		t.Errorf("FromReport does not round-trip:\n%+v\n%+v", r, r2)
	}
	if back[IndicatorKey("movement_value_vnd")] != "322.000.000" {
		t.Errorf("number shown as %q", back[IndicatorKey("movement_value_vnd")])
	}
}

func sameReport(a, b *report.Report) bool {
	if len(a.Indicators) != len(b.Indicators) || len(a.Tasks) != len(b.Tasks) {
		return false
	}
	for k, v := range a.Indicators {
		if b.Indicators[k] != v {
			return false
		}
	}
	for i := range a.Tasks {
		if a.Tasks[i].Task != b.Tasks[i].Task || a.Tasks[i].Status != b.Tasks[i].Status || a.Tasks[i].Results != b.Tasks[i].Results || a.Tasks[i].Reason != b.Tasks[i].Reason {
			return false
		}
	}
	return a.ReportDate == b.ReportDate && a.PreparedBy == b.PreparedBy && a.SignedBy == b.SignedBy && a.Difficulties == b.Difficulties
}

func TestReportUnreadable(t *testing.T) {
	f := district(t)
	v := filled(f)
	v[IndicatorKey("blood_units")] = "12,5"
	v[KeyReportDate] = "31/02/2024"
	r, issues := f.Report(v)
	if len(issues) != 2 || issues[0].Path != "/reportDate" || issues[1].Path != "/indicators/blood_units" || issues[1].Code != "not_whole_number" {
		t.Fatalf("issues %v", issues)
	}
	if _, ok := r.Indicators["blood_units"]; ok {
		t.Error("an unreadable number went into the report")
	}
	if !strings.Contains(issues[1].VI, "Số đơn vị máu tiếp nhận") || !strings.Contains(issues[1].EN, "Blood units received") {
		t.Errorf("the message does not name the field: %v", issues[1])
	}
	if v[IndicatorKey("blood_units")] != "12,5" {
		t.Error("the typed value was changed")
	}
}

func TestDefaultDate(t *testing.T) {
	reg := plan.Default()
	ba, _ := reg.Body("quan-ba-dinh")
	due := plan.D(2024, time.November, 20)
	for _, c := range []struct {
		today, want plan.Date
	}{
		{plan.D(2024, time.November, 10), plan.D(2024, time.November, 10)}, // today, in the window
		{plan.D(2026, time.March, 1), due},                                 // long after: the due date
		{plan.D(2023, time.January, 1), due},                               // before the window
	} {
		if got := DefaultDate(ba, annual2024, due, c.today); got != c.want {
			t.Errorf("DefaultDate(today %v) = %v, want %v", c.today, got, c.want)
		}
	}
	// The district did not exist at the end of 2025's window: its last day.
	if got := DefaultDate(ba, plan.Period{Kind: plan.Annual, Year: 2025}, plan.Date{}, plan.D(2026, time.January, 5)); got != ba.Until {
		t.Errorf("DefaultDate for a body gone = %v, want %v", got, ba.Until)
	}
}
