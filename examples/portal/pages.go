package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/build"
)

//go:embed templates/*.html portal.css portal.js
var files embed.FS

// hanoi is the portal's time zone, for dates and times shown to people.
var hanoi = time.FixedZone("ICT", 7*3600)

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"num":  func(n int64) string { return report.GroupDigits(n, ".") },
	"inc":  func(n int) int { return n + 1 },
	"vi":   func(d plan.Date) string { return d.Vietnamese() },
	"when": func(t time.Time) string { return t.In(hanoi).Format("15:04:05 02/01/2006") },
	"taskText": func(id string) string {
		t, _ := plan.TaskByID(id)
		return t.Text
	},
}).ParseFS(files, "templates/*.html"))

func (s *server) render(w http.ResponseWriter, status int, name string, data any) {
	s.renderFor(w, nil, status, name, data)
}

// renderFor renders a page for request r, compressed if r accepts it.
func (s *server) renderFor(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		log.Printf("rendering %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	writeCompressed(w, r, status, b.Bytes())
}

// writeCompressed writes a page, gzipped when the browser accepts it: the
// form page carries the whole form, which compresses about tenfold.
func writeCompressed(w http.ResponseWriter, r *http.Request, status int, data []byte) {
	w.Header().Add("Vary", "Accept-Encoding")
	if r == nil || len(data) < 1024 || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.WriteHeader(status)
		w.Write(data)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.WriteHeader(status)
	z, _ := gzip.NewWriterLevel(w, gzip.BestSpeed) // the level is valid
	z.Write(data)
	z.Close()
}

// page renders a page for the request's principal: the header shows who
// is signed in, with the sign-out button.
func (s *server) page(w http.ResponseWriter, r *http.Request, status int, name string, data map[string]any) {
	s.render(w, status, name, s.withMe(r, data))
}

// withMe adds who is signed in to a page's data, for its header.
func (s *server) withMe(r *http.Request, data map[string]any) map[string]any {
	if p := who(r); p != nil {
		data["Me"] = p
		data["MeBody"] = s.bodyName(p.Body)
	}
	return data
}

// static serves an embedded file.
func (s *server) static(name, ctype string) http.HandlerFunc {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded above: cannot happen
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(data)
	}
}

// periods are the periods a start page offers on date today.
func periods(today plan.Date) []plan.Period {
	return []plan.Period{
		{Kind: plan.Annual, Year: today.Year},
		{Kind: plan.HalfYear, Year: today.Year},
		{Kind: plan.Annual, Year: today.Year - 1},
	}
}

// startPage is the start of each role: a reporter chooses the period of
// its own body's report; a compiler and an administrator find their pages.
func (s *server) startPage(w http.ResponseWriter, r *http.Request) {
	today := plan.DateOf(s.now())
	var bodies []plan.Body
	if p := who(r); p.Role == RoleReporter {
		if b, err := s.reg.Body(p.Body); err == nil {
			bodies = []plan.Body{b}
		}
	}
	s.page(w, r, http.StatusOK, "start.html", map[string]any{
		"Plan":    plan.Plan(),
		"Today":   today,
		"Bodies":  bodies,
		"Periods": periods(today),
	})
}

// formPage shows the widget for a body and a period the body owes a
// report for; otherwise the plan's reason, with a way back.
func (s *server) formPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	body, err := s.reg.Body(q.Get("body"))
	var p plan.Period
	if err == nil {
		p, err = plan.ParsePeriod(q.Get("period"))
		if err != nil {
			err = diag.List{diag.New("/period", diag.InvalidPeriod, "Chọn một kỳ báo cáo trong danh sách.", "Choose a reporting period from the list.")}
		}
	}
	var due plan.Date
	if err == nil {
		due, err = s.reg.Due(body.ID, p)
	}
	if err != nil {
		l, _ := err.(diag.List)
		s.page(w, r, http.StatusBadRequest, "problem.html", map[string]any{"Issues": l})
		return
	}
	me := who(r)
	if body.ID != me.Body {
		s.forbidden(w, r, false)
		return
	}
	subs, err := s.store.Versions(r.Context(), body.ID, p.String())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var latest *Submission
	if len(subs) > 0 {
		latest = &subs[len(subs)-1]
	}
	// The form is rendered here, from the same Go model the module uses:
	// a person can type as soon as the page shows, and the module takes the
	// form over when it arrives.
	today := plan.DateOf(s.now())
	var el bytes.Buffer
	if err := build.WriteElement(&el, build.Element{ID: "report", Body: body.ID, Period: p, Lang: diag.VI, DraftKey: draftKey(me.ID),
		Action: "/api/reports", ReportDate: today, Heading: "h1", Today: today, Registry: s.reg}); err != nil {
		l, _ := err.(diag.List)
		s.render(w, http.StatusBadRequest, "problem.html", map[string]any{"Issues": l})
		return
	}
	s.renderFor(w, r, http.StatusOK, "form.html", s.withMe(r, map[string]any{
		"Body": body, "Period": p, "Due": due, "PeriodName": p.Vietnamese(),
		"Today": today, "Latest": latest, "Kit": s.kitHead(),
		"Form": template.HTML(el.String()), // escaped by build.WriteElement
	}))
}

// kitHead is the markup that loads the widget's files by their hashed,
// immutable names, once the widget is built; before, the plain names.
func (s *server) kitHead() template.HTML {
	select {
	case <-s.built:
		if m, err := build.ReadManifest(s.dist); err == nil {
			return template.HTML(m.Head("/kh164"))
		}
	default:
	}
	return `<link rel="stylesheet" href="/kh164/kh164-form.css">` + "\n" + `<script src="/kh164/kh164-form.js" defer></script>` + "\n"
}

// compilePage is the City Red Cross's compilation of the stored reports
// of a period, as HTML, or as a Markdown or JSON download.
func (s *server) compilePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	today := plan.DateOf(s.now())
	p := plan.Period{Kind: plan.Annual, Year: today.Year}
	asOf := today
	var err error
	if v := q.Get("period"); v != "" {
		if p, err = plan.ParsePeriod(v); err != nil {
			s.page(w, r, http.StatusBadRequest, "problem.html", map[string]any{"Issues": diag.List{diag.New("/period", diag.InvalidPeriod,
				"Kỳ báo cáo phải có dạng annual-2026 hoặc half-year-2026.", "The period must look like annual-2026 or half-year-2026.")}})
			return
		}
	}
	if v := q.Get("as-of"); v != "" {
		if asOf, err = plan.ParseDate(v); err != nil {
			l, _ := err.(diag.List)
			s.page(w, r, http.StatusBadRequest, "problem.html", map[string]any{"Issues": l})
			return
		}
	}
	inputs, all, unread, err := s.compileInputs(r.Context(), p)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	c := report.Compile(s.checker, p, asOf, inputs)
	s.addUnread(c, unread)
	name := fmt.Sprintf("tong-hop-%s-%s", p, asOf)
	if !s.compileDownload(w, q, c, name) {
		filers, err := s.filers(r.Context(), all)
		if err != nil {
			log.Printf("naming the filers: %v", err)
			s.unavailable(w, r, false)
			return
		}
		s.page(w, r, http.StatusOK, "compile.html", map[string]any{
			"C": c, "PeriodName": p.Vietnamese(), "Periods": periods(today), "V": s.view(r.Context(), c, all),
			"FiguresRule": report.FiguresRule, "Versions": filers,
		})
	}
}

// compileInputs are the stored versions a compilation of period reads:
// for each body, the version received last (the one that counts) and the
// first (which decides whether the body filed on time), each read one at
// a time, with their receipt times. The versions in between are
// superseded: they are not read, and are returned as unread, metadata
// only, with all the versions' metadata, so the work is bounded by the
// number of bodies, not by how many versions are stored.
func (s *server) compileInputs(ctx context.Context, p plan.Period) (inputs []report.Input, all, unread []Submission, err error) {
	all, err = s.store.List(ctx, p.String())
	if err != nil {
		return nil, nil, nil, err
	}
	first := map[string]int64{}
	last := map[string]int64{}
	for _, sub := range all {
		if _, ok := first[sub.Body]; !ok {
			first[sub.Body] = sub.ID
		}
		last[sub.Body] = sub.ID // List is in the order received
	}
	err = s.store.Counting(ctx, p.String(), func(sub Submission) error {
		if id := first[sub.Body]; id != 0 && id != sub.ID {
			f, err := s.store.Get(ctx, id)
			if err != nil {
				return err
			}
			inputs = append(inputs, s.inputOf(f))
		}
		inputs = append(inputs, s.inputOf(sub))
		last[sub.Body] = sub.ID
		return nil
	})
	for _, sub := range all {
		if sub.ID != first[sub.Body] && sub.ID != last[sub.Body] {
			unread = append(unread, sub)
		}
	}
	return inputs, all, unread, err
}

// addUnread adds the versions the compilation did not read, from their
// metadata: to their body's Versions, in the order received, and to
// Superseded. Each was a valid report when the portal accepted it, and a
// later version of the same body counts instead.
func (s *server) addUnread(c *report.Compilation, unread []Submission) {
	counts := map[string]string{}
	for _, e := range c.Bodies {
		counts[e.Body] = e.File
	}
	for _, sr := range c.Superseded {
		if counts[sr.Body] == "" {
			counts[sr.Body] = sr.SupersededBy
		}
	}
	entry := map[string]*report.BodyEntry{}
	between := map[string][]report.VersionEntry{}
	for i := range c.Bodies {
		entry[c.Bodies[i].Body] = &c.Bodies[i]
	}
	for _, sub := range unread {
		in := s.inputOf(sub)
		d, _ := plan.ParseDate(sub.ReportDate)
		p, _ := plan.ParsePeriod(sub.Period)
		name := sub.Body
		if b, err := s.reg.Body(sub.Body); err == nil {
			name = b.Name
		}
		c.Superseded = append(c.Superseded, report.FiledReport{File: in.Name, Body: sub.Body, Name: name, Period: p,
			ReportDate: d, Received: sub.ReceivedAt, SupersededBy: counts[sub.Body]})
		if entry[sub.Body] != nil {
			between[sub.Body] = append(between[sub.Body], report.VersionEntry{File: in.Name, ReportDate: d, Received: sub.ReceivedAt})
		}
		c.Summary.Superseded++
		c.Summary.Files++
	}
	// They were received between the first version and the last, which
	// counts: in that order, before the last.
	for body, vs := range between {
		e := entry[body]
		if n := len(e.Versions); n > 0 {
			e.Versions = append(e.Versions[:n-1:n-1], append(vs, e.Versions[n-1])...)
		}
	}
}
