// Package report reads, checks and compiles the reports that bodies file
// under Plan 164/KH-UBND: what each did about its tasks, with counts and
// amounts by indicator.
//
// A Report is the wire format (version SchemaVersion). A Checker parses it
// strictly and validates it against the struct tags of Report, the rules
// declared once in rules.go, and the plan rules of a plan.Registry:
//
//	r, err := report.Default().Parse("so-y-te.json", data)
//	var issues diag.List
//	if errors.As(err, &issues) {
//		for _, is := range issues {
//			fmt.Println(is.Format(diag.VI)) // so-y-te.json:8:54: /tasks/0/results: Nhập kết quả …
//		}
//	}
//
// A portal with registered commune-level units builds its own checker:
//
//	reg, err := plan.Default().WithUnits(units...)
//	c := report.NewChecker(report.Options{Registry: reg, MaxBytes: 256 << 10})
//
// Every error that reports a problem with the input is a diag.List: each
// issue has a JSON Pointer (Path), a stable Code, Params, and messages in
// Vietnamese and English that name the field by its label and say how to
// fix it. Parse also sets File, Line and Column, and sorts the issues by
// position; Validate sorts them in field order (the members in the order
// Report declares them, tasks by index, indicators by code).
//
// Both return at most diag.MaxIssues issues, the first in that order,
// then, if there were more, one issue with code diag.TooManyIssues
// (Params: more, shown) saying how many were left out. Checking takes time
// and memory linear in the input's size, whatever it holds: issues beyond
// the cap are counted, not built, and positions are found through an
// index built once.
//
// # Parsing
//
// Parse decodes with the project's strict decoder (internal/decode): the
// input is at most Options.MaxBytes (1 MiB by default), UTF-8, one JSON
// value, with no unknown members, no duplicate keys, no null, and integers
// only up to 2^53-1. Its codes are too_large, empty, invalid_utf8, syntax,
// invalid_string_escape, trailing_data, too_deep, duplicate_key,
// unknown_field, wrong_type, not_integer, integer_out_of_range and
// invalid_date (a date that is not YYYY-MM-DD on the calendar). When
// decoding finds a problem, Parse returns those issues only: a half-decoded
// report is not validated. Otherwise it normalises the text (Normalize)
// and validates the report (Validate).
//
// # Text
//
// Normalize puts every text field in Unicode NFC and does nothing else: it
// does not trim, because the JSON Schema cannot, and the two must agree.
// Lengths count characters (code points) of the NFC text, as the form and
// JSON Schema's maxLength do; Validate checks text as Normalize would leave
// it, without changing the report. The limits:
//
//	results, reason, difficulties, proposals  MaxProse     10,000
//	names and positions                       MaxLine         200
//	email address                             MaxEmail        254
//	the report's number and symbol            MaxReference     50
//
// Text must not begin or end with whitespace (any character for which
// unicode.IsSpace is true, or U+FEFF) and must not contain C0 or C1
// control characters or DEL; results, reason, difficulties and proposals
// may contain tabs and line breaks (the text rules of rules.go).
//
// # Wording
//
// Every member of a Report is worded once, in the field table of
// fields.go: Field and Fields return, for a JSON Pointer, its label
// (FieldText.Label, with the task of an item: "Kết quả thực hiện nhiệm
// vụ III.6.1"), the form's hint, the schema's description and the length
// limit its own validate tag sets. The messages name fields with the same
// words; package schema takes its titles and descriptions from the table,
// the form its labels and hints, the documents and WriteMarkdown their
// headings ("KIẾN NGHỊ, ĐỀ XUẤT", in the plan's words). A Status words
// itself (Status.Vietnamese, Status.English) for all of them, and the
// figures' areas are the plan's (plan.Areas).
//
// # Validation
//
// The validate tags of Report are go-playground/validator tags, each
// declared once in rules.go with its check, its JSON Schema keywords
// (WriteKeywords) and its issue: text tags check their character rules;
// phone, email_syntax and symbol their patterns; body the checker's
// registry; task and activity the plan's IDs.
// The indicators tag is checked by the tag function over the whole map; when it fails, the checker reports each
// offending entry at its own pointer (/indicators/blood_units). The
// validator stops at the first failing tag of a field and does not dive
// into a list whose own tag (unique) failed; the checker then validates
// the list's items itself, so that no issue is hidden by a duplicate.
//
// The plan rules need the registry. They run even when tags failed, except
// where a failure makes them meaningless: without a known body, a valid
// report date or a valid period, the rules that need it are skipped.
//
//   - The body must exist on the report date (Body.ExistsOn); the issue
//     repeats the registry's explanation of who took over its tasks.
//   - The tasks are exactly those the body answers for on the report date
//     (Registry.Tasks), inherited ones included: each task once, none
//     missing, none foreign.
//   - The body must have a reporting duty for the period (Registry.DutiesOf):
//     under the plan only the City Red Cross compiles half-year reports.
//   - The report date is not before the period's data window
//     (plan.Period.Window); the data cut-off date, when given, is within
//     the window, both ends included, and not after the report date. When
//     it is not given, the figures run to the end of the window
//     (Report.EffectiveCutoff).
//
// # Issue codes
//
// The codes of Validate, stable for programs to switch on, and then those
// Compile adds; each is a constant of package diag (diag.Code), where the
// codes of Parse above are declared too. Pointers use * for an index or a
// map key.
//
//	code                       where                         meaning
//	required                   any member; "" for no report  A value is missing: a required member, the results
//	                                                         (unless not_started), the reason (when not_started),
//	                                                         the report date, or an empty string where a rule asks
//	                                                         for a value (body, task, status, period kind, phone…).
//	too_long                   text fields                   Longer than its limit. Params: max, length.
//	too_many                   tasks, activities, indicators More items than the plan has (each appears once at
//	                                                         most). Params: max, length.
//	too_few                    /tasks                        Fewer items than the minimum. Params: min, length.
//	invalid_value              /schemaVersion, /plan,        Not one of the allowed values (Params: value, allowed)
//	                           /period/kind, /tasks/*/status or not the expected one (Params: value, expected).
//	out_of_range               /period/year, /indicators/*   A number outside its bounds. Params: value, min, max
//	                                                         (and indicator).
//	invalid_text               text fields                   Whitespace at the start or end, or a forbidden
//	                                                         character. Params: problem (leading_whitespace,
//	                                                         trailing_whitespace, control_character), char
//	                                                         ("U+0009"), position (in characters, from 1).
//	invalid_phone              /preparedBy/phone             Not a Vietnamese phone number. Params: value.
//	invalid_email              /preparedBy/email             Not an email address. Params: value.
//	invalid_symbol             /reference                    Not a document number and symbol. Params: value, column.
//	invalid_date               /reportDate, /dataCutoff      Not a calendar date (a report built in Go). Params: value.
//	unknown_body               /body                         Not a body of the registry. Params: id, suggestions.
//	unknown_task               /tasks/*/task                 Not a task of the plan. Params: id, suggestions.
//	unknown_activity           /tasks/*/activities/*         Not one of the seven contents. Params: id, suggestions.
//	unknown_indicator          /indicators/*                 Not an indicator code. Params: id, suggestions.
//	duplicate_task             /tasks/*/task                 A task already reported in an earlier item (the later
//	                                                         item is named). Params: task, first (its pointer).
//	duplicate_activity         /tasks/*/activities/*         An activity listed twice. Params: activity, first.
//	body_not_in_force          /body                         The body does not exist on the report date. Params:
//	                                                         body, date, until or from.
//	missing_task               /tasks                        One issue per task of the body without an item.
//	                                                         Params: task.
//	foreign_task               /tasks/*/task                 A task of the plan that is not the body's on the
//	                                                         report date. Params: task, body, date, answeredBy
//	                                                         (when a single body answers for it).
//	half_year_not_due          /period/kind                  A half-year report from a body without a half-year
//	                                                         duty. Params: body, period.
//	no_report_due              /period/kind                  An annual report from a body without an annual duty
//	                                                         (a district that ended before the deadline). Params:
//	                                                         body, period.
//	report_date_before_window  /reportDate                   Before the period's window. Params: date, start, end.
//	cutoff_outside_window      /dataCutoff                   Outside the period's window. Params: cutoff, start, end.
//	cutoff_after_report_date   /dataCutoff                   After the report date. Params: cutoff, date.
//	report_date_after_receipt  /reportDate                   After the day the report is received, in Hanoi time
//	                                                         (Compile with Input.Received, ParseReceived, or a
//	                                                         checker with Options.Now). Params: date, received.
//	total_overflow             /figures/*/subtotals/*/total  (Compile) A subtotal beyond the largest int64; it stops
//	                                                         before the report that would pass it. Params:
//	                                                         indicator, subtotal.
//	invalid_report             "" (Rejected.Issues)          (Compile) An input that failed other than with a
//	                                                         diag.List.
//
// # Compilation
//
// Compile is what the City Red Cross compiles for a period (clause
// III.1.6). Each Input may carry when it was received: on time or late is
// then judged on the day of receipt in Hanoi time, otherwise on the report
// date, and every verdict says which (BodyEntry.Basis). Among a body's
// versions the one received last counts (input order when receipt times
// are not all known); every version stays listed with its receipt time.
// Figures are never added across bodies whose activities overlap: each
// body's value is shown, the City Red Cross's as the city's, and subtotals
// only over bodies disjoint by construction (plan.DisjointKinds). Nothing
// is cut: WriteJSON and WriteMarkdown carry every task's full text and
// every body's full results, in the plan's order.
//
// Issues inside a task item also carry Params["task"], the item's task ID,
// when it is a task of the plan.
package report
