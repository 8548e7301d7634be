package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kh164/kh164/diag"
)

// TestValidateIsCapped: a report of thousands of problems prints
// diag.MaxIssues issues and one line saying how many more, as the portal
// and the widget answer (they share report.Checker).
func TestValidateIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 5000 {
		fmt.Fprintf(&b, "\"k%d\": 0,\n", i)
	}
	b.WriteString(`"schemaVersion": 1}`)
	r := runCmd("validate", "--lang", "en", writeFile(t, "many.json", []byte(b.String())))
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != exitInvalid || len(lines) != diag.MaxIssues+1 {
		t.Fatalf("exit %d, %d lines", r.code, len(lines))
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "4950 more issues are not listed") {
		t.Errorf("the last line: %s", last)
	}
}
