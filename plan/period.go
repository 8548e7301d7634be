package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
)

// PeriodKind is the length of a reporting period.
type PeriodKind string

// The two kinds of period the plan asks reports for ("6 tháng, năm").
const (
	HalfYear PeriodKind = "half-year" // 6 tháng
	Annual   PeriodKind = "annual"    // năm
)

// PeriodKinds lists the kinds in the order the plan names them.
var PeriodKinds = []PeriodKind{HalfYear, Annual}

// Vietnamese is the kind's name in reports: "6 tháng" or "năm".
func (k PeriodKind) Vietnamese() string {
	if k == HalfYear {
		return "6 tháng"
	}
	return "năm"
}

// Period is one reporting period: a kind and a year.
type Period struct {
	Kind PeriodKind `json:"kind"`
	Year int        `json:"year"`
}

// Years the library accepts for periods: the plan was issued in 2023 and
// has no end date; the upper bound only keeps typing errors out.
const (
	FirstYear = 2023
	LastYear  = 2100
)

// ParsePeriod parses "annual-2026" or "half-year-2026". Its error is a
// diag.List with the code invalid_period and Params value (and, for a
// year out of bounds, min and max).
func ParsePeriod(s string) (Period, error) {
	i := strings.LastIndexByte(s, '-')
	y, err := strconv.Atoi(s[i+1:])
	k := PeriodKind(s[max(i, 0):])
	if i >= 0 {
		k = PeriodKind(s[:i])
	}
	if i < 0 || err != nil || (k != Annual && k != HalfYear) {
		return Period{}, diag.List{diag.New("", diag.InvalidPeriod,
			fmt.Sprintf("Kỳ báo cáo %s không đúng dạng LOẠI-NĂM: viết annual-2026 (báo cáo năm) hoặc half-year-2026 (báo cáo 6 tháng).", strconv.Quote(s)),
			fmt.Sprintf("The period %s is not KIND-YEAR: write annual-2026 (annual report) or half-year-2026 (half-year report).", strconv.Quote(s)),
			"value", s)}
	}
	p := Period{k, y}
	if err := p.Check(); err != nil {
		l := err.(diag.List) // built by Check for this call
		l[0].Path = ""       // the string has no members
		return Period{}, l
	}
	return p, nil
}

// Check reports whether p names a known kind and a year from FirstYear to
// LastYear. Its error is a diag.List at the pointer of the member that is
// wrong (/kind or /year), with the code invalid_period.
func (p Period) Check() error {
	if p.Kind != Annual && p.Kind != HalfYear {
		return diag.List{diag.New("/kind", diag.InvalidPeriod,
			fmt.Sprintf("Loại kỳ báo cáo %s không hợp lệ: chọn %s (năm) hoặc %s (6 tháng).", strconv.Quote(string(p.Kind)), Annual, HalfYear),
			fmt.Sprintf("The kind of period %s is not valid: choose %s or %s.", strconv.Quote(string(p.Kind)), Annual, HalfYear),
			"value", string(p.Kind))}
	}
	if p.Year < FirstYear || p.Year > LastYear {
		return diag.List{diag.New("/year", diag.InvalidPeriod,
			fmt.Sprintf("Năm của kỳ báo cáo phải từ %d đến %d, không phải %d.", FirstYear, LastYear, p.Year),
			fmt.Sprintf("The year of the period must be from %d to %d, not %d.", FirstYear, LastYear, p.Year),
			"value", p.Year, "min", FirstYear, "max", LastYear)}
	}
	return nil
}

// String formats p as ParsePeriod reads it.
func (p Period) String() string { return fmt.Sprintf("%s-%d", p.Kind, p.Year) }

// Vietnamese names the period as reports do: "năm 2026", "6 tháng đầu năm 2026".
func (p Period) Vietnamese() string {
	if p.Kind == HalfYear {
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// English names the period: "year 2026", "first half of 2026".
func (p Period) English() string {
	if p.Kind == HalfYear {
		return fmt.Sprintf("first half of %d", p.Year)
	}
	return fmt.Sprintf("year %d", p.Year)
}

// Window is the data window of the period, both ends included: from 15/12 of
// the previous year to 14/6 (half-year) or 14/12 (annual) of the year, as in
// the rules issued under Decree 09/2019/NĐ-CP.
func (p Period) Window() (start, end Date) {
	start = Date{p.Year - 1, time.December, 15}
	if p.Kind == HalfYear {
		return start, Date{p.Year, time.June, 14}
	}
	return start, Date{p.Year, time.December, 14}
}
