package report

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzIsNFCString proves the fast NFC check against the general one, on
// any bytes (ill-formed UTF-8 included).
func FuzzIsNFCString(f *testing.F) {
	for _, s := range []string{"Hà Nội", "Ha\u0300 No\u0302\u0323i", "ệ", "\u1100\u1161", "a\u0301", "\xed\xa0\x80", "\xe0\x80\x80", "\xc3", "Ω", "ǅ", "\u0344"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNFCString(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("isNFCString(%q) = %v, norm says %v", s, got, want)
		}
	})
}

// TestNFCStartersPairs checks every pair of table characters from the
// Latin, Vietnamese and combining ranges: none composes, so a text of
// them alone is NFC.
func TestNFCStartersPairs(t *testing.T) {
	t0 := nfcStarters()
	var in []rune
	for r := range rune(nfcTable) {
		if t0[r>>6]&(1<<(r&63)) != 0 && (r < 0x300 || (r >= 0x1E00 && r < 0x1F00)) {
			in = append(in, r)
		}
	}
	for _, a := range in {
		for _, b := range in {
			s := string([]rune{a, b})
			if !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q is not NFC, yet both characters are in the table", s)
			}
		}
	}
}
