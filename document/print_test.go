package document_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/browsertest"
)

// TestBrowserPrintsTheHTML prints each document's HTML view to PDF with
// headless Chromium, as a person saving it as PDF would, and reads it back
// like the .docx: every paragraph in full and in order, A4, Times New
// Roman or Liberation Serif. It needs Chromium (KH164_REQUIRE_BROWSER=1
// makes it mandatory) and poppler (KH164_REQUIRE_OFFICE=1).
func TestBrowserPrintsTheHTML(t *testing.T) {
	chromium := browsertest.Require(t)
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing(t, tool+" (poppler-utils)")
		}
	}
	dir := t.TempDir()
	for _, d := range documents(t) {
		t.Run(d.name, func(t *testing.T) {
			page := filepath.Join(dir, d.name+".html")
			var b bytes.Buffer
			if err := d.doc.WriteHTML(&b, d.name); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(dir, d.name+".pdf")
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
				"--user-data-dir="+filepath.Join(dir, "profile-"+d.name), "--print-to-pdf="+pdf, "file://"+page)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("Chromium: %v\n%s", err, out)
			}
			// pdftotext joins a line that ends in a hyphen to the next one
			// without it ("140-" + "KH/TU"), so hyphens are left out of
			// the comparison.
			text, _ := checkPDF(t, pdf, d.name, d.doc, unhyphenated)
			if os.Getenv("KH164_KEEP_PDF") != "" {
				os.WriteFile(filepath.Join(os.Getenv("KH164_KEEP_PDF"), d.name+"-print.txt"), text, 0o644)
			}
		})
	}
}

func unhyphenated(s string) string { return strings.ReplaceAll(s, "-", "") }
