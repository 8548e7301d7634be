package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// WriteMarkdown writes the compilation in Vietnamese as Markdown (GitHub
// flavour), in the plan's order and ready to paste into the City Red
// Cross's report, with nothing cut: a heading naming the plan and the
// period; I. the filings (a summary, then each body by name with its due
// date, the day its report reached the City Red Cross and on which basis
// that was judged, and every version it sent with its receipt time); II.
// for each group of section III and each of its tasks, the task's full
// text and every responsible body's status and full results or reason,
// bodies that have not filed included; III. the figures, by indicator:
// the City Red Cross's figure as the city's, the subtotals over bodies
// disjoint by construction, and each body's own value, never summed
// across bodies whose activities overlap; IV. difficulties and V.
// proposals by body; and the files that did not count, with their issues
// as "file:line:column: pointer: message". Text from reports and file
// names is escaped, so that no character of it breaks a table or adds
// formatting.
func (c *Compilation) WriteMarkdown(w io.Writer) error {
	m := &mdWriter{w: bufio.NewWriter(w)}
	c.mdHeading(m)
	c.mdFilings(m)
	c.mdTasks(m)
	c.mdFigures(m)
	c.mdNotes(m)
	c.mdNotCounted(m)
	return m.w.Flush()
}

type mdWriter struct{ w *bufio.Writer }

func (m *mdWriter) p(format string, args ...any) { fmt.Fprintf(m.w, format, args...) }

func (c *Compilation) mdHeading(m *mdWriter) {
	d := plan.Plan()
	m.p("# Báo cáo tổng hợp kết quả thực hiện Kế hoạch số %s %s\n\n", d.Symbol, c.Period.Vietnamese())
	m.p("Kế hoạch số %s ngày %s của %s %s.\n\n", d.Symbol, d.Date.Vietnamese(), d.Issuer, inline(lowerFirst(d.Title)))
	m.p("Tổng hợp đến ngày %s từ %s tệp báo cáo gửi qua Hội Chữ thập đỏ Thành phố.\n\n", c.AsOf.Vietnamese(), number(int64(c.Summary.Files)))
}

// SummaryRows are the rows of the filings summary, label and count, as
// every format of the compiled report shows them.
func (c *Compilation) SummaryRows() []SummaryRow {
	s := c.Summary
	return []SummaryRow{
		{"Cơ quan, đơn vị phải báo cáo", s.Expected},
		{"Nộp đúng hạn", s.OnTime},
		{"Nộp muộn", s.Late},
		{"Chưa nộp (đã quá hạn)", s.Missing},
		{"Chưa nộp (chưa đến hạn)", s.NotYetDue},
		{"Tệp không hợp lệ", s.Rejected},
		{"Báo cáo đã được thay thế bằng báo cáo gửi sau", s.Superseded},
		{"Báo cáo của cơ quan, đơn vị không thuộc diện báo cáo kỳ này", s.Extra},
		{"Báo cáo của kỳ khác", s.OtherPeriod},
	}
}

// SummaryRow is one row of the filings summary.
type SummaryRow struct {
	Label string
	Count int
}

// ReceivedText writes a receipt time as the compiled report does, in
// Hanoi time: "16:05 ngày 18/11/2026"; "không rõ thời điểm nhận" when
// unknown.
func ReceivedText(t time.Time) string {
	if t.IsZero() {
		return "không rõ thời điểm nhận"
	}
	return t.In(plan.Hanoi).Format("15:04 ngày 02/01/2006")
}

// FilingText says a body's standing in words, with the basis of the
// verdict: "Nộp muộn (nhận ngày 01/12/2026; hạn 20/11/2026; theo ngày
// nhận)".
func (b BodyEntry) FilingText() string {
	switch b.Filing {
	case OnTime, Late:
		on := "nhận ngày"
		if b.Basis == BasisReportDate {
			on = "báo cáo ngày"
		}
		return fmt.Sprintf("%s (%s %s; hạn %s; %s)", b.Filing.Vietnamese(), on, b.Filed.Vietnamese(), b.Due.Vietnamese(), b.Basis.Vietnamese())
	}
	return fmt.Sprintf("%s (hạn %s)", b.Filing.Vietnamese(), b.Due.Vietnamese())
}

// VersionText describes one version: "bản 2, báo cáo ngày 25/11/2026, số
// 245/BC-SYT, nhận 09:12 ngày 01/12/2026 (được tính)".
func (v VersionEntry) VersionText(n int) string {
	s := fmt.Sprintf("bản %d, báo cáo ngày %s", n, v.ReportDate.Vietnamese())
	if v.Reference != "" {
		s += ", số " + v.Reference
	}
	if v.Received.IsZero() {
		s += ", không rõ thời điểm nhận"
	} else {
		s += ", nhận " + ReceivedText(v.Received)
	}
	if v.Counts {
		s += " (được tính)"
	}
	return s
}

func (c *Compilation) mdFilings(m *mdWriter) {
	m.p("## I. Tình hình báo cáo\n\n| Nội dung | Số lượng |\n|---|---:|\n")
	for _, row := range c.SummaryRows() {
		m.p("| %s | %s |\n", row.Label, number(int64(row.Count)))
	}
	if c.anyReportDateBasis() {
		m.p("\nMột số báo cáo không có thời điểm nhận: đúng hạn hay muộn được xét theo ngày ghi trên báo cáo, không phải ngày nhận.\n")
	}
	m.p("\n| STT | Cơ quan, đơn vị | Nhóm | Tình trạng | Số, ký hiệu | Nhiệm vụ (hoàn thành/đang thực hiện/chưa thực hiện) | Các bản đã gửi |\n")
	m.p("|---:|---|---:|---|---|---|---|\n")
	for i, b := range c.Bodies {
		var done, doing, not int
		for _, t := range b.Tasks {
			switch t.Status {
			case Done:
				done++
			case InProgress:
				doing++
			case NotStarted:
				not++
			}
		}
		tasks := "–"
		if !b.ReportDate.IsZero() {
			tasks = fmt.Sprintf("%d/%d/%d", done, doing, not)
		}
		var vs []string
		for k, v := range b.Versions {
			vs = append(vs, inline(v.VersionText(k+1)))
		}
		versions := "–"
		if len(vs) > 0 {
			versions = strings.Join(vs, "; ")
		}
		m.p("| %d | %s | %d | %s | %s | %s | %s |\n", i+1, inline(b.Name), b.Group, b.FilingText(),
			orDash(inline(b.Reference)), tasks, versions)
	}
	m.p("\n")
}

func (c *Compilation) anyReportDateBasis() bool {
	return slices.ContainsFunc(c.Bodies, func(b BodyEntry) bool { return b.Basis == BasisReportDate })
}

// Holds reports whether body b answers for a task of group g in the
// compilation.
func (c *Compilation) Holds(b BodyEntry, g int) bool {
	for _, t := range b.Tasks {
		if task, err := plan.TaskByID(t.Task); err == nil && task.Group == g {
			return true
		}
	}
	return false
}

func (c *Compilation) mdTasks(m *mdWriter) {
	m.p("## II. %s\n", fieldLabel("/tasks"))
	group := 0
	for _, t := range c.Tasks {
		if t.Group != group {
			group = t.Group
			part, _ := plan.GroupByNumber(group)
			m.p("\n### %d. %s\n\n", group, inline(part.Title))
			n := 0
			for _, b := range c.Bodies {
				if c.Holds(b, group) {
					n++
					m.p("- %s: %s\n", inline(b.Name), inline(lowerFirst(b.FilingText())))
				}
			}
			if n == 0 {
				m.p("Không có cơ quan, đơn vị nào phải báo cáo các nhiệm vụ của nhóm này.\n")
			}
		}
		task, _ := plan.TaskByID(t.Task)
		m.p("\n#### Nhiệm vụ %s\n\n%s\n\n", t.Task, paragraphs(task.Text))
		m.p("%s: %d; %s: %d; %s: %d; chưa báo cáo: %d.\n", Done.Vietnamese(), t.Done, lowerFirst(InProgress.Vietnamese()), t.InProgress,
			lowerFirst(NotStarted.Vietnamese()), t.NotStarted, t.NoReport)
		for _, r := range t.Results {
			m.p("\n**%s** (%s):\n", inline(r.Name), strings.ToLower(r.Status.Vietnamese()))
			if r.Results != "" {
				m.p("\n%s\n", paragraphs(r.Results))
			}
			if r.Reason != "" {
				m.p("\n*%s:*\n\n%s\n", fieldLabel("/tasks/*/reason"), paragraphs(r.Reason))
			}
		}
		for _, p := range t.Pending {
			due := "đã quá hạn"
			if p.Filing == NotYetDue {
				due = "chưa đến hạn"
			}
			m.p("\n**%s**: chưa nộp báo cáo (%s).\n", inline(p.Name), due)
		}
	}
	m.p("\n")
}

// areaTitles are the headings of the figures' areas (plan.Areas).
func areaTitles() map[string]string {
	titles := map[string]string{}
	for _, a := range plan.Areas() {
		titles[a.ID] = a.Title
	}
	return titles
}

// FiguresRule says, in the compiled report's words, why figures of
// different bodies are not added up.
const FiguresRule = "Số liệu của Hội Chữ thập đỏ Thành phố là số liệu của toàn hệ thống Hội trên địa bàn Thành phố (gồm cả Hội cơ sở ở các phường, xã) và được dùng làm số liệu toàn Thành phố. Số liệu của các sở, ngành, Mặt trận và các tổ chức chính trị - xã hội là kết quả phối hợp với Hội, có thể đã được Hội tính, nên được ghi riêng từng cơ quan và không cộng với nhau hoặc với số liệu của Hội. Chỉ cộng số liệu của các đơn vị không trùng nhau: các UBND phường, xã (mỗi đơn vị một địa bàn) và các cơ quan báo chí (mỗi cơ quan một kênh)."

func (c *Compilation) mdFigures(m *mdWriter) {
	m.p("## III. %s\n\n%s\n", fieldLabel("/indicators"), FiguresRule)
	titles := areaTitles()
	area := ""
	for _, f := range c.Figures {
		if f.Area != area {
			area = f.Area
			m.p("\n### %s\n", titles[area])
		}
		m.p("\n#### %s (%s)\n\n", inline(f.Name), inline(f.Unit))
		if len(f.Values) == 0 {
			m.p("Không có báo cáo nêu chỉ tiêu này.\n")
			continue
		}
		if f.City != nil {
			m.p("- Toàn Thành phố (số liệu của %s): %s\n", inline(f.City.Name), number(f.City.Value))
		} else {
			m.p("- Toàn Thành phố: Hội Chữ thập đỏ Thành phố chưa báo cáo chỉ tiêu này.\n")
		}
		for _, st := range f.Subtotals {
			m.p("- %s (%d/%d đơn vị báo cáo): %s\n", st.Label, st.Reports, st.Expected, totalText(st.Total, st.Overflow))
		}
		m.p("\n| Cơ quan, đơn vị | Số liệu |\n|---|---:|\n")
		for _, v := range f.Values {
			m.p("| %s | %s |\n", inline(v.Name), number(v.Value))
		}
	}
	m.p("\n")
}

func (c *Compilation) mdNotes(m *mdWriter) {
	c.mdNoteSection(m, "IV. ", "/difficulties", func(x Notes) string { return x.Difficulties })
	m.p("\n")
	c.mdNoteSection(m, "V. ", "/proposals", func(x Notes) string { return x.Proposals })
	m.p("\n")
}

// mdNoteSection writes one section of the bodies' notes, numbered and
// headed by the label of the member at ptr: the text pick gives of each,
// in full, or a line saying that no report has one.
func (c *Compilation) mdNoteSection(m *mdWriter, number, ptr string, pick func(Notes) string) {
	what := fieldLabel(ptr)
	m.p("## %s%s\n", number, what)
	n := 0
	for _, x := range c.Notes {
		if t := pick(x); t != "" {
			n++
			m.p("\n**%s:**\n\n%s\n", inline(x.Name), paragraphs(t))
		}
	}
	if n == 0 {
		m.p("\nKhông có báo cáo nêu %s.\n", lowerFirst(what))
	}
}

func (c *Compilation) mdNotCounted(m *mdWriter) {
	m.p("## Phụ lục: Báo cáo không được tính\n")
	if len(c.Rejected)+len(c.Superseded)+len(c.Extra)+len(c.OtherPeriod)+len(c.Issues) == 0 {
		m.p("\nKhông có.\n")
	}
	if len(c.Rejected) > 0 {
		m.p("\n### Tệp không hợp lệ\n\n")
		for _, r := range c.Rejected {
			m.p("- %s: %d lỗi\n", inline(r.File), len(r.Issues))
			for _, is := range r.Issues {
				m.p("  - %s\n", inline(is.Format(diag.VI)))
			}
		}
	}
	filed := func(title string, fs []FiledReport) {
		if len(fs) == 0 {
			return
		}
		m.p("\n### %s\n\n", title)
		for _, f := range fs {
			name := f.Name
			if name == "" {
				name = f.Body
			}
			m.p("- %s: %s, báo cáo %s ngày %s, %s", inline(f.File), inline(name), f.Period.Vietnamese(), f.ReportDate.Vietnamese(), ReceivedText(f.Received))
			if f.SupersededBy != "" {
				m.p("; thay bằng %s", inline(f.SupersededBy))
			}
			m.p("\n")
		}
	}
	filed("Báo cáo đã được thay thế bằng báo cáo gửi sau", c.Superseded)
	filed("Báo cáo của cơ quan, đơn vị không thuộc diện báo cáo kỳ này", c.Extra)
	filed("Báo cáo của kỳ khác", c.OtherPeriod)
	if len(c.Issues) > 0 {
		m.p("\n### Vấn đề khi tổng hợp\n\n")
		for _, is := range c.Issues {
			m.p("- %s\n", inline(is.Format(diag.VI)))
		}
	}
}

func totalText(v int64, overflow bool) string {
	if overflow {
		return number(v) + " (vượt giới hạn, xem phụ lục)"
	}
	return number(v)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// number writes n the Vietnamese way: 109.000.
func number(n int64) string { return GroupDigits(n, ".") }

// mdSpecial are the characters escaped in text from reports: those that
// start emphasis, code, links, HTML, tables, strikethrough, math, entities
// or close a heading anywhere in a line.
const mdSpecial = "\\`*_[]<>|~&$#"

// inline escapes s for a table cell or a list item: white space, line
// breaks included, collapses to single spaces, and Markdown's special
// characters are escaped.
func inline(s string) string {
	return escape(strings.Join(strings.Fields(s), " "))
}

func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs escapes multi-line text as Markdown paragraphs, one per
// non-empty line, escaping also what would start a heading, a list, a
// quote or a rule at the start of a line.
func paragraphs(s string) string {
	var ps []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		ps = append(ps, escapeStart(escape(line)))
	}
	return strings.Join(ps, "\n\n")
}

// escapeStart escapes what would make an escaped line begin a block: ">",
// "-", "+" or "=" first, or a number followed by "." or ")".
func escapeStart(line string) string {
	if strings.ContainsRune(">-+=", rune(line[0])) {
		return "\\" + line
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') {
		return line[:i] + "\\" + line[i:]
	}
	return line
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// excerpt serves messages, which quote a task briefly; reports are never cut.
// excerpt shortens s, with its white space collapsed, to at most max
// characters, cutting at a word boundary and ending with "…".
func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	cut, n := 0, 0
	for i := range s {
		if n == max {
			cut = i
			break
		}
		n++
	}
	if cut == 0 {
		return s // at most max characters
	}
	// Keep max-1 characters and "…", ending at a space if one is in the
	// second half.
	_, last := utf8.DecodeLastRuneInString(s[:cut])
	cut -= last
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:.-") + "…"
}
