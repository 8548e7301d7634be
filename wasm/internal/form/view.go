package form

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// Node is an element or a text node of a view. The WebAssembly program
// creates it with document.createElement, setAttribute and textContent (or
// createTextNode): no text is ever parsed as HTML.
type Node struct {
	Tag   string   // "" for a text node
	Attrs []string // name, value pairs, in order
	Text  string   // a text node's text, or an element's only content
	Kids  []*Node
}

func el(tag string, attrs []string, kids ...*Node) *Node {
	return &Node{Tag: tag, Attrs: attrs, Kids: kids}
}

func elText(tag string, attrs []string, text string) *Node {
	return &Node{Tag: tag, Attrs: attrs, Text: text}
}

func text(s string) *Node { return &Node{Text: s} }

// Attr returns the value of attribute name, or "".
func (n *Node) Attr(name string) string {
	for i := 0; i+1 < len(n.Attrs); i += 2 {
		if n.Attrs[i] == name {
			return n.Attrs[i+1]
		}
	}
	return ""
}

// Walk calls fn for n and every node below it, in document order.
func (n *Node) Walk(fn func(*Node)) {
	fn(n)
	for _, k := range n.Kids {
		k.Walk(fn)
	}
}

// TextContent is the text of n and its descendants, as the DOM's
// textContent gives it.
func (n *Node) TextContent() string {
	var b strings.Builder
	n.Walk(func(m *Node) { b.WriteString(m.Text) })
	return b.String()
}

// IDs makes the element ids of one form: every id starts with the prefix,
// so that several forms on one page never share an id.
type IDs string

func slug(key string) string { return strings.ReplaceAll(key, "/", "-") }

// Control is the id of field key's input or textarea, or of the first
// radio button of a Radios field: the element an error link focuses.
func (p IDs) Control(key string) string { return string(p) + "-" + slug(key) }

// Radio is the id of the i-th radio button of field key.
func (p IDs) Radio(key string, i int, value string) string {
	if i == 0 {
		return p.Control(key)
	}
	return p.Control(key) + "-" + value
}

// Part is the id of a part of field key: "group", "label", "hint",
// "error", "count", "fieldset".
func (p IDs) Part(key, part string) string { return p.Control(key) + "--" + part }

// Of is the id of a part of the whole form: "title", "notice", "summary",
// "fields", "check", "dialog", "answer", "import", "section-ID".
func (p IDs) Of(name string) string { return string(p) + "--" + name }

// View renders a form in one language with one id prefix.
type View struct {
	Form *Form
	Lang diag.Lang
	IDs  IDs
	// Heading is the element of the form's title: "h2" when empty, "h1"
	// when the form is the page's main content (the page then has no
	// other <h1>).
	Heading string
}

func (w View) t(t Text) string { return t.In(w.Lang) }

// Render is the whole form, with empty slots for the notices, the error
// summary, the check-answers view, dialogs and the server's answer.
func (w View) Render(v Values) *Node {
	f := w.Form
	fields := el("div", []string{"id", w.IDs.Of("fields")}, w.header())
	for _, s := range f.Sections {
		fields.Kids = append(fields.Kids, w.section(s, v))
	}
	fields.Kids = append(fields.Kids,
		el("div", []string{"class", "kh164-actions"},
			elText("button", []string{"type", "submit", "class", "kh164-button"}, w.t(msgCheckButton))),
		w.files())
	return el("form", []string{"class", "kh164-form", "novalidate", "", "lang", string(w.Lang), "id", string(w.IDs), "aria-labelledby", w.IDs.Of("title")},
		el("div", []string{"id", w.IDs.Of("status")}),
		el("div", []string{"id", w.IDs.Of("notice")}),
		el("div", []string{"id", w.IDs.Of("dialog")}),
		el("div", []string{"id", w.IDs.Of("summary-slot")}),
		fields,
		el("div", []string{"id", w.IDs.Of("check"), "hidden", ""}),
		el("div", []string{"id", w.IDs.Of("answer")}),
	)
}

func (w View) header() *Node {
	f := w.Form
	doc := plan.Plan()
	caption := fmt.Sprintf("Kế hoạch số %s ngày %s của %s", doc.Symbol, doc.Date.Vietnamese(), doc.Issuer)
	title := fmt.Sprintf("Báo cáo %s: %s", f.Period.Vietnamese(), f.Body.Name)
	summary := "Về việc " + lowerFirst(doc.Title)
	due := ""
	if !f.Due.IsZero() {
		due = "Hạn nộp: " + f.Due.Vietnamese() + "."
	}
	if w.Lang == diag.EN {
		caption = fmt.Sprintf("%s %s of %s, %s", doc.TypeEnglish, doc.Symbol, doc.IssuerEnglish, doc.Date)
		title = fmt.Sprintf("Report for the %s: %s", f.Period.English(), f.Body.English)
		summary = doc.TitleEnglish
		if !f.Due.IsZero() {
			due = "Due by " + f.Due.String() + "."
		}
	}
	heading := w.Heading
	if heading == "" {
		heading = "h2"
	}
	h := el("div", []string{"class", "kh164-header"},
		elText("p", []string{"class", "kh164-caption"}, caption),
		elText(heading, []string{"class", "kh164-title", "id", w.IDs.Of("title"), "tabindex", "-1"}, title),
		elText("p", []string{"class", "kh164-lead"}, summary))
	if due != "" {
		h.Kids = append(h.Kids, elText("p", []string{"class", "kh164-due"}, due))
	}
	if f.Overdue() {
		late := Text{"Đã quá hạn nộp báo cáo (hạn " + f.Due.Vietnamese() + "). Bạn vẫn gửi được; báo cáo sẽ được ghi nhận là nộp muộn.",
			"The report is overdue (it was due by " + f.Due.String() + "). You can still send it; it will be recorded as late."}
		h.Kids = append(h.Kids, el("div", []string{"class", "kh164-warning", "id", w.IDs.Of("overdue")},
			elText("span", []string{"class", "kh164-warning-icon", "aria-hidden", "true"}, "!"),
			el("strong", []string{"class", "kh164-warning-text"},
				elText("span", []string{"class", "kh164-visually-hidden"}, w.t(Text{"Cảnh báo", "Warning"})+" "), text(w.t(late)))))
	}
	return h
}

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (w View) section(s *Section, v Values) *Node {
	n := el("div", []string{"class", "kh164-section", "id", w.IDs.Of("section-" + s.ID)},
		elText("h3", []string{"class", "kh164-section-title", "id", w.IDs.Of("section-" + s.ID + "-title"), "tabindex", "-1"}, w.t(s.Title)))
	if s.Intro != (Text{}) {
		n.Kids = append(n.Kids, elText("p", []string{"class", "kh164-hint"}, w.t(s.Intro)))
	}
	for _, g := range s.Groups {
		n.Kids = append(n.Kids, w.group(g, v))
	}
	if s.ID == "indicators" {
		slot := el("div", []string{"id", w.IDs.Of("add-slot")})
		if add := w.AddIndicator(v); add != nil {
			slot.Kids = append(slot.Kids, add)
		}
		n.Kids = append(n.Kids, slot)
	}
	return n
}

// AddIndicator is the control that adds one of the indicators not shown:
// a list and a button; nil when every indicator is shown.
func (w View) AddIndicator(v Values) *Node {
	extras := w.Form.Extras(v)
	if len(extras) == 0 {
		return nil
	}
	id := w.IDs.Of("add-indicator")
	sel := el("select", []string{"class", "kh164-select", "id", id, "name", "add-indicator", "aria-describedby", id + "-hint"},
		elText("option", []string{"value", ""}, w.t(Text{"Chọn chỉ tiêu", "Choose an indicator"})))
	for _, fd := range extras {
		sel.Kids = append(sel.Kids, elText("option", []string{"value", fd.Key}, w.t(fd.Label)+" ("+w.t(fd.Unit)+")"))
	}
	return el("div", []string{"class", "kh164-form-group kh164-add"},
		elText("label", []string{"class", "kh164-label", "for", id}, w.t(Text{"Thêm chỉ tiêu khác", "Add another indicator"})),
		elText("div", []string{"class", "kh164-hint", "id", id + "-hint"}, w.t(Text{
			"Các chỉ tiêu trên là chỉ tiêu gợi ý cho đơn vị. Nếu có số liệu của chỉ tiêu khác trong danh mục, chọn rồi bấm “Thêm chỉ tiêu”.",
			"The indicators above are those suggested for the body. If you have figures for another indicator of the catalogue, choose it and press “Add the indicator”."})),
		el("div", []string{"class", "kh164-add-row"}, sel,
			elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "add-indicator"}, w.t(Text{"Thêm chỉ tiêu", "Add the indicator"}))))
}

func (w View) group(g *Group, v Values) *Node {
	var kids []*Node
	for _, fd := range g.Fields {
		kids = append(kids, w.field(fd, v))
	}
	switch {
	case g.Fieldset:
		legend := elText("legend", []string{"class", "kh164-legend"}, w.t(g.Title))
		attrs := []string{"class", "kh164-fieldset kh164-area", "id", w.IDs.Of(g.ID)}
		if !w.Form.GroupShown(g, v) {
			attrs = append(attrs, "hidden", "")
		}
		return el("fieldset", attrs, append([]*Node{legend}, kids...)...)
	case g.Title != (Text{}):
		head := []*Node{elText("h4", []string{"class", "kh164-task-title"}, w.t(g.Title))}
		if w.Lang == diag.EN && g.Gloss != "" {
			head = append(head, elText("p", []string{"class", "kh164-hint"}, g.Gloss))
		}
		if g.Quote != "" {
			head = append(head, elText("blockquote", []string{"class", "kh164-quote", "lang", "vi"}, g.Quote))
		}
		return el("div", []string{"class", "kh164-task", "id", w.IDs.Of(g.ID)}, append(head, kids...)...)
	}
	return el("div", []string{"class", "kh164-group"}, kids...)
}

// label is a field's label text with "(không bắt buộc)" when optional.
func (w View) label(fd *Field, v Values) string {
	s := w.t(fd.Label)
	if w.Form.Optional(fd.Key, v) {
		s += " " + w.t(msgOptional)
	}
	return s
}

// errorSlot is the inline message: hidden until the field has a problem.
func (w View) errorSlot(key string) *Node {
	return el("p", []string{"class", "kh164-error-message", "id", w.IDs.Part(key, "error"), "hidden", ""},
		elText("span", []string{"class", "kh164-visually-hidden"}, w.t(msgErrorPrefix)+" "),
		elText("span", []string{"class", "kh164-error-text"}, ""))
}

func (w View) field(fd *Field, v Values) *Node {
	id := w.IDs.Control(fd.Key)
	st := w.State(fd.Key, v, nil)
	gattrs := []string{"class", "kh164-form-group", "id", w.IDs.Part(fd.Key, "group")}
	if !w.Form.Shown(fd.Key, v) {
		gattrs = append(gattrs, "hidden", "")
	}
	group := el("div", gattrs)
	if fd.Kind == Radios || fd.Kind == Checks {
		fs := el("fieldset", []string{"class", "kh164-fieldset", "id", w.IDs.Part(fd.Key, "fieldset")},
			elText("legend", []string{"class", "kh164-legend kh164-legend-small", "id", w.IDs.Part(fd.Key, "label")}, w.label(fd, v)))
		if st.DescribedBy != "" {
			fs.Attrs = append(fs.Attrs, "aria-describedby", st.DescribedBy)
		}
		if fd.Hint != (Text{}) {
			fs.Kids = append(fs.Kids, elText("div", []string{"class", "kh164-hint", "id", w.IDs.Part(fd.Key, "hint")}, w.t(fd.Hint)))
		}
		fs.Kids = append(fs.Kids, w.errorSlot(fd.Key))
		cls, typ := "kh164-radio", "radio"
		chosen := func(c string) bool { return v[fd.Key] == c }
		if fd.Kind == Checks {
			cls, typ = "kh164-checkbox", "checkbox"
			picked := strings.Fields(v[fd.Key])
			chosen = func(c string) bool { return slices.Contains(picked, c) }
		}
		box := el("div", []string{"class", cls + "es"})
		if fd.Kind == Radios {
			box = el("div", []string{"class", "kh164-radios"})
		}
		for i, c := range fd.Choices {
			rid := w.IDs.Radio(fd.Key, i, c.Value)
			in := []string{"class", cls + "-input", "type", typ, "id", rid, "name", fd.Key, "value", c.Value}
			if chosen(c.Value) {
				in = append(in, "checked", "")
			}
			box.Kids = append(box.Kids, el("div", []string{"class", cls},
				el("input", in), elText("label", []string{"class", cls + "-label", "for", rid}, w.t(c.Label))))
		}
		fs.Kids = append(fs.Kids, box)
		group.Kids = append(group.Kids, fs)
		return group
	}
	lbl := elText("label", []string{"class", "kh164-label", "for", id, "id", w.IDs.Part(fd.Key, "label")}, w.label(fd, v))
	if fd.Kind == Number {
		lbl = el("label", []string{"class", "kh164-label", "for", id, "id", w.IDs.Part(fd.Key, "label")},
			text(w.t(fd.Label)), elText("span", []string{"class", "kh164-visually-hidden"}, ", "+w.t(Text{"đơn vị tính: ", "counted in "})+w.t(fd.Unit)))
		if fd.Optional {
			lbl.Kids = append(lbl.Kids, text(" "+w.t(msgOptional)))
		}
	}
	if fd.Extra {
		group.Kids = append(group.Kids, el("div", []string{"class", "kh164-extra-head"}, lbl,
			el("button", []string{"type", "button", "class", "kh164-link", "data-action", "remove-indicator", "data-key", fd.Key},
				text(w.t(Text{"Bỏ chỉ tiêu", "Remove"})), elText("span", []string{"class", "kh164-visually-hidden"}, " "+w.t(fd.Label)))))
	} else {
		group.Kids = append(group.Kids, lbl)
	}
	if fd.Hint != (Text{}) {
		group.Kids = append(group.Kids, elText("div", []string{"class", "kh164-hint", "id", w.IDs.Part(fd.Key, "hint")}, w.t(fd.Hint)))
	}
	group.Kids = append(group.Kids, w.errorSlot(fd.Key))
	spell := "false" // names, numbers and codes
	if fd.Kind == Prose {
		spell = "true"
	}
	attrs := []string{"id", id, "name", fd.Key, "spellcheck", spell}
	if st.DescribedBy != "" {
		attrs = append(attrs, "aria-describedby", st.DescribedBy)
	}
	if fd.Autocomplete != "" {
		attrs = append(attrs, "autocomplete", fd.Autocomplete)
	}
	switch fd.Kind {
	case Prose:
		ta := el("textarea", append([]string{"class", "kh164-textarea", "rows", "6"}, attrs...))
		ta.Text = v[fd.Key]
		group.Kids = append(group.Kids, ta,
			elText("div", []string{"class", "kh164-count", "id", w.IDs.Part(fd.Key, "count"), "aria-live", "polite"}, st.Count))
	case Number:
		in := el("input", append([]string{"class", "kh164-input kh164-input-number", "type", "text", "inputmode", "numeric", "value", v[fd.Key]}, attrs...))
		group.Kids = append(group.Kids, el("div", []string{"class", "kh164-input-wrapper"},
			in, elText("span", []string{"class", "kh164-suffix", "aria-hidden", "true"}, w.t(fd.Unit))))
	default:
		typ := fd.InputType
		if typ == "" {
			typ = "text"
		}
		cls := "kh164-input"
		if fd.Kind == Day {
			cls += " kh164-input-date"
		}
		group.Kids = append(group.Kids, el("input", append([]string{"class", cls, "type", typ, "value", v[fd.Key]}, attrs...)))
	}
	return group
}

// State is how a field shows: its label, its description, its message and
// its character count. The WebAssembly program applies it after each check
// and keystroke.
type State struct {
	Label       string // label or legend text
	Invalid     bool
	DescribedBy string // space-separated ids for aria-describedby
	Message     string // the inline message, "" when none
	Count       string // character count of a Prose field
	Over        bool   // the count is over the limit
}

// State returns the state of field key with values v and problem p (nil
// when the field shows no problem).
func (w View) State(key string, v Values, p *Problem) State {
	fd := w.Form.Field(key)
	if fd == nil {
		return State{}
	}
	st := State{Label: w.label(fd, v)}
	var ids []string
	if fd.Hint != (Text{}) {
		ids = append(ids, w.IDs.Part(key, "hint"))
	}
	if p != nil {
		st.Invalid, st.Message = true, p.Message(w.Lang)
		ids = append(ids, w.IDs.Part(key, "error"))
	}
	if fd.Kind == Prose {
		n := fd.MaxChars - Count(v[key])
		st.Over = n < 0
		switch {
		case n >= 0 && w.Lang == diag.EN:
			st.Count = fmt.Sprintf("You have %s characters remaining", FormatCount(int64(n), w.Lang))
		case n >= 0:
			st.Count = fmt.Sprintf("Còn lại %s ký tự", FormatCount(int64(n), w.Lang))
		case w.Lang == diag.EN:
			st.Count = fmt.Sprintf("You have %s characters too many", FormatCount(int64(-n), w.Lang))
		default:
			st.Count = fmt.Sprintf("Vượt quá %s ký tự", FormatCount(int64(-n), w.Lang))
		}
		ids = append(ids, w.IDs.Part(key, "count"))
	}
	st.DescribedBy = strings.Join(ids, " ")
	return st
}

// Loading is the notice of a server-rendered form while the module
// downloads: typing works, checking comes with the module. The loader
// fills its progress bar.
func (w View) Loading() *Node {
	return el("div", []string{"class", "kh164-progress", "role", "status"},
		elText("p", []string{"class", "kh164-hint"}, w.t(Text{"Bạn có thể nhập ngay. Phần kiểm tra báo cáo đang được tải…",
			"You can start typing. The report checks are loading…"})),
		el("progress", []string{"class", "kh164-progress-bar", "aria-label", w.t(Text{"Tải phần kiểm tra", "Loading the checks"})}))
}

// Summary is the error summary: one link per problem, in field order,
// each worded as the field's inline message.
func (w View) Summary(ps []Problem) *Node {
	list := el("ul", []string{"class", "kh164-error-summary-list"})
	for _, p := range ps {
		target := w.IDs.Control(p.Field)
		list.Kids = append(list.Kids, el("li", []string{"id", w.IDs.Part(p.Field, "summary-item")},
			elText("a", []string{"href", "#" + target, "data-focus", target}, p.Message(w.Lang))))
	}
	return el("div", []string{"class", "kh164-error-summary", "id", w.IDs.Of("summary"), "tabindex", "-1", "aria-labelledby", w.IDs.Of("summary-title")},
		el("div", []string{"role", "alert"},
			elText("h3", []string{"class", "kh164-error-summary-title", "id", w.IDs.Of("summary-title")}, w.t(msgSummaryTitle)),
			list))
}

// Check is the check-answers view of values that passed validation, with
// a change link per section.
func (w View) Check(v Values) *Node {
	n := el("div", []string{"class", "kh164-check"},
		elText("h3", []string{"class", "kh164-check-title", "id", w.IDs.Of("check-title"), "tabindex", "-1"}, w.t(msgCheckTitle)))
	for _, s := range w.Form.Sections {
		head := el("div", []string{"class", "kh164-check-head"},
			elText("h4", []string{"class", "kh164-check-section"}, w.t(s.Title)),
			el("button", []string{"type", "button", "class", "kh164-link", "data-action", "change", "data-section", s.ID},
				text(w.t(msgChange)), elText("span", []string{"class", "kh164-visually-hidden"}, " "+strings.ToLower(w.t(s.Title)))))
		dl := el("dl", []string{"class", "kh164-summary-list"})
		for _, g := range s.Groups {
			for _, fd := range g.Fields {
				val, ok := w.answer(fd, v)
				if !w.Form.Shown(fd.Key, v) || (!ok && s.ID == "indicators") {
					continue
				}
				dl.Kids = append(dl.Kids, el("div", []string{"class", "kh164-summary-row"},
					elText("dt", []string{"class", "kh164-summary-key"}, w.t(fd.Label)),
					elText("dd", []string{"class", "kh164-summary-value"}, val)))
			}
		}
		var body *Node = dl
		if len(dl.Kids) == 0 {
			body = elText("p", []string{"class", "kh164-summary-value"}, w.t(msgNoIndicators))
		}
		n.Kids = append(n.Kids, el("div", []string{"class", "kh164-check-block"}, head, body))
	}
	n.Kids = append(n.Kids,
		el("div", []string{"class", "kh164-warning"}, elText("strong", nil, w.t(msgNotSentYet))),
		el("div", []string{"class", "kh164-actions"},
			elText("button", []string{"type", "button", "class", "kh164-button", "data-action", "confirm"}, w.t(msgConfirm)),
			elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "back"}, w.t(msgBack))))
	return n
}

// answer is a field's value as the check-answers view shows it, and
// whether one was given.
func (w View) answer(fd *Field, v Values) (string, bool) {
	s := v[fd.Key]
	if strings.TrimSpace(s) == "" {
		return w.t(msgNotGiven), false
	}
	switch fd.Kind {
	case Radios:
		for _, c := range fd.Choices {
			if c.Value == s {
				return w.t(c.Label), true
			}
		}
	case Checks:
		var names []string
		for _, id := range strings.Fields(s) {
			name := id
			for _, c := range fd.Choices {
				if c.Value == id {
					name = w.t(c.Label)
				}
			}
			names = append(names, name)
		}
		return strings.Join(names, "; "), true
	case Number:
		if n, err := ParseCount(s); err == nil {
			return FormatCount(n, w.Lang) + " " + w.t(fd.Unit), true
		}
	case Day:
		if d, err := ParseDay(s); err == nil {
			if w.Lang == diag.EN {
				return d.String(), true
			}
			return d.Vietnamese(), true
		}
	case Line:
		if fd.Key == KeyPrepPhone {
			return phone(s), true
		}
	}
	return clean(s), true
}

var hanoi = time.FixedZone("ICT", 7*3600)

// Restore offers to restore a draft saved at the given time.
func (w View) Restore(saved time.Time) *Node {
	t := saved.In(hanoi)
	when := fmt.Sprintf("Bản nháp được lưu trên máy này lúc %s ngày %s.", t.Format("15:04"), plan.DateOf(t).Vietnamese())
	if w.Lang == diag.EN {
		when = fmt.Sprintf("A draft was saved on this computer at %s on %s (Hanoi time).", t.Format("15:04"), plan.DateOf(t))
	}
	return el("div", []string{"class", "kh164-notice", "role", "region", "aria-labelledby", w.IDs.Of("notice-title")},
		elText("h3", []string{"class", "kh164-notice-title", "id", w.IDs.Of("notice-title")}, w.t(msgRestoreTitle)),
		elText("p", nil, when),
		el("div", []string{"class", "kh164-actions"},
			elText("button", []string{"type", "button", "class", "kh164-button", "data-action", "restore"}, w.t(msgRestore)),
			elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "discard"}, w.t(msgRestoreIgnore))))
}

// Import is the answer to a file the person chose to import: the problems
// that stop it (fatal), or its validation problems and the question whether
// to replace what was typed. Nothing is replaced without the question.
func (w View) Import(name string, fatal, problems diag.List) *Node {
	q := "“" + name + "”"
	n := el("div", []string{"class", "kh164-dialog", "role", "region", "aria-labelledby", w.IDs.Of("dialog-title"), "id", w.IDs.Of("dialog-box"), "tabindex", "-1"})
	list := func(l diag.List) *Node {
		ul := el("ul", []string{"class", "kh164-issue-list"})
		for _, is := range l {
			ul.Kids = append(ul.Kids, elText("li", nil, is.Format(w.Lang)))
		}
		return ul
	}
	if len(fatal) > 0 {
		n.Kids = append(n.Kids,
			elText("h3", []string{"class", "kh164-dialog-title", "id", w.IDs.Of("dialog-title")}, w.t(Text{"Không nhập được tệp " + q, "The file " + q + " cannot be imported"})),
			elText("p", nil, w.t(Text{"Nội dung đang nhập không thay đổi. Sửa tệp hoặc chọn tệp khác:", "Nothing you typed has changed. Correct the file or choose another:"})),
			list(fatal),
			el("div", []string{"class", "kh164-actions"},
				elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "import-close"}, w.t(msgClose))))
		return n
	}
	n.Kids = append(n.Kids, elText("h3", []string{"class", "kh164-dialog-title", "id", w.IDs.Of("dialog-title")}, w.t(Text{"Nhập tệp " + q + "?", "Import the file " + q + "?"})))
	if len(problems) > 0 {
		n.Kids = append(n.Kids,
			elText("p", nil, w.t(Text{fmt.Sprintf("Tệp đọc được nhưng có %d lỗi cần sửa sau khi nhập:", len(problems)),
				fmt.Sprintf("The file can be read but has %d problems to correct after importing:", len(problems))})),
			list(problems))
	} else {
		n.Kids = append(n.Kids, elText("p", nil, w.t(Text{"Tệp đọc được và hợp lệ.", "The file can be read and is valid."})))
	}
	n.Kids = append(n.Kids,
		elText("p", nil, w.t(Text{"Thay thế toàn bộ nội dung đang nhập bằng nội dung của tệp?", "Replace everything typed in the form with the file's content?"})),
		el("div", []string{"class", "kh164-actions"},
			elText("button", []string{"type", "button", "class", "kh164-button", "data-action", "import-replace"}, w.t(msgReplace)),
			elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "import-close"}, w.t(msgKeep))))
	return n
}

// Sending says that the report is being sent.
func (w View) Sending() *Node {
	return elText("p", []string{"class", "kh164-panel", "role", "status"}, w.t(msgSending))
}

// Receipt is what a server's 2xx answer says about a report it accepted
// (the members the form reads from its JSON):
//
//	{"reference": "KH164-17",                  the reference the person quotes
//	 "vi": "…", "en": "…" (or "message": "…"),  what was received
//	 "next": {"vi": "…", "en": "…"},             what happens next (default: the City Red Cross compiles the reports)
//	 "document": "/…" or {"href": "/…", "vi": "…", "en": "…"}}  the body's document, when the server offers one
type Receipt struct {
	Reference, Message, Next string
	// DocHref and DocTitle link to the body's document; DocHref is a path
	// on the server or an http(s) URL, else it is not shown.
	DocHref, DocTitle string
}

// Answer shows the server's answer to the report: the confirmation when it
// was accepted (GOV.UK's confirmation page: a panel with the reference,
// then what happens next), else its refusal with the HTTP status (0 when
// the server could not be reached) and message.
func (w View) Answer(ok bool, status int, rc Receipt) *Node {
	if ok {
		panel := el("div", []string{"class", "kh164-panel kh164-panel-confirmation"},
			elText("h3", []string{"class", "kh164-panel-title"}, w.t(msgSent)))
		if rc.Reference != "" {
			panel.Kids = append(panel.Kids, el("div", []string{"class", "kh164-panel-body"},
				text(w.t(Text{"Mã tiếp nhận", "Your reference"})), el("br", nil), elText("strong", nil, rc.Reference)))
		}
		n := el("div", []string{"class", "kh164-confirmation", "role", "status", "tabindex", "-1", "id", w.IDs.Of("answer-box")}, panel)
		if rc.Message != "" {
			n.Kids = append(n.Kids, elText("p", nil, rc.Message))
		}
		next := rc.Next
		if next == "" {
			next = w.t(msgNext)
		}
		n.Kids = append(n.Kids, elText("h4", []string{"class", "kh164-check-section"}, w.t(Text{"Việc tiếp theo", "What happens next"})),
			elText("p", nil, next))
		if rc.DocHref != "" && safeHref(rc.DocHref) {
			title := rc.DocTitle
			if title == "" {
				title = w.t(Text{"Tải văn bản báo cáo của đơn vị", "Download the body's report document"})
			}
			n.Kids = append(n.Kids, el("p", nil, elText("a", []string{"class", "kh164-link-text", "href", rc.DocHref}, title)))
		}
		return n
	}
	said := w.t(Text{"Không kết nối được với máy chủ", "The server could not be reached"})
	if status > 0 {
		said = w.t(Text{"Máy chủ trả lời (HTTP ", "The server answered (HTTP "}) + strconv.Itoa(status) + ")"
	}
	if rc.Message != "" {
		said += ": " + rc.Message
	}
	return el("div", []string{"class", "kh164-panel kh164-panel-error", "role", "alert", "tabindex", "-1", "id", w.IDs.Of("answer-box")},
		elText("h3", []string{"class", "kh164-panel-title"}, w.t(msgNotSent)),
		elText("p", nil, said),
		elText("p", nil, w.t(msgKept)))
}

// safeHref reports whether a link from a server's answer may be shown: a
// path on the same server or an http(s) URL, never javascript: or data:.
func safeHref(h string) bool {
	switch {
	case strings.HasPrefix(h, "//"):
		return false
	case strings.HasPrefix(h, "/"), strings.HasPrefix(h, "https://"), strings.HasPrefix(h, "http://"):
		return !strings.ContainsAny(h, " \t\n\r")
	}
	return false
}

// files is the export and import block.
func (w View) files() *Node {
	id := w.IDs.Of("import")
	return el("div", []string{"class", "kh164-section kh164-files"},
		elText("h3", []string{"class", "kh164-section-title"}, w.t(msgFilesTitle)),
		elText("p", []string{"class", "kh164-hint"}, w.t(msgFilesHint)),
		el("div", []string{"class", "kh164-actions"},
			elText("button", []string{"type", "button", "class", "kh164-button kh164-button-secondary", "data-action", "export"}, w.t(msgExport))),
		el("div", []string{"class", "kh164-form-group"},
			elText("label", []string{"class", "kh164-label", "for", id}, w.t(msgImport)+" "+w.t(msgOptional)),
			elText("div", []string{"class", "kh164-hint", "id", id + "-hint"}, w.t(msgImportHint)),
			el("input", []string{"class", "kh164-file", "type", "file", "id", id, "accept", ".json,application/json", "aria-describedby", id + "-hint", "data-action", "import"})))
}

// Mismatch reports, as fatal import problems, a report of another body or
// period than the form's.
func (f *Form) Mismatch(r *report.Report) diag.List {
	if r.Body == f.Body.ID && r.Period.Plan() == f.Period {
		return nil
	}
	p := r.Period.Plan()
	return diag.List{diag.New("", diag.OtherForm,
		fmt.Sprintf("Tệp là báo cáo của %q cho kỳ %s, không phải của %s cho kỳ %s.", r.Body, p, f.Body.ID, f.Period),
		fmt.Sprintf("The file is the report of %q for %s, not of %s for %s.", r.Body, p, f.Body.ID, f.Period))}
}
