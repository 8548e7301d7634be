//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/internal/form"
)

// options are the mount options as the loader passes them, in JSON.
type options = form.MountOptions

// events are the DOM events the form listens to, all on its <form>.
var events = []string{"input", "change", "focusout", "click", "keydown", "keyup", "submit"}

// saveDelay is how long after the last keystroke the draft is saved.
const saveDelay = 400 * time.Millisecond

// widget is one mounted form. All its methods run inside calls from
// JavaScript (events, the loader's commands), one at a time.
type widget struct {
	f       *form.Form
	view    form.View
	opt     options
	touch   bool // validate-on="touch"
	checker *report.Checker

	host, container, formEl safejs.Value
	els                     map[string]safejs.Value // elements by id
	storage                 safejs.Value            // localStorage, or undefined when unavailable
	draftKey                string

	values  form.Values
	changed map[string]bool         // fields typed in
	touched map[string]bool         // fields typed in and left: checked live in touch mode
	shown   map[string]form.Problem // problems shown inline, by field

	offered    form.Values    // a draft offered for restoring
	imported   *report.Report // a file awaiting the person's answer
	follow     string         // the field an error link leads to, when Enter goes up
	dirty      bool           // values changed since the draft was saved
	sent       bool
	destroyed  bool
	onEvent    safejs.Func
	onCall     safejs.Func
	controller safejs.Value
}

// mountJS is mount(element, optionsJSON, host) for the loader. It returns
// the controller {call, draftKey}, or {error} when the form cannot be
// made (unknown body, invalid period…).
func mountJS(_ safejs.Value, args []safejs.Value) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]any{"error": fmt.Sprint("kh164 form: panic: ", r)}
		}
	}()
	w, err := mount(args)
	if err != nil {
		msg := err.Error()
		var l diag.List
		if errors.As(err, &l) && len(l) > 0 {
			msg = l[0].VI + " / " + l[0].EN
		}
		return map[string]any{"error": msg}
	}
	return w.controller
}

func mount(args []safejs.Value) (*widget, error) {
	if len(args) < 3 {
		return nil, fmt.Errorf("mount needs an element, options and a host")
	}
	var opt options
	s, err := args[1].String()
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(s), &opt); err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	lang, err := diag.ParseLang(opt.Lang)
	if err != nil {
		return nil, err
	}
	p, err := plan.ParsePeriod(opt.Period)
	if err != nil {
		return nil, err
	}
	var date plan.Date
	if opt.ReportDate != "" {
		if date, err = form.ParseDay(opt.ReportDate); err != nil {
			return nil, fmt.Errorf("report-date: %w", err)
		}
	}
	f, err := form.New(form.Config{Body: opt.Body, Period: p, Date: date})
	if err != nil {
		return nil, err
	}
	w := &widget{
		f: f, opt: opt, touch: opt.ValidateOn == "touch", checker: report.Default(),
		view:      form.View{Form: f, Lang: lang, IDs: form.IDs(opt.IDPrefix), Heading: heading(opt.Heading)},
		container: args[0], host: args[2], els: map[string]safejs.Value{},
		values:  f.Initial(),
		changed: map[string]bool{}, touched: map[string]bool{}, shown: map[string]form.Problem{},
		draftKey: f.DraftKey(opt.DraftKey),
	}
	d := newDOM()
	w.storage = d.get(safejs.Global(), "localStorage")
	if d.err != nil { // storage disabled by the browser: no drafts
		w.storage, d.err = safejs.Undefined(), nil
	}
	saved := w.readDraft()
	if !opt.Adopt || !w.adopt(d) {
		w.formEl = d.build(w.view.Render(w.values), w.els)
		d.call(w.container, "replaceChildren", w.formEl)
		if opt.Adopt { // typed into a form laid out otherwise: shown in this one
			w.putValues(d)
		}
	}
	if saved != nil {
		d.replace(w.els[w.view.IDs.Of("notice")], w.view.Restore(*saved), w.els)
	}
	if d.err != nil {
		return nil, d.err
	}
	if w.onEvent, err = safejs.FuncOf(w.event); err != nil {
		return nil, err
	}
	if w.onCall, err = safejs.FuncOf(w.call); err != nil {
		w.onEvent.Release()
		return nil, err
	}
	for _, t := range events {
		d.call(w.formEl, "addEventListener", t, w.onEvent.Value())
	}
	w.controller, err = object(map[string]any{"call": w.onCall.Value(), "draftKey": w.draftKey})
	if err == nil {
		err = d.err
	}
	if err != nil {
		w.release()
		return nil, err
	}
	return w, nil
}

func heading(h string) string {
	if h == "h1" {
		return h
	}
	return "h2"
}

// adopt takes over the server-rendered form in the container: what was
// typed in it before the module arrived becomes the values, and the form
// is kept if it was laid out as this one (form.SSRAttr). It reports
// whether the form was kept; if not, w.values holds what was typed, for
// the form rendered in its place.
func (w *widget) adopt(d *dom) bool {
	existing := d.call(w.container, "querySelector", "form.kh164-form["+form.SSRAttr+"]")
	if d.err != nil || existing.IsNull() || existing.IsUndefined() {
		return false
	}
	els := map[string]safejs.Value{}
	if id := d.str(existing, "id"); id != "" {
		els[id] = existing
	}
	nodes := d.call(existing, "querySelectorAll", "[id]")
	n, err := d.get(nodes, "length").Int()
	d.fail("length", err)
	for i := 0; i < n && d.err == nil; i++ {
		e := d.call(nodes, "item", i)
		els[d.str(e, "id")] = e
	}
	ids := w.view.IDs
	for _, fd := range w.f.Fields() {
		var v string
		switch fd.Kind {
		case form.Radios, form.Checks:
			var picked []string
			for i, c := range fd.Choices {
				if e, ok := els[ids.Radio(fd.Key, i, c.Value)]; ok && d.truthy(e, "checked") {
					picked = append(picked, c.Value)
				}
			}
			v = strings.Join(picked, " ")
		default:
			if e, ok := els[ids.Control(fd.Key)]; ok {
				v = d.str(e, "value")
			}
		}
		if v != w.values[fd.Key] {
			w.values[fd.Key] = v
			w.changed[fd.Key], w.dirty = true, true
		}
		if v == "" && !fd.Extra {
			delete(w.values, fd.Key)
		}
	}
	sig, err := d.call(existing, "getAttribute", form.SSRAttr).String()
	if d.err != nil || err != nil || sig != w.f.Signature() || d.str(existing, "id") != string(ids) {
		return false
	}
	w.formEl, w.els = existing, els
	d.replace(els[ids.Of("status")], nil, nil)
	for key := range w.changed {
		w.apply(d, key) // counts and labels of what was typed; the rest is as the server wrote it
		if task, ok := strings.CutSuffix(key, "/status"); ok {
			w.apply(d, task+"/text")
			w.apply(d, task+"/reason")
		}
	}
	return d.err == nil
}

// readDraft loads the saved draft, if any, to offer it; it returns when
// it was saved.
func (w *widget) readDraft() *time.Time {
	if w.storage.IsUndefined() || w.storage.IsNull() {
		return nil
	}
	item, err := w.storage.Call("getItem", w.draftKey)
	if err != nil || item.IsNull() || item.IsUndefined() {
		return nil
	}
	s, err := item.String()
	if err != nil {
		return nil
	}
	v, saved, err := w.f.DecodeDraft([]byte(s))
	if err != nil || v.Empty() {
		return nil
	}
	w.offered = v
	return &saved
}

// saveDraft writes the values to storage. While a draft is offered and not
// yet restored or declined, it is left as it is.
func (w *widget) saveDraft() error {
	if !w.dirty || w.offered != nil || w.sent || w.storage.IsUndefined() || w.storage.IsNull() {
		return nil
	}
	data, err := w.f.EncodeDraft(w.values, time.Now())
	if err != nil {
		return err
	}
	if _, err := w.storage.Call("setItem", w.draftKey, string(data)); err != nil {
		return fmt.Errorf("saving the draft: %w", err)
	}
	w.dirty = false
	return nil
}

// guard runs fn for a call from JavaScript: an error becomes an "error"
// event, a panic takes this form (and only it) down to the plain error
// state, keeping the draft.
func (w *widget) guard(fn func(d *dom) any) (out any) {
	if w.destroyed {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			w.crash(fmt.Sprint(r))
			out = nil
		}
	}()
	d := newDOM()
	out = fn(d)
	if d.err != nil {
		w.emit("error", form.ErrorDetail{Message: d.err.Error()})
	}
	return out
}

// event handles the DOM events of the form (delegated to the <form>).
func (w *widget) event(_ safejs.Value, args []safejs.Value) any {
	return w.guard(func(d *dom) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		typ := d.str(ev, "type")
		if (typ == "keydown" || typ == "keyup") && d.str(ev, "key") != "Enter" {
			return nil // typing: the input event follows
		}
		target := d.get(ev, "target")
		key := d.str(target, "name")
		if w.f.Field(key) == nil {
			key = ""
		}
		switch typ {
		case "keydown":
			// Enter on an error link: the link is followed when the key
			// goes up, or the key's keypress would reach the field it
			// focuses and submit the form again (implicit submission).
			if link := d.call(target, "closest", "[data-focus]"); !link.IsNull() && !link.IsUndefined() {
				d.call(ev, "preventDefault")
				w.follow = d.str(d.get(link, "dataset"), "focus")
			}
		case "keyup":
			if w.follow != "" {
				w.focus(d, w.follow)
				w.follow = ""
			}
		case "submit":
			d.call(ev, "preventDefault")
			d.call(ev, "stopPropagation")
			w.submit(d)
		case "input":
			if key != "" && d.str(target, "type") != "radio" {
				w.input(d, key, d.str(target, "value"))
			}
		case "change":
			d.call(ev, "stopPropagation")
			switch {
			case key != "" && d.str(target, "type") == "radio":
				w.input(d, key, d.str(target, "value"))
			case key != "" && d.str(target, "type") == "checkbox":
				w.input(d, key, toggle(w.values[key], d.str(target, "value"), d.truthy(target, "checked")))
			case d.str(target, "id") == w.view.IDs.Of("import"):
				files := d.get(target, "files")
				if n, err := d.get(files, "length").Int(); err == nil && n > 0 {
					file := d.call(files, "item", 0)
					d.call(w.host, "readFile", file)
				}
				d.set(target, "value", "")
			}
		case "focusout":
			if key != "" && w.changed[key] {
				w.touched[key] = true
				if w.touch {
					w.live(d)
				}
			}
			if err := w.saveDraft(); err != nil {
				w.emit("error", form.ErrorDetail{Message: err.Error()})
			}
		case "click":
			if link := d.call(target, "closest", "[data-focus]"); !link.IsNull() && !link.IsUndefined() {
				d.call(ev, "preventDefault")
				w.focus(d, d.str(d.get(link, "dataset"), "focus"))
				return nil
			}
			if b := d.call(target, "closest", "button[data-action]"); !b.IsNull() && !b.IsUndefined() {
				data := d.get(b, "dataset")
				arg := d.str(data, "section")
				if arg == "" {
					arg = d.str(data, "key")
				}
				w.action(d, d.str(data, "action"), arg)
			}
		}
		return nil
	})
}

// toggle adds or removes one value of a Checks field's space-separated
// list, keeping the order in which they were chosen.
func toggle(list, value string, on bool) string {
	var out []string
	for _, s := range strings.Fields(list) {
		if s != value {
			out = append(out, s)
		}
	}
	if on {
		out = append(out, value)
	}
	return strings.Join(out, " ")
}

// input records a new value of field key.
func (w *widget) input(d *dom, key, value string) {
	w.values[key] = value
	w.changed[key] = true
	w.dirty = true
	d.call(w.host, "later", saveDelay.Milliseconds())
	_, showing := w.shown[key]
	switch {
	case w.touch && w.touched[key]:
		w.live(d)
	case showing:
		w.recheck(d, key) // a field shown in error is re-checked as it is corrected
	}
	w.apply(d, key)
	if task, ok := strings.CutSuffix(key, "/status"); ok && w.f.Field(key).Kind == form.Radios {
		w.apply(d, task+"/text") // its results and reason are required or not, shown or not
		w.apply(d, task+"/reason")
	}
	w.emit("change", form.ChangeDetail{Field: key})
}

// recheck checks the values again for field key, which shows a problem:
// its message is updated, or removed once the field is valid, inline and
// in the summary. No other field gains a message.
func (w *widget) recheck(d *dom, key string) {
	_, ps := w.problems()
	delete(w.shown, key)
	for _, p := range ps {
		if p.Field == key {
			w.shown[key] = p
		}
	}
	w.listItem(d, key)
	w.counted(d)
}

// listItem brings the summary's link to field key in line with the
// problem shown on it, in place: hidden once the field is fixed, never
// re-created under the pointer or the focus.
func (w *widget) listItem(d *dom, key string) {
	li, ok := w.els[w.view.IDs.Part(key, "summary-item")]
	if !ok {
		return
	}
	p, shown := w.shown[key]
	d.set(li, "hidden", !shown)
	if shown {
		d.set(d.get(li, "firstChild"), "textContent", p.Message(w.view.Lang))
	}
}

// counted tells the loader how many problems show, for the page title's
// "Lỗi: " prefix, and hides the summary once none does.
func (w *widget) counted(d *dom) {
	d.call(w.host, "errors", len(w.shown))
	if s, ok := w.els[w.view.IDs.Of("summary")]; ok {
		d.set(s, "hidden", len(w.shown) == 0)
	}
}

// summary shows the error summary of the problems shown, in field order
// (none: the summary goes), and tells the loader how many there are for
// the page title's "Lỗi: " prefix.
func (w *widget) summary(d *dom, focus bool) {
	var ps []form.Problem
	for _, fd := range w.f.Fields() {
		if p, ok := w.shown[fd.Key]; ok {
			ps = append(ps, p)
		}
	}
	d.call(w.host, "errors", len(ps))
	slot := w.els[w.view.IDs.Of("summary-slot")]
	if len(ps) == 0 {
		d.replace(slot, nil, nil)
		delete(w.els, w.view.IDs.Of("summary"))
		return
	}
	d.replace(slot, w.view.Summary(ps), w.els)
	if focus {
		w.focus(d, w.view.IDs.Of("summary"))
	}
}

// problems checks the values with the server's rules.
func (w *widget) problems() (*report.Report, []form.Problem) {
	return w.f.Check(w.values, w.checker.Validate)
}

// live updates the messages of the touched fields (touch mode).
func (w *widget) live(d *dom) {
	_, ps := w.problems()
	now := map[string]form.Problem{}
	for _, p := range ps {
		now[p.Field] = p
	}
	for key := range w.touched {
		old, was := w.shown[key]
		p, is := now[key]
		if was != is || old.Issue.VI != p.Issue.VI || old.Issue.EN != p.Issue.EN {
			if is {
				w.shown[key] = p
			} else {
				delete(w.shown, key)
			}
			w.apply(d, key)
			w.listItem(d, key)
		}
	}
	w.counted(d)
}

// show puts exactly the problems ps on the fields and in the summary
// (none: the summary goes), and moves focus to the summary when asked.
func (w *widget) show(d *dom, ps []form.Problem, focus bool) {
	old := w.shown
	w.shown = map[string]form.Problem{}
	for _, p := range ps {
		w.shown[p.Field] = p
	}
	for _, fd := range w.f.Fields() {
		_, was := old[fd.Key]
		_, is := w.shown[fd.Key]
		if was || is {
			w.apply(d, fd.Key)
		}
		if w.touch {
			w.touched[fd.Key] = true // after a submit, every field is checked live
		}
	}
	w.summary(d, focus)
}

// apply shows field key as its value and shown problem make it: message,
// aria-invalid, aria-describedby, label and character count.
func (w *widget) apply(d *dom, key string) {
	var p *form.Problem
	if sp, ok := w.shown[key]; ok {
		p = &sp
	}
	st := w.view.State(key, w.values, p)
	ids := w.view.IDs
	fd := w.f.Field(key)
	d.call(d.get(w.els[ids.Part(key, "group")], "classList"), "toggle", "kh164-form-group-error", st.Invalid)
	msg := w.els[ids.Part(key, "error")]
	d.set(msg, "hidden", !st.Invalid)
	d.set(d.get(msg, "lastChild"), "textContent", st.Message)
	var invalid, described *string
	if st.Invalid {
		t := "true"
		invalid = &t
	}
	if st.DescribedBy != "" {
		described = &st.DescribedBy
	}
	if fd.Kind == form.Radios || fd.Kind == form.Checks {
		fs := w.els[ids.Part(key, "fieldset")]
		d.attr(fs, "aria-invalid", invalid)
		d.attr(fs, "aria-describedby", described)
		return
	}
	ctl := w.els[ids.Control(key)]
	d.attr(ctl, "aria-invalid", invalid)
	d.attr(ctl, "aria-describedby", described)
	d.set(w.els[ids.Part(key, "group")], "hidden", !w.f.Shown(key, w.values))
	if fd.Kind == form.Prose {
		d.set(w.els[ids.Part(key, "label")], "textContent", st.Label)
		count := w.els[ids.Part(key, "count")]
		d.set(count, "textContent", st.Count)
		d.call(d.get(count, "classList"), "toggle", "kh164-count-over", st.Over)
	}
}

// putValues shows w.values in the controls, with no problem shown.
func (w *widget) putValues(d *dom) {
	ids := w.view.IDs
	w.shown = map[string]form.Problem{}
	w.touched, w.changed = map[string]bool{}, map[string]bool{}
	for _, fd := range w.f.Fields() {
		switch fd.Kind {
		case form.Radios:
			for i, c := range fd.Choices {
				d.set(w.els[ids.Radio(fd.Key, i, c.Value)], "checked", w.values[fd.Key] == c.Value)
			}
		case form.Checks:
			picked := strings.Fields(w.values[fd.Key])
			for i, c := range fd.Choices {
				d.set(w.els[ids.Radio(fd.Key, i, c.Value)], "checked", slices.Contains(picked, c.Value))
			}
		default:
			d.set(w.els[ids.Control(fd.Key)], "value", w.values[fd.Key])
		}
		w.apply(d, fd.Key)
	}
	w.indicators(d)
	w.summary(d, false)
}

// indicators shows the indicator areas that hold a shown indicator and
// lists the others in the add control.
func (w *widget) indicators(d *dom) {
	ids := w.view.IDs
	for _, s := range w.f.Sections {
		if s.ID != "indicators" {
			continue
		}
		for _, g := range s.Groups {
			d.set(w.els[ids.Of(g.ID)], "hidden", !w.f.GroupShown(g, w.values))
		}
	}
	d.replace(w.els[ids.Of("add-slot")], w.view.AddIndicator(w.values), w.els)
}

// focus moves focus to the element with the given id.
func (w *widget) focus(d *dom, id string) {
	e, ok := w.els[id]
	if !ok {
		e = d.call(d.doc, "getElementById", id)
	}
	if !e.IsNull() && !e.IsUndefined() {
		d.call(e, "focus")
	}
}

// submit checks the report: problems go to the summary, a valid report to
// the check-answers view.
func (w *widget) submit(d *dom) {
	_, ps := w.problems()
	w.show(d, ps, true)
	if len(ps) > 0 {
		w.emit("invalid", form.InvalidDetail{Errors: issues(ps)})
		return
	}
	ids := w.view.IDs
	d.replace(w.els[ids.Of("answer")], nil, nil)
	d.replace(w.els[ids.Of("check")], w.view.Check(w.values), w.els)
	d.set(w.els[ids.Of("fields")], "hidden", true)
	d.set(w.els[ids.Of("check")], "hidden", false)
	w.focus(d, ids.Of("check-title"))
}

// edit leaves the check-answers view for the form, focusing the given
// element.
func (w *widget) edit(d *dom, focus string) {
	ids := w.view.IDs
	d.set(w.els[ids.Of("check")], "hidden", true)
	d.set(w.els[ids.Of("fields")], "hidden", false)
	d.replace(w.els[ids.Of("answer")], nil, nil)
	w.focus(d, focus)
}

// action runs the button with the given data-action; arg is its
// data-section or data-key.
func (w *widget) action(d *dom, action, section string) {
	// section is the data-section of a change link, the data-key of a
	// remove button.
	ids := w.view.IDs
	switch action {
	case "export":
		r, _ := w.f.Report(w.values)
		data, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			d.fail("export", err)
			return
		}
		d.call(w.host, "download", fmt.Sprintf("bao-cao-%s-%s.json", w.f.Body.ID, w.f.Period), string(data))
	case "restore":
		w.values, w.offered, w.dirty = w.offered, nil, true
		w.putValues(d)
		d.replace(w.els[ids.Of("notice")], nil, nil)
		w.focus(d, ids.Of("title"))
	case "discard":
		w.offered = nil
		d.replace(w.els[ids.Of("notice")], nil, nil)
		w.focus(d, ids.Of("title"))
	case "confirm":
		w.confirm(d)
	case "back":
		w.edit(d, ids.Of("title"))
	case "change":
		w.edit(d, ids.Of("section-"+section+"-title"))
	case "import-replace":
		if w.imported == nil {
			return
		}
		w.values, w.imported, w.dirty = w.f.FromReport(w.imported, w.view.Lang), nil, true
		w.putValues(d)
		d.replace(w.els[ids.Of("dialog")], nil, nil)
		if err := w.saveDraft(); err != nil {
			d.fail("draft", err)
		}
		if _, ps := w.problems(); len(ps) > 0 {
			w.show(d, ps, true)
		} else {
			w.focus(d, ids.Of("title"))
		}
	case "add-indicator":
		key := d.str(w.els[ids.Of("add-indicator")], "value")
		if fd := w.f.Field(key); fd == nil || !fd.Extra {
			w.focus(d, ids.Of("add-indicator"))
			return
		}
		if _, ok := w.values[key]; !ok {
			w.values[key], w.dirty = "", true
		}
		w.apply(d, key)
		w.indicators(d)
		w.focus(d, ids.Control(key))
		w.emit("change", form.ChangeDetail{Field: key})
	case "remove-indicator":
		if fd := w.f.Field(section); fd == nil || !fd.Extra {
			return
		}
		delete(w.values, section)
		delete(w.shown, section)
		w.dirty = true
		d.set(w.els[ids.Control(section)], "value", "")
		w.apply(d, section)
		w.indicators(d)
		w.listItem(d, section)
		w.counted(d)
		w.focus(d, ids.Of("add-indicator"))
		w.emit("change", form.ChangeDetail{Field: section})
	case "import-close":
		w.imported = nil
		d.replace(w.els[ids.Of("dialog")], nil, nil)
		w.focus(d, ids.Of("import"))
	}
}

// confirm sends the checked report: the submit event first (the host may
// cancel it), then, with an action URL, a POST through the loader.
func (w *widget) confirm(d *dom) {
	r, ps := w.problems()
	if len(ps) > 0 { // changed since the check (setValue): check again
		w.edit(d, w.view.IDs.Of("title"))
		w.show(d, ps, true)
		return
	}
	data, err := json.Marshal(r)
	if err != nil {
		d.fail("submit", err)
		return
	}
	if !w.emit("submit", json.RawMessage(data)) || w.opt.Action == "" {
		return
	}
	d.replace(w.els[w.view.IDs.Of("answer")], w.view.Sending(), w.els)
	d.call(w.host, "post", w.opt.Action, string(data))
}

// answer shows the server's answer to the POST: status 0 when it could not
// be reached, with the error in body.
func (w *widget) answer(d *dom, status int, body string) {
	ids := w.view.IDs
	slot := w.els[ids.Of("answer")]
	if status == 422 {
		var a struct {
			Errors diag.List `json:"errors"`
		}
		if json.Unmarshal([]byte(body), &a) == nil && len(a.Errors) > 0 {
			d.replace(slot, nil, nil)
			ps := w.f.Problems(a.Errors)
			w.edit(d, ids.Of("title"))
			w.show(d, ps, true)
			w.emit("invalid", form.InvalidDetail{Errors: issues(ps)})
			return
		}
	}
	ok := status >= 200 && status < 300
	rc := w.receipt(body)
	d.replace(slot, w.view.Answer(ok, status, rc), w.els)
	if ok {
		answer := json.RawMessage(body)
		if !json.Valid(answer) {
			answer, _ = json.Marshal(map[string]string{"message": body})
		}
		w.emit("sent", form.SentDetail{Status: status, Answer: answer})
		w.sent = true
		if !w.storage.IsUndefined() && !w.storage.IsNull() {
			d.call(w.storage, "removeItem", w.draftKey)
		}
		d.set(w.els[ids.Of("check")], "hidden", true)
	}
	w.focus(d, ids.Of("answer-box"))
}

// receipt reads a server's answer (form.Receipt lists the members): its
// message in the form's language, or its text when short and not HTML.
func (w *widget) receipt(body string) form.Receipt {
	var m struct {
		Reference, Message, VI, EN string
		Next                       form.Text
		Document                   json.RawMessage // a URL, or {href, vi, en}
		Errors                     diag.List       // the portal's refusals: a quota (429, 413), a bad header (400)…
	}
	if json.Unmarshal([]byte(body), &m) == nil {
		var doc struct{ Href, VI, EN string }
		if json.Unmarshal(m.Document, &doc.Href) != nil {
			_ = json.Unmarshal(m.Document, &doc) // neither: no link
		}
		rc := form.Receipt{Reference: m.Reference, Message: (form.Text{VI: m.VI, EN: m.EN}).In(w.view.Lang), Next: m.Next.In(w.view.Lang),
			DocHref: doc.Href, DocTitle: (form.Text{VI: doc.VI, EN: doc.EN}).In(w.view.Lang)}
		if rc.Message == "" {
			rc.Message = m.Message
		}
		if rc.Message == "" && len(m.Errors) > 0 {
			msgs := make([]string, len(m.Errors))
			for i, is := range m.Errors {
				msgs[i] = (form.Text{VI: is.VI, EN: is.EN}).In(w.view.Lang)
			}
			rc.Message = strings.Join(msgs, " ")
		}
		return rc
	}
	body = strings.TrimSpace(body)
	if len(body) > 300 || strings.HasPrefix(body, "<") {
		return form.Receipt{}
	}
	return form.Receipt{Message: body}
}

// importFile reads a file the person chose: it is decoded strictly and
// validated as the server would, and the person is asked before anything
// they typed is replaced.
func (w *widget) importFile(d *dom, name string, data []byte, size int) {
	r, err := w.checker.Load(name, data) // as the server parses it, keeping what breaks rules
	var fatal, problems diag.List
	if !errors.As(err, &problems) && err != nil {
		problems = diag.List{diag.New("", diag.InternalError, err.Error(), err.Error())}
	}
	for _, is := range problems {
		if is.Code == diag.TooLarge && size >= 0 && is.Params != nil {
			is.Params["size"] = size // data is the file's first MaxFileBytes()+1 bytes
		}
	}
	if r == nil {
		fatal, problems = problems, nil
	} else if fatal = w.f.Fits(r); fatal != nil {
		problems = nil
	} else {
		w.imported = r
	}
	d.replace(w.els[w.view.IDs.Of("dialog")], w.view.Import(name, fatal, problems), w.els)
	w.focus(d, w.view.IDs.Of("dialog-box"))
}

// call runs a command of the loader: call(name, args…).
func (w *widget) call(_ safejs.Value, args []safejs.Value) any {
	return w.guard(func(d *dom) any {
		if len(args) == 0 {
			return nil
		}
		str := func(i int) string {
			if i >= len(args) {
				return ""
			}
			s, err := args[i].String()
			d.fail("argument", err)
			return s
		}
		switch cmd := form.Command(str(0)); cmd {
		case form.CmdValue:
			r, _ := w.f.Report(w.values)
			data, err := json.Marshal(r)
			d.fail("value", err)
			return string(data)
		case form.CmdSetValue:
			r, err := w.checker.Load("", []byte(str(1))) // its rule problems show when it is checked
			if r == nil {
				var l diag.List
				if !errors.As(err, &l) {
					l = diag.List{diag.New("", diag.InternalError, err.Error(), err.Error())}
				}
				return jsonString(form.SetValueErrors{Errors: l})
			}
			if l := w.f.Fits(r); l != nil { // nothing of it is dropped silently
				return jsonString(form.SetValueErrors{Errors: l})
			}
			w.values, w.dirty = w.f.FromReport(r, w.view.Lang), true
			w.putValues(d)
			d.set(w.els[w.view.IDs.Of("check")], "hidden", true) // back to the form, if it was being checked
			d.set(w.els[w.view.IDs.Of("fields")], "hidden", false)
			d.call(w.host, "later", saveDelay.Milliseconds())
			return ""
		case form.CmdValidate:
			_, ps := w.problems()
			w.show(d, ps, false)
			if len(ps) > 0 {
				w.emit("invalid", form.InvalidDetail{Errors: issues(ps)})
			}
			return jsonString(form.Validation{Valid: len(ps) == 0, Errors: issues(ps)})
		case form.CmdTick:
			if err := w.saveDraft(); err != nil {
				d.fail("draft", err)
			}
		case form.CmdAnswer:
			status := 0
			if len(args) > 1 {
				n, err := args[1].Int()
				d.fail("answer", err)
				status = n
			}
			w.answer(d, status, str(2))
		case form.CmdFile:
			size := -1 // the whole file
			if len(args) > 3 {
				n, err := args[3].Int()
				d.fail("file", err)
				size = n
			}
			w.importFile(d, str(1), []byte(str(2)), size)
		case form.CmdFileError:
			d.replace(w.els[w.view.IDs.Of("dialog")], w.view.Import(str(1), diag.List{diag.New("", diag.ReadError,
				"Không đọc được tệp: "+str(2), "The file cannot be read: "+str(2))}, nil), w.els)
			w.focus(d, w.view.IDs.Of("dialog-box"))
		case form.CmdDestroy:
			w.destroy(d)
		default:
			d.fail("call", fmt.Errorf("unknown command %q", cmd))
		}
		return nil
	})
}

// destroy saves the draft, removes the form and releases every function
// handed to JavaScript.
func (w *widget) destroy(d *dom) {
	if err := w.saveDraft(); err != nil {
		d.fail("draft", err)
	}
	for _, t := range events {
		d.call(w.formEl, "removeEventListener", t, w.onEvent.Value())
	}
	d.call(w.container, "replaceChildren")
	w.release()
}

func (w *widget) release() {
	w.destroyed = true
	w.onEvent.Release()
	w.onCall.Release()
	w.els, w.values, w.offered, w.imported = nil, nil, nil, nil
}

// crash shows the plain error state after a panic: the draft stays in
// storage, the form is gone and its functions released.
func (w *widget) crash(reason string) {
	w.dirty = true
	_ = w.saveDraft() // best effort: the last draft saved stays if this fails
	d := newDOM()
	for _, t := range events {
		d.call(w.formEl, "removeEventListener", t, w.onEvent.Value())
	}
	d.call(w.host, "crashed", reason)
	w.release()
}

// emit dispatches a CustomEvent on the host element through the loader;
// it reports whether no listener cancelled it.
func (w *widget) emit(typ string, detail any) bool {
	v, err := w.host.Call("emit", typ, jsonString(detail))
	if err != nil {
		// dispatchEvent does not throw for a listener's error; this is the
		// loader itself failing, and there is no one left to tell: the form
		// goes on as if the event had not been cancelled.
		return true
	}
	ok, err := v.Bool()
	return err != nil || ok
}

// issues are problems as the host sees them in events: the issue with the
// id of the field it is on.
func issues(ps []form.Problem) []form.FieldIssue { return form.FieldIssues(ps) }

func jsonString(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(data)
}
