// Package textrule declares, once, the character rules of the text fields
// of reports and units files: which characters are forbidden and which may
// not stand at either end. A rule is checked in Go by a loop and published,
// for JSON Schema, as a pattern that RE2 and ECMA-262 read alike.
package textrule

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A Rule is a text rule made of a forbidden set of characters and, for
// trimmed text, a set that may not stand at either end. It is checked in Go
// by a loop and published as a pattern that RE2 and ECMA-262 (with the u
// flag) read alike: character classes of \xHH escapes and literal
// characters only.
type Rule struct {
	forbidden []rune // pairs: first, last (inclusive)
	ends      []rune // pairs; characters that may not start or end the text
	// latin1 and top are forbidden as a lookup: the forbidden characters
	// below U+0100 as bits, and the largest forbidden character.
	latin1 [4]uint64
	top    rune
}

// New makes a rule from forbidden ranges and the ranges that may not stand
// at either end, each given as pairs of first and last character.
func New(forbidden, ends []rune) Rule {
	c := Rule{forbidden: forbidden, ends: ends}
	for r := range rune(0x100) {
		if inRanges(r, forbidden) {
			c.latin1[r>>6] |= 1 << (r & 63)
		}
	}
	for i := 1; i < len(forbidden); i += 2 {
		c.top = max(c.top, forbidden[i])
	}
	return c
}

// whitespace is what may not begin or end a text: the characters for which
// unicode.IsSpace is true, and U+FEFF.
var whitespace = []rune{
	'\t', '\r', ' ', ' ', 0x85, 0x85, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A,
	0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF,
}

func inRanges(r rune, ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if r >= ranges[i] && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// Check reports whether s obeys the rule; an empty s does not.
func (c Rule) Check(s string) bool {
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if inRanges(first, c.ends) || inRanges(last, c.ends) {
		return false
	}
	if c.top >= 0x100 {
		for _, r := range s {
			if c.Forbids(r) {
				return false
			}
		}
		return true
	}
	// Every forbidden character is below U+0100: look only at ASCII bytes
	// and at the two-byte sequences of U+0080–U+00FF (lead byte C2 or C3),
	// skipping the rest of the text (Vietnamese letters are three bytes)
	// without decoding it. s is valid UTF-8 in the kit; in invalid input a
	// stray C2/C3 byte is read as its character, as range would not.
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b < utf8.RuneSelf:
			if c.latin1[b>>6]&(1<<(b&63)) != 0 {
				return false
			}
		case (b == 0xC2 || b == 0xC3) && i+1 < len(s):
			r := rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
			if c.latin1[r>>6]&(1<<(r&63)) != 0 {
				return false
			}
			i++
		}
	}
	return true
}

// Forbids reports whether r is in the forbidden ranges.
func (c Rule) Forbids(r rune) bool {
	if r < 0x100 {
		return c.latin1[r>>6]&(1<<(r&63)) != 0
	}
	return r <= c.top && inRanges(r, c.forbidden)
}

// Pattern is the rule as a regular expression: one allowed character that
// is not whitespace, or two such around any allowed characters.
func (c Rule) Pattern() string {
	any := "[^" + class(c.forbidden) + "]"
	edge := "[^" + class(c.forbidden) + class(c.ends) + "]"
	return "^(?:" + edge + "|" + edge + any + "*" + edge + ")$"
}

// class writes ranges for a character class: \xHH for the first 256 code
// points, the character itself above (both engines read a literal
// character in a class the same way).
func class(ranges []rune) string {
	var b strings.Builder
	one := func(r rune) {
		if r < 0x100 {
			fmt.Fprintf(&b, `\x%02X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		one(ranges[i])
		if ranges[i+1] != ranges[i] {
			b.WriteByte('-')
			one(ranges[i+1])
		}
	}
	return b.String()
}

// AtEnd reports whether r may not begin or end a text.
func (c Rule) AtEnd(r rune) bool { return inRanges(r, c.ends) }

// Trim removes from both ends of s the characters that may not stand
// there: what a form does for a person before the rule is checked.
func (c Rule) Trim(s string) string { return strings.TrimFunc(s, c.AtEnd) }

// The rules of the kit: Prose allows tabs and line breaks inside the text,
// Line allows no control character at all. Both forbid C0 and C1 controls
// and DEL, and whitespace at either end.
var (
	Prose = New([]rune{0x00, 0x08, 0x0B, 0x0C, 0x0E, 0x1F, 0x7F, 0x9F}, whitespace)
	Line  = New([]rune{0x00, 0x1F, 0x7F, 0x9F}, whitespace)
)
