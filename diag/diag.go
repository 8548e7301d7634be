package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Lang selects the language of a message.
type Lang string

// The two languages every message is written in.
const (
	VI Lang = "vi" // Vietnamese, the default
	EN Lang = "en" // English
)

// ParseLang accepts "vi" or "en" (any case, surrounding space ignored).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi", "":
		return VI, nil
	case "en":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q: use vi or en", s)
}

// Issue is one problem found in a document, with its place and a bilingual message.
//
// Path is an RFC 6901 JSON Pointer to the offending value ("" is the whole
// document). Line and Column (1-based, columns count characters) are set when
// the issue was found in bytes whose positions are known; then Offset and
// End are the byte offsets, in those bytes as given, of the span the
// issue is about, End just after it (as hcl's Range): the offending value
// or token, or the one character where decoding stopped (an empty span,
// End == Offset, at the end of the input). End is 0 when no span is
// known. Code is a stable
// snake_case identifier that programs may switch on (see Code); Params carries the values
// the message mentions, under stable names.
type Issue struct {
	Path   string         `json:"path"`
	File   string         `json:"file,omitempty"`
	Line   int            `json:"line,omitempty"`
	Column int            `json:"column,omitempty"`
	Offset int            `json:"offset,omitempty"`
	End    int            `json:"end,omitempty"`
	Code   Code           `json:"code"`
	Params map[string]any `json:"params,omitempty"`
	VI     string         `json:"vi"`
	EN     string         `json:"en"`
}

// Message returns the issue's message in the language l (Vietnamese for any
// value other than EN).
func (i Issue) Message(l Lang) string {
	if l == EN {
		return i.EN
	}
	return i.VI
}

// Place is where the issue is, as "file:line:column: pointer", leaving out the
// parts that are unknown. The whole document's pointer is shown as "/".
func (i Issue) Place() string {
	var b strings.Builder
	if i.File != "" {
		b.WriteString(i.File)
		b.WriteByte(':')
	}
	if i.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", i.Line, i.Column)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if i.Path == "" {
		b.WriteByte('/')
	} else {
		b.WriteString(i.Path)
	}
	return b.String()
}

// Format renders the issue as "place: message" in the language l.
func (i Issue) Format(l Lang) string { return i.Place() + ": " + i.Message(l) }

// List is a list of issues. A non-empty List is the error type returned by
// every function of this module that checks user input.
type List []Issue

// Error reports the first issue in English and how many follow.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no issues"
	case 1:
		return l[0].Format(EN)
	}
	return fmt.Sprintf("%s (and %d more)", l[0].Format(EN), len(l)-1)
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Under returns a copy of l with every issue's pointer moved under prefix,
// as when a value checked on its own is a member of a larger document: a
// period's /year under /period is /period/year.
func (l List) Under(prefix string) List {
	out := make(List, len(l))
	copy(out, l)
	for i := range out {
		out[i].Path = prefix + out[i].Path
	}
	return out
}

// Sort orders the issues by position when known, then by pointer, then by code.
// It is stable, so issues at one place keep the order they were found in.
func (l List) Sort() {
	sort.SliceStable(l, func(a, b int) bool {
		x, y := l[a], l[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if (x.Line > 0) != (y.Line > 0) {
			return x.Line > 0
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		if x.Column != y.Column {
			return x.Column < y.Column
		}
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		return false
	})
}

// New builds an issue at path with the given code, messages and parameters
// (given as alternating name, value pairs).
func New(path string, code Code, vi, en string, params ...any) Issue {
	is := Issue{Path: path, Code: code, VI: vi, EN: en}
	if len(params) > 0 {
		is.Params = make(map[string]any, len(params)/2)
		for k := 0; k+1 < len(params); k += 2 {
			is.Params[fmt.Sprint(params[k])] = params[k+1]
		}
	}
	return is
}
