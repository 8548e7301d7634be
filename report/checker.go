package report

import (
	"errors"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/decode"
	"github.com/kh164/kh164/internal/strictjson"
	"github.com/kh164/kh164/plan"
)

// defaultMaxBytes is the input size limit when Options.MaxBytes is 0.
const defaultMaxBytes = 1 << 20

// Options configure a Checker. Zero values mean defaults.
type Options struct {
	Registry *plan.Registry // nil: plan.Default()
	MaxBytes int64          // input size limit; 0: 1 MiB (1 << 20)
	// Now is the checker's clock: Parse and Validate refuse a report dated
	// after the day it is checked, in Hanoi time, as received then
	// (report_date_after_receipt). nil: no clock, no such check.
	Now func() time.Time
}

// Checker parses and validates reports against the struct tags of Report
// and the plan rules of its registry. It is safe for concurrent use.
type Checker struct {
	v        *validator.Validate
	reg      *plan.Registry
	bodies   map[string]bool // the registry's body IDs, for the body tag
	maxBytes int64
	now      func() time.Time
	rules    map[string]rule // rules.go's, read by the validation
	// activityTags are the tags of one element of TaskResult.Activities,
	// for when the validator stops before its dive (see unique).
	activityTags string
}

// NewChecker returns a checker with the options opt. It builds its
// validator once: register every custom tag and every alias of rules.go,
// and the JSON names of the fields.
func NewChecker(opt Options) *Checker {
	c := &Checker{reg: opt.Registry, maxBytes: opt.MaxBytes, now: opt.Now, rules: rules}
	if c.reg == nil {
		c.reg = plan.Default()
	}
	if c.maxBytes <= 0 {
		c.maxBytes = defaultMaxBytes
	}
	c.bodies = make(map[string]bool)
	for _, b := range c.reg.Bodies() {
		c.bodies[b.ID] = true
	}
	f, _ := reflect.TypeFor[TaskResult]().FieldByName("Activities")
	_, c.activityTags, _ = strings.Cut(f.Tag.Get("validate"), "dive,")

	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	for alias, tags := range aliases {
		v.RegisterAlias(alias, tags)
	}
	for tag, r := range rules {
		if r.check != nil {
			register(v, tag, r.check(c))
		}
	}
	c.v = v
	return c
}

func register(v *validator.Validate, tag string, fn validator.Func) {
	if err := v.RegisterValidation(tag, fn); err != nil {
		panic("report: " + err.Error()) // a programming error: the tag name is reserved
	}
}

// jsonName names fields by their JSON name, so that validator namespaces
// read like JSON documents.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

var defaultChecker = sync.OnceValue(func() *Checker { return NewChecker(Options{}) })

// Default returns the checker over plan.Default() with the default size
// limit. It is built once.
func Default() *Checker { return defaultChecker() }

// MaxBytes is the input size limit of c (Options.MaxBytes, or its default).
func (c *Checker) MaxBytes() int64 { return c.maxBytes }

// Registry returns the registry the checker validates against.
func (c *Checker) Registry() *plan.Registry { return c.reg }

// Parse is Default().Parse("", data).
func Parse(data []byte) (*Report, error) { return Default().Parse("", data) }

// Validate is Default().Validate(r).
func Validate(r *Report) error { return Default().Validate(r) }

// Parse decodes data strictly (unknown members, duplicate keys, wrong
// types, numbers beyond 2^53-1, invalid UTF-8… are errors), normalises
// its text (Normalize) and validates it (Validate). It returns the report
// and nil, or nil and a diag.List whose issues all carry file, line,
// column and JSON Pointer, sorted by position. If decoding found
// problems, only those are returned: a half-decoded report is not
// validated.
func (c *Checker) Parse(file string, data []byte) (*Report, error) {
	return c.parse(file, data, c.today())
}

// Load is Parse for a form loading a file a person chose: it returns the
// decoded, normalised report even when it breaks rules, so that nothing
// of it is lost, with the same diag.List Parse would give. The report is
// nil only when decoding failed.
func (c *Checker) Load(file string, data []byte) (*Report, error) {
	return c.load(file, data, c.today())
}

// parse is Parse for a report received on day received (zero: unknown).
func (c *Checker) parse(file string, data []byte, received plan.Date) (*Report, error) {
	r, err := c.load(file, data, received)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// load is Load for a report received on day received (zero: unknown).
func (c *Checker) load(file string, data []byte, received plan.Date) (*Report, error) {
	r := new(Report)
	src, errs := decode.Strict(file, data, r, c.maxBytes)
	if errs != nil {
		return nil, errs
	}
	Normalize(r)
	l, more := c.validateAt(r, received, src.Offset)
	if l == nil {
		return r, nil
	}
	// In input order: each issue's offset is found once, in time linear
	// in its pointer; lines and columns are counted only for the issues
	// kept.
	offs := make(map[string]int, len(l))
	for _, is := range l {
		if _, ok := offs[is.Path]; !ok {
			offs[is.Path] = src.Offset(is.Path)
		}
	}
	slices.SortStableFunc(l, func(a, b diag.Issue) int { return offs[a.Path] - offs[b.Path] })
	return r, c.capped(src, l, more)
}

// capped cuts l, in order, to diag.MaxIssues issues placed by src, and
// adds one diag.TooManyIssues issue, placed with the last one kept, if
// more were found (more counts those already left out).
func (c *Checker) capped(src *decode.Source, l diag.List, more int) diag.List {
	if len(l) > diag.MaxIssues {
		more += len(l) - diag.MaxIssues
		l = l[:diag.MaxIssues]
	}
	src.Place(l)
	l = l.Capped(diag.MaxIssues, more)
	if more > 0 && len(l) > 1 {
		last := &l[len(l)-1]
		last.File, last.Line, last.Column = l[len(l)-2].File, l[len(l)-2].Line, l[len(l)-2].Column
	}
	return l
}

// ParseReader reads at most MaxBytes+1 bytes from rd (a longer input is
// too_large and is not read to its end) and parses them as Parse does.
// Read errors are returned as they are, not as a diag.List.
func (c *Checker) ParseReader(file string, rd io.Reader) (*Report, error) {
	data, err := io.ReadAll(io.LimitReader(rd, min(c.maxBytes, math.MaxInt64-1)+1))
	if err != nil {
		return nil, err
	}
	r, err := c.Parse(file, data)
	var l diag.List
	if int64(len(data)) > c.maxBytes && errors.As(err, &l) {
		for _, is := range l {
			if is.Code == diag.TooLarge {
				delete(is.Params, "size") // only a prefix was read: the size is unknown
			}
		}
	}
	return r, err
}

// Validate checks r against every tag rule of Report and every plan rule
// (see the package documentation). It does not modify r; text is checked
// as Normalize would leave it. It returns nil or a diag.List in field
// order: the order the members are declared in, tasks by index, indicators
// by code. Issues carry a JSON Pointer but no position.
func (c *Checker) Validate(r *Report) error {
	if r == nil {
		return diag.List{diag.New("", diag.Required, "Không có báo cáo để kiểm tra.", "There is no report to check.")}
	}
	if !isNFC(r) {
		r = clone(r)
		Normalize(r)
	}
	l, more := c.validateAt(r, c.today(), nil)
	if l == nil {
		return nil
	}
	return c.capped(nil, l, more)
}

// validateAt checks r, whose text is in NFC, as received on day received
// (zero when unknown), and returns its issues in field order (nil when
// none), and how many more it found but did not build because they come
// after at least diag.MaxIssues others. offset, if not nil, gives the
// input offset of the value at a pointer: then "after" means after in the
// input, otherwise in field order.
func (c *Checker) validateAt(r *Report, received plan.Date, offset func(ptr string) int) (diag.List, int) {
	v := validation{c: c, r: r, received: received, offset: offset}
	v.fieldErrors("", c.v.Struct(r))
	v.planRules()
	if len(v.list) == 0 {
		return nil, 0
	}
	sortFieldOrder(v.list)
	return v.list, v.more
}

// EffectiveCutoff returns r.DataCutoff or, when it is nil, the end of the
// period's data window (plan.Period.Window).
func (r *Report) EffectiveCutoff() plan.Date {
	if r.DataCutoff != nil {
		return *r.DataCutoff
	}
	_, end := r.Period.Plan().Window()
	return end
}

// validation collects the issues of one report.
type validation struct {
	c        *Checker
	r        *Report
	received plan.Date // the day the report is received; zero when unknown
	list     diag.List
	// offset places a pointer in the input (nil: no input, field order).
	offset func(ptr string) int
	// more counts the issues found and not built: each generator over a
	// collection a sender controls builds at most diag.MaxIssues issues,
	// the first in order, and counts the others here.
	more int
	// budgets are those of the arrays (by pointer): see skip.
	budgets map[string]*budget
}

// A budget tracks the issues built inside one array.
type budget struct {
	built int
	last  int // once built reaches diag.MaxIssues, the index of that item
}

// arrays calls fn with the pointer and the index of each array item that
// ptr goes through: "/tasks/3/activities/1" gives ("/tasks", 3) and
// ("/tasks/3/activities", 1). Report has no other arrays.
func arrays(ptr string, fn func(array string, i int) bool) {
	rest, ok := strings.CutPrefix(ptr, "/tasks/")
	if !ok {
		return
	}
	is, rest, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(is)
	if err != nil || !fn("/tasks", i) {
		return
	}
	acts := "/tasks/" + is + "/activities"
	if a, ok := strings.CutPrefix(rest, "activities/"); ok {
		a, _, _ = strings.Cut(a, "/")
		if j, err := strconv.Atoi(a); err == nil {
			fn(acts, j)
		}
	}
}

// skip reports whether the issue at ptr is not to be built, and then
// counts it in v.more: it is in an array item after the one where
// diag.MaxIssues issues of the array were built, so it comes after them
// (array items are in input order and in field order). Generators over
// array items call it before building an issue's message; add keeps the
// budgets.
func (v *validation) skip(ptr string) bool {
	skip := false
	arrays(ptr, func(array string, i int) bool {
		if b := v.budgets[array]; b != nil && b.built >= diag.MaxIssues && i > b.last {
			skip = true
		}
		return !skip
	})
	if skip {
		v.more++
	}
	return skip
}

// account records one issue built at ptr in the budgets of its arrays.
func (v *validation) account(ptr string) {
	arrays(ptr, func(array string, i int) bool {
		if v.budgets == nil {
			v.budgets = map[string]*budget{}
		}
		b := v.budgets[array]
		if b == nil {
			b = &budget{}
			v.budgets[array] = b
		}
		b.built++
		if b.built == diag.MaxIssues {
			b.last = i
		}
		return true
	})
}

// fieldErrors turns the validator's errors into issues. prefix is the
// pointer of the value that was validated.
func (v *validation) fieldErrors(prefix string, err error) {
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		return // nil: the validator never fails otherwise on a non-nil *Report
	}
	for _, fe := range fes {
		ptr := pointer(prefix, fe.Namespace())
		if !v.skip(ptr) {
			v.tagIssue(ptr, fe)
		}
	}
}

// unique reports the later occurrences of repeated items of the slice at
// ptr, and validates its items: the validator does not dive into a slice
// whose own tags failed.
func (v *validation) unique(ptr string, s any) {
	switch s := s.(type) {
	case []TaskResult:
		first := map[string]int{}
		for i := range s {
			item := strictjson.AppendIndex(ptr, i)
			if j, dup := first[s[i].Task]; dup {
				if p := strictjson.AppendToken(item, "task"); !v.skip(p) {
					v.duplicateTask(p, s[i].Task, j, i)
				}
			} else {
				first[s[i].Task] = i
			}
			v.fieldErrors(item, v.c.v.Struct(&s[i]))
		}
	case []string: // activities
		first := map[string]int{}
		for i, a := range s {
			item := strictjson.AppendIndex(ptr, i)
			if j, dup := first[a]; dup {
				if !v.skip(item) {
					v.duplicateActivity(item, a, j, i)
				}
			} else {
				first[a] = i
			}
			v.fieldErrors(item, v.c.v.Var(a, v.c.activityTags))
		}
	}
}

// pointer converts a validator namespace, such as "Report.tasks[2].results"
// or "Report.indicators[blood_units]", to an RFC 6901 JSON Pointer under
// prefix: "/tasks/2/results", "/indicators/blood_units". The first name,
// the type validated, is dropped. A bracket ends at the first "]" followed
// by ".", "[" or the end, so map keys may contain "]" but not "]." or "][".
func pointer(prefix, ns string) string {
	i := strings.IndexAny(ns, ".[")
	if i < 0 {
		return prefix
	}
	p, ns := prefix, ns[i:]
	for ns != "" {
		var tok string
		if ns[0] == '.' {
			ns = ns[1:]
			j := strings.IndexAny(ns, ".[")
			if j < 0 {
				j = len(ns)
			}
			tok, ns = ns[:j], ns[j:]
		} else {
			j := 1
			for {
				k := strings.IndexByte(ns[j:], ']')
				if k < 0 {
					j = len(ns) // malformed: take the rest
					break
				}
				j += k
				if j+1 == len(ns) || ns[j+1] == '.' || ns[j+1] == '[' {
					break
				}
				j++
			}
			tok, ns = ns[1:j], ns[min(j+1, len(ns)):]
		}
		p = strictjson.AppendToken(p, tok)
	}
	return p
}

// planSets are the plan's IDs as sets, built once. The plan's own
// lookups (plan.TaskByID…) compute spelling suggestions for unknown IDs:
// they serve messages, not every check.
var planSets = sync.OnceValue(func() *sets {
	s := &sets{tasks: map[string]bool{}, activities: map[string]bool{}, indicators: map[string]plan.Indicator{}}
	for _, t := range plan.Tasks() {
		s.tasks[t.ID] = true
	}
	for _, a := range plan.Activities() {
		s.activities[a.ID] = true
	}
	for _, in := range plan.Indicators() {
		s.indicators[in.Code] = in
	}
	return s
})

type sets struct {
	tasks, activities map[string]bool
	indicators        map[string]plan.Indicator
}

// checkIndicator is the rule of the indicators tag for one entry: code is
// an indicator of the plan and n is from 0 to its Max. It returns the
// indicator and "" when the entry is valid, else the issue code.
func checkIndicator(code string, n int64) (plan.Indicator, diag.Code) {
	in, ok := planSets().indicators[code]
	switch {
	case !ok:
		return in, diag.UnknownIndicator
	case n < 0 || n > in.Max:
		return in, diag.OutOfRange
	}
	return in, ""
}

// planRules checks what needs the plan and the registry: the dates
// against the period's window, the body's existence, tasks and duties.
func (v *validation) planRules() {
	r, reg := v.r, v.c.reg
	dateOK := false
	if r.ReportDate.IsZero() {
		vi, en := v.need("/reportDate")
		v.add("/reportDate", diag.Required, vi, en)
	} else {
		dateOK = v.date("/reportDate", r.ReportDate)
		v.receivedRule(dateOK)
	}
	cutoffOK := r.DataCutoff != nil && v.date("/dataCutoff", *r.DataCutoff)
	p := r.Period.Plan()
	periodOK := p.Check() == nil
	if periodOK {
		start, end := p.Window()
		if dateOK && r.ReportDate.Before(start) {
			v.reportDateBeforeWindow(p, start, end)
		}
		if cutoffOK && (r.DataCutoff.Before(start) || r.DataCutoff.After(end)) {
			v.cutoffOutsideWindow(p, start, end)
		}
	}
	if cutoffOK && dateOK && r.DataCutoff.After(r.ReportDate) {
		v.cutoffAfterReportDate()
	}
	if !v.c.bodies[r.Body] || !dateOK {
		return // unknown_body or required/invalid_date already said why
	}
	body, _ := reg.Body(r.Body)
	tasks, err := reg.Tasks(r.Body, r.ReportDate)
	if err != nil {
		v.bodyNotInForce(err)
		return
	}
	v.taskSet(body, tasks)
	if periodOK {
		if ds, err := reg.DutiesOf(r.Body, p); err == nil && len(ds) == 0 {
			v.noReportDue(body, p)
		}
	}
}

// date checks that d, at ptr, is a calendar date: a report built in Go
// may hold any numbers.
func (v *validation) date(ptr string, d plan.Date) bool {
	if _, err := plan.ParseDate(d.String()); err != nil {
		v.invalidDate(ptr, err)
		return false
	}
	return true
}

// taskSet checks that the report's tasks are exactly tasks, the tasks of
// body on the report date: each known task ID once (duplicates are the
// unique tag's), none foreign, none missing.
func (v *validation) taskSet(body plan.Body, tasks []plan.Task) {
	cat := planSets()
	seen := make(map[string]bool, len(v.r.Tasks))
	for i, t := range v.r.Tasks {
		if seen[t.Task] || !cat.tasks[t.Task] {
			continue
		}
		seen[t.Task] = true
		if !slices.ContainsFunc(tasks, func(e plan.Task) bool { return e.ID == t.Task }) && !v.skip(strictjson.AppendToken(strictjson.AppendIndex("/tasks", i), "task")) {
			v.foreignTask(i, t.Task, body)
		}
	}
	for _, t := range tasks {
		if !seen[t.ID] {
			v.missingTask(t, body)
		}
	}
}

// A rank places one reference token of a pointer in document order: a
// struct field's declaration index or an array index in n, a map key in s.
type rank struct {
	n int
	s string
}

// locate resolves ptr against the Report type. It returns the pointer's
// pattern, with "*" for array indexes and map keys ("/tasks/*/results"),
// and the rank of each token.
func locate(ptr string) (string, []rank) {
	toks, _ := strictjson.SplitPointer(ptr)
	var pat strings.Builder
	ranks := make([]rank, len(toks))
	t := reflect.TypeFor[Report]()
	for i, tok := range toks {
		var kind reflect.Kind
		if t != nil {
			kind = t.Kind()
		}
		switch kind {
		case reflect.Slice:
			ranks[i].n, _ = strconv.Atoi(tok)
			pat.WriteString("/*")
			t = t.Elem()
			continue
		case reflect.Map:
			ranks[i].s = tok
			pat.WriteString("/*")
			t = t.Elem()
			continue
		case reflect.Struct:
			if k, ok := fieldIndexes()[t][tok]; ok {
				ranks[i].n, t = k, t.Field(k).Type
				pat.WriteString(strictjson.AppendToken("", tok))
				continue
			}
		}
		ranks[i], t = rank{s: tok}, nil // not part of the Report type
		pat.WriteString(strictjson.AppendToken("", tok))
	}
	return pat.String(), ranks
}

// fieldIndexes maps each struct type of Report to the indexes of its
// fields by JSON name.
var fieldIndexes = sync.OnceValue(func() map[reflect.Type]map[string]int {
	m := map[reflect.Type]map[string]int{}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			add(t.Elem())
		case reflect.Struct:
			if m[t] != nil {
				return
			}
			m[t] = map[string]int{}
			for k := range t.NumField() {
				m[t][jsonName(t.Field(k))] = k
				add(t.Field(k).Type)
			}
		}
	}
	add(reflect.TypeFor[Report]())
	return m
})

// sortFieldOrder sorts l by the document order of its pointers (see
// locate); issues at one pointer keep the order they were found in.
func sortFieldOrder(l diag.List) {
	keys := make(map[string][]rank, len(l))
	for _, is := range l {
		if _, ok := keys[is.Path]; !ok {
			_, keys[is.Path] = locate(is.Path)
		}
	}
	slices.SortStableFunc(l, func(a, b diag.Issue) int {
		return slices.CompareFunc(keys[a.Path], keys[b.Path], func(x, y rank) int {
			if x.n != y.n {
				return x.n - y.n
			}
			return strings.Compare(x.s, y.s)
		})
	})
}
