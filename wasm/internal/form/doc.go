// Package form is the model of the embeddable report form, kept apart from
// the browser so that it is tested with ordinary unit tests.
//
// A Form is laid out from the plan for one body, period and report date
// (New). What a person typed is kept as Values, raw strings by field key,
// never cleared or rewritten; Report builds the report the server expects
// from them (numbers as "322.000", "322 000" or "322000", dates as
// "15/11/2024"), and Check validates it with the report package's checker
// and places each issue on a field (Problem). Count is the character count
// the validator uses. Drafts are Values saved with the form's identity
// (EncodeDraft, DecodeDraft). Render and the other views describe the
// markup as Node trees; the WebAssembly program (wasm/cmd/form) only turns
// them into DOM nodes, with text set as text, never parsed as HTML, or
// takes over the same markup written by a server (Node.WriteHTML,
// WriteElement), so that a page shows a usable form before the module has
// arrived.
//
// Every member of a report has a field (FromReport and Report are inverse
// for every valid report; Fits says what a form cannot hold). A body is
// shown the indicators the catalogue suggests for its group; the others
// are Extra fields, shown once their key is in the values (Shown, Extras).
package form
