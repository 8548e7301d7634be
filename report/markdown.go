package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// ExcerptLength is the length, in characters, to which WriteMarkdown cuts
// a task's results.
const ExcerptLength = 300

// WriteMarkdown writes the compilation in Vietnamese as Markdown (GitHub
// flavour), in the plan's order and ready to paste into the City Red
// Cross's report: a heading naming the plan and the period; a summary of
// the filings; a table of the bodies with their due and report dates; for
// each group of section III and each of its tasks, the status counts and
// an excerpt of each body's results; the indicator totals by area with
// their units; the difficulties and proposals by body; and the files that
// did not count, with their issues as "file:line:column: pointer: message".
// Text from reports and file names is escaped, so that no character of it
// breaks a table or adds formatting.
func (c *Compilation) WriteMarkdown(w io.Writer) error {
	m := &mdWriter{w: bufio.NewWriter(w)}
	c.mdHeading(m)
	c.mdFilings(m)
	c.mdTasks(m)
	c.mdIndicators(m)
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

func (c *Compilation) mdFilings(m *mdWriter) {
	s := c.Summary
	m.p("## I. Tình hình báo cáo\n\n| Nội dung | Số lượng |\n|---|---:|\n")
	for _, row := range []struct {
		label string
		n     int
	}{
		{"Cơ quan, đơn vị phải báo cáo", s.Expected},
		{"Nộp đúng hạn", s.OnTime},
		{"Nộp muộn", s.Late},
		{"Chưa nộp (đã quá hạn)", s.Missing},
		{"Chưa nộp (chưa đến hạn)", s.NotYetDue},
		{"Tệp không hợp lệ", s.Rejected},
		{"Báo cáo đã được thay thế bằng báo cáo gửi sau", s.Superseded},
		{"Báo cáo của cơ quan, đơn vị không thuộc diện báo cáo kỳ này", s.Extra},
		{"Báo cáo của kỳ khác", s.OtherPeriod},
	} {
		m.p("| %s | %s |\n", row.label, number(int64(row.n)))
	}
	m.p("\n| STT | Cơ quan, đơn vị | Nhóm | Hạn nộp | Ngày báo cáo | Số, ký hiệu | Tình trạng | Nhiệm vụ (hoàn thành/đang thực hiện/chưa thực hiện) | Tệp |\n")
	m.p("|---:|---|---:|---|---|---|---|---|---|\n")
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
		m.p("| %d | %s | %d | %s | %s | %s | %s | %s | %s |\n", i+1, inline(b.Name), b.Group, b.Due.Vietnamese(),
			dateOrDash(b.ReportDate), orDash(inline(b.Reference)), b.Filing.Vietnamese(), tasks, orDash(inline(b.File)))
	}
	m.p("\n")
}

func (c *Compilation) mdTasks(m *mdWriter) {
	m.p("## II. Kết quả thực hiện các nhiệm vụ\n")
	groupOf := map[string]int{}
	for _, t := range c.Tasks {
		groupOf[t.Task] = t.Group
	}
	// holds reports whether body b answers for a task of group g.
	holds := func(b BodyEntry, g int) bool {
		for _, t := range b.Tasks {
			if groupOf[t.Task] == g {
				return true
			}
		}
		return false
	}
	group := 0
	for _, t := range c.Tasks {
		if t.Group != group {
			group = t.Group
			part, _ := plan.GroupByNumber(group)
			m.p("\n### %d. %s\n\n", group, inline(part.Title))
			n := 0
			for _, b := range c.Bodies {
				if holds(b, group) {
					n++
					m.p("- %s: %s", inline(b.Name), strings.ToLower(b.Filing.Vietnamese()))
					if !b.ReportDate.IsZero() {
						m.p(", báo cáo ngày %s", b.ReportDate.Vietnamese())
					}
					m.p("\n")
				}
			}
			if n == 0 {
				m.p("Không có cơ quan, đơn vị nào phải báo cáo các nhiệm vụ của nhóm này.\n")
			}
		}
		task, _ := plan.TaskByID(t.Task)
		m.p("\n#### %s. %s\n\n", t.Task, inline(excerpt(task.Text, 160)))
		m.p("Đã hoàn thành: %d; đang thực hiện: %d; chưa thực hiện: %d; chưa báo cáo: %d.\n", t.Done, t.InProgress, t.NotStarted, t.NoReport)
		if len(t.Results)+t.NoReport > 0 {
			m.p("\n")
		}
		for _, r := range t.Results {
			m.p("- **%s** (%s)", inline(r.Name), strings.ToLower(r.Status.Vietnamese()))
			if r.Results != "" {
				m.p(": %s", inline(excerpt(r.Results, ExcerptLength)))
			}
			if r.Reason != "" {
				m.p(". Lý do: %s", inline(excerpt(r.Reason, ExcerptLength)))
			}
			m.p("\n")
		}
		for _, b := range c.Bodies {
			if b.ReportDate.IsZero() && slices.ContainsFunc(b.Tasks, func(bt BodyTask) bool { return bt.Task == t.Task }) {
				due := "đã quá hạn"
				if b.Filing == NotYetDue {
					due = "chưa đến hạn"
				}
				m.p("- **%s** (chưa nộp báo cáo, %s)\n", inline(b.Name), due)
			}
		}
	}
	m.p("\n")
}

func (c *Compilation) mdIndicators(m *mdWriter) {
	m.p("## III. Các chỉ tiêu chủ yếu\n\n")
	m.p("Số liệu là tổng các báo cáo được tính; số liệu của mỗi cơ quan, đơn vị được tính một lần, vào nhóm chính của cơ quan đó. Số liệu của Hội Chữ thập đỏ Thành phố có thể đã gồm số liệu của Hội cơ sở.\n")
	titles := map[string]string{plan.AreaOrganisation: "Tổ chức Hội", plan.AreaOverall: "Tổng trị giá công tác Hội và phong trào"}
	for _, a := range plan.Activities() {
		titles[a.ID] = fmt.Sprintf("%d. %s", a.Number, upperFirst(a.Name))
	}
	area := ""
	for _, in := range c.Indicators {
		if in.Area != area {
			area = in.Area
			m.p("\n### %s\n\n| Chỉ tiêu | Đơn vị tính | Toàn Thành phố | Số báo cáo | Theo nhóm |\n|---|---|---:|---:|---|\n", titles[area])
		}
		total, groups := "–", "–"
		if in.Reports > 0 {
			total = totalText(in.Total, in.Overflow)
			var gs []string
			for _, g := range in.Groups {
				gs = append(gs, fmt.Sprintf("nhóm %d: %s", g.Group, totalText(g.Total, g.Overflow)))
			}
			groups = strings.Join(gs, "; ")
		}
		m.p("| %s | %s | %s | %d | %s |\n", inline(in.Name), inline(in.Unit), total, in.Reports, groups)
	}
	m.p("\n")
}

func (c *Compilation) mdNotes(m *mdWriter) {
	m.p("## IV. Khó khăn, vướng mắc và đề xuất, kiến nghị\n")
	if len(c.Notes) == 0 {
		m.p("\nKhông có báo cáo nêu khó khăn hoặc đề xuất.\n")
	}
	for _, n := range c.Notes {
		m.p("\n### %s\n", inline(n.Name))
		if n.Difficulties != "" {
			m.p("\n**Khó khăn, vướng mắc:**\n\n%s\n", paragraphs(n.Difficulties))
		}
		if n.Proposals != "" {
			m.p("\n**Đề xuất, kiến nghị:**\n\n%s\n", paragraphs(n.Proposals))
		}
	}
	m.p("\n")
}

func (c *Compilation) mdNotCounted(m *mdWriter) {
	m.p("## V. Báo cáo không được tính\n")
	if len(c.Rejected)+len(c.Superseded)+len(c.Extra)+len(c.OtherPeriod) == 0 {
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
			m.p("- %s: %s, báo cáo %s ngày %s", inline(f.File), inline(name), f.Period.Vietnamese(), f.ReportDate.Vietnamese())
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

// Vietnamese names the status as reports write it.
func (s Status) Vietnamese() string {
	switch s {
	case Done:
		return "Đã hoàn thành"
	case InProgress:
		return "Đang thực hiện"
	case NotStarted:
		return "Chưa thực hiện"
	}
	return string(s)
}

func totalText(v int64, overflow bool) string {
	if overflow {
		return number(v) + " (vượt giới hạn, xem mục V)"
	}
	return number(v)
}

func dateOrDash(d plan.Date) string {
	if d.IsZero() {
		return "–"
	}
	return d.Vietnamese()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// number writes n the Vietnamese way: 109.000.
func number(n int64) string { return GroupDigits(n, ".") }

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
