package plan

import (
	"fmt"
	"time"

	"github.com/kh164/kh164/diag"
)

// Date is a civil date (no time of day, no zone), as written on documents.
// The zero Date means "not set". Dates are comparable with ==.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D returns the date y-m-d. It panics if the date does not exist; use
// ParseDate for input.
func D(y int, m time.Month, d int) Date {
	t := Date{y, m, d}
	if !t.valid() {
		panic(fmt.Sprintf("plan.D: no such date %04d-%02d-%02d", y, m, d))
	}
	return t
}

func (d Date) valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseDate parses an ISO 8601 calendar date "YYYY-MM-DD" (RFC 3339
// full-date: exactly four, two and two digits), the form used on the wire.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, badDate(s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, badDate(s)
	}
	t := Date{y, time.Month(m), d}
	if !t.valid() {
		return Date{}, diag.List{diag.New("", "invalid_date",
			fmt.Sprintf("Ngày %q không có trên lịch. Kiểm tra lại ngày và tháng.", s),
			fmt.Sprintf("Date %q does not exist. Check the day and the month.", s), "value", s)}
	}
	return t, nil
}

func badDate(s string) error {
	return diag.List{diag.New("", "invalid_date",
		fmt.Sprintf("Ngày %q phải viết theo dạng năm-tháng-ngày YYYY-MM-DD, ví dụ 2026-11-18.", s),
		fmt.Sprintf("Date %q must be written YYYY-MM-DD, for example 2026-11-18.", s), "value", s)}
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Today is the current date in Hanoi (UTC+7, no daylight saving).
func Today() Date { return DateOf(time.Now()) }

var hanoi = time.FixedZone("ICT", 7*3600)

// Hanoi is Hanoi's time zone, UTC+7 without daylight saving, in which
// receipt times are shown and the day of receipt is read.
var Hanoi = hanoi

// DateOf is the date in Hanoi at instant t.
func DateOf(t time.Time) Date {
	y, m, d := t.In(hanoi).Date()
	return Date{y, m, d}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Vietnamese formats d as documents do: "05/6/2023" (day with two digits,
// month without a leading zero from March to December, as in the plan).
func (d Date) Vietnamese() string {
	if d.Month < 3 {
		return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year)
	}
	return fmt.Sprintf("%02d/%d/%d", d.Day, int(d.Month), d.Year)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(d.Day, e.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before it, for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, hanoi))
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD).
func (d Date) MarshalText() ([]byte, error) {
	if !d.valid() {
		return nil, fmt.Errorf("plan.Date: cannot marshal invalid date %04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = t
	return nil
}

// MonthDay is a day of the year, such as a yearly deadline ("20/11").
type MonthDay struct {
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// In returns the date of m in year y. 29 February falls on 28 February in
// common years.
func (m MonthDay) In(y int) Date {
	if d := daysIn(m.Month, y); m.Day > d {
		return Date{y, m.Month, d}
	}
	return Date{y, m.Month, m.Day}
}

// String formats m as the documents do: "20/11".
func (m MonthDay) String() string { return fmt.Sprintf("%02d/%d", m.Day, int(m.Month)) }

// ParseMonthDay parses "DD/MM" or "D/M" ("20/11", "15/12", "20/6").
func ParseMonthDay(s string) (MonthDay, error) {
	var d, m int
	var rest string
	if n, err := fmt.Sscanf(s, "%d/%d%s", &d, &m, &rest); n != 2 || (err != nil && rest != "") {
		return MonthDay{}, fmt.Errorf("day of year %q is not in the form DD/MM", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), 2024) {
		return MonthDay{}, fmt.Errorf("day of year %q does not exist", s)
	}
	return MonthDay{time.Month(m), d}, nil
}
