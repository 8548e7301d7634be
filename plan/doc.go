// Package plan is Hanoi People's Committee Plan 164/KH-UBND (05/6/2023) as
// typed Go data: every clause verbatim with a stable ID, the assignee
// groups and their 22 tasks, the seven contents of Red Cross activity of
// Luật Hoạt động chữ thập đỏ, the campaigns the plan names, the documents
// it cites, the reporting duties and deadlines, and the bodies that report,
// with the successors that took over their tasks in the 2025–2026
// reorganisation.
//
// # The document
//
// Plan returns the document. Its clauses carry IDs in the document's
// numbering: "I.1.2" is the second bullet of part 1 of section I;
// "III.6.1" is the first (and only) task of group 6 (Sở Y tế);
// "preamble" and "closing" are the paragraphs before section I and after
// section III. Texts are the plan's own words in NFC; English glosses are
// short summaries for bilingual interfaces, not translations.
//
//	t, _ := plan.TaskByID("III.6.1")
//	fmt.Println(t.Group, t.Text)
//
// WriteText renders the document back in its order; Registry.Export gives
// the whole plan as JSON (stable within ExportVersion).
//
// # Bodies and succession
//
// A numbered group of section III is not one reporter: group 9 is three
// press bodies, group 10 the Front committee and five socio-political
// organisations, group 12 was thirty district-level committees. A Registry
// holds the bodies, each with an ASCII slug ID, a validity interval and its
// successors. On a given date a body answers for the tasks of its own
// group and for those of every body it succeeded that no longer exists:
//
//	r := plan.Default()
//	ts, _ := r.Tasks("so-noi-vu", plan.D(2025, time.November, 15))
//	// III.2.1 (inherited from Sở Lao động - Thương binh và Xã hội), III.4.1–III.4.3
//
// Reporters lists the bodies that must report on a date; Due gives the
// day a body's report for a period is due; Expected lists the bodies that
// owe a report for a period. The plan's dates are built in: the department
// mergers of 01/3/2025 and the end of the district level on 30/6/2025.
// Facts the public record leaves open are Settings with documented
// defaults: the half-year deadline (default 20/6), the first day of the
// merged press body (2026-02-01) and of the merged Party commission
// (2025-03-01).
//
// The 126 commune-level units that replaced the districts on 01/7/2025
// (51 phường, 75 xã) are built in, with their statistical codes (Body.Code)
// and names from Cục Thống kê's list, as bodies of kind KindCommune and
// group 12: on 15/11/2026, 141 bodies must report (15 + 126). A portal that
// knows of other bodies registers them from a units file (ParseUnits,
// UnitsFile) and makes a registry with New or Registry.WithUnits; a unit
// must not repeat a built-in body by code or name. Units of group 12 may
// start only after the district level ended.
//
// # Errors
//
// Every error caused by input (an unknown ID, a malformed document symbol,
// a bad units file, a date that does not exist) is a diag.List: each issue
// has a place (JSON Pointer, and file:line:column for files), a stable
// code and a message in Vietnamese and English that says how to fix it.
// Nothing is half-built on error: New and ParseUnits return a registry or
// units only when the whole input is valid.
//
// # Codes
//
//	unknown_task, unknown_clause, unknown_body, unknown_activity,
//	unknown_campaign, unknown_reference, unknown_indicator, unknown_id
//	                         an ID names nothing (Params: id, suggestions)
//	invalid_symbol           a document number/symbol is malformed (symbol, column)
//	invalid_date             a date is not YYYY-MM-DD or does not exist (value)
//	body_no_longer_in_force, body_not_yet_in_force
//	                         a body does not exist on the date (body, date, from/until)
//	no_single_successor      no single body succeeds another on a date
//	no_report_due            a body files no report for a period (body, period)
//	invalid_period           a period is not KIND-YEAR within 2023–2100
//	invalid_setting          a Settings value is not a real day
//	required, invalid_code, code_taken, duplicate_code, too_long,
//	unknown_group, invalid_interval, overlapping_validity, missing_field,
//	name_taken (a unit repeats a built-in body's name: Params name, body)
//	                         units file problems, at /units/N/FIELD
//	(strict JSON decoding codes, such as syntax or duplicate_key, are listed
//	in package report's documentation)
package plan
