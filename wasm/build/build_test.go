package build

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		header, token string
		want          bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate", "br", false},
		{"br;q=0, gzip", "br", false},
		{"BR; q=0.5", "br", true},
		{"gzip;q=0.0", "gzip", false},
		{"", "gzip", false},
	} {
		if got := accepts(c.header, c.token); got != c.want {
			t.Errorf("accepts(%q, %q) = %v", c.header, c.token, got)
		}
	}
}

// kitDir writes files (name: content) into a new folder and returns it.
func kitDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fetch GETs url accepting the encodings accept, with no transparent
// decompression, and returns the answer and its whole body.
func fetch(t *testing.T, url, accept string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", accept)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestHandler(t *testing.T) {
	dir := kitDir(t, map[string]string{
		"form.wasm": "raw", "form.wasm.br": "brotli", "form.wasm.gz": "gzip",
		"kh164-form.js": "js", "kh164-form.css": "css", "wasm_exec.js": "go", "secret.txt": "no",
	})
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, c := range []struct {
		path, accept, status, typ, encoding, body string
	}{
		{"/form.wasm", "gzip, deflate, br", "200 OK", "application/wasm", "br", "brotli"},
		{"/form.wasm", "gzip", "200 OK", "application/wasm", "gzip", "gzip"},
		{"/form.wasm", "identity", "200 OK", "application/wasm", "", "raw"},
		{"/kh164-form.js", "br", "200 OK", "text/javascript; charset=utf-8", "", "js"},
		{"/kh164-form.css", "", "200 OK", "text/css; charset=utf-8", "", "css"},
		{"/wasm_exec.js", "", "200 OK", "text/javascript; charset=utf-8", "", "go"},
		{"/secret.txt", "", "404 Not Found", "", "", ""},
		{"/form.wasm.br", "", "404 Not Found", "", "", ""},
		{"/form.wasm.gz", "gzip, deflate, br", "200 OK", "application/wasm", "br", "brotli"},
		{"/form.wasm.gz", "gzip", "200 OK", "application/wasm", "gzip", "gzip"},
		{"/form.wasm.gz", "identity", "200 OK", "application/gzip", "", "gzip"},
	} {
		resp, body := fetch(t, srv.URL+c.path, c.accept)
		if resp.Status != c.status {
			t.Errorf("%s: %s", c.path, resp.Status)
			continue
		}
		if c.status != "200 OK" {
			continue
		}
		if resp.Header.Get("Content-Type") != c.typ || resp.Header.Get("Content-Encoding") != c.encoding || string(body) != c.body {
			t.Errorf("%s (%s): type %q, encoding %q, body %q", c.path, c.accept, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"), body)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", c.path)
		}
	}
}

// TestHandlerHashed serves the manifest's hashed names as immutable, the
// plain names revalidated, and compressed JavaScript and CSS.
func TestHandlerHashed(t *testing.T) {
	dir := kitDir(t, map[string]string{
		"form.wasm": "raw", "form.wasm.br": "brotli", "kh164-form.js": "js", "kh164-form.js.gz": "js-gzip",
		"kh164-form.css": "css", "kh164-form.css.br": "css-br", "wasm_exec.js": "go",
		"manifest.json": `{"form.wasm": "form.0123456789.wasm", "kh164-form.js": "kh164-form.aaaaaaaaaa.js", "kh164-form.css": "kh164-form.bbbbbbbbbb.css", "wasm_exec.js": "wasm_exec.cccccccccc.js"}`,
	})
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, c := range []struct{ path, accept, status, cache, encoding, body string }{
		{"/form.0123456789.wasm", "br", "200 OK", immutable, "br", "brotli"},
		{"/form.wasm", "br", "200 OK", revalidate, "br", "brotli"},
		{"/kh164-form.aaaaaaaaaa.js", "gzip, br", "200 OK", immutable, "gzip", "js-gzip"},
		{"/kh164-form.bbbbbbbbbb.css", "gzip, br", "200 OK", immutable, "br", "css-br"},
		{"/wasm_exec.cccccccccc.js", "", "200 OK", immutable, "", "go"},
		{"/form.9999999999.wasm", "", "404 Not Found", "", "", ""},
		{"/manifest.json", "", "404 Not Found", "", "", ""},
	} {
		resp, body := fetch(t, srv.URL+c.path, c.accept)
		if resp.Status != c.status {
			t.Errorf("%s: %s", c.path, resp.Status)
			continue
		}
		if c.status != "200 OK" {
			continue
		}
		if resp.Header.Get("Cache-Control") != c.cache || resp.Header.Get("Content-Encoding") != c.encoding || string(body) != c.body {
			t.Errorf("%s: cache %q, encoding %q, body %q", c.path, resp.Header.Get("Cache-Control"), resp.Header.Get("Content-Encoding"), body)
		}
		if c.cache == immutable && resp.Header.Get("Last-Modified") != "" {
			t.Errorf("%s: an immutable file carries Last-Modified", c.path)
		}
	}
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	head := m.Head("/kh164")
	for _, want := range []string{`<link rel="stylesheet" href="/kh164/kh164-form.bbbbbbbbbb.css">`,
		`<link rel="preload" href="/kh164/wasm_exec.cccccccccc.js" as="script">`,
		`<script src="/kh164/kh164-form.aaaaaaaaaa.js" data-kh164-wasm="form.0123456789.wasm" data-kh164-exec="wasm_exec.cccccccccc.js" async></script>`} {
		if !strings.Contains(head, want) {
			t.Errorf("Head lacks %s:\n%s", want, head)
		}
	}
	// A preloaded module would never get Chromium's code cache (see Head).
	if strings.Contains(head, "form.0123456789.wasm\" as=") {
		t.Errorf("Head preloads the module:\n%s", head)
	}
}

func TestSetKit(t *testing.T) {
	out, err := setKit([]byte("var KIT = /*KH164_KIT*/{ wasm: 'form.wasm' }/*KH164_KIT_END*/;"), `{ wasm: "form.1.wasm" }`)
	if err != nil || string(out) != `var KIT = /*KH164_KIT*/{ wasm: "form.1.wasm" }/*KH164_KIT_END*/;` {
		t.Errorf("%s %v", out, err)
	}
	if _, err := setKit([]byte("no marks"), "{}"); err == nil {
		t.Error("a loader without marks")
	}
	if got := hashed("form.wasm", []byte("x")); !strings.HasPrefix(got, "form.") || !strings.HasSuffix(got, ".wasm") || len(got) != len("form.0123456789.wasm") {
		t.Errorf("hashed %q", got)
	}
	src, err := assets.ReadFile("assets/kh164-form.js")
	if err != nil || !bytes.Contains(src, kitMarks[0]) || !bytes.Contains(src, kitMarks[1]) {
		t.Error("the loader lacks its KIT marks")
	}
}
