package textrule_test

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/kh164/kh164/internal/textrule"
)

var rules = map[string]textrule.Rule{"prose": textrule.Prose, "line": textrule.Line}

func TestRules(t *testing.T) {
	cases := []struct {
		in          string
		prose, line bool
	}{
		{"Hà Nội", true, true},
		{"", false, false},
		{" Hà Nội", false, false},
		{"Hà Nội\u00a0", false, false},
		{"dòng 1\ndòng 2", true, false},
		{"cột\tcột", true, false},
		{"a\x00b", false, false},
		{"a\u0085b", false, false},
		{"a\u009fb", false, false},
		{"a\u00a0b", true, true},
		{"a\x7fb", false, false},
		{"ệ\u2028ệ", true, true},
		{"\ufeffabc", false, false},
	}
	for _, c := range cases {
		for name, want := range map[string]bool{"prose": c.prose, "line": c.line} {
			if got := rules[name].Check(c.in); got != want {
				t.Errorf("%s.Check(%q) = %v, want %v", name, c.in, got, want)
			}
		}
	}
}

// FuzzCheckAgreesWithPattern proves that Check and the published pattern
// (what JSON Schema validators run) accept the same texts.
func FuzzCheckAgreesWithPattern(f *testing.F) {
	for _, s := range []string{"Hà Nội", " x", "x ", "a\tb", "a\nb", "\u0085", "ệ\u00a0ệ", "a\u009fb", "\x7f", "Ă"} {
		f.Add(s)
	}
	res := map[string]*regexp.Regexp{}
	for name, r := range rules {
		res[name] = regexp.MustCompile(r.Pattern())
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the kit's texts are valid UTF-8: the decoder rejects the rest
		}
		for name, r := range rules {
			if got, want := r.Check(s), res[name].MatchString(s); got != want {
				t.Fatalf("%s: Check(%q) = %v, pattern says %v", name, s, got, want)
			}
		}
	})
}

func TestTrimLeavesWhatCheckAccepts(t *testing.T) {
	if got := textrule.Line.Trim(" \u00a0Hà Nội\ufeff\n"); got != "Hà Nội" {
		t.Errorf("Trim = %q", got)
	}
	for _, s := range []string{" x ", "\t\nHà Nội\u3000", "\u2028a\u2029"} {
		if tr := textrule.Prose.Trim(s); !textrule.Prose.Check(tr) {
			t.Errorf("Check(Trim(%q)) = false", s)
		}
	}
}
