package gogettest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/kh164/kh164/internal/changelog"
)

const modulePath = "github.com/kh164/kh164"

// version is the newest version of CHANGELOG.md, the one the consumer
// gets as @latest.
func version(t *testing.T, root string) string {
	t.Helper()
	v, err := changelog.Version(root)
	if err != nil {
		t.Fatal(err)
	}
	return "v" + v
}

// file is a file of the working tree, for modzip.Create.
type file struct{ root, path string }

func (f file) Path() string                 { return f.path }
func (f file) Lstat() (os.FileInfo, error)  { return os.Lstat(f.abs()) }
func (f file) Open() (io.ReadCloser, error) { return os.Open(f.abs()) }
func (f file) abs() string                  { return filepath.Join(f.root, filepath.FromSlash(f.path)) }

// proxy writes a GOPROXY folder serving the working tree at root as
// modulePath@v: list, .info, .mod and the zip made by golang.org/x/mod/zip
// from the files git tracks or would track (edits included; ignored files
// such as wasm/dist and node_modules left out).
func proxy(t *testing.T, root, v string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("git ls-files: %v (the consumer test packs the tree git knows)", err)
	}
	var files []modzip.File
	for _, p := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if st, err := os.Lstat(filepath.Join(root, p)); err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		files = append(files, file{root, p})
	}
	dir := filepath.Join(t.TempDir(), "proxy")
	at := filepath.Join(dir, modulePath, "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	if err := modzip.Create(&z, module.Version{Path: modulePath, Version: v}, files); err != nil {
		t.Fatalf("module zip: %v", err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info, _ := json.Marshal(map[string]any{"Version": v, "Time": time.Now().UTC().Format(time.RFC3339)})
	for name, data := range map[string][]byte{"list": []byte(v + "\n"), v + ".info": info, v + ".mod": gomod, v + ".zip": z.Bytes()} {
		if err := os.WriteFile(filepath.Join(at, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("proxy: %s@%s, %d files, zip %d KB", modulePath, v, len(files), z.Len()>>10)
	return dir
}

// fileURL is the file:// URL of a local folder.
func fileURL(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String()
}

// consumer is the scratch module's program: it uses plan, report and
// schema as a Go developer would after go get.
const consumer = `package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/schema"
)

func main() {
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	r, err := report.Example(plan.Default(), "so-y-te", p)
	if err != nil {
		panic(err)
	}
	data, _ := json.Marshal(r)
	if _, err := report.Default().Parse("so-y-te.json", data); err != nil {
		panic(err)
	}
	_, err = report.Default().Parse("bad.json", []byte("{\"schemaVersion\": 2}"))
	var issues diag.List
	if !errors.As(err, &issues) {
		panic("no issues")
	}
	s, err := schema.Report(plan.Default(), diag.EN)
	if err != nil {
		panic(err)
	}
	due, _ := plan.Default().Due("so-y-te", p)
	fmt.Fprintf(os.Stdout, "valid example; %s; schema %d bytes; due %s\n", issues[0].Format(diag.EN), len(s), due)
}
`

// TestGoGet is the consumer test (see the package documentation).
func TestGoGet(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	v := version(t, root)
	prox := proxy(t, root, v)

	goenv := func(name string) string {
		out, err := exec.Command(gobin, "env", name).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	// This module from the folder; the others from the module cache
	// already here (as a file proxy, so the test works offline when it is
	// warm), then from the proxy the go command is set up with.
	goproxy := fileURL(prox) + "," + fileURL(filepath.Join(goenv("GOMODCACHE"), "cache", "download")) + "," + goenv("GOPROXY")
	scratch := filepath.Join(t.TempDir(), "consumer")
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"GOPROXY="+goproxy,
		"GOMODCACHE="+filepath.Join(t.TempDir(), "modcache"), // nothing of this module cached from an earlier run
		"GONOSUMDB="+modulePath,                              // the folder's zip is not in the checksum database
		"GOFLAGS=-mod=mod",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
		"GOBIN="+filepath.Join(t.TempDir(), "bin"),
	)
	gocmd := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command(gobin, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { // the module cache is read-only: let go remove it
		cmd := exec.Command(gobin, "clean", "-modcache")
		cmd.Env = env
		cmd.Run()
	})

	gocmd(scratch, "mod", "init", "example.com/consumer")
	if err := os.WriteFile(filepath.Join(scratch, "main.go"), []byte(consumer), 0o644); err != nil {
		t.Fatal(err)
	}
	gocmd(scratch, "get", modulePath+"@latest")
	gomod, _ := os.ReadFile(filepath.Join(scratch, "go.mod"))
	if !bytes.Contains(gomod, []byte("require "+modulePath+" "+v)) && !bytes.Contains(gomod, []byte("\t"+modulePath+" "+v)) {
		t.Fatalf("go get did not require %s %s:\n%s", modulePath, v, gomod)
	}
	if bytes.Contains(gomod, []byte("replace")) {
		t.Fatalf("go.mod has a replace directive:\n%s", gomod)
	}
	gocmd(scratch, "mod", "tidy")
	gomod, _ = os.ReadFile(filepath.Join(scratch, "go.mod"))
	if bytes.Contains(gomod, []byte("modernc.org/sqlite")) || bytes.Contains(gomod, []byte("chromedp")) {
		t.Errorf("the consumer requires the portal's or the tests' dependencies:\n%s", gomod)
	}
	gocmd(scratch, "build", "-o", "consumer", ".")
	out, err := exec.Command(filepath.Join(scratch, "consumer")).CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "valid example; bad.json:1:1: /plan: Enter the plan") || !strings.Contains(string(out), "due 2026-11-20") {
		t.Fatalf("the consumer program: %v\n%s", err, out)
	}
	t.Logf("consumer: %s", strings.TrimSpace(string(out)))

	// go install …/cmd/planreport@VERSION, as the README says (@latest).
	gocmd(scratch, "install", modulePath+"/cmd/planreport@latest")
	bin := filepath.Join(envValue(env, "GOBIN"), "planreport")
	out, err = exec.Command(bin, "bodies", "--at", "2026-11-15").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "so-y-te") {
		t.Fatalf("installed planreport: %v\n%s", err, out)
	}
}

func envValue(env []string, name string) string {
	v := ""
	for _, kv := range env {
		if k, x, ok := strings.Cut(kv, "="); ok && k == name {
			v = x
		}
	}
	return v
}
