package decode_test

import (
	"strings"
	"testing"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/decode"
	"github.com/kh164/kh164/plan"
)

type target struct {
	Name  string    `json:"name"`
	Count int64     `json:"count"`
	Day   plan.Date `json:"day"`
	List  []string  `json:"list"`
}

// Every decoder code gets a Vietnamese and an English sentence with its
// place, and nothing of the decoder's internals leaks into Params.
func TestMessages(t *testing.T) {
	cases := map[string]string{
		"too_large":             strings.Repeat(" ", 2000),
		"empty":                 "  ",
		"invalid_utf8":          "{\"name\": \"\xff\"}",
		"syntax":                `{"name": "a",}`,
		"invalid_string_escape": `{"name": "\x"}`,
		"trailing_data":         `{} {}`,
		"too_deep":              strings.Repeat("[", 40) + strings.Repeat("]", 40),
		"duplicate_key":         `{"name": "a", "name": "b"}`,
		"unknown_field":         `{"nme": "a"}`,
		"wrong_type":            `{"name": 1}`,
		"not_integer":           `{"count": 1.5}`,
		"integer_out_of_range":  `{"count": 9007199254740992}`,
		"invalid_date":          `{"day": "2026-02-30"}`,
	}
	for code, in := range cases {
		var v target
		_, l := decode.Strict("f.json", []byte(in), &v, 1000)
		if len(l) == 0 {
			t.Errorf("%s: no issue for %q", code, in)
			continue
		}
		is := l[0]
		if string(is.Code) != code || is.File != "f.json" || is.Line < 1 || is.Column < 1 {
			t.Errorf("%s: got %+v", code, is)
		}
		for _, msg := range []string{is.VI, is.EN} {
			if msg == "" || strings.Contains(msg, "%!") || strings.Contains(msg, "<nil>") {
				t.Errorf("%s: message %q", code, msg)
			}
		}
		if is.VI == is.EN {
			t.Errorf("%s: the Vietnamese message is the English one", code)
		}
		if _, ok := is.Params["cause"]; ok {
			t.Errorf("%s: Params carries the Go error", code)
		}
	}
}

func TestPlace(t *testing.T) {
	var v target
	src, l := decode.Strict("f.json", []byte("{\n  \"name\": \"Hà Nội\",\n  \"list\": [\"a\", \"b\"]\n}"), &v, 0)
	if l != nil {
		t.Fatal(l)
	}
	issues := diag.List{{Path: "/list/1", Code: "x"}, {Path: "/count", Code: "missing"}}
	src.Place(issues)
	if got := issues[0].Place(); got != "f.json:3:17: /list/1" {
		t.Errorf("existing value placed at %s", got)
	}
	if got := issues[1].Place(); got != "f.json:1:1: /count" {
		t.Errorf("missing value placed at %s (want its parent, the document)", got)
	}
	data := []byte("{\n  \"name\": \"Hà Nội\",\n  \"list\": [\"a\", \"b\"]\n}")
	if got := string(data[issues[0].Offset:issues[0].End]); got != `"b"` {
		t.Errorf("span of /list/1 is %q", got)
	}
	if issues[1].Offset != 0 || issues[1].End != len(data) {
		t.Errorf("span of a missing member is %d-%d, want its parent, the whole document", issues[1].Offset, issues[1].End)
	}
	var nilSource *decode.Source
	nilSource.Place(issues) // a nil Source leaves the issues alone
}

// The decoder's issues carry the span of what they are about: the value
// of the wrong type, the character where the syntax broke, the end of
// the input.
func TestSpan(t *testing.T) {
	for in, want := range map[string]string{
		"{\"name\": [1, 2],\n \"count\": 1}": "[1, 2]",
		"\ufeff{\"name\": \"Hà\" x}":         "x",
		`{"name": "a", "nme": "b"}`:          `"nme"`,
		`{"count": 1.5}`:                     "1.5",
		`{"name": "a"`:                       "",
	} {
		var v target
		data := []byte(in)
		_, l := decode.Strict("f.json", data, &v, 0)
		if len(l) == 0 {
			t.Fatalf("%q: no issue", in)
		}
		is := l[0]
		if is.Offset > is.End || is.End > len(data) {
			t.Errorf("%q: span %d-%d", in, is.Offset, is.End)
			continue
		}
		if got := string(data[is.Offset:is.End]); got != want {
			t.Errorf("%q: %s spans %q, want %q", in, is.Code, got, want)
		}
	}
}

// The Vietnamese message of a syntax error is Vietnamese throughout: the
// decoder's English words (expected, found, hints) are all translated.
func TestSyntaxVietnamese(t *testing.T) {
	inputs := []string{
		`{"name": "a",}`, `{"name": "a"`, `{"name" "a"}`, `{name: "a"}`, `{"name": 'a'}`,
		`{"name": "a" // note` + "\n}", `[1, 2`, `[1 2]`, `{"count": -}`, `{"count": 01}`,
		`{"count": 1.}`, `{"count": 1e}`, `{"name": "a` + "\x01" + `"}`, `{"name": "abc`, `{"list": [1,]}`, `{`,
	}
	english := []string{"expected", "found", "end of input", "value", " or ", "string", "digit", "escape", "allowed", "quotes", "leading"}
	for _, in := range inputs {
		var v target
		_, l := decode.Strict("f.json", []byte(in), &v, 1000)
		if len(l) == 0 || l[0].Code != diag.Syntax {
			t.Errorf("%q: got %v, want a syntax error", in, l)
			continue
		}
		for _, w := range english {
			if strings.Contains(l[0].VI, w) {
				t.Errorf("%q: the Vietnamese message %q has the English word %q", in, l[0].VI, w)
			}
		}
	}
}
