package build

import (
	"fmt"
	"io"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/wasm/internal/form"
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
	// ReportDate is the report date; zero: the day the module would choose
	// (the due date, or today once it is past). The element carries the
	// date chosen, so that the program lays out the same form.
	ReportDate plan.Date
	// Heading is the title's element, "h1" when the form is the page's main
	// content; empty: "h2".
	Heading  string
	Today    plan.Date      // zero: plan.Today()
	Registry *plan.Registry // nil: plan.Default()
}

// WriteElement writes the element with the form rendered inside, from
// the same Go model the WebAssembly program uses: the form is usable (a
// person can type) before the module has arrived. It fails with a
// diag.List when the body or period is not one of the plan's.
func WriteElement(w io.Writer, e Element) error {
	f, err := form.New(form.Config{Registry: e.Registry, Body: e.Body, Period: e.Period, Date: e.ReportDate, Today: e.Today})
	if err != nil {
		return err
	}
	if e.ID == "" {
		return fmt.Errorf("build.WriteElement: the element needs an id")
	}
	v := form.View{Form: f, Lang: e.Lang, IDs: form.IDs("kh164-" + e.ID), Heading: e.Heading}
	root := v.Render(f.Initial())
	root.Attrs = append(root.Attrs, form.SSRAttr, f.Signature())
	root.Kids[0].Kids = []*form.Node{v.Loading()} // the status slot
	attrs := []string{"id", e.ID, "body", f.Body.ID, "period", f.Period.String(), "lang", string(e.Lang)}
	for _, a := range [][2]string{{"draft-key", e.DraftKey}, {"report-date", f.Date.String()}, {"action", e.Action}, {"validate-on", e.ValidateOn}, {"heading", e.Heading}} {
		if a[1] != "" {
			attrs = append(attrs, a[0], a[1])
		}
	}
	return (&form.Node{Tag: "kh164-report-form", Attrs: attrs, Kids: []*form.Node{root}}).WriteHTML(w)
}
