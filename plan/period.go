package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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

// ParsePeriod parses "annual-2026" or "half-year-2026".
func ParsePeriod(s string) (Period, error) {
	i := strings.LastIndexByte(s, '-')
	if i < 0 {
		return Period{}, fmt.Errorf("period %q is not KIND-YEAR, as annual-2026 or half-year-2026", s)
	}
	k := PeriodKind(s[:i])
	y, err := strconv.Atoi(s[i+1:])
	if err != nil || (k != Annual && k != HalfYear) {
		return Period{}, fmt.Errorf("period %q is not KIND-YEAR, as annual-2026 or half-year-2026", s)
	}
	p := Period{k, y}
	return p, p.Check()
}

// Check reports whether p names a known kind and a year from FirstYear to LastYear.
func (p Period) Check() error {
	if p.Kind != Annual && p.Kind != HalfYear {
		return fmt.Errorf("period kind %q is not annual or half-year", p.Kind)
	}
	if p.Year < FirstYear || p.Year > LastYear {
		return fmt.Errorf("period year %d is outside %d–%d", p.Year, FirstYear, LastYear)
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
