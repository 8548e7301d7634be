package reportapi

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/schema"
)

// Service is a validation service for backends that do not run Go: they
// forward the report they received and relay the answer. Its routes
// (Handler):
//
//	POST /validate                        200 Valid, or Check's 415, 413, 400, 422
//	GET  /schema[?body=ID[&at=DATE]][&lang=en]  the JSON Schema, general or pinned to a body's tasks
//	GET  /plan                            the plan as JSON (schema/plan.schema.json)
//	GET  /bodies[?at=DATE]                the bodies that must report on a date, with their tasks
//
// It is safe for concurrent use.
type Service struct {
	Checker *report.Checker  // nil: report.Default()
	Now     func() time.Time // the clock for "today"; nil: time.Now
}

// Valid is the 200 answer of POST /validate: what was validated, and a
// message the form shows.
type Valid struct {
	Valid      bool   `json:"valid"`
	Body       string `json:"body"`
	Period     string `json:"period"`
	ReportDate string `json:"reportDate"`
	VI         string `json:"vi"`
	EN         string `json:"en"`
}

func (s *Service) checker() *report.Checker {
	if s.Checker == nil {
		return report.Default()
	}
	return s.Checker
}

func (s *Service) today() plan.Date {
	if s.Now == nil {
		return plan.Today()
	}
	return plan.DateOf(s.Now())
}

// Handler serves the routes of Service.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /validate", s.Validate)
	mux.HandleFunc("GET /schema", s.Schema)
	mux.HandleFunc("GET /plan", s.Plan)
	mux.HandleFunc("GET /bodies", s.Bodies)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		mux.ServeHTTP(w, r)
	})
}

// Validate is POST /validate: Check, then 200 with Valid.
func (s *Service) Validate(w http.ResponseWriter, r *http.Request) {
	rep, _, ok := Check(w, r, s.checker())
	if !ok {
		return
	}
	name, english := rep.Body, rep.Body
	if b, err := s.checker().Registry().Body(rep.Body); err == nil {
		name, english = b.Name, b.English
	}
	p := rep.Period.Plan().String()
	WriteJSON(w, http.StatusOK, Valid{
		Valid: true, Body: rep.Body, Period: p, ReportDate: rep.ReportDate.String(),
		VI: fmt.Sprintf("Báo cáo của %s (%s) hợp lệ.", name, p),
		EN: fmt.Sprintf("The report of %s (%s) is valid.", english, p),
	})
}

// Schema is GET /schema[?body=ID[&at=YYYY-MM-DD]][&lang=en]: the general
// JSON Schema, or the one pinned to a body's tasks on a date (default
// today in Hanoi).
func (s *Service) Schema(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lang, err := diag.ParseLang(q.Get("lang"))
	if err != nil {
		WriteIssue(w, http.StatusBadRequest, "invalid_lang", "Ngôn ngữ phải là vi hoặc en.", "The language must be vi or en.")
		return
	}
	reg := s.checker().Registry()
	var out []byte
	if body := q.Get("body"); body != "" {
		at, ok := s.date(w, q.Get("at"))
		if !ok {
			return
		}
		out, err = schema.ForBody(reg, body, at, lang)
	} else {
		out, err = schema.Report(reg, lang)
	}
	if !answered(w, err) {
		w.Header().Set("Content-Type", "application/schema+json")
		w.Write(out)
	}
}

// Plan is GET /plan: the plan as JSON, the shape of plan.Export.
func (s *Service) Plan(w http.ResponseWriter, r *http.Request) {
	WriteJSON(w, http.StatusOK, s.checker().Registry().Export())
}

// Bodies is GET /bodies[?at=YYYY-MM-DD]: Reporters on that date (default
// today in Hanoi).
func (s *Service) Bodies(w http.ResponseWriter, r *http.Request) {
	at, ok := s.date(w, r.URL.Query().Get("at"))
	if ok {
		WriteJSON(w, http.StatusOK, Reporters(s.checker().Registry(), at))
	}
}

// date parses a date parameter (empty: today); on an error it has answered 400.
func (s *Service) date(w http.ResponseWriter, v string) (plan.Date, bool) {
	if v == "" {
		return s.today(), true
	}
	d, err := plan.ParseDate(v)
	return d, !answered(w, err)
}

// answered answers 400 with the issues of err (500 for another error) and
// reports whether err was not nil.
func answered(w http.ResponseWriter, err error) bool {
	var l diag.List
	switch {
	case err == nil:
		return false
	case errors.As(err, &l):
		WriteIssues(w, http.StatusBadRequest, l)
	default:
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	return true
}

// Due is the list of GET /bodies and `planreport bodies --format json`.
type Due struct {
	Date   plan.Date  `json:"date"`
	Bodies []Reporter `json:"bodies"`
}

// Reporter is a body that must report on a date.
type Reporter struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Group int      `json:"group,omitempty"`
	Unit  bool     `json:"unit,omitempty"`
	Tasks []string `json:"tasks"` // the task IDs it answers for on that date
	Due   string   `json:"due"`   // the annual report's due date for that year
}

// Reporters lists the bodies of reg that must report on date on, with
// their tasks and the annual report's due date.
func Reporters(reg *plan.Registry, on plan.Date) Due {
	out := Due{Date: on, Bodies: []Reporter{}}
	for _, b := range reg.Reporters(on) {
		ts, _ := reg.Tasks(b.ID, on)
		rep := Reporter{ID: b.ID, Name: b.Name, Group: b.Group, Unit: b.Unit, Tasks: []string{}}
		for _, t := range ts {
			rep.Tasks = append(rep.Tasks, t.ID)
		}
		if due, err := reg.Due(b.ID, plan.Period{Kind: plan.Annual, Year: on.Year}); err == nil {
			rep.Due = due.String()
		}
		out.Bodies = append(out.Bodies, rep)
	}
	return out
}
