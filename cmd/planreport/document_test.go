package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kh164/kh164/plan"
)

// entries lists the files of dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func isDocx(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			return
		}
	}
	t.Errorf("%s has no word/document.xml", path)
}

func TestDocumentCommand(t *testing.T) {
	in := t.TempDir()
	r := runCmd("example", "--body", "so-y-te", "--period", "annual-2026")
	good := writeFile(t, "so-y-te.json", []byte(r.stdout))
	out := t.TempDir()
	docx := filepath.Join(out, "so-y-te.docx")
	if r := runCmd("document", "--out", docx, good); r.code != exitOK {
		t.Fatalf("document: exit %d: %s", r.code, r.stderr)
	}
	isDocx(t, docx)
	if r := runCmd("document", "--format", "html", good); r.code != exitOK || !strings.Contains(r.stdout, "SỞ Y TẾ") || !strings.Contains(r.stdout, "size: A4") {
		t.Errorf("document --format html: exit %d", r.code)
	}

	// Bad input: a clear error and no file, partial or not.
	for name, data := range map[string]string{
		"corrupt.json": `{"schemaVersion": 1, "body": "so-y-te",`,
		"invalid.json": strings.Replace(r.stdout, `"so-y-te"`, `"so-y-tee"`, 1),
	} {
		bad := filepath.Join(in, name)
		if err := os.WriteFile(bad, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(out, name+".docx")
		r := runCmd("document", "--out", dst, bad)
		if r.code != exitInvalid || !strings.Contains(r.stderr, bad+":") || !strings.Contains(r.stderr, "no document written") {
			t.Errorf("%s: exit %d, %q", name, r.code, r.stderr)
		}
	}
	if got := entries(t, out); len(got) != 1 || got[0] != "so-y-te.docx" {
		t.Errorf("files left in the output directory: %v", got)
	}
	usageError(t, runCmd("document", good), "--out")
	usageError(t, runCmd("document", "--out", filepath.Join(out, "no", "such", "dir.docx"), good))
	if got := entries(t, out); len(got) != 1 {
		t.Errorf("files left in the output directory: %v", got)
	}
}

func TestCompileAndReminderDocuments(t *testing.T) {
	dir := t.TempDir()
	files := examples(t, dir, plan.Period{Kind: plan.Annual, Year: 2026}, "")
	out := t.TempDir()
	docx := filepath.Join(out, "tong-hop.docx")
	if r := runCmd("compile", "--period", "annual-2026", "--as-of", "2026-12-20", "--format", "docx", "--out", docx, "--number", "125/BC-HCTĐ", dir); r.code != exitOK {
		t.Fatalf("compile docx: exit %d: %s", r.code, r.stderr)
	}
	isDocx(t, docx)
	if r := runCmd("compile", "--period", "annual-2026", "--as-of", "2026-12-20", "--format", "html", dir); r.code != exitOK || !strings.Contains(r.stdout, "Số: ……/BC-……") || !strings.Contains(r.stdout, "size: A4") {
		t.Errorf("compile html: exit %d", r.code)
	}
	md := filepath.Join(out, "tong-hop.md")
	if r := runCmd("compile", "--period", "annual-2026", "--as-of", "2026-12-20", "--out", md, files[0], files[1]); r.code != exitOK {
		t.Fatalf("compile --out: exit %d: %s", r.code, r.stderr)
	}
	rem := filepath.Join(out, "don-doc.docx")
	if r := runCmd("reminder", "--period", "annual-2026", "--as-of", "2026-11-21", "--out", rem, files[0], files[1]); r.code != exitOK {
		t.Fatalf("reminder: exit %d: %s", r.code, r.stderr)
	}
	isDocx(t, rem)
	// Everyone filed: nobody to remind, and no file.
	none := filepath.Join(out, "none.docx")
	usageError(t, runCmd("reminder", "--period", "annual-2026", "--as-of", "2026-12-20", "--out", none, dir), "no one to remind")
	usageError(t, runCmd("compile", "--period", "annual-2026", "--format", "docx", dir), "--out")
	usageError(t, runCmd("compile", "--period", "annual-2026", "--format", "pdf", dir), "--format")
	usageError(t, runCmd("reminder", "--period", "annual-2026", "--date", "2026-02-30", dir), "--date")
	if got := entries(t, out); len(got) != 3 {
		t.Errorf("output directory: %v, want the compiled report, its Markdown and the reminder", got)
	}
}
