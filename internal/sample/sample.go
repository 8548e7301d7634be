// Package sample writes sample reports: complete, valid reports a body
// could file, with Vietnamese results for each of its tasks, figures for
// the indicators of its groups, a preparer, a signer and a reference. The
// tests, the corpus, the command line's example command and the demos use
// them. The texts and figures are data, embedded from results.tmpl and
// data.json; this file only draws from them.
package sample

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

//go:embed data.json
var dataJSON []byte

//go:embed results.tmpl
var resultsTmpl string

// figure is a city-wide yearly figure of the Hanoi Red Cross movement and
// the per-mille share of it reached in the first half of the year.
type figure struct {
	Annual       int64 `json:"annual"`
	HalfPerMille int64 `json:"halfPerMille"`
}

// data is data.json.
var data = func() (d struct {
	CityFigures       map[string]figure        `json:"cityFigures"`
	ScalePerMille     map[plan.BodyKind]int64  `json:"scalePerMille"`
	TaskActivities    map[string][]string      `json:"taskActivities"`
	Reasons           []string                 `json:"reasons"`
	Difficulties      []string                 `json:"difficulties"`
	Proposals         []string                 `json:"proposals"`
	FamilyNames       []string                 `json:"familyNames"`
	MaleNames         [][2]string              `json:"maleNames"`
	FemaleNames       [][2]string              `json:"femaleNames"`
	PreparerPositions map[plan.BodyKind]string `json:"preparerPositions"`
	SignerHeads       map[plan.BodyKind]string `json:"signerHeads"`
	Comment           string                   `json:"_"`
}) {
	if err := json.Unmarshal(dataJSON, &d); err != nil {
		panic("sample: data.json: " + err.Error())
	}
	return d
}()

// Report returns a sample report that body bodyID could file for period
// p, dated 3 to 5 days before the body's due date (its first day, if it
// started later), with its data cut-off a few days before that.
//
// The content is fictional but stable: every choice derives from a hash
// of the body ID and the period, so the same arguments give the same
// report. Figures are sized to the body: the City Red Cross reports
// city-wide figures, a commune a small fraction of them. E-mail addresses
// use the reserved domain .example.
//
// It fails, with the registry's diag.List, when the body is unknown or
// files no report for p.
func Report(reg *plan.Registry, bodyID string, p plan.Period) (*report.Report, error) {
	due, err := reg.Due(bodyID, p)
	if err != nil {
		return nil, err
	}
	b, _ := reg.Body(bodyID) // Due found it
	on := due.AddDays(-3 - int(newDraw(bodyID, p.String(), "reportDate").intn(3)))
	if b.From.After(on) {
		on = b.From
	}
	return ReportAt(reg, bodyID, p, on)
}

// ReportAt is Report with a chosen report date, such as one after the due
// date for a late report. The report answers for the tasks the body holds
// on that date. It fails, with a diag.List, when the body files no report
// for p, does not exist on reportDate, or when reportDate is before the
// start of p's data window.
func ReportAt(reg *plan.Registry, bodyID string, p plan.Period, reportDate plan.Date) (*report.Report, error) {
	if _, err := reg.Due(bodyID, p); err != nil {
		return nil, err
	}
	tasks, err := reg.Tasks(bodyID, reportDate)
	if err != nil {
		return nil, err
	}
	start, end := p.Window()
	if reportDate.Before(start) {
		return nil, diag.List{diag.New("/reportDate", diag.ReportDateBeforeWindow,
			fmt.Sprintf("Ngày báo cáo %s trước kỳ báo cáo %s, bắt đầu từ %s.", reportDate.Vietnamese(), p.Vietnamese(), start.Vietnamese()),
			fmt.Sprintf("Report date %s is before the %s, which starts on %s.", reportDate, p.English(), start),
			"date", reportDate.String(), "start", start.String())}
	}
	b, _ := reg.Body(bodyID)
	x := &sample{reg: reg, Body: b, Period: p, on: reportDate, d: newDraw(bodyID, p.String())}
	for _, t := range tasks {
		x.groups = append(x.groups, t.Group)
	}

	cutoff := reportDate.AddDays(-2 - int(x.d.intn(3)))
	if cutoff.After(end) {
		cutoff = end
	}
	if cutoff.Before(start) {
		cutoff = reportDate
	}
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Plan:          plan.ID,
		Body:          b.ID,
		Period:        report.Period{Kind: p.Kind, Year: p.Year},
		ReportDate:    reportDate,
		DataCutoff:    &cutoff,
		Reference:     x.reference(),
		Indicators:    x.indicators(),
		Difficulties:  x.pick(data.Difficulties),
		Proposals:     x.pick(data.Proposals),
		PreparedBy:    x.preparer(),
		SignedBy:      x.signer(),
	}
	for _, t := range tasks {
		tr, err := x.task(t)
		if err != nil {
			return nil, err
		}
		r.Tasks = append(r.Tasks, tr)
	}
	return r, nil
}

// draw is a deterministic stream of pseudo-random numbers (SplitMix64)
// seeded with an FNV-1a hash of some strings.
type draw struct{ s uint64 }

func newDraw(parts ...string) *draw {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return &draw{h.Sum64()}
}

func (d *draw) next() uint64 {
	d.s += 0x9E3779B97F4A7C15
	z := d.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (d *draw) intn(n uint64) uint64 { return d.next() % n }

// between returns a number in [lo, hi].
func (d *draw) between(lo, hi int64) int64 { return lo + int64(d.intn(uint64(hi-lo+1))) }

// sample holds what one sample report is built from. Body and Period
// are the data of results.tmpl.
type sample struct {
	reg    *plan.Registry
	Body   plan.Body
	Period plan.Period
	on     plan.Date
	groups []int // the groups of the body's tasks on the report date
	d      *draw
}

// scale is the body's share of the city-wide figures, in per mille.
func (x *sample) scale() int64 {
	if s, ok := data.ScalePerMille[x.Body.Kind]; ok {
		return s
	}
	return data.ScalePerMille["unit"]
}

// value is the body's figure for indicator in: the city figure scaled to
// the body's kind and period, grown 3% a year from 2024, with a stable
// spread of ±15%. Amounts in đồng are rounded to the million.
func (x *sample) value(in plan.Indicator) int64 {
	f := data.CityFigures[in.Code] // every indicator has one: TestEveryIndicatorHasAFigure
	v := f.Annual * x.scale() / 1000
	v = v * (850 + int64(newDraw(x.Body.ID, x.Period.String(), in.Code).intn(301))) / 1000
	v = v * (1000 + 30*int64(x.Period.Year-2024)) / 1000
	if x.Period.Kind == plan.HalfYear {
		v = v * f.HalfPerMille / 1000
	}
	if in.UnitEnglish == "VND" {
		v = v / 1_000_000 * 1_000_000
	}
	return min(max(v, 0), in.Max)
}

// indicators are the figures for the indicators suggested for the body's
// groups.
func (x *sample) indicators() map[string]int64 {
	m := map[string]int64{}
	for _, in := range plan.Indicators() {
		for _, g := range in.Groups {
			if slices.Contains(x.groups, g) {
				m[in.Code] = x.value(in)
				break
			}
		}
	}
	return m
}

// pick returns one of the texts, or none for about one body in six.
func (x *sample) pick(texts []string) string {
	if x.d.intn(6) == 0 {
		return ""
	}
	return texts[x.d.intn(uint64(len(texts)))]
}

// results is results.tmpl with the functions its texts call.
var results = template.Must(template.New("results").Option("missingkey=error").Funcs(template.FuncMap{
	"n":             func(lo, hi int64) string { return "" },
	"fig":           func(code string) (string, error) { return "", nil },
	"millions":      func(lo, hi int64) string { return "" },
	"billions":      func(lo, hi int64) string { return "" },
	"holder":        func(g int) *plan.Body { return nil },
	"localities":    func() string { return "" },
	"routes":        func() string { return "" },
	"others":        func() int { return 0 },
	"localPlanDate": func() string { return "" },
	"planID":        func() string { return plan.ID },
	"campaign":      campaign,
	"cite":          cite,
}).Parse(resultsTmpl))

// funcs are the functions of results.tmpl that depend on the sample.
func (x *sample) funcs() template.FuncMap {
	return template.FuncMap{
		"n": func(lo, hi int64) string { return number(x.d.between(lo, hi)) },
		"fig": func(code string) (string, error) {
			in, err := plan.IndicatorByCode(code)
			if err != nil {
				return "", err
			}
			if in.UnitEnglish == "VND" {
				return money(x.value(in)), nil
			}
			return number(x.value(in)), nil
		},
		"millions": func(lo, hi int64) string { return money(x.d.between(lo, hi) * 1_000_000) },
		"billions": func(lo, hi int64) string { return money(x.d.between(lo, hi) * 1_000_000_000) },
		"holder":   x.holder,
		"localities": func() string {
			if b := x.holder(12); b != nil && b.Kind == plan.KindDistrict {
				return "UBND các quận, huyện, thị xã"
			}
			return "UBND các xã, phường"
		},
		"routes": x.routes,
		"others": func() int {
			n := 0
			for _, b := range x.reg.Expected(x.Period) {
				if b.ID != x.Body.ID {
					n++
				}
			}
			return n
		},
		"localPlanDate": func() string { return x.localPlanDate().Vietnamese() },
	}
}

// holder is the body that holds group g's tasks on the report date (the
// plan names group 3 for Sở Thông tin và Truyền thông, whose tasks passed
// to Sở Khoa học và Công nghệ), or nil when none does.
func (x *sample) holder(g int) *plan.Body {
	for _, b := range x.reg.Reporters(x.on) {
		ts, _ := x.reg.Tasks(b.ID, x.on)
		for _, t := range ts {
			if t.Group == g {
				return &b
			}
		}
	}
	return nil
}

// cite names a document the plan cites as the plan writes it: "Kết luận
// số 44-KL/TW ngày 14/11/2022".
func cite(id string) (string, error) {
	r, err := plan.ReferenceByID(id)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s số %s ngày %s", r.Kind, r.ID, r.Date.Vietnamese()), nil
}

// campaign quotes a campaign's name.
func campaign(id string) (string, error) {
	c, err := plan.CampaignByID(id)
	if err != nil {
		return "", err
	}
	return "“" + c.Name + "”", nil
}

// localPlanDate is the day a body issued its own plan: early in the year,
// or soon after it started.
func (x *sample) localPlanDate() plan.Date {
	d := plan.D(x.Period.Year, 1, 1).AddDays(int(x.d.between(10, 80)))
	if x.Body.From.After(d) {
		d = x.Body.From.AddDays(int(x.d.between(5, 20)))
	}
	if d.After(x.on) {
		d = x.on
	}
	return d
}

// routes names where the body sends its yearly report, as its duties say.
func (x *sample) routes() string {
	ds, _ := x.reg.DutiesOf(x.Body.ID, x.Period)
	var out []string
	for _, d := range ds {
		for _, r := range d.Routes {
			s := r.To
			if r.Through != "" {
				if b, err := x.reg.Successor(r.Through, x.on); err == nil {
					s += " (qua " + b.Name + ")"
				}
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, ", ")
}

// task writes the body's result for one task: mostly done, some in
// progress, now and then not started with a reason.
func (x *sample) task(t plan.Task) (report.TaskResult, error) {
	d := newDraw(x.Body.ID, x.Period.String(), t.ID)
	tr := report.TaskResult{Task: t.ID, Status: report.Done, Activities: data.TaskActivities[t.ID]}
	switch r := d.intn(100); {
	case r < 4:
		tr.Status = report.NotStarted
		tr.Reason = data.Reasons[d.intn(uint64(len(data.Reasons)))]
		return tr, nil
	case r < 24:
		tr.Status = report.InProgress
	}
	tmpl := results.Lookup(t.ID)
	if tmpl == nil {
		return report.TaskResult{}, fmt.Errorf("sample: results.tmpl has no results for task %s", t.ID)
	}
	var b strings.Builder
	if err := template.Must(tmpl.Clone()).Funcs(x.funcs()).Execute(&b, x); err != nil {
		return report.TaskResult{}, fmt.Errorf("sample: results of task %s: %w", t.ID, err)
	}
	tr.Results = b.String()
	if tr.Status == report.InProgress {
		tr.Results += " Nhiệm vụ đang tiếp tục được triển khai đến hết năm " + fmt.Sprint(x.Period.Year) + "."
	}
	return tr, nil
}

// person draws a Vietnamese name: family, middle and given name.
func (x *sample) person() (family, middle, given string) {
	family = data.FamilyNames[x.d.intn(uint64(len(data.FamilyNames)))]
	names := data.MaleNames
	if x.d.intn(2) == 0 {
		names = data.FemaleNames
	}
	n := names[x.d.intn(uint64(len(names)))]
	return family, n[0], n[1]
}

func (x *sample) preparer() report.Preparer {
	family, middle, given := x.person()
	position, ok := data.PreparerPositions[x.Body.Kind]
	if !ok {
		position = data.PreparerPositions[""]
	}
	// Offices write addresses as given name and initials: huongnt.
	local := strings.ToLower(ascii(given + initial(family) + initial(middle)))
	return report.Preparer{
		Name:     family + " " + middle + " " + given,
		Position: position,
		Phone:    fmt.Sprintf("09%08d", x.d.intn(100_000_000)),
		Email:    local + "@" + x.Body.ID + ".example",
	}
}

func (x *sample) signer() report.Signer {
	family, middle, given := x.person()
	head, ok := data.SignerHeads[x.Body.Kind]
	switch {
	case strings.HasPrefix(x.Body.Name, "Thành đoàn"):
		head = "Bí thư"
	case !ok:
		head = data.SignerHeads[""]
	}
	if x.d.intn(3) == 0 {
		head = "Phó " + head
	}
	return report.Signer{Name: family + " " + middle + " " + given, Position: head}
}

// reference numbers the report as its issuer would: "245/BC-SYT", or the
// Party form "12-BC/BTGDVTU" for a Party commission. It is empty when the
// body's name gives no abbreviation.
func (x *sample) reference() string {
	abbr := abbreviation(x.Body.Name)
	num := fmt.Sprintf("%02d", x.d.between(1, 400))
	ref := num + "/BC-" + abbr
	if x.Body.Kind == plan.KindParty {
		ref = num + "-BC/" + abbr
	}
	if _, err := plan.ParseSymbol(ref); err != nil {
		return ""
	}
	return ref
}

// abbreviation makes an issuer's abbreviation from its name, as documents
// do: the initials of its words without "và" and the city's name, in
// capitals without diacritics except Đ ("Sở Giáo dục và Đào tạo" → SGDĐT);
// a people's committee is UBND.
func abbreviation(name string) string {
	if strings.HasPrefix(name, "UBND ") {
		return "UBND"
	}
	if i := strings.IndexByte(name, '('); i > 0 {
		name = name[:i]
	}
	for _, suffix := range []string{" thành phố Hà Nội", " Hà Nội"} {
		name = strings.TrimSuffix(strings.TrimSpace(name), suffix)
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch {
		case w == "và":
		case len(w) > 1 && strings.ToUpper(w) == w && ascii(w) == w: // an acronym: UBND
			b.WriteString(w)
		default:
			b.WriteString(strings.ToUpper(initial(w)))
		}
	}
	return b.String()
}

// initial is the first letter of word w without diacritics ("Đ" stays
// "Đ", as symbols write it), or "" when w does not start with a letter.
func initial(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r == 'Đ' || r == 'đ':
		return string(r)
	case unicode.IsLetter(r):
		return ascii(string(r))
	}
	return ""
}

// ascii drops the diacritics of s and maps đ to d.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Mn, r):
		case r < 0x80:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// number writes n the Vietnamese way: 109.000.
func number(n int64) string { return report.GroupDigits(n, ".") }

// money formats an amount of đồng as texts cite it: "452,3 tỷ đồng",
// "850 triệu đồng".
func money(v int64) string {
	switch {
	case v >= 1_000_000_000:
		tenths := (v + 50_000_000) / 100_000_000
		s := number(tenths / 10)
		if tenths%10 != 0 {
			s += "," + strconv.FormatInt(tenths%10, 10)
		}
		return s + " tỷ đồng"
	case v >= 1_000_000:
		return number((v+500_000)/1_000_000) + " triệu đồng"
	}
	return number(v) + " đồng"
}
