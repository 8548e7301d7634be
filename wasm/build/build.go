// Package build makes the embedding kit of the reporting form: the
// WebAssembly program, compressed, with the files that load it.
//
// Dist writes, into one folder:
//
//	form.wasm         the form (github.com/kh164/kh164/wasm/cmd/form), GOOS=js GOARCH=wasm, -trimpath -ldflags="-s -w"
//	form.wasm.br      the same, brotli (quality 11, window 2^24)
//	form.wasm.gz      the same, gzip (best compression)
//	wasm_exec.js      the toolchain's support script, from $(go env GOROOT)/lib/wasm
//	kh164-form.js     the loader: KH164Form.mount and <kh164-report-form>
//	kh164-form.css    the stylesheet, scoped to .kh164-form
//
// Handler serves such a folder with the right types and the precompressed
// module. Dist runs the go command, so it works inside this module's
// source tree (go generate, tests, a portal in development); a production
// portal serves a folder built beforehand.
package build

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

//go:embed assets/kh164-form.js assets/kh164-form.css
var assets embed.FS

// Package is the import path of the WebAssembly program.
const Package = "github.com/kh164/kh164/wasm/cmd/form"

// Options tune Dist. The zero value makes the smallest files.
type Options struct {
	// Quick compresses faster but larger (brotli quality 5, gzip level 6),
	// for tests and development: about 1 s instead of 30 s.
	Quick bool
	// Go is the go command to build with; empty means "go" on PATH. Its
	// GOROOT gives wasm_exec.js, so that the script matches the module.
	Go string
}

// Dist builds the kit into dir with the smallest files.
func Dist(dir string) error { return Options{}.Dist(dir) }

// Dist builds the kit into dir, creating it if needed. Each file is
// written under a temporary name and renamed, so a server never serves
// half a file.
func (o Options) Dist(dir string) error {
	gocmd := o.Go
	if gocmd == "" {
		gocmd = "go"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(dir, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "form.wasm")
	cmd := exec.Command(gocmd, "build", "-trimpath", "-ldflags=-s -w", "-o", out, Package)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", Package, err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	root, err := exec.Command(gocmd, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	support, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	files := map[string][]byte{"form.wasm": wasm, "wasm_exec.js": support}
	for _, name := range []string{"kh164-form.js", "kh164-form.css"} {
		if files[name], err = assets.ReadFile("assets/" + name); err != nil {
			return err
		}
	}
	brLevel, gzLevel := brotli.BestCompression, gzip.BestCompression
	if o.Quick {
		brLevel, gzLevel = 5, gzip.DefaultCompression
	}
	if files["form.wasm.br"], err = compress(wasm, func(w io.Writer) io.WriteCloser {
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brLevel, LGWin: 24})
	}); err != nil {
		return err
	}
	if files["form.wasm.gz"], err = compress(wasm, func(w io.Writer) io.WriteCloser {
		z, _ := gzip.NewWriterLevel(w, gzLevel) // the level is valid
		return z
	}); err != nil {
		return err
	}
	for name, data := range files {
		p := filepath.Join(tmp, name+".new")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(p, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func compress(data []byte, newWriter func(io.Writer) io.WriteCloser) ([]byte, error) {
	var b bytes.Buffer
	w := newWriter(&b)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// types are the files Handler serves, with their media types.
var types = map[string]string{
	"form.wasm":      "application/wasm",
	"form.wasm.gz":   "application/gzip", // the loader asks for this one (see gzipName)
	"wasm_exec.js":   "text/javascript; charset=utf-8",
	"kh164-form.js":  "text/javascript; charset=utf-8",
	"kh164-form.css": "text/css; charset=utf-8",
}

// Handler serves the kit in dir at its root: the files Dist writes, each
// with its media type (form.wasm as application/wasm), form.wasm
// precompressed (brotli or gzip, as the browser accepts) and every file
// revalidated with Last-Modified. form.wasm.gz, the name the loader asks
// for, is negotiated the same way. Other paths are 404. Mount it under a
// prefix with http.StripPrefix.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		typ, ok := types[name]
		if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", typ)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		file := name
		if name == "form.wasm" || name == gzipName {
			// Both names are the module, compressed as the browser accepts.
			// The loader asks for the gzip copy, which a plain static server
			// sends as it is (application/gzip) and the loader decompresses;
			// here the browser gets it brotli or gzip Content-Encoding,
			// or the gzip file as it is when it accepts neither.
			h.Add("Vary", "Accept-Encoding")
			for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
				if accepts(r.Header.Get("Accept-Encoding"), enc.token) {
					if _, err := os.Stat(filepath.Join(dir, "form.wasm"+enc.ext)); err == nil {
						h.Set("Content-Type", types["form.wasm"])
						h.Set("Content-Encoding", enc.token)
						file = "form.wasm" + enc.ext
						break
					}
				}
			}
		}
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// gzipName is the gzip copy of the module, the name the loader fetches.
const gzipName = "form.wasm.gz"

// accepts reports whether an Accept-Encoding header accepts token (with a
// q-value other than 0).
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
