// Package schema generates the JSON Schemas (draft 2020-12) of the
// reporting kit from the same declarations the Go validator reads: the
// report's types (report.Report, with go-playground/validator tags), the
// custom rules of report/rules.go, and the plan (bodies, tasks, activity
// contents, indicators, duties). Integrators who do not write Go validate
// reports with these schemas; the agreement suite (agreement_test.go)
// proves that the schemas and the Go checker give the same verdict.
//
// # API
//
//	Report(reg, lang)          the general report schema
//	ForBody(reg, id, on, lang) the schema of body id's report with the tasks it holds on date on
//	Plan(lang)                 the schema of the plan's JSON export (plan.Export)
//	Units(lang)                the schema of a portal's units file (plan.UnitsFile)
//	Files(reg)                 the committed files; Write and Committed write and read them
//
// lang is diag.VI or diag.EN: titles and descriptions are Vietnamese or
// English; the constraints are the same. The command line prints them with
// planreport schema [--body ID] [--at DATE] [--lang vi|en] [--units FILE].
//
// # Mapping
//
// invopop/jsonschema reflects the types: properties by JSON name, a member
// required unless its field is omitempty/omitzero, additionalProperties
// false on every object (the strict decoder rejects unknown members),
// subschemas inline (no $defs, so names from different packages cannot
// collide). plan.Date is {"type": "string", "format": "date"} (the Go
// side rejects non-dates too). A walk over the fields then maps each
// validate tag through report.WriteKeywords, which expands the aliases and
// names each rule's keywords as report/rules.go declares them next to the
// rule's check and message; the mapping writes them on the field's schema:
//
//	eq=V                     const V
//	oneof=A B C              enum [A, B, C]
//	gte=N, min=N             minimum (integers), minLength (strings), minItems (arrays)
//	lte=N, max=N             maximum, maxLength, maxItems
//	required                 member required; strings also minLength 1 (validator's required rejects "")
//	omitempty                strings: the following rules apply only to a non-empty string
//	                         ({"if": {"const": ""}, "else": {…}}), since validator skips them for "";
//	                         arrays: nothing (validator only skips nil, that is, an absent member)
//	dive                     the following rules go to items
//	unique (strings)         uniqueItems
//	unique=Field (structs)   allOf, per ID of Field's enum: {"contains": {"type": "object",
//	                         "properties": {field: {"const": ID}}, "required": [field]},
//	                         "minContains": 0, "maxContains": 1}: no ID twice
//	required_if=F V          on the item: if F == V then the member is required (and non-empty)
//	required_unless=F V      on the item: if F == V … else the member is required (and non-empty);
//	                         rules with the same condition share one if/then/else
//	prose_text, line_text    pattern: the text rule's (internal/textrule)
//	phone, email_syntax, symbol
//	                         pattern: the rule's expression (not "format": "email": formats differ
//	                         between engines)
//	body                     enum of the registry's body IDs (const in a per-body schema)
//	task                     enum of the plan's task IDs (the body's tasks in a per-body schema)
//	activity                 enum of plan.Activities IDs
//	indicators               {"type": "object", "propertyNames": {"enum": codes},
//	                         "properties": {code: {"type": "integer", "minimum": 0,
//	                         "maximum": Max, "title", "description" with the unit}},
//	                         "additionalProperties": false}
//
// Any other tag, or a tag on a kind it is not mapped for, makes generation
// fail with an error naming the field: a new rule cannot be silently
// missing from the schema. Every integer without bounds gets
// ±(2^53-1), the range the strict decoder accepts. The "type": "object" in
// contains and in the nested conditionals is there for Ajv's strict mode
// (strictTypes), which wants a type next to "required" and "properties".
//
// Plan rules the tags do not carry, derived from the plan:
//
//   - Periods: for each kind of period, the bodies that have no duty of
//     that kind in any year (plan duties, Registry.Expected for every year
//     from plan.FirstYear to plan.LastYear) get {"if": {"properties":
//     {"body": {"enum": those}}}, "then": {"properties": {"period":
//     {"properties": {"kind": {"not": {"const": kind}}}}}}}: today, only
//     the City Red Cross files half-year reports. The condition is written
//     this way round so that the error is at /period/kind, where the Go
//     checker reports half_year_not_due, and so that an unknown body is
//     only an unknown body.
//   - ForBody: body is a const; the items' task enum is the body's tasks on
//     the date; minItems = maxItems = their number; and each task's
//     contains has minContains 1, maxContains 1.
//
// The units schema adds the rules plan.ParseUnits checks in code, from the
// plan's declarations: plan.UnitCodePattern and MaxCodeLen, names of 1 to
// MaxNameLen characters following textrule.Line, groups MinUnitGroup to
// MaxUnitGroup. The plan schema adds const
// schemaVersion = plan.ExportVersion.
//
// Titles and descriptions of the report schema are the report's field
// table (report.Field: the label with "nhiệm vụ" / "the task" for a task
// item's members, and the description), the words the form, the messages
// and the documents use; those of the units and plan schemas are in
// labels.go, keyed by schema and JSON Pointer pattern. Every member of the
// report and units schemas must have an entry, or generation fails.
// Indicator titles and units come from plan.Indicators.
//
// # Identifiers and files
//
// Each schema has "$schema": "https://json-schema.org/draft/2020-12/schema"
// and an "$id" of Base plus its file path under schema/:
//
//	https://kh164.example/schema/v1/report.schema.json            general, Vietnamese
//	https://kh164.example/schema/v1/report.schema.en.json         general, English
//	https://kh164.example/schema/v1/bodies/2026-11-15/ID.schema.json   per body, as of the snapshot date
//	https://kh164.example/schema/v1/plan.schema.json, units.schema.json (and .en.json)
//
// kh164.example is a reserved, clearly-not-real name (RFC 2606): an $id
// identifies a schema; integrators may host the files anywhere. v1 is
// report.SchemaVersion; within a version changes are additive.
//
// The committed per-body schemas are those of every body that reports on
// Snapshot (2026-11-15), a fixed date so that the files are reproducible;
// planreport schema --body ID --at DATE prints any other.
//
// # Regenerating
//
// The files are generated: run go generate ./... (schema/write.go has
// //go:generate go run ./gen), or go test ./schema -update. TestCommittedFiles
// fails when a committed file is stale, missing or left over. Output is
// deterministic: keys sorted, two-space indent, a final newline.
//
// # What no schema can express
//
// The agreement suite runs every report of its corpus (report examples,
// their mutations, report/testdata) through the Go checker, santhosh-tekuri
// and Ajv, and classifies every disagreement (testdata/agreement-stats.json
// has the counts). The documented classes are the rules no JSON Schema can
// express; integrators must handle them themselves:
//
//   - plan_dates: the report date must not be before the period's data
//     window, the data cut-off must be inside it and not after the report
//     date, the body must exist on the report date and have a duty for that
//     very period, and a date's year starts at 0001. Check these dates
//     (plan.Period.Window gives the window), use the per-body schema of the
//     report date, or call planreport validate.
//   - task_set_general: the tasks must be exactly the body's tasks on the
//     report date. The general schema only forbids an ID twice; use the
//     per-body schema, which pins the set.
//   - duplicate_key: a member name twice in one object is an error in Go;
//     JSON parsers keep one of the two silently. Reject duplicates in your
//     parser.
//   - encoding: invalid UTF-8, escaped lone surrogates and inputs over
//     1 MiB are errors in Go, and Go skips a leading byte order mark.
//     Send UTF-8 without BOM and keep within the size.
//   - nfc: Go normalises text to NFC before counting characters. Normalise
//     text to NFC (String.prototype.normalize("NFC"), norm.NFC) before
//     validating, or a decomposed text near a limit counts longer.
//
// Error locations match too: every Go issue path is equal to, an ancestor
// of, or a descendant of some schema error location, and every schema error
// location likewise of some Go issue path (a schema reports a missing
// member at its parent object; items that fail a contains are not errors
// of their own).
package schema
