//go:build !js

package npm_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/browsertest"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/wasm/build"
	"github.com/kh164/kh164/wasm/internal/form"
	"github.com/kh164/kh164/wasm/npm"
)

// TestTypesUpToDate fails when the committed declarations in package/ are
// not what go generate ./wasm/npm writes.
func TestTypesUpToDate(t *testing.T) {
	ts, err := npm.Types("../..")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range ts {
		got, err := os.ReadFile(filepath.Join("package", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("package/%s is stale: run go generate ./wasm/npm", name)
		}
	}
}

// needNode skips (or fails under KH164_REQUIRE_NODE=1) when a Node tool is
// missing.
func needNode(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("KH164_REQUIRE_NODE") == "1" {
		t.Fatal(msg + "; KH164_REQUIRE_NODE=1 requires the Node tests")
	}
	t.Skip(msg)
}

func run(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// installed builds the kit, assembles the package, packs it with npm pack
// and installs the tarball in a scratch npm project, which it returns.
func installed(t *testing.T) (scratch string, tarball string) {
	t.Helper()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			needNode(t, "no "+tool+" on PATH")
		}
	}
	kit := filepath.Join(t.TempDir(), "kit")
	if err := (build.Options{Quick: true}).Dist(kit); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "package")
	if err := npm.Assemble(kit, pkg, npm.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	packs := t.TempDir()
	out := run(t, pkg, "npm", "pack", "--pack-destination", packs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tarball = filepath.Join(packs, lines[len(lines)-1])
	if _, err := os.Stat(tarball); err != nil {
		t.Fatalf("npm pack: no tarball: %v\n%s", err, out)
	}
	scratch = t.TempDir()
	if err := os.WriteFile(filepath.Join(scratch, "package.json"), []byte(`{"name": "scratch", "private": true, "type": "module"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, scratch, "npm", "install", "--no-audit", "--no-fund", "--prefer-offline", tarball)
	for _, f := range []string{"package.json", "kh164-form.js", "kh164-form.mjs", "kh164-form.css", "form.wasm", "form.wasm.gz", "form.wasm.br",
		"wasm_exec.js", "node.mjs", "index.d.ts", "node.d.ts", "types.d.ts", "report.d.ts", "README.md", "LICENSE"} {
		if _, err := os.Stat(filepath.Join(scratch, "node_modules", "@kh164", "report-form", f)); err != nil {
			t.Errorf("the installed package has no %s", f)
		}
	}
	for _, f := range []string{"form.html", "lang.js", "tamper.js", "module.html", "server.mjs", "usage.ts", "node-usage.ts", "tsconfig.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err == nil {
			err = os.WriteFile(filepath.Join(scratch, f), data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return scratch, tarball
}

// TestPackage packs the package, installs it in a scratch project and:
// type-checks a usage file with tsc --noEmit --strict (TypeScript pinned
// in tsc/package-lock.json); validates the whole corpus through a Node
// backend that uses the Node entry, requiring the Go checker's issues;
// mounts the form in Chromium from a plain static server (Go's
// http.FileServer, as an ES module) and from the Node server, downloading
// only the compressed module; and lets the form post to the Node backend,
// whose 422 puts the Vietnamese or English messages on the fields.
func TestPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the kit and runs npm, Node and Chromium")
	}
	scratch, tarball := installed(t)
	st, _ := os.Stat(tarball)
	t.Logf("npm pack: %s, %d KB", filepath.Base(tarball), st.Size()>>10)

	t.Run("tsc", func(t *testing.T) {
		tsc, _ := filepath.Abs(filepath.Join("tsc", "node_modules", ".bin", "tsc"))
		if _, err := os.Stat(tsc); err != nil {
			needNode(t, "no TypeScript: run npm ci in wasm/npm/tsc")
		}
		run(t, scratch, tsc, "--noEmit", "--strict", "-p", "tsconfig.json")
		// The check can fail: a wrong use is an error.
		bad := "import { mount } from '@kh164/report-form';\nmount(document.body, { body: 'so-y-te', period: 'annual-2026', lang: 'fr' });\n"
		os.WriteFile(filepath.Join(scratch, "bad.ts"), []byte(bad), 0o644)
		cmd := exec.Command(tsc, "--noEmit", "--strict", "--moduleResolution", "bundler", "--module", "esnext", "--target", "es2022", "bad.ts")
		cmd.Dir = scratch
		if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), `'"fr"' is not assignable`) {
			t.Errorf("tsc accepted lang: 'fr': %v\n%s", err, out)
		}
	})

	srv := startNode(t, scratch)

	t.Run("node validate over the corpus", func(t *testing.T) {
		units, err := plan.ReadUnitsFile("../../report/testdata/units/units.json")
		if err != nil {
			t.Fatal(err)
		}
		reg, err := plan.Default().WithUnits(units...)
		if err != nil {
			t.Fatal(err)
		}
		withUnits := report.NewChecker(report.Options{Registry: reg})
		n := 0
		for _, set := range []struct {
			glob  string
			c     *report.Checker
			query string
		}{
			{"../../report/testdata/valid/*.json", report.Default(), ""},
			{"../../report/testdata/invalid/*.json", report.Default(), ""},
			{"../../report/testdata/units/*/*.json", withUnits, "?units"},
		} {
			files, _ := filepath.Glob(set.glob)
			for _, f := range files {
				data, _ := os.ReadFile(f)
				status, body := post(t, srv.url+"api/reports"+set.query, data)
				_, err := set.c.Parse("", data)
				var want diag.List
				errors.As(err, &want)
				n++
				if (err == nil) != (status == 201) {
					t.Errorf("%s: Node %d, Go %v", f, status, err)
					continue
				}
				if err == nil {
					continue
				}
				var got struct{ Errors diag.List }
				if json.Unmarshal(body, &got) != nil || !sameIssues(got.Errors, want) {
					t.Errorf("%s: the Node entry's issues differ:\nnode %.600s\ngo   %.600s", f, body, mustJSON(want))
				}
			}
		}
		t.Logf("%d reports validated through the Node entry, the same issues as the Go checker", n)
	})

	chrome := browsertest.Chromium()
	if chrome == "" {
		browsertest.Unavailable(t, "no Chromium binary")
	}

	t.Run("static server", func(t *testing.T) {
		var mu sync.Mutex
		var paths []string
		fileServer := http.FileServer(http.Dir(scratch))
		static := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			paths = append(paths, r.URL.Path)
			mu.Unlock()
			fileServer.ServeHTTP(w, r)
		}))
		defer static.Close()
		tab := browsertest.Launch(t, chrome).Tab(t)
		tab.Do(chromedp.Navigate(static.URL + "/module.html"))
		tab.WaitEvents("ready", 1)
		tab.WaitFor("window.__value !== undefined")
		if body := browsertest.Eval[string](tab, "window.__value && window.__value.body"); body != "so-y-te" {
			t.Errorf("value() after ready: body %q", body)
		}
		tab.Screenshot("npm-static-server-module")
		tab.Check()
		mu.Lock()
		compressedOnly(t, paths)
		mu.Unlock()
	})

	t.Run("node backend", func(t *testing.T) {
		ex, err := sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
		if err != nil {
			t.Fatal(err)
		}
		ex.PreparedBy.Phone, ex.PreparedBy.Email = "12345", "not-an-email" // as tamper.js sends it
		tampered, _ := json.Marshal(ex)
		_, perr := report.Default().Parse("", tampered)
		var want diag.List
		errors.As(perr, &want)
		msgs := map[string]diag.Issue{}
		for _, is := range want {
			msgs[is.Path] = is
		}
		if len(msgs) != 2 {
			t.Fatalf("the tampered report's issues: %v", want)
		}
		ex, _ = sample.ReportAt(plan.Default(), "quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2024}, plan.D(2024, time.November, 15))
		valid, _ := json.Marshal(ex)
		for _, lang := range []diag.Lang{diag.VI, diag.EN} {
			tab := browsertest.Launch(t, chrome).Tab(t)
			tab.Expect("status of 422 (Unprocessable Entity) (" + srv.url + "api/reports)")
			tab.Do(chromedp.Navigate(srv.url + "form.html?lang=" + string(lang)))
			tab.WaitEvents("ready", 1)
			browsertest.Eval[bool](tab, fmt.Sprintf("(document.getElementById('f1').setValue(%s), true)", valid))
			browsertest.Eval[bool](tab, "(document.querySelector('#f1 form button[type=submit]').click(), true)")
			tab.WaitFor("!!document.querySelector('#f1 [data-action=confirm]') && document.querySelector('#f1 [data-action=confirm]').offsetParent !== null")
			browsertest.Eval[bool](tab, "(document.querySelector('#f1 [data-action=confirm]').click(), true)")
			tab.WaitEvents("invalid", 1)
			prefix := browsertest.Eval[string](tab, "document.querySelector('#f1 form').id")
			ids := form.IDs(prefix)
			for key, ptr := range map[string]string{form.KeyPrepPhone: "/preparedBy/phone", form.KeyPrepEmail: "/preparedBy/email"} {
				id := ids.Control(key) + "--error"
				tab.WaitFor(fmt.Sprintf("!!document.getElementById(%q) && document.getElementById(%q).textContent !== ''", id, id))
				got := browsertest.Eval[string](tab, fmt.Sprintf("document.getElementById(%q).lastChild.textContent", id))
				if w := msgs[ptr].Message(lang); got != w {
					t.Errorf("%s: field %s shows %q, want the server's %q", lang, key, got, w)
				}
			}
			tab.Screenshot("npm-node-backend-" + string(lang))
			tab.Check()
		}
		compressedOnly(t, srv.log(t))
	})
}

// compressedOnly checks that the browser fetched the gzip copy of the
// module and never the raw module.
func compressedOnly(t *testing.T, paths []string) {
	t.Helper()
	var gz, raw int
	for _, p := range paths {
		switch {
		case strings.HasSuffix(p, "/form.wasm.gz"):
			gz++
		case strings.HasSuffix(p, "/form.wasm"):
			raw++
		}
	}
	if gz == 0 || raw != 0 {
		t.Errorf("module downloads: %d of form.wasm.gz, %d of form.wasm (want the compressed copy only): %v", gz, raw, paths)
	}
}

type nodeServer struct{ url string }

func (s nodeServer) log(t *testing.T) []string {
	resp, err := http.Get(s.url + "__log")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var paths []string
	json.NewDecoder(resp.Body).Decode(&paths)
	return paths
}

// startNode starts testdata/server.mjs in the scratch project; it stops
// when the test ends (its standard input is closed, then it is killed).
func startNode(t *testing.T, dir string) nodeServer {
	t.Helper()
	cmd := exec.Command("node", "server.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "UNITS_FILE="+mustAbs(t, "../../report/testdata/units/units.json"))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(stdout).ReadString('\n')
		line <- s
		io.Copy(io.Discard, stdout)
	}()
	select {
	case s := <-line:
		u := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(s)
		if u == "" {
			t.Fatalf("the Node server printed %q: %s", s, stderr.String())
		}
		return nodeServer{u}
	case <-time.After(time.Minute):
		t.Fatalf("the Node server did not start: %s", stderr.String())
	}
	return nodeServer{}
}

func post(t *testing.T, url string, body []byte) (int, []byte) {
	t.Helper()
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// sameIssues compares issues as JSON (numbers in params decode as float64
// on one side).
func sameIssues(a, b diag.List) bool { return bytes.Equal(mustJSON(a), mustJSON(b)) }

func mustJSON(v any) []byte {
	data, _ := json.Marshal(v)
	return data
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
