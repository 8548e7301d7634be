package form

import (
	"encoding/json"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// This file declares what the host page sees of a mounted form: the mount
// options, the events and their detail, and what the methods return. The
// program (wasm/cmd/form) builds its answers from these types, and the
// TypeScript declarations of the npm package are generated from them
// (package github.com/kh164/kh164/wasm/npm). A ts tag gives the
// TypeScript type where the Go type says less (a set of strings); a field
// tagged ts:"-" is the loader's business, not the page's.

// MountOptions are the options of KH164Form.mount(element, options); the
// attributes of <kh164-report-form> set the same ones (validate-on,
// draft-key, report-date for the camel-case names).
type MountOptions struct {
	// The reporting body's ID (planreport bodies lists them).
	Body string `json:"body"`
	// The period: annual-2026 or half-year-2026.
	Period string `json:"period"`
	// The language of the form: vi (default) or en.
	Lang string `json:"lang,omitempty" ts:"'vi' | 'en'"`
	// submit (default): messages after the check before sending; touch:
	// also live on a field once it was typed in and left.
	ValidateOn string `json:"validateOn,omitempty" ts:"'submit' | 'touch'"`
	// Keeps drafts apart beyond plan, body and period (for example the
	// signed-in user).
	DraftKey string `json:"draftKey,omitempty"`
	// URL to POST the confirmed report to, as application/json. A 422
	// answer {"errors": [Issue…]} puts the messages on the fields.
	Action string `json:"action,omitempty"`
	// The report date (YYYY-MM-DD); default: today, or the due date when
	// today is outside the period.
	ReportDate string `json:"reportDate,omitempty"`
	// h1 when the form is the page's main content (its title is then the
	// page's <h1>); default h2.
	Heading string `json:"heading,omitempty" ts:"'h1' | 'h2'"`
	// URL of the kit's folder; default: the folder of kh164-form.js.
	// Read by the loader.
	Base string `json:"base,omitempty"`
	// IDPrefix makes the element IDs unique on the page; the loader
	// chooses it.
	IDPrefix string `json:"idPrefix" ts:"-"`
	// Adopt tells the program to take over the server-rendered form in
	// the element (WriteElement); the loader finds it.
	Adopt bool `json:"adopt,omitempty" ts:"-"`
}

// FieldIssue is an issue as the form's events and validate() give it: the
// report's issue and the name of the form field it is on.
type FieldIssue struct {
	// JSON Pointer to the value in the report ("" for the whole report).
	Path string `json:"path"`
	// Stable code (report/doc.go lists them).
	Code diag.Code `json:"code"`
	// The message in Vietnamese.
	VI string `json:"vi"`
	// The message in English.
	EN string `json:"en"`
	// The key of the form field the issue is shown on.
	Field string `json:"field"`
}

// FieldIssues turns problems into the issues the host sees.
func FieldIssues(ps []Problem) []FieldIssue {
	out := make([]FieldIssue, len(ps))
	for i, p := range ps {
		out[i] = FieldIssue{Path: p.Path, Code: p.Code, VI: p.VI, EN: p.EN, Field: p.Field}
	}
	return out
}

// Events are the events a form dispatches on its element (CustomEvent,
// not bubbling), each field the detail of the event its json tag names.
type Events struct {
	// The form is shown and can be used.
	Ready ReadyDetail `json:"ready"`
	// A field changed.
	Change ChangeDetail `json:"change"`
	// Validation found problems (on validate(), on submit, or in a 422
	// answer), in field order.
	Invalid InvalidDetail `json:"invalid"`
	// The person confirmed the report on the check-answers view; the
	// detail is the report. Cancelable: preventDefault() stops the POST.
	Submit report.Report `json:"submit"`
	// The server accepted the report (a 2xx answer to the POST to action);
	// the form shows its confirmation.
	Sent SentDetail `json:"sent"`
	// The form could not load, stopped after an error, or an operation
	// failed (no phase).
	Error ErrorDetail `json:"error"`
}

// ReadyDetail is the detail of the ready event.
type ReadyDetail struct {
	Body   string `json:"body"`
	Period string `json:"period"`
}

// ChangeDetail is the detail of the change event.
type ChangeDetail struct {
	// The key of the field that changed.
	Field string `json:"field"`
}

// InvalidDetail is the detail of the invalid event.
type InvalidDetail struct {
	Errors []FieldIssue `json:"errors"`
}

// SentDetail is the detail of the sent event.
type SentDetail struct {
	// The HTTP status of the answer.
	Status int `json:"status"`
	// The server's JSON answer (Receipt lists the members the form
	// shows), or {"message": text} for an answer that is not JSON.
	Answer json.RawMessage `json:"answer" ts:"Record<string, unknown>"`
}

// ErrorDetail is the detail of the error event.
type ErrorDetail struct {
	// load: the module could not be loaded; crash: the form stopped (the
	// draft is kept); absent: one operation failed and the form goes on.
	Phase string `json:"phase,omitempty" ts:"'load' | 'crash'"`
	// What went wrong, for the logs.
	Message string `json:"message"`
}

// Validation is what validate() returns.
type Validation struct {
	Valid  bool         `json:"valid"`
	Errors []FieldIssue `json:"errors"`
}

// SetValueErrors is what setValue() returns when its argument is not a
// report, or a report the form cannot hold entirely (another body,
// period, or tasks of another date: Fits); it returns null otherwise.
type SetValueErrors struct {
	Errors diag.List `json:"errors"`
}

// Checked is what the validate call of the program without a DOM (the npm
// package's Node entry) returns: the issues exactly as the portal's 422
// and planreport serve give them.
type Checked struct {
	Valid  bool      `json:"valid"`
	Errors diag.List `json:"errors"`
}
