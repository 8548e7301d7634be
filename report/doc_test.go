package report_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/codelist"
)

// The package documentation lists exactly the codes that Parse, Validate
// and Compile can return: the constants of diag's blocks for strict
// decoding, report validation and compilation.
func TestDocListsEveryCode(t *testing.T) {
	cs, err := codelist.Read("../diag/code.go")
	if err != nil {
		t.Fatal(err)
	}
	want := codelist.Values(cs, "Codes of strict decoding", "Codes of report validation", "Codes of compilation")
	if len(want) < 30 {
		t.Fatalf("found only %d codes in diag/code.go: were its blocks renamed?", len(want))
	}
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	// The codes of Parse: the sentence "Its codes are …" of # Parsing.
	_, parse, _ := strings.Cut(text, "Its codes are")
	parse, _, _ = strings.Cut(parse, "When")
	word := regexp.MustCompile(`[a-z][a-z0-9]*(?:_[a-z0-9]+)+|\b(?:empty|syntax|required)\b`)
	got := word.FindAllString(strings.ReplaceAll(parse, "//", ""), -1)
	// The table of # Issue codes: the first column.
	_, table, _ := strings.Cut(text, "//\tcode ")
	row := regexp.MustCompile(`(?m)^//\t([a-z][a-z0-9_]*) `)
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		got = append(got, m[1])
	}
	slices.Sort(got)
	got = slices.Compact(got)
	slices.Sort(want)
	for _, c := range want {
		if _, ok := slices.BinarySearch(got, c); !ok {
			t.Errorf("report/doc.go does not list code %s", c)
		}
	}
	for _, c := range got {
		if _, ok := slices.BinarySearch(want, c); !ok {
			t.Errorf("report/doc.go lists %s, which is not a code of Parse, Validate or Compile in diag/code.go", c)
		}
	}
}
