package form

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/textrule"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Values are what a person typed, by field key, exactly as typed. A Radios
// field holds the chosen value; a missing key is an empty field.
type Values map[string]string

// Clone returns a copy of v.
func (v Values) Clone() Values {
	c := make(Values, len(v))
	for k, s := range v {
		c[k] = s
	}
	return c
}

// Empty reports whether nothing has been typed or chosen.
func (v Values) Empty() bool {
	for _, s := range v {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// clean is a text as it goes into the report: NFC, without the whitespace
// the validator forbids at either end.
func clean(s string) string {
	return norm.NFC.String(textrule.Line.Trim(s))
}

// Count is the number of characters of s the validator counts: Unicode
// code points of the NFC text without surrounding whitespace. It is the
// count the form shows under every long text.
func Count(s string) int { return utf8.RuneCountInString(clean(s)) }

// Report builds the report from the values. Texts are trimmed and
// normalised to NFC; empty fields are left out. Values that cannot go into
// the report (a number or a date that cannot be read) are left out too and
// returned as issues at the pointer they would have had.
func (f *Form) Report(v Values) (*report.Report, diag.List) {
	var issues diag.List
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Plan:          plan.ID,
		Body:          f.Body.ID,
		Period:        report.Period{Kind: f.Period.Kind, Year: f.Period.Year},
		Reference:     clean(v[KeyReference]),
		Difficulties:  clean(v[KeyDifficulties]),
		Proposals:     clean(v[KeyProposals]),
		PreparedBy: report.Preparer{
			Name:     clean(v[KeyPrepName]),
			Position: clean(v[KeyPrepPosition]),
			Phone:    phone(v[KeyPrepPhone]),
			Email:    clean(v[KeyPrepEmail]),
		},
		SignedBy: report.Signer{Name: clean(v[KeySignName]), Position: clean(v[KeySignPosition])},
	}
	if s := strings.TrimSpace(v[KeyReportDate]); s != "" {
		d, err := ParseDay(s)
		if err != nil {
			issues = append(issues, dateIssue("/reportDate", f.Field(KeyReportDate).Label, s))
		}
		r.ReportDate = d
	}
	if s := strings.TrimSpace(v[KeyDataCutoff]); s != "" {
		d, err := ParseDay(s)
		if err != nil {
			issues = append(issues, dateIssue("/dataCutoff", f.Field(KeyDataCutoff).Label, s))
		} else {
			r.DataCutoff = &d
		}
	}
	r.Tasks = make([]report.TaskResult, len(f.Tasks))
	for i, t := range f.Tasks {
		r.Tasks[i] = report.TaskResult{Task: t.ID, Status: report.Status(v[StatusKey(t.ID)]),
			Results: clean(v[TextKey(t.ID)]), Reason: clean(v[ReasonKey(t.ID)]), Activities: strings.Fields(v[ActivitiesKey(t.ID)])}
	}
	for _, fd := range f.fields {
		code, ok := strings.CutPrefix(fd.Key, "indicator/")
		if !ok || strings.TrimSpace(v[fd.Key]) == "" {
			continue
		}
		n, err := ParseCount(v[fd.Key])
		if err != nil {
			max := int64(plan.MaxIndicator)
			if in, err := plan.IndicatorByCode(code); err == nil {
				max = in.Max
			}
			issues = append(issues, countIssue("/indicators/"+code, fd.Label, fd.Unit, max, err))
			continue
		}
		if r.Indicators == nil {
			r.Indicators = map[string]int64{}
		}
		r.Indicators[code] = n
	}
	return r, issues
}

// phone removes the spaces, dots and hyphens people put between the digit
// groups of a phone number.
func phone(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || r == '-' {
			return -1
		}
		return r
	}, clean(s))
}

// FromReport gives the values that show report r in the form: the inverse
// of Report for a valid report. Lang chooses how numbers are grouped.
func (f *Form) FromReport(r *report.Report, l diag.Lang) Values {
	v := Values{}
	set := func(k, s string) {
		if s != "" {
			v[k] = s
		}
	}
	if !r.ReportDate.IsZero() {
		set(KeyReportDate, FormatDay(r.ReportDate))
	}
	if r.DataCutoff != nil {
		set(KeyDataCutoff, FormatDay(*r.DataCutoff))
	}
	set(KeyReference, r.Reference)
	set(KeyDifficulties, r.Difficulties)
	set(KeyProposals, r.Proposals)
	set(KeyPrepName, r.PreparedBy.Name)
	set(KeyPrepPosition, r.PreparedBy.Position)
	set(KeyPrepPhone, r.PreparedBy.Phone)
	set(KeyPrepEmail, r.PreparedBy.Email)
	set(KeySignName, r.SignedBy.Name)
	set(KeySignPosition, r.SignedBy.Position)
	for _, t := range r.Tasks {
		if f.Field(StatusKey(t.Task)) == nil {
			continue
		}
		set(StatusKey(t.Task), string(t.Status))
		set(TextKey(t.Task), t.Results)
		set(ReasonKey(t.Task), t.Reason)
		set(ActivitiesKey(t.Task), strings.Join(t.Activities, " "))
	}
	for code, n := range r.Indicators {
		if f.Field(IndicatorKey(code)) != nil {
			v[IndicatorKey(code)] = FormatCount(n, l)
		}
	}
	return v
}

// Fits returns, as fatal problems, what of report r the form has no field
// for: a report of another body or period, or tasks the body does not
// answer for on the form's report date (a report of another date needs the
// form laid out for that date). FromReport keeps everything of a report
// that fits.
func (f *Form) Fits(r *report.Report) diag.List {
	if l := f.Mismatch(r); l != nil {
		return l
	}
	var l diag.List
	for i, t := range r.Tasks {
		if f.Field(StatusKey(t.Task)) == nil {
			l = append(l, diag.New(fmt.Sprintf("/tasks/%d/task", i), diag.TaskNotInForm,
				fmt.Sprintf("Biểu mẫu ngày %s không có nhiệm vụ %s.", f.Date.Vietnamese(), t.Task),
				fmt.Sprintf("The form for %s has no task %s.", f.Date, t.Task)))
		}
	}
	for code := range r.Indicators {
		if f.Field(IndicatorKey(code)) == nil {
			l = append(l, diag.New("/indicators/"+escape(code), diag.UnknownIndicator,
				fmt.Sprintf("Biểu mẫu không có chỉ tiêu %q.", code), fmt.Sprintf("The form has no indicator %q.", code)))
		}
	}
	return l
}

// Errors of ParseCount.
var (
	ErrNotNumber = fmt.Errorf("not a whole number")
	ErrDecimal   = fmt.Errorf("a decimal where a whole number is asked")
	ErrNegative  = fmt.Errorf("a negative number")
	ErrTooLarge  = fmt.Errorf("a number above 2^53-1")
)

// ParseCount reads a whole number as Vietnamese write it: digits, grouped
// by threes with dots or spaces or not at all ("322.000", "322 000",
// "322000"). A comma, or a dot before fewer or more than three digits, is
// read as a decimal separator and rejected; so are signs and numbers above
// 2^53-1 (the largest that JavaScript keeps exact).
func ParseCount(s string) (int64, error) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		return 0, ErrNegative
	}
	if s == "" {
		return 0, ErrNotNumber
	}
	var groups []string
	var sep rune
	start := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			continue
		case r == ',':
			return 0, ErrDecimal
		case r == '.' || unicode.IsSpace(r):
			kind := r
			if kind != '.' {
				kind = ' '
			}
			if sep != 0 && sep != kind {
				return 0, ErrNotNumber
			}
			sep = kind
			groups = append(groups, s[start:i])
			start = i + utf8.RuneLen(r)
		default:
			return 0, ErrNotNumber
		}
	}
	groups = append(groups, s[start:])
	for i, g := range groups {
		switch {
		case g == "":
			return 0, ErrNotNumber
		case i > 0 && len(g) != 3:
			if sep == '.' && i == len(groups)-1 {
				return 0, ErrDecimal
			}
			return 0, ErrNotNumber
		case i == 0 && len(groups) > 1 && len(g) > 3:
			if sep == '.' && len(groups) == 2 {
				return 0, ErrDecimal
			}
			return 0, ErrNotNumber
		}
	}
	n, err := strconv.ParseInt(strings.Join(groups, ""), 10, 64)
	if err != nil || n > plan.MaxIndicator {
		return 0, ErrTooLarge
	}
	return n, nil
}

// FormatCount writes n grouped by threes: with dots in Vietnamese
// ("322.000"), with spaces in English ("322 000"); ParseCount reads both.
func FormatCount(n int64, l diag.Lang) string {
	sep := "."
	if l == diag.EN {
		sep = " "
	}
	return report.GroupDigits(n, sep)
}

func countIssue(ptr string, label, unit Text, max int64, err error) diag.Issue {
	switch err {
	case ErrDecimal:
		return diag.New(ptr, diag.NotWholeNumber,
			label.VI+" phải là số nguyên, không có phần thập phân. Dấu chấm chỉ dùng để tách hàng nghìn, ví dụ 322.000.",
			label.EN+" must be a whole number, without decimals. Dots may only group thousands, as in 322.000.")
	case ErrNegative:
		return diag.New(ptr, diag.NegativeNumber, label.VI+" không được là số âm.", label.EN+" cannot be negative.")
	case ErrTooLarge:
		return diag.New(ptr, diag.NumberTooLarge,
			fmt.Sprintf("%s quá lớn: không được vượt quá %s %s. Kiểm tra lại số đã nhập.", label.VI, FormatCount(max, diag.VI), unit.VI),
			fmt.Sprintf("%s is too large: it cannot be over %s %s. Check the number.", label.EN, FormatCount(max, diag.EN), unit.EN),
			"max", max)
	}
	return diag.New(ptr, diag.NotANumber,
		label.VI+" phải là số nguyên không âm, chỉ gồm chữ số, ví dụ 322.000 hoặc 322000.",
		label.EN+" must be a whole number of digits, such as 322.000 or 322000.")
}

// ParseDay reads a date written day/month/year ("15/11/2024", "5/6/2023",
// also with dots or hyphens) or as on the wire ("2024-11-15").
func ParseDay(s string) (plan.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := plan.ParseDate(s); err == nil {
		return d, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return plan.Date{}, fmt.Errorf("date %q is not day/month/year", s)
	}
	iso := fmt.Sprintf("%s-%02s-%02s", parts[2], parts[1], parts[0])
	iso = strings.ReplaceAll(iso, " ", "0")
	return plan.ParseDate(iso)
}

// FormatDay writes d as ParseDay reads it: "15/11/2024".
func FormatDay(d plan.Date) string { return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year) }

func dateIssue(ptr string, label Text, s string) diag.Issue {
	return diag.New(ptr, diag.InvalidDate,
		fmt.Sprintf("%s phải là một ngày có thật, viết ngày/tháng/năm, ví dụ 15/11/2024.", label.VI),
		fmt.Sprintf("%s must be a real date written day/month/year, for example 15/11/2024.", label.EN), "value", s)
}
