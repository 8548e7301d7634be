package main

// The accounts' end-to-end test, in Chromium: the first administrator,
// made by the admin command, opens the printed link and sets a password;
// creates an account for Sở Y tế on the admin page and reads its one-time
// link; the person opens it, sets a password, files the report; the
// drafts of the account leave the browser at sign-out; a reporter of
// another body can open neither the form nor the report; a compiler
// compiles and sees the filer's name. KH164_SCREENSHOT_DIR receives the
// sign-in, admin, audit and compile pages.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/wasm/build"
)

// submitAndWait clicks a form's submit button and waits for the next page.
func (tb e2eTab) submitAndWait(css string) {
	tb.T.Helper()
	if _, err := chromedp.Run(tb.Context(), chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(css)))); err != nil {
		tb.T.Fatal(err)
	}
}

// setPassword opens a one-time link and sets the password, as the person
// does; the portal then shows its start page, signed in.
func (tb e2eTab) setPassword(link, password string) {
	tb.T.Helper()
	tb.Do(chromedp.Navigate(link))
	tb.Do(chromedp.SendKeys(sel("password"), password), chromedp.SendKeys(sel("confirm"), password))
	tb.submitAndWait(`form.signin button[type=submit]`)
	if got := browsertest.Eval[string](tb.Tab, `location.pathname + ' ' + ((e => e ? e.textContent : '')(document.getElementById('me')))`); !strings.HasPrefix(got, "/ ") {
		tb.T.Fatalf("after setting the password: %q", got)
	}
}

func TestE2EAccounts(t *testing.T) {
	chrome := browsertest.Require(t)
	p := &e2ePortal{dir: t.TempDir(), dist: t.TempDir()}
	if err := (build.Options{Quick: true}).Dist(p.dist); err != nil {
		t.Fatal("building the widget kit: ", err)
	}
	// The first administrator, by command, before the portal starts.
	var out, errs bytes.Buffer
	if code := adminCommand([]string{"create", "-data", p.dir, "-username", "quan-tri", "-name", "Nguyễn Văn Quản"}, &out, &errs); code != 0 {
		t.Fatalf("admin create: %s", errs.String())
	}
	adminLink := regexp.MustCompile(`/link/[A-Za-z0-9_-]{43}`).FindString(out.String())
	p.start(t, "127.0.0.1:0")
	t.Cleanup(p.stop)
	p.e2eAccounts(t) // the other body's reporter and the compiler
	br := browsertest.Launch(t, chrome)
	const hoa = "Nguyễn Thị Hoa"
	var reportID int64

	ok := t.Run("administrator creates an account", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.Do(chromedp.Navigate(p.ts.URL + "/"))
		tb.Screenshot("kh164-accounts-1-signin")
		tb.setPassword(p.ts.URL+adminLink, "Quản trị cổng báo cáo 164")
		tb.Do(chromedp.Navigate(p.ts.URL + "/admin"))
		tb.Do(chromedp.SendKeys(sel("username"), "so-y-te.nthoa"), chromedp.SendKeys(sel("name"), hoa),
			chromedp.SetValue(sel("role"), "reporter"), chromedp.SetValue(sel("body"), "so-y-te"))
		tb.submitAndWait(`form.new-account button[type=submit]`)
		got := browsertest.Eval[[]string](tb.Tab, `[(e => e ? e.value : '')(document.getElementById('link')),
			(e => e ? e.textContent : '')(document.getElementById('account-so-y-te.nthoa'))]`)
		if !strings.HasPrefix(got[0], p.ts.URL+"/link/") || !strings.Contains(got[1], hoa) || !strings.Contains(got[1], "Chưa đặt mật khẩu") {
			t.Fatalf("after creating the account: link %q, row %q", got[0], got[1])
		}
		tb.Screenshot("kh164-accounts-2-admin")
		tb.Check()
		tb.signOut()
		tb.Screenshot("kh164-accounts-5-signedout")
		// The person, on another day, opens the link.
		tb.Do(chromedp.Navigate(got[0]))
		tb.Screenshot("kh164-accounts-6-link")
		tb.setPassword(got[0], e2ePassword)
		if me := browsertest.Eval[string](tb.Tab, `document.getElementById('me').textContent`); me != hoa+" · Sở Y tế" {
			t.Errorf("signed in as %q", me)
		}
		tb.Check()
	})

	ok = ok && t.Run("the person files", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.Do(chromedp.SetValue(sel("period"), "annual-2026"))
		tb.submitAndWait(`form.choose button[type=submit]`)
		tb.WaitEvents("ready", 1)
		pre := tb.prefix()
		tb.fill(pre, e2eEntry{date: "18/11/2026", results: "Đã tổ chức 45 đợt vận động hiến máu tình nguyện.", blood: "109.000", members: "1.250"})
		tb.send(pre, []string{"Nguyễn Thị Hoa", "109.000 đơn vị"}, "Đã nhận báo cáo của Sở Y tế, bản 1", "")
		subs := e2eStored(t, p)
		if len(subs) != 1 || subs[0].Submitter == "" {
			t.Fatalf("stored %+v", subs)
		}
		reportID = subs[0].ID
		// A draft typed afterwards is kept under the account's key, and
		// leaves the browser at sign-out.
		tb.Do(chromedp.Reload())
		tb.WaitEvents("ready", 1)
		tb.typeInto(tb.prefix()+"-difficulties", "Bản nháp chưa gửi", true)
		acc, _, _ := p.srv.auth.store.accountByUsername(t.Context(), "so-y-te.nthoa")
		key := fmt.Sprintf("kh164-draft:164/KH-UBND:so-y-te:annual-2026:%s", draftKey(acc.ID))
		tb.WaitFor(fmt.Sprintf(`localStorage.getItem(%q) !== null`, key))
		browsertest.Eval[any](tb.Tab, `localStorage.setItem('kh164-draft:164/KH-UBND:so-gddt:annual-2026:portal-a999', '{}')`)
		tb.Check()
		tb.signOut()
		left := browsertest.Eval[[]string](tb.Tab, `Object.keys(localStorage)`)
		if len(left) != 1 || !strings.HasSuffix(left[0], ":portal-a999") {
			t.Errorf("after signing out, the browser keeps the drafts %q; want only another account's", left)
		}
	})

	ok = ok && t.Run("another body's reporter sees nothing of it", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.signIn(p.ts.URL, e2eOther, e2ePassword)
		tb.Expect("403")
		tb.Expect("404")
		tb.Do(chromedp.Navigate(p.ts.URL + "/form?body=so-y-te&period=annual-2026"))
		text := browsertest.Eval[string](tb.Tab, `document.body.innerText`)
		tb.Screenshot("kh164-accounts-7-denied")
		if !strings.Contains(text, "không có quyền") || strings.Contains(text, "Sở Y tế") || browsertest.Eval[bool](tb.Tab, `!!document.querySelector('kh164-report-form')`) {
			t.Errorf("Sở Y tế's form, opened by Sở GD&ĐT: %.300s", text)
		}
		got := browsertest.Eval[[]string](tb.Tab, fmt.Sprintf(`fetch('/api/reports/%d').then(r => r.text().then(t => [String(r.status), t]))`, reportID))
		if got[0] != "404" || strings.Contains(got[1], hoa) || strings.Contains(got[1], "so-y-te") {
			t.Errorf("Sở Y tế's report, fetched by Sở GD&ĐT: %s %.200s", got[0], got[1])
		}
		tb.Do(chromedp.Navigate(p.ts.URL + "/compile"))
		if !strings.Contains(browsertest.Eval[string](tb.Tab, `document.body.innerText`), "không có quyền") {
			t.Error("a reporter opened the compilation")
		}
		tb.Check()
		tb.signOut()
	})

	ok = ok && t.Run("the compiler sees the filer", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.signIn(p.ts.URL, e2eCompiler, e2ePassword)
		tb.Do(chromedp.Navigate(p.ts.URL + "/compile?period=annual-2026&as-of=2026-11-28"))
		rows := browsertest.Eval[[][]string](tb.Tab, `[...document.querySelectorAll('table.versions tbody tr')].map(r => [...r.cells].map(c => c.textContent))`)
		if len(rows) != 1 || rows[0][0] != "Sở Y tế" || rows[0][1] != "1" || rows[0][3] != hoa+" (so-y-te.nthoa)" {
			t.Errorf("the versions on the compile page: %q", rows)
		}
		tb.Screenshot("kh164-accounts-3-compile")
		if dir := os.Getenv("KH164_SCREENSHOT_DIR"); dir != "" { // the versions table alone: the page is long
			shot, err := chromedp.Run(tb.Context(), chromedp.Screenshot(chromedp.CSS(`table.versions`)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "kh164-accounts-3-versions.png"), shot, 0o644); err != nil {
				t.Error(err)
			}
		}
		tb.Check()
		tb.signOut()
	})

	_ = ok && t.Run("the administrator reads the audit trail", func(t *testing.T) {
		tb := e2eTabOf(br, t)
		tb.signIn(p.ts.URL, "quan-tri", "Quản trị cổng báo cáo 164")
		tb.Do(chromedp.Navigate(p.ts.URL + "/admin/audit"))
		kinds := browsertest.Eval[[]string](tb.Tab, `[...document.querySelectorAll('table.audit tbody tr')].map(r => r.className)`)
		for _, want := range []string{"audit-account_created", "audit-link_created", "audit-password_set", "audit-report_filed", "audit-signout"} {
			if !strings.Contains(strings.Join(kinds, " "), want) {
				t.Errorf("the audit trail lacks %s: %q", want, kinds)
			}
		}
		tb.Screenshot("kh164-accounts-4-audit")
		tb.Check()
	})
}
