package report

import (
	"slices"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize puts every text field of r in Unicode Normalization Form C
// (NFC), the form in which lengths are counted: "ế" typed as "e" plus two
// combining marks becomes one character. It changes nothing else: text
// is not trimmed (surrounding whitespace is a validation error, so that
// the JSON Schema, which cannot trim, agrees), and indicator codes, the
// keys of a map, are left as they are.
func Normalize(r *Report) {
	texts(r, func(s string) string {
		if isNFCString(s) {
			return s
		}
		return norm.NFC.String(s)
	})
}

// isNFC reports whether every text field of r is in NFC already.
func isNFC(r *Report) bool {
	ok := true
	texts(r, func(s string) string {
		ok = ok && isNFCString(s)
		return s
	})
	return ok
}

// nfcTable is the range of characters nfcStarters covers: Latin, Vietnamese
// included, Greek, Cyrillic and the other scripts below U+2000.
const nfcTable = 0x2000

// nfcStarters has a bit for each character below nfcTable that is in NFC
// on its own and starts a segment that nothing before it combines with
// (norm.Properties.BoundaryBefore). A text of such characters only is in
// NFC, each being a segment of its own.
var nfcStarters = sync.OnceValue(func() *[nfcTable / 64]uint64 {
	var t [nfcTable / 64]uint64
	for r := range rune(nfcTable) {
		if s := string(r); norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.IsNormalString(s) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return &t
})

// isNFCString is norm.NFC.IsNormalString with a fast path for text made
// of nfcStarters alone, which is most text in Vietnamese: the general
// check costs about ten times more.
func isNFCString(s string) bool {
	t := nfcStarters()
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			continue
		}
		// Decode the two- and three-byte forms inline (Vietnamese letters
		// are three bytes); anything else, or ill-formed UTF-8, takes the
		// general check.
		r, n := rune(-1), 0
		switch {
		case b >= 0xC2 && b <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(b&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case b >= 0xE0 && b <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
				r = -1
			}
		}
		if r < 0 || r >= nfcTable || t[r>>6]&(1<<(r&63)) == 0 {
			return norm.NFC.IsNormalString(s)
		}
		i += n
	}
	return true
}

// texts replaces every text field s of r by f(s), writing only the
// fields that change. It is the one list of the text fields.
func texts(r *Report, f func(string) string) {
	for _, s := range [...]*string{&r.Plan, &r.Body, &r.Reference, &r.Difficulties, &r.Proposals,
		&r.PreparedBy.Name, &r.PreparedBy.Position, &r.PreparedBy.Phone, &r.PreparedBy.Email,
		&r.SignedBy.Name, &r.SignedBy.Position} {
		text(s, f)
	}
	text(&r.Period.Kind, f)
	for i := range r.Tasks {
		t := &r.Tasks[i]
		text(&t.Task, f)
		text(&t.Status, f)
		text(&t.Results, f)
		text(&t.Reason, f)
		for j := range t.Activities {
			text(&t.Activities[j], f)
		}
	}
}

func text[S ~string](s *S, f func(string) string) {
	if t := S(f(string(*s))); t != *s {
		*s = t
	}
}

// clone copies r deeply enough that texts may change the copy alone.
func clone(r *Report) *Report {
	c := *r
	c.Tasks = slices.Clone(r.Tasks)
	for i := range c.Tasks {
		c.Tasks[i].Activities = slices.Clone(c.Tasks[i].Activities)
	}
	return &c
}
