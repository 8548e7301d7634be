package plan_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/codelist"
)

// The # Codes section of the package documentation names only codes of
// package diag, and every code of diag's block for the plan.
func TestDocListsPlanCodes(t *testing.T) {
	cs, err := codelist.Read("../diag/code.go")
	if err != nil {
		t.Fatal(err)
	}
	all, mine := codelist.Values(cs), codelist.Values(cs, "Codes of the plan")
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(src), "// # Codes")
	section, _, _ = strings.Cut(section, "(strict JSON decoding codes")
	var listed []string
	for _, line := range strings.Split(section, "\n") {
		line = strings.TrimPrefix(line, "//\t")
		if strings.HasPrefix(line, " ") { // a description, not codes
			continue
		}
		line, _, _ = strings.Cut(line, "  ") // the codes, before their description
		line, _, _ = strings.Cut(line, " (")
		listed = append(listed, regexp.MustCompile(`^[a-z_]+|(?:, )([a-z_]+)`).FindAllString(line, -1)...)
	}
	for i, c := range listed {
		listed[i] = strings.TrimPrefix(c, ", ")
	}
	for _, c := range listed {
		if !slices.Contains(all, c) {
			t.Errorf("plan/doc.go lists %s, which is not a code of diag/code.go", c)
		}
	}
	for _, c := range mine {
		if !slices.Contains(listed, c) {
			t.Errorf("plan/doc.go does not list %s", c)
		}
	}
}
