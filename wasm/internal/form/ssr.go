package form

import "fmt"

// SSRAttr is the attribute of a server-rendered form: the body, period and
// report date it was laid out for, which the program checks before it
// takes the form over (else it renders the form again, keeping the values).
const SSRAttr = "data-kh164-ssr"

// Signature is the value of SSRAttr for the form.
func (f *Form) Signature() string {
	return fmt.Sprintf("%s %s %s", f.Body.ID, f.Period, f.Date)
}

// Initial are the values a new form starts with: its report date.
func (f *Form) Initial() Values { return Values{KeyReportDate: FormatDay(f.Date)} }
