package main

// The portal's end-to-end test, in real headless Chromium through
// chromedp: the acceptance of "one command to a working reporting site,
// with nothing lost". A person chooses a body and a period on the start
// page, fills the report in the embedded widget, checks and sends it; the
// server restarts on the same data folder and the report is still there; a
// correction, started from the stored version, becomes version 2 and both
// are kept; the compilation counts the body once, on time, with the first
// version listed as superseded.
//
// The browser plumbing is github.com/kh164/kh164/internal/browsertest: without a Chromium
// binary the test skips, unless KH164_REQUIRE_BROWSER=1, when it fails;
// KH164_CHROMIUM names the binary when it is not on PATH.
// KH164_SCREENSHOT_DIR, when set, receives full-page screenshots of the
// filled form, the check-answers view and the compilation.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/build"
)

// e2eToday is the portal's clock in the test: two days before Sở Y tế's
// annual report is due (20/11/2026).
var e2eToday = time.Date(2026, time.November, 18, 9, 0, 0, 0, time.UTC)

// e2ePortal is the portal's handlers on a loopback httptest server, with
// the store in dir and the widget kit in dist. It can be stopped and
// started again on the same address, as a restarted portal is.
type e2ePortal struct {
	dir, dist string
	store     Store
	srv       *server
	ts        *httptest.Server
}

// The accounts of the end-to-end tests, made by e2eAccounts.
const (
	e2eReporter, e2eCompiler, e2eOther = "so-y-te.hoa", "tong-hop.trang", "so-gddt.tuan"
	e2ePassword                        = "Mùa thu Hà Nội lá vàng rơi"
)

// e2eAccounts makes a reporter of Sở Y tế, a reporter of Sở Giáo dục và
// Đào tạo and a compiler, each with e2ePassword, and returns an API token
// of the compiler for the test's own reading.
func (p *e2ePortal) e2eAccounts(t *testing.T) string {
	t.Helper()
	account(t, p.srv, e2eReporter, RoleReporter, "so-y-te", e2ePassword)
	account(t, p.srv, e2eOther, RoleReporter, "so-gddt", e2ePassword)
	c := account(t, p.srv, e2eCompiler, RoleCompiler, "", e2ePassword)
	_, tok, err := p.srv.auth.store.newToken(t.Context(), c.ID, "e2e", p.srv.now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func (p *e2ePortal) start(t *testing.T, addr string) {
	t.Helper()
	// Not openTestStore: start is called in subtests, and the store
	// lives until stop.
	store, err := OpenStore(context.Background(), p.dir, StoreOptions{Quota: DefaultQuota})
	if err != nil {
		t.Fatal(err)
	}
	st, err := openAuthStore(context.Background(), store)
	if err != nil {
		store.Close()
		t.Fatal(err)
	}
	s := newServer(store, plan.Default(), p.dist)
	s.now = func() time.Time { return e2eToday }
	s.buildDone(nil)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		store.Close()
		t.Fatalf("listening on %s: %v", addr, err)
	}
	ts := httptest.NewUnstartedServer(s.routes())
	ts.Listener.Close()
	ts.Listener = ln
	s.auth = newAuthConfig(st, listenHosts(ln.Addr().String()))
	ts.Start()
	p.store, p.srv, p.ts = store, s, ts
}

func (p *e2ePortal) stop() {
	if p.ts != nil {
		p.ts.Close()
		p.store.Close()
		p.ts, p.store, p.srv = nil, nil, nil
	}
}

// e2eTab drives the browser's tab for one subtest.
type e2eTab struct{ *browsertest.Tab }

func e2eTabOf(b *browsertest.Browser, t testing.TB) e2eTab { return e2eTab{b.Tab(t)} }

// signIn signs in on the portal's sign-in page, as a person does, and
// waits for the page it leads to.
func (tb e2eTab) signIn(base, username, password string) {
	tb.T.Helper()
	tb.Do(chromedp.Navigate(base + "/signin"))
	tb.Do(chromedp.SendKeys(sel("username"), username), chromedp.SendKeys(sel("password"), password))
	if _, err := chromedp.Run(tb.Context(), chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(`form.signin button[type=submit]`)))); err != nil {
		tb.T.Fatal(err)
	}
	if got := browsertest.Eval[string](tb.Tab, `(e => e ? e.textContent : '')(document.getElementById('me'))`); !strings.Contains(got, "·") {
		tb.T.Fatalf("after signing in as %s the page (%s) shows no account: %.300s", username,
			browsertest.Eval[string](tb.Tab, "location.pathname"), browsertest.Eval[string](tb.Tab, "document.body.innerText"))
	}
}

// signOut presses the header's sign-out button and waits for the
// signed-out page.
func (tb e2eTab) signOut() {
	tb.T.Helper()
	if _, err := chromedp.Run(tb.Context(), chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(`form.account button.signout`)))); err != nil {
		tb.T.Fatal(err)
	}
	tb.WaitFor(`!!document.getElementById('signed-out')`)
}

// sel selects the element with the given id. The widget's ids hold dots
// (task III.6.1), so "#id" would not do.
func sel(id string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf(`[id=%q]`, id)) }

// prefix is the id prefix of the widget's form on the page.
func (tb e2eTab) prefix() string {
	tb.T.Helper()
	return browsertest.Eval[string](tb.Tab, `document.querySelector('kh164-report-form form').id`)
}

func (tb e2eTab) value(id string) string {
	tb.T.Helper()
	return browsertest.Eval[string](tb.Tab, fmt.Sprintf(`document.getElementById(%q).value`, id))
}

// typeInto clicks into a field, goes to its end (Ctrl+End) and types, as a
// person does; with replace, what the field held is first deleted with
// Backspace.
func (tb e2eTab) typeInto(id, text string, replace bool) {
	tb.T.Helper()
	want := tb.value(id)
	tb.Do(chromedp.Click(sel(id)), chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if replace {
		if n := len([]rune(want)); n > 0 {
			tb.Do(chromedp.KeyEvent(strings.Repeat(kb.Backspace, n)))
		}
		want = ""
	}
	tb.Do(chromedp.KeyEvent(text))
	if got := tb.value(id); got != want+text {
		tb.T.Fatalf("field %s holds %q after typing %q, want %q", id, got, text, want+text)
	}
}

// clickLabel clicks the label of a control (the radio buttons).
func (tb e2eTab) clickLabel(id string) {
	tb.T.Helper()
	tb.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`label[for=%q]`, id))))
}

// e2eEntry is what a person types into the report form, and the date the
// form shows.
type e2eEntry struct {
	date, results, blood, members string
}

// fill fills the whole report form as a person does, field by field. The
// report date is the portal's today, which the form shows already; it is
// typed only when missing, so that the other steps still run.
func (tb e2eTab) fill(p string, e e2eEntry) {
	tb.T.Helper()
	if got := tb.value(p + "-reportDate"); got != e.date {
		tb.T.Errorf("the report date shows %q, want the portal's today %s", got, e.date)
		if got == "" {
			tb.typeInto(p+"-reportDate", e.date, false)
		}
	}
	tb.clickLabel(p + "-task-III.6.1-status") // the first choice: Đã hoàn thành
	tb.typeInto(p+"-task-III.6.1-text", e.results, true)
	tb.typeInto(p+"-indicator-blood_units", e.blood, true)
	// "Số hội viên" is not among the indicators suggested for Sở Y tế:
	// the person adds it from the list.
	if !browsertest.Eval[bool](tb.Tab, fmt.Sprintf(`!!document.getElementById(%q).checkVisibility()`, p+"-indicator-members")) {
		browsertest.Eval[bool](tb.Tab, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = 'indicator/members';
			s.dispatchEvent(new Event('change', {bubbles: true}));
			s.closest('.kh164-add').querySelector('[data-action=add-indicator]').click(); return true })()`, p+"--add-indicator"))
	}
	tb.typeInto(p+"-indicator-members", e.members, true)
	tb.typeInto(p+"-preparedBy-name", "Nguyễn Thị Hoa", true)
	tb.typeInto(p+"-preparedBy-position", "Chuyên viên Phòng Nghiệp vụ Y", true)
	tb.typeInto(p+"-preparedBy-phone", "0912 345 678", true)
	tb.typeInto(p+"-preparedBy-email", "hoa.nt@soyte.hanoi.gov.vn", true)
	tb.typeInto(p+"-signedBy-name", "Trần Văn Nam", true)
	tb.typeInto(p+"-signedBy-position", "Phó Giám đốc", true)
	if !browsertest.Eval[bool](tb.Tab, fmt.Sprintf(`document.getElementById(%q).checked`, p+"-task-III.6.1-status")) {
		tb.T.Fatal("clicking “Đã hoàn thành” did not check it")
	}
}

// send checks the answers and confirms: it waits for the check-answers
// view, asserts it shows what was typed, confirms, and waits for the
// success panel the widget shows after the server's 2xx, with the
// portal's receipt.
func (tb e2eTab) send(p string, want []string, receipt, shot string) {
	tb.T.Helper()
	submits := len(tb.Events("submit"))
	tb.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id=%q] button[type=submit]`, p))))
	tb.WaitFor(fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, p+"--check-title"))
	text := browsertest.Eval[string](tb.Tab, fmt.Sprintf(`document.getElementById(%q).textContent`, p+"--check"))
	for _, w := range append([]string{"Chưa gửi cho đến khi bạn xác nhận."}, want...) {
		if !strings.Contains(text, w) {
			tb.T.Errorf("the check-answers view lacks %q", w)
		}
	}
	if shot != "" {
		tb.Screenshot(shot)
	}
	tb.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id=%q] button[data-action=confirm]`, p+"--check"))))
	tb.WaitEvents("submit", submits+1)
	tb.WaitFor(fmt.Sprintf(`document.getElementById(%q)`, p+"--answer-box"))
	box := browsertest.Eval[[]string](tb.Tab, fmt.Sprintf(`(b => [b.className, b.textContent])(document.getElementById(%q))`, p+"--answer-box"))
	if !strings.Contains(box[0], "kh164-confirmation") || !strings.Contains(box[1], "Đã gửi báo cáo") || !strings.Contains(box[1], "Mã tiếp nhận") {
		tb.T.Fatalf("after confirming, the widget shows %q (class %q), not its success state", box[1], box[0])
	}
	href := browsertest.Eval[string](tb.Tab, fmt.Sprintf(`(a => a ? a.getAttribute('href') : '')(document.getElementById(%q).querySelector('a'))`, p+"--answer-box"))
	if !strings.HasPrefix(href, "/api/reports/") || !strings.HasSuffix(href, "/document") {
		tb.T.Errorf("the confirmation links %q, not the version's document", href)
	}
	if !strings.Contains(box[1], receipt) {
		tb.T.Errorf("the success panel says %q, without the portal's receipt %q", box[1], receipt)
	}
}

// e2eVersion is a stored version and its report.
type e2eVersion struct {
	Submission
	r *report.Report
}

// e2eStored returns the stored versions of Sở Y tế's annual 2026 report,
// each of which must pass report.Default().Parse.
func e2eStored(t *testing.T, p *e2ePortal) []e2eVersion {
	t.Helper()
	subs, err := storedVersions(t, p.store, "annual-2026")
	if err != nil {
		t.Fatal(err)
	}
	vs := make([]e2eVersion, len(subs))
	for i, s := range subs {
		if s.Body != "so-y-te" {
			t.Errorf("stored a report of %s", s.Body)
		}
		vs[i] = e2eVersion{Submission: s}
		if vs[i].r, err = report.Default().Parse("stored.json", s.Report); err != nil {
			t.Fatalf("stored version %d does not pass report.Default().Parse: %v\n%s", s.Version, err, s.Report)
		}
	}
	return vs
}

// TestE2EPortal is the acceptance of the example portal in Chromium.
func TestE2EPortal(t *testing.T) {
	chrome := browsertest.Require(t)
	began := time.Now()
	step := began
	lap := func(what string) {
		t.Logf("%-40s %6.2fs", what, time.Since(step).Seconds())
		step = time.Now()
	}

	// The widget kit, built once for every step.
	p := &e2ePortal{dir: t.TempDir(), dist: t.TempDir()}
	if err := (build.Options{Quick: true}).Dist(p.dist); err != nil {
		t.Fatal("building the widget kit: ", err)
	}
	lap("kit built")
	p.start(t, "127.0.0.1:0")
	t.Cleanup(p.stop)
	token := p.e2eAccounts(t)
	addr := p.ts.Listener.Addr().String()
	br := browsertest.Launch(t, chrome)
	lap("portal and Chromium started")

	const firstResults = "Đã tổ chức 45 đợt vận động hiến máu tình nguyện tại các bệnh viện và trung tâm y tế; " +
		"tiếp nhận 109.000 đơn vị máu, bảo đảm đủ máu cho cấp cứu và điều trị."
	const addition = " Bổ sung: phối hợp với Hội Chữ thập đỏ Thành phố tổ chức Lễ hội Xuân hồng."
	first := e2eEntry{date: "18/11/2026", results: firstResults, blood: "109.000", members: "1.250"}
	var v1 Submission
	// The names the portal gives the two versions (Submission.Label):
	// received at 09:00 UTC, 16:00 in Hà Nội.
	const label1, label2 = "Sở Y tế, bản 1, nhận 16:00 18/11/2026", "Sở Y tế, bản 2, nhận 16:00 18/11/2026"

	ok := t.Run("start page to form", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.Do(chromedp.Navigate(p.ts.URL + "/"))
		if u := browsertest.Eval[string](tb.Tab, "location.pathname"); u != "/signin" {
			t.Fatalf("the start page, signed out, is %s, not the sign-in page", u)
		}
		tb.signIn(p.ts.URL, e2eReporter, e2ePassword)
		tb.Do(chromedp.Navigate(p.ts.URL + "/"))
		tb.Do(chromedp.SetValue(sel("body"), "so-y-te"), chromedp.SetValue(sel("period"), "annual-2026"))
		chosen := browsertest.Eval[[]string](tb.Tab, `['body', 'period'].map(id => document.getElementById(id).selectedOptions[0].textContent)`)
		if chosen[0] != "Sở Y tế" || chosen[1] != "năm 2026" {
			t.Fatalf("chosen %q", chosen)
		}
		tb.Check()
		if _, err := chromedp.Run(tb.Context(), chromedp.WaitEvent(page.LoadEventFired, nil,
			chromedp.Click(chromedp.CSS(`form.choose button[type=submit]`)))); err != nil {
			t.Fatal(err)
		}
		if u := browsertest.Eval[string](tb.Tab, "location.pathname + location.search"); u != "/form?body=so-y-te&period=annual-2026" {
			t.Fatalf("the start form led to %s", u)
		}
		tb.WaitEvents("ready", 1)
		if browsertest.Eval[bool](tb.Tab, `!!document.getElementById('latest')`) {
			t.Error("the form page offers a stored version before any was sent")
		}
		title := browsertest.Eval[string](tb.Tab, `document.querySelector('kh164-report-form').textContent`)
		for _, w := range []string{"Báo cáo năm 2026: Sở Y tế", "Hạn nộp: 20/11/2026", "Nhiệm vụ III.6.1"} {
			if !strings.Contains(title, w) {
				t.Errorf("the form lacks %q", w)
			}
		}
		tb.Check()
	})
	lap("start page → form ready")

	ok = ok && t.Run("fill and send", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		pre := tb.prefix()
		tb.fill(pre, first)
		tb.Screenshot("kh164-portal-1-filled")
		tb.send(pre, []string{"18/11/2026", "Đã hoàn thành", firstResults, "109.000 đơn vị", "1.250 người",
			"Nguyễn Thị Hoa", "0912345678", "hoa.nt@soyte.hanoi.gov.vn", "Trần Văn Nam", "Phó Giám đốc"},
			"Đã nhận báo cáo của Sở Y tế, bản 1, lúc 16:00 ngày 18/11/2026. Gửi lại sẽ tạo bản 2.", "kh164-portal-2-check")
		tb.Screenshot("kh164-portal-3-sent")
		tb.Check()
	})
	lap("filled, checked, confirmed, 201")

	ok = ok && t.Run("stored as version 1", func(t *testing.T) {
		subs := e2eStored(t, p)
		if len(subs) != 1 || subs[0].Version != 1 {
			t.Fatalf("stored %d submissions, want version 1 only: %+v", len(subs), subs)
		}
		v1 = subs[0].Submission
		r := subs[0].r
		if r.ReportDate != plan.D(2026, 11, 18) || v1.ReportDate != "2026-11-18" {
			t.Errorf("report date %s (stored %s), want 2026-11-18", r.ReportDate, v1.ReportDate)
		}
		if len(r.Tasks) != 1 || r.Tasks[0].Task != "III.6.1" || r.Tasks[0].Status != report.Done || r.Tasks[0].Results != firstResults {
			t.Errorf("tasks %+v", r.Tasks)
		}
		if r.Indicators["blood_units"] != 109000 || r.Indicators["members"] != 1250 || len(r.Indicators) != 2 {
			t.Errorf("indicators %v", r.Indicators)
		}
		want := report.Preparer{Name: "Nguyễn Thị Hoa", Position: "Chuyên viên Phòng Nghiệp vụ Y", Phone: "0912345678", Email: "hoa.nt@soyte.hanoi.gov.vn"}
		if r.PreparedBy != want || r.SignedBy != (report.Signer{Name: "Trần Văn Nam", Position: "Phó Giám đốc"}) {
			t.Errorf("preparer %+v, signer %+v", r.PreparedBy, r.SignedBy)
		}
		if !v1.ReceivedAt.Equal(e2eToday) {
			t.Errorf("received at %s, want the portal's clock %s", v1.ReceivedAt, e2eToday)
		}
	})

	ok = ok && t.Run("restart keeps it", func(t *testing.T) {
		p.stop()
		p.start(t, addr) // the same folder, the same address: the person's tab goes on
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/reports/%d", p.ts.URL, v1.ID), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /api/reports/%d after the restart: %s, %v", v1.ID, resp.Status, err)
		}
		if h := resp.Header; h.Get("KH164-Version") != "1" || h.Get("KH164-Body") != "so-y-te" || h.Get("KH164-Period") != "annual-2026" || !bytes.Equal(raw, v1.Report) {
			t.Fatalf("after the restart: version %s of %s for %s, report equal: %v", h.Get("KH164-Version"), h.Get("KH164-Body"), h.Get("KH164-Period"), bytes.Equal(raw, v1.Report))
		}
	})
	lap("stored v1, restarted, GET by id")

	const corrected = firstResults + addition
	ok = ok && t.Run("correction", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.Do(chromedp.Reload())
		tb.WaitEvents("ready", 1)
		pre := tb.prefix()
		// The portal offers the stored version: the person fills the form
		// from it and changes only the results and the blood units.
		notice := browsertest.Eval[string](tb.Tab, `(n => n ? n.textContent : '')(document.getElementById('latest'))`)
		for _, w := range []string{"Cổng đã nhận bản 1 của báo cáo này lúc 16:00 18/11/2026.", "Gửi lại sẽ tạo bản 2", "Điền mẫu từ bản 1 đã gửi"} {
			if !strings.Contains(notice, w) {
				t.Errorf("the notice %q lacks %q", notice, w)
			}
		}
		tb.Do(chromedp.Click(sel("load-latest")))
		tb.WaitFor(`!document.getElementById('load-latest') && document.getElementById('latest').textContent.includes('Đã điền mẫu từ bản 1.')`)
		for id, want := range map[string]string{
			"-reportDate": first.date, "-task-III.6.1-text": firstResults, "-indicator-blood_units": first.blood,
			"-indicator-members": first.members, "-preparedBy-name": "Nguyễn Thị Hoa", "-signedBy-position": "Phó Giám đốc",
		} {
			if got := tb.value(pre + id); got != want {
				t.Errorf("after filling from version 1, %s holds %q, want %q", id, got, want)
			}
		}
		tb.typeInto(pre+"-task-III.6.1-text", addition, false) // appended: the field then holds corrected
		tb.typeInto(pre+"-indicator-blood_units", "110.250", true)
		tb.send(pre, []string{corrected, "110.250 đơn vị", "18/11/2026", "1.250 người", "Nguyễn Thị Hoa", "Trần Văn Nam"},
			"Đã nhận báo cáo của Sở Y tế, bản 2, lúc 16:00 ngày 18/11/2026. Gửi lại sẽ tạo bản 3.", "")
		if browsertest.Eval[bool](tb.Tab, `!!document.getElementById('latest')`) {
			t.Error("the notice about version 1 stays above the receipt of version 2")
		}
		tb.Check()

		subs := e2eStored(t, p)
		if len(subs) != 2 || subs[0].Version != 1 || subs[1].Version != 2 {
			t.Fatalf("stored %+v, want versions 1 and 2", subs)
		}
		if subs[0].ID != v1.ID || !bytes.Equal(subs[0].Report, v1.Report) || subs[0].ReportDate != v1.ReportDate || !subs[0].ReceivedAt.Equal(v1.ReceivedAt) {
			t.Errorf("version 1 changed after the correction:\n%s\nwas\n%s", subs[0].Report, v1.Report)
		}
		r2 := subs[1].r
		if r2.Tasks[0].Results != corrected || r2.Indicators["blood_units"] != 110250 || r2.ReportDate != plan.D(2026, 11, 18) {
			t.Errorf("version 2: results %q, blood units %d, date %s", r2.Tasks[0].Results, r2.Indicators["blood_units"], r2.ReportDate)
		}
	})
	lap("correction sent as v2")

	ok = ok && t.Run("compilation", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.signOut()
		tb.signIn(p.ts.URL, e2eCompiler, e2ePassword)
		tb.Do(chromedp.Navigate(p.ts.URL + "/compile?period=annual-2026&as-of=2026-11-28"))
		type row struct {
			Class  string
			Cells  []string
			Reason string
		}
		got := browsertest.Eval[struct {
			Body       row
			Blood      []string
			Superseded []string
			Summary    []string
		}](tb.Tab, `(() => {
			const table = caption => [...document.querySelectorAll('table')].find(t => t.caption && t.caption.textContent === caption);
			const cells = tr => tr ? [...tr.cells].map(c => c.textContent.trim()) : [];
			const bodies = [...table('Các cơ quan, đơn vị phải báo cáo').tBodies[0].rows].filter(r => r.cells[1].textContent === 'Sở Y tế');
			const blood = [...table('Số đơn vị máu tiếp nhận (đơn vị)').tBodies[0].rows].filter(r => r.cells[0].textContent === 'Sở Y tế');
			const h = [...document.querySelectorAll('h2')].find(h => h.textContent === 'Bản báo cáo đã được thay thế');
			return {
				Body: {Class: bodies.length === 1 ? bodies[0].className : 'rows: ' + bodies.length, Cells: cells(bodies[0])},
				Blood: blood.length === 1 ? cells(blood[0]) : ['rows: ' + blood.length],
				Superseded: h ? [...h.nextElementSibling.querySelectorAll('li')].map(li => li.textContent) : [],
				Summary: [...document.querySelectorAll('ul.summary li')].map(li => li.textContent),
			};
		})()`)
		tb.Screenshot("kh164-portal-4-compilation")
		if got.Body.Class != "filing-on_time" || len(got.Body.Cells) != 4 || got.Body.Cells[2] != "Đúng hạn (nhận ngày 18/11/2026; hạn 20/11/2026; theo ngày nhận)" {
			t.Errorf("Sở Y tế's row: class %q, cells %q; want received on time on 18/11/2026, due 20/11/2026", got.Body.Class, got.Body.Cells)
		}
		if len(got.Body.Cells) == 4 && !strings.Contains(got.Body.Cells[3], "bản 2, báo cáo ngày 18/11/2026") || !strings.Contains(got.Body.Cells[3], "nhận 16:00 ngày 18/11/2026 (được tính)") {
			t.Errorf("the versions are %q, want version 2 counting, with its receipt time", got.Body.Cells[3])
		}
		if len(got.Superseded) != 1 || !strings.HasPrefix(got.Superseded[0], label1+":") || !strings.HasSuffix(got.Superseded[0], "thay bằng "+label2) {
			t.Errorf("superseded list %q, want version 1 replaced by version 2", got.Superseded)
		}
		// The latest report counts, once: 110.250, not 109.000 (the first
		// version) nor 219.250 (both).
		if len(got.Blood) != 2 || got.Blood[1] != report.GroupDigits(110250, ".") {
			t.Errorf("blood units row %q, want Sở Y tế's %s", got.Blood, report.GroupDigits(110250, "."))
		}
		for _, want := range []string{"Đúng hạn: 1", "Muộn: 0", "Bản đã thay thế: 1", "Bị từ chối: 0"} {
			found := false
			for _, s := range got.Summary {
				found = found || s == want
			}
			if !found {
				t.Errorf("summary %q lacks %q", got.Summary, want)
			}
		}
		tb.Check()
	})
	lap("compilation checked")

	// The JSON download of the same page agrees with the HTML.
	if ok {
		compiler, _, _ := p.srv.auth.store.accountByUsername(t.Context(), e2eCompiler)
		_, data := get(t, sessionClient(t, p.ts, p.srv, compiler), p.ts.URL+"/compile?period=annual-2026&as-of=2026-11-28&format=json")
		var c report.Compilation
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("the JSON compilation: %v", err)
		}
		for _, f := range c.Figures {
			if f.Code == "blood_units" && (len(f.Values) != 1 || f.Values[0].Value != 110250) {
				t.Errorf("JSON compilation: blood units %+v", f.Values)
			}
		}
	}
	t.Logf("%-40s %6.2fs", "total", time.Since(began).Seconds())
}
