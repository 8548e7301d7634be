package build

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"form.wasm": "raw", "form.wasm.br": "brotli", "form.wasm.gz": "gzip",
		"kh164-form.js": "js", "kh164-form.css": "css", "wasm_exec.js": "go", "secret.txt": "no",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.Header.Set("Accept-Encoding", c.accept)
		resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
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
