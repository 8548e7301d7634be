//go:build !js

package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/memory"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

var districtTasks = []string{"III.12.1", "III.12.2", "III.12.3"}

// typeField moves to a field with Tab and types into it, as a keyboard
// user does.
func (tt *tab) typeField(id, text string) {
	tt.T.Helper()
	tt.tabTo(id)
	tt.press(text)
}

// mustPass validates a report as the server does.
func mustPass(t *testing.T, data []byte) *report.Report {
	t.Helper()
	r, err := report.Default().Parse("submitted.json", data)
	if err != nil {
		t.Fatalf("the submitted report does not pass the Go checker: %v\n%s", err, data)
	}
	return r
}

// TestKeyboardOnly fills a district report with the keyboard only, checks
// the answers and sends it to a server that validates it with the Go
// checker.
func TestKeyboardOnly(t *testing.T) {
	tt := open(t, with(district, func(f *formSpec) { f.Action = "/api/reports" }))
	p := tt.prefix("f1")
	for _, task := range districtTasks {
		tt.tabTo(ids(p, "task/"+task+"/status"))
		tt.press(" ") // the first choice: done
		tt.typeField(ids(p, "task/"+task+"/text"), "Đã ban hành kế hoạch, tổ chức 12 buổi truyền thông.")
	}
	tt.typeField(ids(p, "indicator/blood_units"), "1.250")
	tt.typeField(ids(p, "preparedBy/name"), "Nguyễn Thị Hoa")
	tt.typeField(ids(p, "preparedBy/position"), "Chuyên viên")
	tt.typeField(ids(p, "preparedBy/phone"), "0912 345 678")
	tt.typeField(ids(p, "signedBy/name"), "Trần Văn Nam")
	tt.typeField(ids(p, "signedBy/position"), "Phó Chủ tịch")
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--check-title"))
	text := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).textContent", p+"--check"))
	for _, want := range []string{"Chưa gửi cho đến khi bạn xác nhận.", "Nguyễn Thị Hoa", "1.250 đơn vị", "0912345678", "15/11/2024"} {
		if !strings.Contains(text, want) {
			t.Errorf("check-answers view lacks %q", want)
		}
	}
	if n := browsertest.Eval[int](tt.Tab, fmt.Sprintf("document.getElementById(%q).querySelectorAll('[data-action=change]').length", p+"--check")); n != 6 {
		t.Errorf("check-answers view has %d change links, want one per section (6)", n)
	}
	tt.tabUntil("a.dataset.action === 'confirm'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--answer-box"))
	if got := browsertest.Eval[string](tt.Tab, "document.activeElement.textContent"); !strings.Contains(got, "Đã gửi báo cáo") || !strings.Contains(got, "Đã nhận báo cáo số 17.") {
		t.Errorf("answer panel says %q", got)
	}
	posted := tt.srv.lastPosted()
	r := mustPass(t, posted)
	if r.Indicators["blood_units"] != 1250 || r.PreparedBy.Phone != "0912345678" || len(r.Tasks) != 3 {
		t.Errorf("posted report: %s", posted)
	}
	if sub := tt.Events("submit"); len(sub) != 1 || !jsonEqual(sub[0], posted) {
		t.Errorf("submit event detail %s, posted %s", sub, posted)
	}
	tt.Check()
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && fmt.Sprint(x) == fmt.Sprint(y)
}

type link struct{ Text, Focus string }

// TestEmptySubmit submits the empty form: the summary takes focus, lists
// one link per problem in field order worded as the inline messages, and
// each link moves focus to its field. Then the person fixes each field
// from its link and sends: the report passes the Go checker.
func TestEmptySubmit(t *testing.T) {
	tt := open(t, district)
	p := tt.prefix("f1")
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--summary"))
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).querySelector('h3').textContent", p+"--summary")); got != "Có lỗi cần sửa" {
		t.Errorf("summary title %q", got)
	}
	links := browsertest.Eval[[]link](tt.Tab, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll('a')].map(a => ({Text: a.textContent, Focus: a.dataset.focus}))`, p+"--summary"))
	var want []string
	for _, task := range districtTasks {
		want = append(want, ids(p, "task/"+task+"/status"), ids(p, "task/"+task+"/text"))
	}
	for _, k := range []string{"preparedBy/name", "preparedBy/position", "preparedBy/phone", "signedBy/name", "signedBy/position"} {
		want = append(want, ids(p, k))
	}
	if len(links) != len(want) {
		t.Fatalf("summary has %d links %v, want %d", len(links), links, len(want))
	}
	if n := browsertest.Eval[int](tt.Tab, "document.querySelectorAll('.kh164-error-message:not([hidden])').length"); n != len(want) {
		t.Errorf("%d inline messages shown, want %d", n, len(want))
	}
	for i, l := range links {
		if l.Focus != want[i] {
			t.Errorf("link %d goes to %s, want %s (field order)", i, l.Focus, want[i])
		}
		inline := browsertest.Eval[[]string](tt.Tab, fmt.Sprintf(`(() => { const m = document.getElementById(%q);
			const f = document.getElementById(%q); const described = f.type === 'radio' ? f.closest('fieldset') : f;
			return [m.hidden ? 'hidden' : m.firstChild.textContent, m.lastChild.textContent,
				described.getAttribute('aria-invalid') || '', described.getAttribute('aria-describedby') || ''] })()`, l.Focus+"--error", l.Focus))
		if inline[0] != "Lỗi: " || inline[1] != l.Text || inline[2] != "true" || !strings.Contains(inline[3], l.Focus+"--error") {
			t.Errorf("field %s: inline %q, summary %q", l.Focus, inline, l.Text)
		}
		if strings.Contains(l.Text, "{") || !strings.HasSuffix(l.Text, ".") {
			t.Errorf("message %q is not a sentence", l.Text)
		}
	}
	// Follow every link with the keyboard and fix the field it leads to.
	fix := map[string]string{
		"preparedBy/name": "Nguyễn Thị Hoa", "preparedBy/position": "Chuyên viên", "preparedBy/phone": "024 3825 3536",
		"signedBy/name": "Trần Văn Nam", "signedBy/position": "Chủ tịch",
	}
	for i, l := range links {
		browsertest.Eval[bool](tt.Tab, fmt.Sprintf(`(document.getElementById(%q).querySelectorAll('a')[%d].focus(), true)`, p+"--summary", i))
		tt.press("\r")
		if got := tt.active(); got != l.Focus {
			t.Fatalf("link %d moved focus to %q, want %q", i, got, l.Focus)
		}
		switch key := strings.TrimPrefix(strings.ReplaceAll(l.Focus[len(p)+1:], "-", "/"), ""); {
		case strings.HasSuffix(l.Focus, "-status"):
			tt.press(" ")
		case strings.HasSuffix(l.Focus, "-text"):
			tt.insert("Đã thực hiện: tổ chức 3 đợt vận động hiến máu, tiếp nhận 1.250 đơn vị máu.")
		default:
			tt.insert(fix[key])
		}
	}
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--check-title"))
	if n := browsertest.Eval[int](tt.Tab, fmt.Sprintf("document.getElementById(%q).children.length", p+"--summary-slot")); n != 0 {
		t.Error("the error summary stays after a valid submit")
	}
	tt.tabUntil("a.dataset.action === 'confirm'")
	tt.press("\r")
	tt.WaitEvents("submit", 1)
	mustPass(t, tt.Events("submit")[0])
	if n := len(tt.Events("invalid")); n != 1 {
		t.Errorf("%d invalid events, want 1", n)
	}
	tt.Check()
}

// TestTouchMode validates a field once it was typed in and left, live
// after that, and never an untouched field. It also checks the character
// count of decomposed Vietnamese text.
func TestTouchMode(t *testing.T) {
	tt := open(t, with(district, func(f *formSpec) { f.ValidateOn = "touch" }))
	p := tt.prefix("f1")
	phone := ids(p, "preparedBy/phone")
	shown := func() int {
		return browsertest.Eval[int](tt.Tab, "document.querySelectorAll('.kh164-error-message:not([hidden])').length")
	}
	tt.typeField(phone, "12")
	if n := shown(); n != 0 {
		t.Errorf("%d messages while typing in a field never left", n)
	}
	tt.press("\t") // leave it: now it is checked
	tt.WaitFor(fmt.Sprintf("!document.getElementById(%q).hidden", phone+"--error"))
	if n := shown(); n != 1 {
		t.Errorf("%d messages after leaving one field, want 1 (untouched fields show nothing)", n)
	}
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).select(), true)", phone))
	tt.press("0912345678") // replaces the selected "12"
	tt.WaitFor(fmt.Sprintf("document.getElementById(%q).hidden", phone+"--error"))
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).getAttribute('aria-invalid') || ''", phone)); got != "" {
		t.Errorf("aria-invalid=%q after the fix", got)
	}
	// "Tiếng Việt" decomposed (NFD) is 17 code points in JavaScript's
	// eyes and 10 characters for the validator.
	text := ids(p, "task/III.12.1/text")
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).focus(), true)", text))
	tt.insert("Tie\u0302\u0301ng Vie\u0323\u0302t")
	want := "Còn lại " + report.GroupDigits(int64(report.MaxLength("/tasks/*/results")-10), ".") + " ký tự"
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).textContent", text+"--count")); got != want {
		t.Errorf("count %q, want %s", got, want)
	}
	tt.Check()
}

// TestDraftRestore reloads the page: the draft is offered and restored.
func TestDraftRestore(t *testing.T) {
	f := with(district, func(f *formSpec) { f.DraftKey = "restore" })
	tt := open(t, f)
	p := tt.prefix("f1")
	long := strings.Repeat("Tổ chức tuyên truyền về hiến máu tình nguyện tại các phường. ", 40)
	tt.typeField(ids(p, "preparedBy/name"), "Lê Văn Bình")
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).focus(), true)", ids(p, "task/III.12.2/text")))
	tt.insert(long)
	time.Sleep(600 * time.Millisecond) // the draft is saved 400 ms after the last keystroke
	tt.Do(chromedp.Reload())
	tt.WaitEvents("ready", 1)
	p = tt.prefix("f1")
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", ids(p, "preparedBy/name"))); got != "" {
		t.Errorf("the draft was applied without asking: %q", got)
	}
	tt.tabUntil("a.dataset.action === 'restore'")
	tt.press("\r")
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", ids(p, "preparedBy/name"))); got != "Lê Văn Bình" {
		t.Errorf("restored name %q", got)
	}
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", ids(p, "task/III.12.2/text"))); got != long {
		t.Errorf("restored text differs (%d characters)", len([]rune(got)))
	}
	if got := tt.active(); got != p+"--title" {
		t.Errorf("focus after restoring is on %q", got)
	}
	tt.Check()
}

// TestImport imports a broken file (errors shown, nothing changed), then a
// valid one: the person is asked, may keep what they typed, or replace it.
func TestImport(t *testing.T) {
	tt := open(t, district)
	p := tt.prefix("f1")
	name := ids(p, "preparedBy/name")
	tt.typeField(name, "Phạm Thu Trang")
	dir := t.TempDir()
	bad := filepath.Join(dir, "hong.json")
	os.WriteFile(bad, []byte(`{"schemaVersion": 1, "plan": "164/KH-UBND", "body": 12}`), 0o644)
	ex, err := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "tot.json")
	data, _ := json.Marshal(ex)
	os.WriteFile(good, data, 0o644)
	value := func() string {
		return browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", name))
	}

	tt.Do(chromedp.SetUploadFiles(chromedp.ID(p+"--import"), []string{bad}))
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--dialog-box"))
	msg := browsertest.Eval[string](tt.Tab, "document.activeElement.textContent")
	if !strings.Contains(msg, "Không nhập được tệp “hong.json”") || !strings.Contains(msg, "hong.json:1:") {
		t.Errorf("dialog for a broken file: %q", msg)
	}
	if value() != "Phạm Thu Trang" {
		t.Fatal("a broken file changed the form")
	}
	tt.tabUntil("a.dataset.action === 'import-close'")
	tt.press("\r")

	// A file over the checker's limit gets the checker's own message: the
	// loader reads one byte more than the limit and no further.
	huge := filepath.Join(dir, "lon.json")
	os.WriteFile(huge, append([]byte(`{"x": "`), bytes.Repeat([]byte("a"), 2<<20)...), 0o644)
	_, err = report.Default().Parse("", make([]byte, report.Default().MaxBytes()+1))
	var l diag.List
	if !errors.As(err, &l) || len(l) == 0 || l[0].Code != diag.TooLarge {
		t.Fatalf("the checker on an input over its limit: %v", err)
	}
	tt.Do(chromedp.SetUploadFiles(chromedp.ID(p+"--import"), []string{huge}))
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q && document.activeElement.textContent.includes('lon.json')", p+"--dialog-box"))
	if msg := browsertest.Eval[string](tt.Tab, "document.activeElement.textContent"); !strings.Contains(msg, l[0].VI) {
		t.Errorf("dialog for a file over the limit lacks the checker's message %q: %q", l[0].VI, msg)
	}
	tt.tabUntil("a.dataset.action === 'import-close'")
	tt.press("\r")

	tt.Do(chromedp.SetUploadFiles(chromedp.ID(p+"--import"), []string{good}))
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--dialog-box"))
	tt.tabUntil("a.dataset.action === 'import-close'") // keep what was typed
	tt.press("\r")
	if value() != "Phạm Thu Trang" {
		t.Fatal("declining the import changed the form")
	}
	tt.Do(chromedp.SetUploadFiles(chromedp.ID(p+"--import"), []string{good}))
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--dialog-box"))
	tt.tabUntil("a.dataset.action === 'import-replace'")
	tt.press("\r")
	if got := value(); got != ex.PreparedBy.Name {
		t.Errorf("after replacing, the name is %q, want %q", got, ex.PreparedBy.Name)
	}
	got := browsertest.Eval[json.RawMessage](tt.Tab, "document.getElementById('f1').value()")
	mustPass(t, got)
	tt.Check()
}

// TestExport downloads the report as a JSON file with the keyboard: the
// file is the report, and it passes the Go checker.
func TestExport(t *testing.T) {
	tt := open(t, district)
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(tt.Context(), browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	ex, _ := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
	data, _ := json.Marshal(ex)
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById('f1').setValue(%s), true)", data))
	tt.tabUntil("a.dataset.action === 'export'")
	tt.press("\r")
	file := filepath.Join(dir, "bao-cao-quan-ba-dinh-annual-2024.json")
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got, _ = os.ReadFile(file); len(got) > 0 {
			break
		}
	}
	r := mustPass(t, got)
	if r.PreparedBy != ex.PreparedBy || len(r.Tasks) != len(ex.Tasks) {
		t.Errorf("exported %s", got)
	}
	tt.Check()
}

// TestTwoForms puts two forms on one page: ids, values, summaries and
// submissions stay apart.
func TestTwoForms(t *testing.T) {
	second := formSpec{ID: "f2", Body: "so-y-te", Period: "annual-2024", ReportDate: "2024-11-15", Lang: "en"}
	tt := open(t, district, second)
	p1, p2 := tt.prefix("f1"), tt.prefix("f2")
	if dup := browsertest.Eval[[]string](tt.Tab, `(() => { const seen = {}, dup = [];
		for (const e of document.querySelectorAll('[id]')) { if (seen[e.id]) dup.push(e.id); seen[e.id] = 1 } return dup })()`); len(dup) > 0 {
		t.Errorf("duplicate ids: %v", dup)
	}
	tt.typeField(ids(p1, "preparedBy/name"), "Vũ Minh Hằng")
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).focus(), true)", p2+"--title"))
	tt.tabUntil(fmt.Sprintf("a.type === 'submit' && a.closest('form').id === %q", p2))
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p2+"--summary"))
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).querySelector('h3').textContent", p2+"--summary")); got != "There is a problem" {
		t.Errorf("English summary title %q", got)
	}
	if n := browsertest.Eval[int](tt.Tab, fmt.Sprintf("document.getElementById(%q).querySelectorAll('.kh164-error-message:not([hidden])').length", p1)); n != 0 {
		t.Errorf("the first form shows %d messages after the second was submitted", n)
	}
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", ids(p1, "preparedBy/name"))); got != "Vũ Minh Hằng" {
		t.Errorf("first form's value %q", got)
	}
	en := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).textContent", p2))
	for _, want := range []string{"(optional)", "Error: ", "Choose the status of task III.6.1."} {
		if !strings.Contains(en, want) {
			t.Errorf("English form lacks %q", want)
		}
	}
	v1 := browsertest.Eval[report.Report](tt.Tab, "document.getElementById('f1').value()")
	v2 := browsertest.Eval[report.Report](tt.Tab, "document.getElementById('f2').value()")
	if v1.Body != "quan-ba-dinh" || v2.Body != "so-y-te" || v1.PreparedBy.Name != "Vũ Minh Hằng" || v2.PreparedBy.Name != "" {
		t.Errorf("values mixed up: %+v / %+v", v1.PreparedBy, v2.PreparedBy)
	}
	if n := len(tt.Events("invalid")); n != 1 {
		t.Errorf("%d invalid events, want 1", n)
	}
	tt.Check()
}

// TestInertHTML pastes markup into text fields and imports it from a file:
// it stays text in the fields, the check-answers view and the messages.
func TestInertHTML(t *testing.T) {
	tt := open(t, district)
	p := tt.prefix("f1")
	ex, err := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
	if err != nil {
		t.Fatal(err)
	}
	ex.Proposals = `<script>window.__xss = 3</script>`
	data, _ := json.Marshal(ex)
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById('f1').setValue(%s), true)", data))
	img := `<img src=x onerror="window.__xss = 1">`
	script := `<script>window.__xss = 2</script>`
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).select(), true)", ids(p, "task/III.12.1/text")))
	tt.insert(img + " " + script)
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).select(), true)", ids(p, "preparedBy/position")))
	tt.insert(img)
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--check-title"))
	check := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).textContent", p+"--check"))
	for _, want := range []string{img + " " + script, ex.Proposals} {
		if !strings.Contains(check, want) {
			t.Errorf("check-answers view does not show %q as text", want)
		}
	}
	if n := browsertest.Eval[int](tt.Tab, "document.querySelectorAll('kh164-report-form img, kh164-report-form script').length"); n != 0 {
		t.Errorf("%d img or script elements in the form", n)
	}
	time.Sleep(100 * time.Millisecond) // an onerror would have run by now
	if x := browsertest.Eval[any](tt.Tab, "window.__xss === undefined ? null : window.__xss"); x != nil {
		t.Errorf("injected script ran: %v", x)
	}
	tt.Check()
}

// TestServerErrors maps a 422 answer's issues to the fields.
func TestServerErrors(t *testing.T) {
	tt := open(t, with(district, func(f *formSpec) { f.Action = "/api/reject" }))
	tt.Expect("status of 422 (Unprocessable Entity) (" + tt.srv.URL + "/api/reject)")
	p := tt.prefix("f1")
	ex, _ := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
	data, _ := json.Marshal(ex)
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById('f1').setValue(%s), true)", data))
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById(%q).focus(), true)", p+"--title"))
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--check-title"))
	tt.tabUntil("a.dataset.action === 'confirm'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--summary"))
	phone := ids(p, "preparedBy/phone")
	got := browsertest.Eval[[]string](tt.Tab, fmt.Sprintf(`[document.getElementById(%q).textContent, document.getElementById(%q).lastChild.textContent]`, p+"--summary", phone+"--error"))
	const msg = "Số điện thoại người lập báo cáo không liên lạc được."
	if !strings.Contains(got[0], msg) || got[1] != msg {
		t.Errorf("server issue shown as %q", got)
	}
	if v := browsertest.Eval[string](tt.Tab, fmt.Sprintf("document.getElementById(%q).value", ids(p, "preparedBy/name"))); v != ex.PreparedBy.Name {
		t.Errorf("values lost after a refusal: %q", v)
	}
	tt.Check()
}

// TestLoadFailure: an HTTP error is an error (no second try, no fallback),
// shown plainly, and the draft stays; a wrong MIME type falls back to
// WebAssembly.instantiate and works.
func TestLoadFailure(t *testing.T) {
	tt := newTab(t)
	wasm := "form.wasm" // the page links the kit by plain names
	tt.Expect("status of 404 (Not Found) (" + tt.srv.URL + "/kit-404/form.wasm.gz)")
	tt.Expect("status of 404 (Not Found) (" + tt.srv.URL + "/kit-404/form.wasm)")
	f := with(district, func(f *formSpec) { f.DraftKey = "kept" })
	tt.Do(chromedp.Navigate(tt.srv.pageURL("", f)))
	tt.WaitEvents("ready", 1)
	key := browsertest.Eval[string](tt.Tab, "'kh164-draft:164/KH-UBND:quan-ba-dinh:annual-2024:kept'")
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(localStorage.setItem(%q, 'draft kept'), true)", key))

	tt.Do(chromedp.Navigate(tt.srv.pageURL("/kit-404", f)))
	tt.WaitEvents("error", 1)
	text := browsertest.Eval[string](tt.Tab, "document.getElementById('f1').textContent")
	if !strings.Contains(text, "Không tải được biểu mẫu báo cáo.") || !strings.Contains(text, "HTTP 404") {
		t.Errorf("error state: %q", text)
	}
	if role := browsertest.Eval[string](tt.Tab, "document.querySelector('#f1 [role]').getAttribute('role')"); role != "alert" {
		t.Errorf("error state role %q", role)
	}
	if n := tt.srv.count("/kit-404/" + wasm); n != 1 {
		t.Errorf("form.wasm was requested %d times after an HTTP error, want 1", n)
	}
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("localStorage.getItem(%q)", key)); got != "draft kept" {
		t.Errorf("draft after a failed load: %q", got)
	}
	tt.Expect("status of 404 (Not Found) (" + tt.srv.URL + "/kit-mime/form.wasm.gz)")
	tt.Do(chromedp.Navigate(tt.srv.pageURL("/kit-mime", f)))
	tt.WaitEvents("ready", 1)
	tt.Check()
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA) on the empty form,
// the error state and the check-answers view.
func TestAccessibility(t *testing.T) {
	ensureAxe(t)
	tt := open(t, district)
	p := tt.prefix("f1")
	if v := tt.axe("f1"); len(v) > 0 {
		t.Errorf("empty form: %v", v)
	}
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--summary"))
	if v := tt.axe("f1"); len(v) > 0 {
		t.Errorf("error state: %v", v)
	}
	ex, _ := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
	data, _ := json.Marshal(ex)
	browsertest.Eval[bool](tt.Tab, fmt.Sprintf("(document.getElementById('f1').setValue(%s), true)", data))
	tt.tabUntil("a.type === 'submit'")
	tt.press("\r")
	tt.WaitFor(fmt.Sprintf("document.activeElement.id === %q", p+"--check-title"))
	if v := tt.axe("f1"); len(v) > 0 {
		t.Errorf("check-answers view: %v", v)
	}
	tt.Check()
}

// TestMountDestroy mounts and destroys a form 200 times: neither the
// JavaScript heap nor the WebAssembly memory may grow by more than 10%.
func TestMountDestroy(t *testing.T) {
	tt := open(t, district)
	cycle := func(n int) {
		browsertest.Eval[bool](tt.Tab, fmt.Sprintf(`(async () => {
			const el = document.getElementById('cycle');
			for (let i = 0; i < %d; i++) {
				const h = KH164Form.mount(el, {body: 'hoi-ctd', period: 'annual-2024', reportDate: '2024-11-15'});
				await h.ready;
				h.destroy();
			}
			window.__events.length = 0; // the harness's record of each ready event is not the form's memory
			return true })()`, n))
	}
	wasm := func() float64 { return browsertest.Eval[float64](tt.Tab, "KH164Form.diagnostics().wasmMemoryBytes") }
	dom := func() (nodes, listeners float64) { // after tt.heap()'s collection
		c, err := chromedp.Call(tt.Context(), memory.GetDOMCounters, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		return float64(c.Nodes), float64(c.JsEventListeners)
	}
	cycle(50) // warm up: the Go heap reaches its working size
	// A leak grows with the number of cycles. One JS heap size after a
	// collection is noisy (±10% under load, and V8 grows its caches over
	// the first few hundred cycles, then levels off), and the form's DOM is
	// not in the JS heap at all. So every 40 cycles the test counts the
	// heap, the DOM nodes and the event listeners, and decides on the
	// least-squares slope of each. A form is about 1,100 nodes; whether the
	// last one was collected yet moves one count by that much, which moves
	// the slope by up to 4 nodes per cycle; a form left behind per cycle
	// would be 1,100.
	var xs, heaps, mems, nodes, listeners []float64
	start := time.Now()
	for i := 0; i <= 5; i++ {
		if i > 0 {
			cycle(40)
		}
		h := tt.heap()
		n, l := dom()
		xs, heaps, mems, nodes, listeners = append(xs, float64(40*i)), append(heaps, h), append(mems, wasm()), append(nodes, n), append(listeners, l)
	}
	heapSlope, memSlope := slope(xs, heaps), slope(xs, mems)
	t.Logf("200 cycles in %v: JS heap %.0f (%+.0f bytes per cycle), wasm memory %.0f (%+.0f per cycle), DOM nodes %.0f (%+.2f per cycle), listeners %.0f (%+.2f per cycle)",
		time.Since(start), heaps, heapSlope, mems, memSlope, nodes, slope(xs, nodes), listeners, slope(xs, listeners))
	if s := slope(xs, nodes); s >= 50 {
		t.Errorf("%.1f DOM nodes per mount and destroy stay behind (after each 40 cycles: %.0f)", s, nodes)
	}
	if s := slope(xs, listeners); s >= 0.5 {
		t.Errorf("%.1f event listeners per mount and destroy stay behind (after each 40 cycles: %.0f)", s, listeners)
	}
	// The memory bounds: 20% over 200 cycles along the fitted line (the
	// warm-up growth measured here is 2–7%).
	if heapSlope*200 > heaps[0]*0.2 {
		t.Errorf("JS heap grows by %.0f bytes per mount and destroy (after each 40 cycles: %.0f)", heapSlope, heaps)
	}
	if memSlope*200 > mems[0]*0.2 {
		t.Errorf("wasm memory grows by %.0f bytes per mount and destroy (after each 40 cycles: %.0f)", memSlope, mems)
	}
	if n := browsertest.Eval[int](tt.Tab, "KH164Form.diagnostics().forms"); n != 1 {
		t.Errorf("%d forms mounted after the cycles, want 1 (the page's own)", n)
	}
	tt.Check()
}

// slope is the least-squares slope of ys over xs.
func slope(xs, ys []float64) float64 {
	var mx, my float64
	for i := range xs {
		mx += xs[i] / float64(len(xs))
		my += ys[i] / float64(len(ys))
	}
	var num, den float64
	for i := range xs {
		num += (xs[i] - mx) * (ys[i] - my)
		den += (xs[i] - mx) * (xs[i] - mx)
	}
	return num / den
}

// TestCrash: when the Go program stops (here: its controller throws, as
// a dead program's functions do), the form gives way to a plain error
// state that keeps the draft and offers it as a file.
func TestCrash(t *testing.T) {
	tt := open(t, with(district, func(f *formSpec) { f.DraftKey = "crash" }))
	p := tt.prefix("f1")
	tt.typeField(ids(p, "preparedBy/name"), "Đỗ Thị Lan")
	tt.press("\t") // leaving the field saves the draft
	key := "kh164-draft:164/KH-UBND:quan-ba-dinh:annual-2024:crash"
	draft := browsertest.Eval[string](tt.Tab, fmt.Sprintf("localStorage.getItem(%q) || ''", key))
	if !strings.Contains(draft, "Đỗ Thị Lan") {
		t.Fatalf("draft %q", draft)
	}
	browsertest.Eval[bool](tt.Tab, `(() => { const h = document.getElementById('f1')._handle;
		h._ctl.call = () => { throw new Error('Go program has already exited') }; return h.value() === null })()`)
	tt.WaitEvents("error", 1)
	text := browsertest.Eval[string](tt.Tab, "document.getElementById('f1').textContent")
	for _, want := range []string{"Biểu mẫu báo cáo gặp lỗi và đã dừng.", "vẫn được lưu trên máy này", "Tải bản nháp xuống"} {
		if !strings.Contains(text, want) {
			t.Errorf("crash state lacks %q: %q", want, text)
		}
	}
	if got := browsertest.Eval[string](tt.Tab, fmt.Sprintf("localStorage.getItem(%q) || ''", key)); got != draft {
		t.Error("the draft changed after the crash")
	}
	tt.Check()
}
