package form

import (
	"fmt"
	"io"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// Element is a <kh164-report-form> element as a server writes it into a
// page, with the form rendered inside it (WriteElement). The attributes are
// those of the custom element (wasm/README.md); the loader finds the form
// already there, shows the download progress in it, and the WebAssembly
// program takes over its DOM, keeping what was typed meanwhile.
type Element struct {
	ID         string // the element's id; it also makes the form's ids ("kh164-" + ID)
	Body       string
	Period     plan.Period
	Lang       diag.Lang
	ValidateOn string
	DraftKey   string
	Action     string
	// ReportDate is the report date; zero: DefaultDate. The element
	// carries the date chosen, so that the program lays out the same form.
	ReportDate plan.Date
	// Heading is the title's element, "h1" when the form is the page's main
	// content; empty: "h2".
	Heading  string
	Today    plan.Date      // zero: plan.Today()
	Registry *plan.Registry // nil: plan.Default()
}

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

// Prefix is the id prefix of the form inside the element.
func (e Element) Prefix() IDs { return IDs("kh164-" + e.ID) }

// WriteElement writes the element with the form rendered inside: the
// form is usable (a person can type) before the module has arrived. It
// fails with a diag.List as New does.
func WriteElement(w io.Writer, e Element) error {
	f, err := New(Config{Registry: e.Registry, Body: e.Body, Period: e.Period, Date: e.ReportDate, Today: e.Today})
	if err != nil {
		return err
	}
	if e.ID == "" {
		return fmt.Errorf("form.WriteElement: the element needs an id")
	}
	v := View{Form: f, Lang: e.Lang, IDs: e.Prefix(), Heading: e.Heading}
	root := v.Render(f.Initial())
	root.Attrs = append(root.Attrs, SSRAttr, f.Signature())
	root.Kids[0].Kids = []*Node{v.Loading()} // the status slot
	attrs := []string{"id", e.ID, "body", f.Body.ID, "period", f.Period.String(), "lang", string(e.Lang)}
	for _, a := range [][2]string{{"draft-key", e.DraftKey}, {"report-date", f.Date.String()}, {"action", e.Action}, {"validate-on", e.ValidateOn}, {"heading", e.Heading}} {
		if a[1] != "" {
			attrs = append(attrs, a[0], a[1])
		}
	}
	return el("kh164-report-form", attrs, root).WriteHTML(w)
}
