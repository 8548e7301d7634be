package document

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Place is the place name of the documents' date line.
const Place = "Hà Nội"

// Blanks are what the City Red Cross fills in its own documents: the
// number, the date and the signer. Empty fields stay blanks (dotted
// lines) in the document, never invented values.
type Blanks struct {
	Number    string    // "125/BC-HCTĐ": written after "Số: "
	Date      plan.Date // zero: "ngày …… tháng …… năm ……"
	Authority []string  // "TM. BAN THƯỜNG VỤ"
	Position  string    // "CHỦ TỊCH"
	Name      string
}

const (
	blankNumber   = "……/BC-……"
	blankCVNumber = "……/……"
	blankPosition = "(Chức vụ người ký)"
	blankName     = "(Họ và tên)"
	signNote      = "(Ký, ghi rõ họ tên, đóng dấu)"
)

func (b Blanks) number(blank string) string {
	if b.Number == "" {
		return "Số: " + blank
	}
	return "Số: " + b.Number
}

func (b Blanks) signature() Signature {
	s := Signature{Authority: b.Authority, Position: b.Position, Name: b.Name, Note: signNote}
	if s.Position == "" {
		s.Position = blankPosition
	}
	if s.Name == "" {
		s.Name = blankName
	}
	return s
}

// redCross is the City Red Cross as the issuer of its documents.
func redCross(reg *plan.Registry) string {
	b, err := reg.Body(plan.CityFigureBody)
	if err != nil {
		return "Hội Chữ thập đỏ thành phố Hà Nội"
	}
	return b.Name
}

// planLine cites the plan: "Kế hoạch số 164/KH-UBND ngày 05/6/2023 của UBND
// thành phố Hà Nội triển khai thực hiện …".
func planLine() string {
	d := plan.Plan()
	return fmt.Sprintf("Kế hoạch số %s ngày %s của %s %s", d.Symbol, d.Date.Vietnamese(), d.Issuer, lowerFirst(d.Title))
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// summaryLine is the trích yếu of a report for period p.
func summaryLine(p plan.Period) string {
	return fmt.Sprintf("Kết quả thực hiện Kế hoạch số %s %s", plan.ID, p.Vietnamese())
}

func number(n int64) string { return report.GroupDigits(n, ".") }

// Compiled is the City Red Cross's compiled report of c for Thành ủy and
// UBND Thành phố (documents.md): I. the situation of reporting; II. the
// results by task in the plan's order, with what every responsible body
// reported, in full; III. the figures, each body's value, the City Red
// Cross's as the city's and subtotals only over bodies disjoint by
// construction; IV. difficulties; V. proposals; the recipients and a
// signature block with the blanks b fills.
func Compiled(c *report.Compilation, reg *plan.Registry, b Blanks) *Doc {
	d := &Doc{
		Issuer: redCross(reg), Number: b.number(blankNumber), PlaceDate: DateLine(Place, b.Date),
		Type: "BÁO CÁO", Summary: summaryLine(c.Period), Signature: b.signature(),
		Recipients: []string{"- Như trên;"},
	}
	for _, duty := range plan.Duties() {
		if duty.Groups[0] == 1 && slices.Contains(duty.Periods, c.Period.Kind) {
			for _, r := range duty.Routes {
				if strings.HasPrefix(r.To, "các ") {
					d.Recipients = append(d.Recipients, "- "+upperFirst(r.To)+";")
				} else {
					d.To = append(d.To, r.To)
				}
			}
			break
		}
	}
	d.Recipients = append(d.Recipients, "- Lưu: VT.")
	add := func(bs ...Block) { d.Body = append(d.Body, bs...) }
	add(P(fmt.Sprintf("Thực hiện %s, %s báo cáo kết quả thực hiện %s (tổng hợp đến ngày %s) như sau:", planLine(), redCross(reg), c.Period.Vietnamese(), c.AsOf.Vietnamese())))

	// I. Reporting.
	s := c.Summary
	add(H("I. TÌNH HÌNH BÁO CÁO"))
	add(P(fmt.Sprintf("%s cơ quan, đơn vị phải báo cáo; %s nộp đúng hạn, %s nộp muộn, %s chưa nộp (đã quá hạn), %s chưa nộp (chưa đến hạn). Đã nhận %s tệp báo cáo, trong đó %s tệp không hợp lệ và %s bản đã được thay thế bằng bản gửi sau.",
		number(int64(s.Expected)), number(int64(s.OnTime)), number(int64(s.Late)), number(int64(s.Missing)), number(int64(s.NotYetDue)),
		number(int64(s.Files)), number(int64(s.Rejected)), number(int64(s.Superseded)))))
	if slices.ContainsFunc(c.Bodies, func(b report.BodyEntry) bool { return b.Basis == report.BasisReportDate }) {
		add(P("Một số báo cáo không có thời điểm nhận: đúng hạn hay muộn được xét theo ngày ghi trên báo cáo, không phải ngày nhận."))
	}
	t := Table{Widths: []int{8, 28, 30, 34}, Header: []string{"STT", "Cơ quan, đơn vị", "Tình trạng", "Các bản đã gửi"}, Right: []int{0}}
	for i, e := range c.Bodies {
		var vs []string
		for k, v := range e.Versions {
			vs = append(vs, upperFirst(v.VersionText(k+1)))
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), e.Name, e.FilingText(), orDash(strings.Join(vs, "\n"))})
	}
	add(t)

	// II. Tasks.
	add(H("II. " + heading("/tasks")))
	group := 0
	for _, te := range c.Tasks {
		if te.Group != group {
			group = te.Group
			part, _ := plan.GroupByNumber(group)
			add(H(fmt.Sprintf("%d. %s", group, part.Title)))
		}
		task, _ := plan.TaskByID(te.Task)
		add(Para{Style: Body, Runs: []Run{{Text: "Nhiệm vụ " + te.Task + ": ", Bold: true}, {Text: task.Text, Italic: true}}})
		for _, r := range te.Results {
			add(Para{Style: Body, Runs: []Run{{Text: r.Name, Bold: true}, {Text: " (" + strings.ToLower(r.Status.Vietnamese()) + "):"}}})
			add(Prose(Body, r.Results)...)
			if r.Reason != "" {
				add(Para{Style: Body, Runs: []Run{{Text: label("/tasks/*/reason") + ":", Italic: true}}})
				add(Prose(Body, r.Reason)...)
			}
		}
		for _, p := range te.Pending {
			due := "đã quá hạn"
			if p.Filing == report.NotYetDue {
				due = "chưa đến hạn"
			}
			add(Para{Style: Body, Runs: []Run{{Text: p.Name, Bold: true}, {Text: ": chưa nộp báo cáo (" + due + ")."}}})
		}
		if len(te.Results)+len(te.Pending) == 0 {
			add(P("Không có cơ quan, đơn vị nào phải báo cáo nhiệm vụ này trong kỳ."))
		}
	}

	// III. Figures.
	add(H("III. " + heading("/indicators")))
	add(P(report.FiguresRule))
	titles := map[string]string{}
	for _, a := range plan.Areas() {
		titles[a.ID] = a.Title
	}
	area, none := "", []string{}
	for _, f := range c.Figures {
		if len(f.Values) == 0 {
			none = append(none, f.Name)
			continue
		}
		if f.Area != area {
			area = f.Area
			add(Para{Style: Body, Runs: []Run{{Text: titles[area], Bold: true, Italic: true}}})
		}
		add(Para{Style: Body, Runs: []Run{{Text: f.Name + " (" + f.Unit + ")", Bold: true}}})
		if f.City != nil {
			add(P(fmt.Sprintf("Toàn Thành phố (số liệu của %s): %s %s.", f.City.Name, number(f.City.Value), f.Unit)))
		} else {
			add(P("Toàn Thành phố: Hội Chữ thập đỏ Thành phố chưa báo cáo chỉ tiêu này."))
		}
		for _, st := range f.Subtotals {
			total := number(st.Total)
			if st.Overflow {
				total += " (vượt giới hạn cộng chính xác)"
			}
			add(P(fmt.Sprintf("%s (%d/%d đơn vị báo cáo): %s %s.", st.Label, st.Reports, st.Expected, total, f.Unit)))
		}
		ft := Table{Widths: []int{70, 30}, Header: []string{"Cơ quan, đơn vị", "Số liệu (" + f.Unit + ")"}, Right: []int{1}}
		for _, v := range f.Values {
			ft.Rows = append(ft.Rows, []string{v.Name, number(v.Value)})
		}
		add(ft)
	}
	if len(none) > 0 {
		add(P("Chưa có báo cáo nêu các chỉ tiêu: " + strings.Join(none, "; ") + "."))
	}

	// IV and V.
	notes := func(number, ptr string, text func(report.Notes) string) {
		add(H(number + heading(ptr)))
		n := 0
		for _, x := range c.Notes {
			if t := text(x); t != "" {
				n++
				add(Para{Style: Body, Runs: []Run{{Text: x.Name + ":", Bold: true}}})
				add(Prose(Body, t)...)
			}
		}
		if n == 0 {
			add(P("Không có báo cáo nêu " + lowerFirst(label(ptr)) + "."))
		}
	}
	notes("IV. ", "/difficulties", func(n report.Notes) string { return n.Difficulties })
	notes("V. ", "/proposals", func(n report.Notes) string { return n.Proposals })
	add(P(fmt.Sprintf("Trên đây là báo cáo kết quả thực hiện Kế hoạch số %s %s của %s./.", plan.ID, c.Period.Vietnamese(), redCross(reg))))
	return d
}

// label is the Vietnamese label of the report's member at ptr, as under
// a task's own heading (report.Field).
func label(ptr string) string {
	f, _ := report.Field(ptr)
	return f.Label("").VI
}

// heading is the label of the member at ptr as a section heading, in
// upper case: "KHÓ KHĂN, VƯỚNG MẮC".
func heading(ptr string) string { return strings.ToUpper(label(ptr)) }

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// parentOf is the body a body's documents name above it: UBND Thành phố
// for departments, Thành ủy for Party commissions, none otherwise.
func parentOf(b plan.Body) string {
	switch b.Kind {
	case plan.KindDepartment:
		return "UBND THÀNH PHỐ HÀ NỘI"
	case plan.KindParty:
		return "THÀNH ỦY HÀ NỘI"
	}
	return ""
}

// BodyReport is one body's official report built from its filed report r
// (valid for reg: see report.Checker): issuer, number, date and signer as
// filed; then by task in the plan's order the task's text, status and
// results; the figures; difficulties; proposals; the recipients.
func BodyReport(r *report.Report, reg *plan.Registry) (*Doc, error) {
	if r == nil {
		return nil, errors.New("document: no report")
	}
	b, err := reg.Body(r.Body)
	if err != nil {
		return nil, err
	}
	p := r.Period.Plan()
	d := &Doc{
		Parent: parentOf(b), Issuer: b.Name, Number: "Số: " + orBlank(r.Reference, blankNumber), PlaceDate: DateLine(Place, r.ReportDate),
		Type: "BÁO CÁO", Summary: summaryLine(p),
		Signature:  Signature{Position: r.SignedBy.Position, Name: r.SignedBy.Name},
		Recipients: []string{"- Như trên;"},
	}
	ds, _ := reg.DutiesOf(b.ID, p)
	for _, duty := range ds {
		for _, rt := range duty.Routes {
			to := rt.To
			if rt.Through != "" {
				if via, err := reg.Successor(rt.Through, r.ReportDate); err == nil {
					to += " (qua " + via.Name + ")"
					if via.ID != b.ID && !slices.Contains(d.Recipients, "- "+via.Name+";") {
						d.Recipients = append(d.Recipients, "- "+via.Name+";")
					}
				}
			}
			if !slices.Contains(d.To, to) && !strings.HasPrefix(to, "các ") {
				d.To = append(d.To, to)
			}
		}
	}
	d.Recipients = append(d.Recipients, "- Lưu: VT.")
	add := func(bs ...Block) { d.Body = append(d.Body, bs...) }
	add(P(fmt.Sprintf("Thực hiện %s, %s báo cáo kết quả thực hiện %s (số liệu tính đến ngày %s) như sau:", planLine(), b.Name, p.Vietnamese(), r.EffectiveCutoff().Vietnamese())))

	add(H("I. " + heading("/tasks")))
	tasks := slices.Clone(r.Tasks)
	order := map[string]int{}
	for i, t := range plan.Tasks() {
		order[t.ID] = i
	}
	slices.SortStableFunc(tasks, func(a, b report.TaskResult) int { return order[a.Task] - order[b.Task] })
	activities := map[string]string{}
	for _, a := range plan.Activities() {
		activities[a.ID] = a.Name
	}
	for i, tr := range tasks {
		task, err := plan.TaskByID(tr.Task)
		if err != nil {
			return nil, err
		}
		add(Para{Style: Heading, Runs: []Run{{Text: fmt.Sprintf("%d. Nhiệm vụ %s: ", i+1, tr.Task), Bold: true}, {Text: task.Text, Italic: true}}})
		add(Para{Style: Body, Runs: []Run{{Text: label("/tasks/*/status") + ": ", Bold: true}, {Text: tr.Status.Vietnamese() + "."}}})
		add(Prose(Body, tr.Results)...)
		if tr.Reason != "" {
			add(Para{Style: Body, Runs: []Run{{Text: label("/tasks/*/reason") + ":", Italic: true}}})
			add(Prose(Body, tr.Reason)...)
		}
		if len(tr.Activities) > 0 {
			var names []string
			for _, a := range tr.Activities {
				names = append(names, activities[a])
			}
			add(Para{Style: Body, Runs: []Run{{Text: label("/tasks/*/activities") + ": ", Italic: true}, {Text: strings.Join(names, "; ") + "."}}})
		}
	}

	add(H("II. " + heading("/indicators")))
	if len(r.Indicators) == 0 {
		add(P("Báo cáo không nêu số liệu theo các chỉ tiêu."))
	} else {
		t := Table{Widths: []int{8, 52, 18, 22}, Header: []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"}, Right: []int{0, 3}}
		for _, in := range plan.Indicators() {
			if v, ok := r.Indicators[in.Code]; ok {
				t.Rows = append(t.Rows, []string{fmt.Sprint(len(t.Rows) + 1), in.Name, in.Unit, number(v)})
			}
		}
		add(t)
	}
	add(H("III. " + heading("/difficulties")))
	add(orNone(Prose(Body, r.Difficulties))...)
	add(H("IV. " + heading("/proposals")))
	add(orNone(Prose(Body, r.Proposals))...)
	pb := r.PreparedBy
	contact := fmt.Sprintf("%s: %s, %s; điện thoại: %s", label("/preparedBy"), pb.Name, pb.Position, pb.Phone)
	if pb.Email != "" {
		contact += "; thư điện tử: " + pb.Email
	}
	add(Para{Style: Body, Runs: []Run{{Text: contact + ".", Italic: true}}})
	add(P(fmt.Sprintf("Trên đây là báo cáo kết quả thực hiện Kế hoạch số %s %s của %s./.", plan.ID, p.Vietnamese(), b.Name)))
	return d, nil
}

func orBlank(s, blank string) string {
	if s == "" {
		return blank
	}
	return s
}

func orNone(bs []Block) []Block {
	if len(bs) == 0 {
		return []Block{P("Không có.")}
	}
	return bs
}

// ErrNoneMissing is returned by Reminder when every expected body has filed.
var ErrNoneMissing = errors.New("document: every body that must report has filed; there is no one to remind")

// Reminder is the City Red Cross's công văn đôn đốc to the bodies of c that
// have not filed as of c.AsOf (missing, or not yet due): the deadline, the
// list of bodies with their due dates and tasks, and how to file
// (howToFile, a sentence; "" for none). Blanks b are the number, date and
// signer.
func Reminder(c *report.Compilation, reg *plan.Registry, b Blanks, howToFile string) (*Doc, error) {
	var owing []report.BodyEntry
	for _, e := range c.Bodies {
		if (e.Filing == report.Missing || e.Filing == report.NotYetDue) && e.Body != plan.CityFigureBody {
			owing = append(owing, e) // the City Red Cross does not remind itself
		}
	}
	if len(owing) == 0 {
		return nil, ErrNoneMissing
	}
	d := &Doc{
		Issuer: redCross(reg), Number: b.number(blankCVNumber), PlaceDate: DateLine(Place, b.Date),
		Subject:   fmt.Sprintf("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số %s %s", plan.ID, c.Period.Vietnamese()),
		Signature: b.signature(), Recipients: []string{"- Như trên;", "- Lưu: VT."},
	}
	if len(owing) <= 8 {
		for _, e := range owing {
			d.To = append(d.To, e.Name)
		}
	} else {
		d.To = []string{"Các cơ quan, đơn vị có tên trong danh sách kèm theo"}
	}
	add := func(bs ...Block) { d.Body = append(d.Body, bs...) }
	duty := ""
	for _, du := range plan.Duties() {
		if du.ID == "results" {
			duty = du.VI
		}
	}
	add(P(fmt.Sprintf("Thực hiện %s, các cơ quan, đơn vị được giao nhiệm vụ có trách nhiệm: “%s”", planLine(), duty)))
	add(P(fmt.Sprintf("Đến ngày %s, %s chưa nhận được báo cáo kết quả thực hiện %s của %s cơ quan, đơn vị có tên dưới đây.", c.AsOf.Vietnamese(), redCross(reg), c.Period.Vietnamese(), number(int64(len(owing))))))
	late, soon := 0, 0
	for _, e := range owing {
		if e.Filing == report.Missing {
			late++
		} else {
			soon++
		}
	}
	ask := fmt.Sprintf("%s đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo", redCross(reg))
	switch {
	case soon == 0:
		ask += " ngay (đã quá hạn)."
	case late == 0:
		ask += " đúng hạn ghi trong danh sách dưới đây."
	default:
		ask += " đúng hạn ghi trong danh sách; các cơ quan, đơn vị đã quá hạn gửi ngay."
	}
	if howToFile != "" {
		ask += " " + howToFile
	}
	add(P(ask))
	t := Table{Widths: []int{8, 42, 20, 30}, Header: []string{"STT", "Cơ quan, đơn vị", "Hạn nộp", "Nhiệm vụ phải báo cáo"}, Right: []int{0}}
	for i, e := range owing {
		var ids []string
		for _, bt := range e.Tasks {
			ids = append(ids, bt.Task)
		}
		due := e.Due.Vietnamese()
		if e.Filing == report.Missing {
			due += " (đã quá hạn)"
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(i + 1), e.Name, due, strings.Join(ids, ", ")})
	}
	add(t)
	add(P("Trân trọng cảm ơn sự phối hợp của các cơ quan, đơn vị./."))
	return d, nil
}
