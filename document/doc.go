// Package document makes the official documents of Plan 164/KH-UBND
// reporting, in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), from
// what was filed and compiled: it sits below package report in the data
// flow (plan → report → document) and reaches back into neither.
//
//   - Compiled: the City Red Cross's compiled report for Thành ủy and UBND
//     Thành phố, from a report.Compilation, with blanks (number, date,
//     signer) it fills (Blanks).
//   - BodyReport: one body's report, from its filed report.Report, so that
//     the form is filled once and the official document comes out of it.
//   - Reminder: the công văn đôn đốc to the bodies that have not filed as
//     of the compilation's date.
//
// Each is a *Doc, written as .docx (WriteDocx: WordprocessingML that Word
// and LibreOffice open and edit) or as one HTML page with a print style
// (WriteHTML, PrintCSS) that a browser prints or saves as PDF in the same
// layout: A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm
// right; Times New Roman (Liberation Serif 2 or Tinos where it is absent);
// body text 14 pt, justified, first-line indent 1 cm, 6 pt after each
// paragraph; page numbers centred in the top margin from page 2.
//
//	c := report.Compile(checker, period, asOf, inputs)
//	doc := document.Compiled(c, checker.Registry(), document.Blanks{})
//	err := doc.WriteDocx(w)
//
// Nothing typed is cut or changed: every task's text and every body's
// results appear in full, in the plan's order, one paragraph per line
// typed. The .docx is written with encoding/xml and archive/zip: the
// maintained pure-Go libraries tried did not fit (see the README).
package document
