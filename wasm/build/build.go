// Package build makes the embedding kit of the reporting form: the
// WebAssembly program, compressed, with the files that load it.
//
// Dist writes, into one folder:
//
//	form.wasm         the form (github.com/kh164/kh164/wasm/cmd/form), GOOS=js GOARCH=wasm, -trimpath -ldflags="-s -w",
//	                  built with the tag validator_novalidatefn (the project uses no validateFn, and without the
//	                  tag validator's MethodByName keeps every exported method of every reachable type)
//	wasm_exec.js      the toolchain's support script, from $(go env GOROOT)/lib/wasm
//	kh164-form.js     the loader: KH164Form.mount and <kh164-report-form>
//	kh164-form.css    the stylesheet, scoped to .kh164-form
//	NAME.br, NAME.gz  each of them compressed: brotli (quality 11, window 2^24) and gzip (best compression)
//	manifest.json     each file's content-hashed name ("form.wasm": "form.1a2b3c4d5e.wasm") and size
//
// Handler serves such a folder: the plain names revalidated on every use,
// the hashed names as immutable (a page that links the kit as Head writes
// loads every file by hashed name, and asks nothing again on a repeat
// visit). Any static server can serve the folder by plain names. Dist runs
// the go command, so it works inside this module's source tree (go
// generate, tests, a portal in development); a production portal serves a
// folder built beforehand.
package build

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

//go:embed assets/kh164-form.js assets/kh164-form.css
var assets embed.FS

// Package is the import path of the WebAssembly program.
const Package = "github.com/kh164/kh164/wasm/cmd/form"

// Tags are the build tags of the WebAssembly program.
const Tags = "validator_novalidatefn"

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
	cmd := exec.Command(gocmd, "build", "-trimpath", "-tags", Tags, "-ldflags=-s -w", "-o", out, Package)
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
	m := Manifest{}
	for _, name := range []string{"form.wasm", "wasm_exec.js", "kh164-form.css"} {
		m[name] = hashed(name, files[name])
	}
	// The loader gets the module's size, for its progress bar; then it is
	// hashed itself. It keeps the plain names, which any static server
	// serves; Head names the hashed ones on its script element.
	kitJSON := fmt.Sprintf(`{ wasm: 'form.wasm', exec: 'wasm_exec.js', size: %d }`, len(wasm))
	loader, err := setKit(files["kh164-form.js"], kitJSON)
	if err != nil {
		return err
	}
	files["kh164-form.js"] = loader
	m["kh164-form.js"] = hashed("kh164-form.js", loader)
	brLevel, gzLevel := brotli.BestCompression, gzip.BestCompression
	if o.Quick {
		brLevel, gzLevel = 5, gzip.DefaultCompression
	}
	for _, name := range []string{"form.wasm", "wasm_exec.js", "kh164-form.js", "kh164-form.css"} {
		data := files[name]
		if files[name+".br"], err = compress(data, func(w io.Writer) io.WriteCloser {
			return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: brLevel, LGWin: 24})
		}); err != nil {
			return err
		}
		if files[name+".gz"], err = compress(data, func(w io.Writer) io.WriteCloser {
			z, _ := gzip.NewWriterLevel(w, gzLevel) // the level is valid
			return z
		}); err != nil {
			return err
		}
	}
	if files["manifest.json"], err = json.MarshalIndent(m, "", "  "); err != nil {
		return err
	}
	// The manifest goes last: a server reading it finds every file it names.
	names := make([]string, 0, len(files))
	for name := range files {
		if name != "manifest.json" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range append(names, "manifest.json") {
		p := filepath.Join(tmp, name+".new")
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
		if err := os.Rename(p, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// kitMarks delimit the loader's KIT object, which Dist replaces.
var kitMarks = [2][]byte{[]byte("/*KH164_KIT*/"), []byte("/*KH164_KIT_END*/")}

func setKit(loader []byte, kit string) ([]byte, error) { return setMarked(loader, kitMarks, kit) }

// setMarked replaces what lies between the marks in src with text.
func setMarked(src []byte, marks [2][]byte, text string) ([]byte, error) {
	i := bytes.Index(src, marks[0])
	j := bytes.Index(src, marks[1])
	if i < 0 || j < i {
		return nil, fmt.Errorf("no %s … %s marks", marks[0], marks[1])
	}
	out := append([]byte(nil), src[:i+len(marks[0])]...)
	out = append(out, text...)
	return append(out, src[j:]...), nil
}

// hashed is name with the first 10 hex digits of its content's SHA-256
// before the extension: form.wasm → form.1a2b3c4d5e.wasm.
func hashed(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// Manifest maps the plain name of each file of the kit to its
// content-hashed name.
type Manifest map[string]string

// ReadManifest reads the manifest of a kit folder that Dist wrote.
func ReadManifest(dir string) (Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	return m, nil
}

// Head is the markup a page puts in its <head> to load the kit served at
// base (a URL path such as "/kh164", no trailing slash): the stylesheet, a
// preload of the support script, and the loader, all by hashed name. The
// loader is async and starts the module's download as soon as it runs, with
// its own fetch: the browser's response goes to the streaming compiler, so
// that Chromium can keep the compiled code for the next visit. The module is
// deliberately not preloaded: Chromium does not hand the code cache to a
// fetch that takes over a preloaded response, and every visit would compile
// the module again. The chain is three requests deep (page, loader, module);
// on a repeat visit the loader comes from the cache at once.
func (m Manifest) Head(base string) string {
	u := func(name string) string { return attrEscaper.Replace(base + "/" + m[name]) }
	return `<link rel="stylesheet" href="` + u("kh164-form.css") + `">` + "\n" +
		`<link rel="preload" href="` + u("wasm_exec.js") + `" as="script">` + "\n" +
		`<script src="` + u("kh164-form.js") + `" data-kh164-wasm="` + attrEscaper.Replace(m["form.wasm"]) +
		`" data-kh164-exec="` + attrEscaper.Replace(m["wasm_exec.js"]) + `" async></script>` + "\n"
}

var attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;")

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

// Cache-Control of the plain and of the hashed names.
const (
	revalidate = "no-cache"
	immutable  = "public, max-age=31536000, immutable"
)

// Handler serves the kit in dir at its root: the files Dist writes, each
// with its media type (form.wasm as application/wasm), precompressed
// (brotli or gzip, as the browser accepts). form.wasm.gz, the name the
// loader asks for when a page links the plain names, is the module
// negotiated the same way (or the gzip file as it is, application/gzip,
// for a browser that accepts neither). The plain names are revalidated
// with Last-Modified on every use; the hashed names of the manifest are
// served with Cache-Control: public, max-age=31536000, immutable, and 404
// once the kit was rebuilt with other content. Other paths are 404. Mount
// it under a prefix with http.StripPrefix.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.NotFound(w, r)
			return
		}
		cache := revalidate
		if _, ok := types[name]; !ok {
			plain := ""
			if m, err := ReadManifest(dir); err == nil {
				for p, h := range m {
					if h == name {
						plain = p
					}
				}
			}
			if plain == "" {
				http.NotFound(w, r)
				return
			}
			name, cache = plain, immutable
		}
		h := w.Header()
		h.Set("Content-Type", types[name])
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", cache)
		h.Add("Vary", "Accept-Encoding")
		file := name
		base := name
		if name == gzipName {
			// Both names are the module, compressed as the browser accepts;
			// a plain static server sends the gzip copy as it is, and the
			// loader decompresses it.
			base = "form.wasm"
		}
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if accepts(r.Header.Get("Accept-Encoding"), enc.token) {
				if _, err := os.Stat(filepath.Join(dir, base+enc.ext)); err == nil {
					h.Set("Content-Type", types[base])
					h.Set("Content-Encoding", enc.token)
					file = base + enc.ext
					break
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
		if cache == immutable {
			http.ServeContent(w, r, "", time.Time{}, f) // no revalidation: the name is the version
			return
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// gzipName is the gzip copy of the module, the name the loader fetches
// when the page links the kit by plain names.
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
