package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"kh164/plan"
)

// This file declares, once, every rule that a validate tag names and that
// is not built into go-playground/validator. The checker registers them
// with the validator; package schema turns the same declarations into JSON
// Schema keywords. Nothing here is written twice.

// Length limits of text, in characters: Unicode code points of the NFC
// text, the count the form shows and JSON Schema's maxLength uses.
const (
	MaxProse     = 10000 // results, reason, difficulties, proposals
	MaxLine      = 200   // names and positions
	MaxEmail     = 254
	MaxReference = 50 // the report's own number and symbol
)

// Aliases are validate tags that stand for a list of others. The validator
// and the schema mapping both expand them.
var Aliases = map[string]string{
	"schema_version": fmt.Sprintf("eq=%d", SchemaVersion),
	"plan_id":        "eq=" + plan.ID,
	"year":           fmt.Sprintf("gte=%d,lte=%d", plan.FirstYear, plan.LastYear),
	"prose":          fmt.Sprintf("max=%d,prose_text", MaxProse),
	"line":           fmt.Sprintf("max=%d,line_text", MaxLine),
	"reference":      fmt.Sprintf("max=%d,symbol", MaxReference),
	"email_addr":     fmt.Sprintf("max=%d,email_syntax", MaxEmail),
}

// A charRule is a text rule made of a forbidden set of characters and, for
// trimmed text, a set that may not stand at either end. It is checked in Go
// by a loop and published as a pattern that RE2 and ECMA-262 (with the u
// flag) read alike: character classes of \xHH escapes and literal
// characters only.
type charRule struct {
	forbidden []rune // pairs: first, last (inclusive)
	ends      []rune // pairs; characters that may not start or end the text
	// latin1 and top are forbidden as a lookup: the forbidden characters
	// below U+0100 as bits, and the largest forbidden character.
	latin1 [4]uint64
	top    rune
}

func newCharRule(forbidden, ends []rune) charRule {
	c := charRule{forbidden: forbidden, ends: ends}
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

// Whitespace is what may not begin or end a text: the characters for which
// unicode.IsSpace is true, and U+FEFF.
var whitespace = []rune{
	'\t', '\r', ' ', ' ', 0x85, 0x85, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A,
	0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF,
}

// TextRules are the character rules of the text tags: prose_text allows
// tabs and line breaks inside the text, line_text allows no control
// character at all. Both forbid C0 and C1 controls and DEL, and whitespace
// at either end.
var TextRules = map[string]charRule{
	"prose_text": newCharRule([]rune{0x00, 0x08, 0x0B, 0x0C, 0x0E, 0x1F, 0x7F, 0x9F}, whitespace),
	"line_text":  newCharRule([]rune{0x00, 0x1F, 0x7F, 0x9F}, whitespace),
}

func inRanges(r rune, ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if r >= ranges[i] && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// check reports whether s obeys the rule; an empty s does not.
func (c charRule) check(s string) bool {
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if inRanges(first, c.ends) || inRanges(last, c.ends) {
		return false
	}
	for _, r := range s {
		if c.forbids(r) {
			return false
		}
	}
	return true
}

// forbids reports whether r is in the forbidden ranges.
func (c charRule) forbids(r rune) bool {
	if r < 0x100 {
		return c.latin1[r>>6]&(1<<(r&63)) != 0
	}
	return r <= c.top && inRanges(r, c.forbidden)
}

// Pattern is the rule as a regular expression: one allowed character that
// is not whitespace, or two such around any allowed characters.
func (c charRule) Pattern() string {
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

// Patterns are the rules that are regular expressions, by tag. Each is in
// the subset RE2 and ECMA-262 share. symbol is plan.SymbolPattern.
var Patterns = map[string]string{
	// phone: a Vietnamese number, 0 or +84 then 9 or 10 digits not starting
	// with 0: 0912345678, 02438253536, +84912345678.
	"phone": `^(?:0|\+84)[1-9][0-9]{8,9}$`,
	// email_syntax: local@domain with an ASCII local part and dot-separated
	// DNS labels; a deliberately plain subset of RFC 5322 that every engine
	// reads the same way.
	"email_syntax": `^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+$`,
	"symbol":       plan.SymbolPattern,
}

var compiled = func() map[string]*regexp.Regexp {
	m := map[string]*regexp.Regexp{}
	for tag, p := range Patterns {
		m[tag] = regexp.MustCompile(p)
	}
	return m
}()
