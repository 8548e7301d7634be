package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// The compile page's downloads and the filed reports' documents.

// inputOf is a stored version as a compilation input: named for people
// (the body's name, the version, when it was received) and carrying its
// receipt time, which decides on time or late and which version counts.
func (s *server) inputOf(sub Submission) report.Input {
	name := sub.Body
	if b, err := s.reg.Body(sub.Body); err == nil {
		name = b.Name
	}
	return report.Input{Name: fmt.Sprintf("%s, bản %d, nhận %s", name, sub.Version, sub.Received()), Data: sub.Report, Received: sub.ReceivedAt}
}

// printCSP lets the print view carry its own style, and nothing else.
const printCSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// sendDoc answers with d as a .docx download or as its print view.
func sendDoc(w http.ResponseWriter, d *document.Doc, format, name string) {
	var b bytes.Buffer
	var err error
	if format == "docx" {
		err = d.WriteDocx(&b)
	} else {
		err = d.WriteHTML(&b, name)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if format == "docx" {
		w.Header().Set("Content-Type", docxType)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.docx"`)
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", printCSP)
	}
	w.Write(b.Bytes())
}

// compileDownload answers the compile page's downloads: md, json, docx and
// print (the compiled report), reminder and reminder-print (the công văn
// đôn đốc). It returns false for the HTML page itself.
func (s *server) compileDownload(w http.ResponseWriter, q url.Values, c *report.Compilation, name string) bool {
	format := q.Get("format")
	b, err := blanksOf(q)
	if err != nil && format != "" {
		l, _ := err.(diag.List)
		s.render(w, http.StatusBadRequest, "problem.html", map[string]any{"Issues": l})
		return true
	}
	switch format {
	case "md":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.md"`)
		c.WriteMarkdown(w)
	case "json":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
		c.WriteJSON(w)
	case "docx", "print":
		sendDoc(w, document.Compiled(c, s.reg, b), strings.Replace(format, "print", "html", 1), name)
	case "reminder", "reminder-print":
		d, err := document.Reminder(c, s.reg, b, "Báo cáo được gửi qua cổng tiếp nhận báo cáo Kế hoạch 164/KH-UBND của Hội Chữ thập đỏ Thành phố.")
		if errors.Is(err, document.ErrNoneMissing) {
			s.render(w, http.StatusConflict, "problem.html", map[string]any{"Issues": diag.List{diag.New("", diag.NoneMissing,
				"Mọi cơ quan, đơn vị phải báo cáo đều đã nộp: không có ai cần đôn đốc.", "Every body that must report has filed: there is no one to remind.")}})
			return true
		}
		f := "docx"
		if format == "reminder-print" {
			f = "html"
		}
		sendDoc(w, d, f, "don-doc-"+name)
	default:
		return false
	}
	return true
}

// Limits of the blanks a visitor fills: one line each, as the report's own
// lines.
const maxBlank = report.MaxLine

// blanksOf reads the City Red Cross's blanks from the query: number,
// date (YYYY-MM-DD), authority, position, signer. Empty ones stay blanks.
func blanksOf(q url.Values) (document.Blanks, error) {
	get := func(f string) string { return norm.NFC.String(q.Get(f)) }
	b := document.Blanks{Number: get("number"), Position: get("position"), Name: get("signer")}
	if a := get("authority"); a != "" {
		b.Authority = []string{a}
	}
	var l diag.List
	for _, f := range []string{"number", "authority", "position", "signer"} {
		if v := get(f); len([]rune(v)) > maxBlank || strings.ContainsAny(v, "\r\n") {
			l = append(l, diag.New("/"+f, diag.InvalidBlank,
				fmt.Sprintf("Ô %q phải viết trên một dòng, tối đa %d ký tự.", f, maxBlank),
				fmt.Sprintf("Field %q must be one line of at most %d characters.", f, maxBlank)))
		}
	}
	if v := q.Get("date"); v != "" {
		d, err := plan.ParseDate(v)
		if err != nil {
			l = append(l, diag.New("/date", diag.InvalidDate, "Ngày văn bản phải có dạng YYYY-MM-DD.", "The document's date must be YYYY-MM-DD."))
		}
		b.Date = d
	}
	return b, l.Err()
}

// compileView is what compile.html shows besides the compilation.
type compileView struct {
	FilingChart template.HTML
	Figures     []figureChart
	Missing     []missingBody
	Documents   map[string]int64 // body ID → the stored ID of the version that counts
}

type figureChart struct {
	Name  string
	Chart template.HTML
}

// missingBody is a body that has not filed, with the contact of its last
// report of an earlier period, if any.
type missingBody struct {
	report.BodyEntry
	Contact *report.Preparer
	From    string // the period of that report
}

// view builds the charts, the missing list and the document links.
func (s *server) view(ctx context.Context, c *report.Compilation, subs []Submission) compileView {
	v := compileView{FilingChart: filingChart(c), Documents: map[string]int64{}}
	for _, code := range mainFigures {
		for _, f := range c.Figures {
			if f.Code == code && len(f.Values) > 0 {
				v.Figures = append(v.Figures, figureChart{Name: f.Name + " (" + f.Unit + ")", Chart: figureSVG(f)})
			}
		}
	}
	byName := map[string]int64{}
	for _, sub := range subs {
		byName[s.inputOf(sub).Name] = sub.ID
	}
	for _, b := range c.Bodies {
		if b.File != "" {
			v.Documents[b.Body] = byName[b.File]
		}
	}
	contacts := s.lastContacts(ctx, c.Period)
	for _, b := range c.Bodies {
		if b.Filing == report.Missing || b.Filing == report.NotYetDue {
			m := missingBody{BodyEntry: b}
			if ct, ok := contacts[b.Body]; ok {
				m.Contact, m.From = &ct.p, ct.period
			}
			v.Missing = append(v.Missing, m)
		}
	}
	return v
}

// mainFigures are the figures the compile page draws by body.
var mainFigures = []string{"blood_units", "movement_value_vnd", "tet_gifts", "volunteers"}

type contact struct {
	p      report.Preparer
	period string
}

// lastContacts are the preparers of each body's last report of the two
// periods before p, read from the stored versions.
func (s *server) lastContacts(ctx context.Context, p plan.Period) map[string]contact {
	out := map[string]contact{}
	for _, q := range []plan.Period{{Kind: plan.Annual, Year: p.Year - 1}, {Kind: plan.HalfYear, Year: p.Year}} {
		if q.Check() != nil || q == p {
			continue
		}
		// The version received last of each body: one report per body
		// is read, however many are stored.
		err := s.store.Counting(ctx, q.String(), func(sub Submission) error {
			var r struct {
				PreparedBy report.Preparer `json:"preparedBy"`
			}
			if json.Unmarshal(bytes.TrimPrefix(sub.Report, []byte("\uFEFF")), &r) == nil && r.PreparedBy.Name != "" {
				if _, seen := out[sub.Body]; !seen || q.Kind == plan.Annual {
					out[sub.Body] = contact{r.PreparedBy, q.Vietnamese()}
				}
			}
			return nil
		})
		if err != nil {
			log.Printf("reading %s for contacts: %v", q, err)
		}
	}
	return out
}

// Chart colours: on time, late, missing, not yet due.
var filingColours = map[report.Filing]string{report.OnTime: "#00703c", report.Late: "#b35c00", report.Missing: "#b10e1e", report.NotYetDue: "#b1b4b6"}

var filingOrder = []report.Filing{report.OnTime, report.Late, report.Missing, report.NotYetDue}

// filingChart draws, per group of section III, a bar of its bodies split
// by filing: an SVG drawn here, with a text legend and a title per bar.
func filingChart(c *report.Compilation) template.HTML {
	counts := map[int]map[report.Filing]int{}
	var groups []int
	for _, b := range c.Bodies {
		if counts[b.Group] == nil {
			counts[b.Group] = map[report.Filing]int{}
			groups = append(groups, b.Group)
		}
		counts[b.Group][b.Filing]++
	}
	slices.Sort(groups)
	max := 1
	for _, g := range groups {
		n := 0
		for _, k := range counts[g] {
			n += k
		}
		max = maxInt(max, n)
	}
	const left, width, row = 90, 520, 26
	var b strings.Builder
	h := row*len(groups) + 40
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="filing-title" viewBox="0 0 %d %d" width="100%%" xmlns="http://www.w3.org/2000/svg"><title id="filing-title">Tình hình nộp báo cáo theo nhóm</title>`, left+width+60, h)
	for i, g := range groups {
		y := 10 + i*row
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="13">Nhóm %d</text>`, y+15, g)
		x, n := left, 0
		for _, f := range filingOrder {
			k := counts[g][f]
			if k == 0 {
				continue
			}
			w := k * width / max
			if w < 2 {
				w = 2
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="18" fill="%s"><title>Nhóm %d: %s %d</title></rect>`, x, y, w, filingColours[f], g, f.Vietnamese(), k)
			x += w
			n += k
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13">%d</text>`, x+6, y+15, n)
	}
	x := 0
	for _, f := range filingOrder {
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" font-size="13">%s</text>`, x, h-18, filingColours[f], x+16, h-8, f.Vietnamese())
		x += 150
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built from numbers and fixed labels only
}

// figureSVG draws one figure's value by body, longest bar the largest,
// each body's name in full above its bar; the subtotals and the city
// figure are said in text beside, not added.
func figureSVG(f report.Figure) template.HTML {
	var max int64 = 1
	for _, v := range f.Values {
		if v.Value > max {
			max = v.Value
		}
	}
	const width, row = 520, 36
	h := row*len(f.Values) + 6
	var b strings.Builder
	id := "fig-" + f.Code
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="%s" viewBox="0 0 %d %d" width="100%%" xmlns="http://www.w3.org/2000/svg"><title id="%s">%s theo cơ quan, đơn vị</title>`, id, width+140, h, id, template.HTMLEscapeString(f.Name))
	for i, v := range f.Values {
		y := 4 + i*row
		w := maxInt(int(float64(v.Value)/float64(max)*width), 1)
		colour := "#1d70b8"
		if f.City != nil && v.Body == f.City.Body {
			colour = "#b10e1e"
		}
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="12">%s</text>`, y+11, template.HTMLEscapeString(v.Name))
		fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="14" fill="%s"><title>%s: %s</title></rect>`, y+15, w, colour, template.HTMLEscapeString(v.Name), report.GroupDigits(v.Value, "."))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12">%s</text>`, w+6, y+27, report.GroupDigits(v.Value, "."))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // user text escaped above
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// reportDocument is GET /api/reports/{id}/document[?format=html]: the
// official document of one stored version, as .docx or print view.
func (s *server) reportDocument(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var sub Submission
	if err == nil {
		sub, err = s.store.Get(r.Context(), id)
	}
	if me := who(r); err == nil && me.Role == RoleReporter && sub.Body != me.Body {
		err = ErrNotFound // another body's report: as if there were none
	}
	if err != nil {
		if errors.Is(err, ErrNotFound) || id == 0 {
			writeIssue(w, http.StatusNotFound, diag.NotFound, "Không có báo cáo với mã này.", "There is no report with this ID.")
			return
		}
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-store") // personal data
	rep, err := s.checker.ParseReceived("", sub.Report, sub.ReceivedAt)
	if err == nil {
		var d *document.Doc
		if d, err = document.BodyReport(rep, s.reg); err == nil {
			format := "docx"
			if r.URL.Query().Get("format") == "html" {
				format = "html"
			}
			sendDoc(w, d, format, fmt.Sprintf("bao-cao-%s-%s-ban-%d", sub.Body, sub.Period, sub.Version))
			return
		}
	}
	var l diag.List
	if errors.As(err, &l) {
		writeJSON(w, http.StatusUnprocessableEntity, apiError{Errors: l})
		return
	}
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
