package document_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// pdftotext joins a line that ends in a hyphen to the next one
			// without it ("140-" + "KH/TU"), so hyphens are left out of
			// the comparison.
			got := unhyphenated(visible(withoutPageNumbers(string(text))))
			if os.Getenv("KH164_KEEP_PDF") != "" {
				os.WriteFile(filepath.Join(os.Getenv("KH164_KEEP_PDF"), d.name+"-print.txt"), text, 0o644)
			}
			pos := 0
			for _, want := range expectedText(t, d.name, d.doc) {
				want = unhyphenated(want)
				i := strings.Index(got[pos:], want)
				if i < 0 {
					t.Errorf("the printed page lacks, in order after character %d: %q", pos, want)
					continue
				}
				pos += i + len(want)
			}
			info, _ := exec.Command("pdfinfo", pdf).Output()
			if !regexp.MustCompile(`Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)`).Match(info) {
				t.Errorf("not A4:\n%s", info)
			}
			fonts, _ := exec.Command("pdffonts", pdf).Output()
			for _, l := range strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:] {
				if name := strings.Fields(l)[0]; !strings.Contains(name, "TimesNewRoman") && !strings.Contains(name, "LiberationSerif") {
					t.Errorf("font %s is neither Times New Roman nor Liberation Serif", name)
				}
			}
		})
	}
}

func unhyphenated(s string) string { return strings.ReplaceAll(s, "-", "") }
