package strictjson_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/strictjson"
)

type level int

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return &levelError{string(b)}
	}
	return nil
}

type levelError struct{ text string }

func (e *levelError) Error() string { return fmt.Sprintf("unknown level %q", e.text) }

type task struct {
	ID    int      `json:"id"`
	Title string   `json:"title"`
	Tags  []string `json:"tags,omitempty"`
}

type report struct {
	Name   string           `json:"name"`
	Count  int              `json:"count"`
	Small  int8             `json:"small"`
	U      uint8            `json:"u"`
	Big    int64            `json:"big"`
	UBig   uint64           `json:"ubig"`
	OK     bool             `json:"ok"`
	Tasks  []task           `json:"tasks"`
	Totals map[string]int64 `json:"totals"`
	Lead   *task            `json:"lead"`
	Level  level            `json:"level"`
	Extra  any              `json:"extra"`
	Ratio  float64          `json:"ratio"`
	Hidden string           `json:"-"`
	Plain  string
}

var allowed = []string{"name", "count", "small", "u", "big", "ubig", "ok", "tasks", "totals", "lead", "level", "extra", "ratio", "Plain"}

// summary lists errors as "code pointer line:column" (pointer "" shown as "").
func summary(err error) []string {
	var es strictjson.Errors
	if !errors.As(err, &es) {
		if err != nil {
			return []string{"not Errors: " + err.Error()}
		}
		return nil
	}
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %q %s", e.Code, e.Pointer, e.Pos))
	}
	return out
}

func TestErrors(t *testing.T) {
	type errCase struct {
		name string
		in   string
		opt  strictjson.Options
		want []string // summary of the errors
	}
	cases := []errCase{
		// Fatal errors.
		{"too large", `{"name":"abcdefgh"}`, strictjson.Options{MaxBytes: 10}, []string{`too_large "" 1:11`}},
		{"too large counts runes", "{\n\"name\": \"Hà Nội\"}", strictjson.Options{MaxBytes: 16}, []string{`too_large "" 2:14`}},
		{"empty", ``, strictjson.Options{}, []string{`empty "" 1:1`}},
		{"only whitespace", " \n\t ", strictjson.Options{}, []string{`empty "" 2:3`}},
		{"only BOM", "\uFEFF", strictjson.Options{}, []string{`empty "" 1:1`}},
		{"invalid utf8 in string", "{\"name\": \"a\xffb\"}", strictjson.Options{}, []string{`invalid_utf8 "" 1:12`}},
		{"invalid utf8 outside", "[1,\xc3]", strictjson.Options{}, []string{`invalid_utf8 "" 1:4`}},
		{"encoded surrogate", "\"\xed\xa0\x80\"", strictjson.Options{}, []string{`invalid_utf8 "" 1:2`}},
		{"bad literal", `{"ok": tru}`, strictjson.Options{}, []string{`syntax "/ok" 1:8`}},
		{"missing comma", `{"name": "a" "count": 1}`, strictjson.Options{}, []string{`syntax "" 1:14`}},
		{"missing colon", `{"name" "a"}`, strictjson.Options{}, []string{`syntax "/name" 1:9`}},
		{"trailing comma object", `{"name": "a",}`, strictjson.Options{}, []string{`syntax "" 1:14`}},
		{"trailing comma array", `{"tasks": [{"id": 1},]}`, strictjson.Options{}, []string{`syntax "/tasks/1" 1:22`}},
		{"comment", "{\n  // note\n  \"name\": \"a\"}", strictjson.Options{}, []string{`syntax "" 2:3`}},
		{"block comment", `[1 /* x */]`, strictjson.Options{}, []string{`syntax "" 1:4`}},
		{"single quotes", `{"name": 'a'}`, strictjson.Options{}, []string{`syntax "/name" 1:10`}},
		{"unquoted name", `{name: "a"}`, strictjson.Options{}, []string{`syntax "" 1:2`}},
		{"leading zero", `{"count": 007}`, strictjson.Options{}, []string{`syntax "/count" 1:11`}},
		{"NaN", `{"extra": [NaN]}`, strictjson.Options{}, []string{`syntax "/extra/0" 1:12`}},
		{"Infinity", `-Infinity`, strictjson.Options{}, []string{`syntax "" 1:1`}},
		{"plus sign", `+1`, strictjson.Options{}, []string{`syntax "" 1:1`}},
		{"bare fraction", `.5`, strictjson.Options{}, []string{`syntax "" 1:1`}},
		{"dot without digits", `[1.]`, strictjson.Options{}, []string{`syntax "/0" 1:2`}},
		{"exponent without digits", `[1e+]`, strictjson.Options{}, []string{`syntax "/0" 1:2`}},
		{"hex number", `[0x10]`, strictjson.Options{}, []string{`syntax "" 1:3`}},
		{"raw tab in string", "{\"name\": \"a\tb\"}", strictjson.Options{}, []string{`syntax "/name" 1:12`}},
		{"raw newline in name", "{\"na\nme\": 1}", strictjson.Options{}, []string{`syntax "" 1:5`}},
		{"unterminated string", "{\"tasks\": [\n  \"abc", strictjson.Options{}, []string{`syntax "/tasks/0" 2:3`}},
		{"unterminated object", `{"name": "a"`, strictjson.Options{}, []string{`syntax "" 1:13`}},
		{"unterminated array", `[1, 2`, strictjson.Options{}, []string{`syntax "" 1:6`}},
		{"missing value", `{"name": }`, strictjson.Options{}, []string{`syntax "/name" 1:10`}},
		{"non-breaking space", "[1,\u00a02]", strictjson.Options{}, []string{`syntax "/1" 1:4`}},
		{"bad escape", `{"name": "a\x"}`, strictjson.Options{}, []string{`invalid_string_escape "/name" 1:12`}},
		{"short unicode escape", `["\u12G4"]`, strictjson.Options{}, []string{`invalid_string_escape "/0" 1:3`}},
		{"lone high surrogate", `{"name": "x\ud800"}`, strictjson.Options{}, []string{`invalid_string_escape "/name" 1:12`}},
		{"high surrogate then non-low", `["\ud800\u0041"]`, strictjson.Options{}, []string{`invalid_string_escape "/0" 1:3`}},
		{"lone low surrogate", `["\udc00"]`, strictjson.Options{}, []string{`invalid_string_escape "/0" 1:3`}},
		{"bad escape in name", `{"a\qb": 1}`, strictjson.Options{}, []string{`invalid_string_escape "" 1:4`}},
		{"trailing data", `{"name": "a"} {}`, strictjson.Options{}, []string{`trailing_data "" 1:15`}},
		{"two values", "1\n2", strictjson.Options{}, []string{`trailing_data "" 2:1`}},
		{"extra bracket", `[1]]`, strictjson.Options{}, []string{`trailing_data "" 1:4`}},
		{"too deep", `{"extra": [[{"a": [1]}]]}`, strictjson.Options{MaxDepth: 4}, []string{`too_deep "/extra/0/0/a" 1:19`}},

		// Rune-based columns: the error comes after Vietnamese text.
		{"vietnamese columns", `{"a": "Hà Nội", "b": x}`, strictjson.Options{}, []string{`syntax "/b" 1:22`}},
		{"vietnamese multi-line", "{\n  \"name\": \"Hà Nội\",\n  \"tasks\": [{\"title\": \"Sơ tán dân cư\", \"id\": 1.5, \"thêm\": true}]\n}", strictjson.Options{},
			[]string{`not_integer "/tasks/0/id" 3:46`, `unknown_field "/tasks/0/thêm" 3:51`}},

		// Duplicate keys.
		{"duplicate top", `{"name": "a", "count": 1, "name": "b"}`, strictjson.Options{}, []string{`duplicate_key "/name" 1:27`}},
		{"duplicate 3 deep in any", `{"extra": {"a": {"b": {"c": 1, "c": 2}}}}`, strictjson.Options{}, []string{`duplicate_key "/extra/a/b/c" 1:32`}},
		{"duplicate in map", `{"totals": {"x": 1, "y": 2, "x": 3}}`, strictjson.Options{}, []string{`duplicate_key "/totals/x" 1:29`}},
		{"duplicate in struct in slice", `{"tasks": [{"id": 1}, {"id": 2, "title": "t", "id": 3}]}`, strictjson.Options{}, []string{`duplicate_key "/tasks/1/id" 1:47`}},
		{"duplicate inside unknown", `{"zz": {"q": 1, "q": 2}}`, strictjson.Options{}, []string{`unknown_field "/zz" 1:2`, `duplicate_key "/zz/q" 1:17`}},
		{"duplicate inside duplicate", `{"name": "a", "name": {"x": 1, "x": 2}}`, strictjson.Options{}, []string{`duplicate_key "/name" 1:15`, `duplicate_key "/name/x" 1:32`}},
		{"duplicate escaped", `{"name": "a", "n\u0061me": "b"}`, strictjson.Options{}, []string{`duplicate_key "/name" 1:15`}},
		{"duplicate escaped slash", `{"extra": {"a/b": 1, "a\/b": 2}}`, strictjson.Options{}, []string{`duplicate_key "/extra/a~1b" 1:22`}},
		{"duplicate tilde", `{"extra": {"~x": 1, "~x": 2}}`, strictjson.Options{}, []string{`duplicate_key "/extra/~0x" 1:21`}},
		{"duplicate in big object", `{"extra": {` + manyMembers(40) + `, "k7": 0}}`, strictjson.Options{}, []string{`duplicate_key "/extra/k7" 1:432`}},
		{"duplicate escaped in big object", `{"extra": {` + manyMembers(40) + `, "\u006b7": 0}}`, strictjson.Options{}, []string{`duplicate_key "/extra/k7" 1:432`}},

		// Struct fields.
		{"unknown field", "{\n  \"tasks\": [\n    {\"id\": 1, \"extra\": 2}\n  ]\n}", strictjson.Options{}, []string{`unknown_field "/tasks/0/extra" 3:15`}},
		{"field names are case-sensitive", `{"Name": "a", "plain": "b"}`, strictjson.Options{}, []string{`unknown_field "/Name" 1:2`, `unknown_field "/plain" 1:15`}},
		{"ignored field is unknown", `{"Hidden": "a"}`, strictjson.Options{}, []string{`unknown_field "/Hidden" 1:2`}},

		// Types.
		{"null string", `{"name": null}`, strictjson.Options{}, []string{`wrong_type "/name" 1:10`}},
		{"null pointer", `{"lead": null}`, strictjson.Options{}, []string{`wrong_type "/lead" 1:10`}},
		{"null slice", `{"tasks": null}`, strictjson.Options{}, []string{`wrong_type "/tasks" 1:11`}},
		{"null map", `{"totals": null}`, strictjson.Options{}, []string{`wrong_type "/totals" 1:12`}},
		{"null top", `null`, strictjson.Options{}, []string{`wrong_type "" 1:1`}},
		{"string for int", `{"count": "1"}`, strictjson.Options{}, []string{`wrong_type "/count" 1:11`}},
		{"number for string", `{"tasks": [{"title": 1}]}`, strictjson.Options{}, []string{`wrong_type "/tasks/0/title" 1:22`}},
		{"array for struct", `[]`, strictjson.Options{}, []string{`wrong_type "" 1:1`}},
		{"object for slice", `{"tasks": {}}`, strictjson.Options{}, []string{`wrong_type "/tasks" 1:11`}},
		{"string for bool", `{"ok": "true"}`, strictjson.Options{}, []string{`wrong_type "/ok" 1:8`}},
		{"number for text", `{"level": 1}`, strictjson.Options{}, []string{`wrong_type "/level" 1:11`}},
		{"invalid text", `{"level": "medium"}`, strictjson.Options{}, []string{`invalid_value "/level" 1:11`}},
		{"float out of range", `{"ratio": 1e400}`, strictjson.Options{}, []string{`invalid_value "/ratio" 1:11`}},

		// Numbers.
		{"fraction", `{"count": 1.5}`, strictjson.Options{}, []string{`not_integer "/count" 1:11`}},
		{"negative exponent", `{"count": 1e-1}`, strictjson.Options{}, []string{`not_integer "/count" 1:11`}},
		{"tiny", `{"count": 1e-999999999999999999999}`, strictjson.Options{}, []string{`not_integer "/count" 1:11`}},
		{"above safe", `{"big": 9007199254740992}`, strictjson.Options{}, []string{`integer_out_of_range "/big" 1:9`}},
		{"below safe", `{"big": -9007199254740992}`, strictjson.Options{}, []string{`integer_out_of_range "/big" 1:9`}},
		{"uint64 above safe", `{"ubig": 9.007199254740992e15}`, strictjson.Options{}, []string{`integer_out_of_range "/ubig" 1:10`}},
		{"huge", `{"big": 1e400}`, strictjson.Options{}, []string{`integer_out_of_range "/big" 1:9`}},
		{"huge exponent", `{"big": 1e999999999999999999999}`, strictjson.Options{}, []string{`integer_out_of_range "/big" 1:9`}},
		{"huge fraction is integer", `{"big": 1.5e400}`, strictjson.Options{}, []string{`integer_out_of_range "/big" 1:9`}},
		{"int8 max", `{"small": 128}`, strictjson.Options{}, []string{`integer_out_of_range "/small" 1:11`}},
		{"int8 min", `{"small": -129}`, strictjson.Options{}, []string{`integer_out_of_range "/small" 1:11`}},
		{"uint negative", `{"u": -1}`, strictjson.Options{}, []string{`integer_out_of_range "/u" 1:7`}},
		{"uint8 max", `{"u": 256}`, strictjson.Options{}, []string{`integer_out_of_range "/u" 1:7`}},

		// Several errors, in input order, and MaxErrors.
		{"input order", `{"zz": 1, "count": "x", "tasks": [{"id": 1, "id": 2}, 5], "name": 1, "zz": 2}`, strictjson.Options{},
			[]string{`unknown_field "/zz" 1:2`, `wrong_type "/count" 1:20`, `duplicate_key "/tasks/0/id" 1:45`, `wrong_type "/tasks/1" 1:55`, `wrong_type "/name" 1:67`, `duplicate_key "/zz" 1:70`}},
		{"max errors", `{"extra": {"a": 1, "a": 2, "a": 3}, "name": 1, "count": "x"}`, strictjson.Options{MaxErrors: 2},
			[]string{`duplicate_key "/extra/a" 1:20`, `duplicate_key "/extra/a" 1:28`, `too_many_errors "" 1:28`}},
		{"max errors keeps the first ones", `{"name": 1, "count": "x", "extra": {"a": 1, "a": 2, "a": 3}}`, strictjson.Options{MaxErrors: 2},
			[]string{`wrong_type "/name" 1:10`, `wrong_type "/count" 1:22`, `too_many_errors "" 1:22`}},

		// BOM: skipped, not a column.
		{"BOM", "\uFEFF{\"name\": 1}", strictjson.Options{}, []string{`wrong_type "/name" 1:10`}},
		{"BOM syntax", "\uFEFF{\"name\" 1}", strictjson.Options{}, []string{`syntax "/name" 1:9`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r report
			doc, err := strictjson.Decode([]byte(c.in), &r, c.opt)
			if got := summary(err); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("errors:\n got %q\nwant %q\n(%v)", got, c.want, err)
			}
			fatal := strings.Contains("too_large empty invalid_utf8 syntax invalid_string_escape trailing_data too_deep", strings.Fields(c.want[0])[0])
			if fatal != (doc == nil) {
				t.Errorf("doc = %v for a fatal error: %v", doc, fatal)
			}
			for _, e := range err.(strictjson.Errors) {
				if e.Params == nil || e.Detail == "" {
					t.Errorf("%s: Params %v, Detail %q", e.Code, e.Params, e.Detail)
				}
			}
		})
	}
}

// manyMembers returns n members "k0": 0, "k1": 1, ... for an object
// large enough to find duplicates through a map.
func manyMembers(n int) string {
	var parts []string
	for i := range n {
		parts = append(parts, fmt.Sprintf("%q: %d", fmt.Sprint("k", i), i))
	}
	return strings.Join(parts, ", ")
}

func TestErrorParams(t *testing.T) {
	cases := []struct {
		in     string
		opt    strictjson.Options
		params map[string]any
		detail string
	}{
		{`{"name":"abcdefgh"}`, strictjson.Options{MaxBytes: 10}, map[string]any{"limit": int64(10), "size": int64(19)}, "input is 19 bytes, over the limit of 10 bytes"},
		{"[\"\xff\"]", strictjson.Options{}, map[string]any{"offset": 2}, "invalid UTF-8 byte 0xFF"},
		{`{"a": 1 ]`, strictjson.Options{}, map[string]any{"found": "']'", "expected": "',' or '}'"}, "expected ',' or '}' after object member, found ']'"},
		{`[1, 2`, strictjson.Options{}, map[string]any{"found": "end of input", "expected": "',' or ']'"}, "expected ',' or ']' after array element, found end of input"},
		{`{"a": 'x'}`, strictjson.Options{}, map[string]any{"found": `"'"`, "expected": "value"}, `expected value, found "'" (strings must be in double quotes)`},
		{`["\ud800"]`, strictjson.Options{}, map[string]any{"escape": `\ud800`}, `invalid escape \ud800 in string: lone surrogate: it does not encode a character`},
		{`[] x`, strictjson.Options{}, map[string]any{"found": "'x'"}, "unexpected 'x' after the top-level value"},
		{`[[1]]`, strictjson.Options{MaxDepth: 1}, map[string]any{"limit": 1}, "nesting deeper than 1 levels"},
		{`{"name": "a", "name": "b"}`, strictjson.Options{}, map[string]any{"key": "name"}, `duplicate key "name"`},
		{`{"extra2": 1}`, strictjson.Options{}, map[string]any{"field": "extra2", "allowed": allowed}, `unknown field "extra2"`},
		{`{"ok": null}`, strictjson.Options{}, map[string]any{"expected": "boolean", "found": "null"}, "expected boolean, found null"},
		{`{"lead": []}`, strictjson.Options{}, map[string]any{"expected": "object", "found": "array"}, "expected object, found array"},
		{`{"tasks": [{"tags": [true]}]}`, strictjson.Options{}, map[string]any{"expected": "string", "found": "boolean"}, "expected string, found boolean"},
		{`{"count": 2.50}`, strictjson.Options{}, map[string]any{"value": "2.50"}, "number 2.50 is not an integer"},
		{`{"small": 1e3}`, strictjson.Options{}, map[string]any{"value": "1e3", "min": int64(-128), "max": int64(127)}, "integer 1e3 is out of range [-128, 127]"},
		{`{"u": -0.1e1}`, strictjson.Options{}, map[string]any{"value": "-0.1e1", "min": int64(0), "max": int64(255)}, "integer -0.1e1 is out of range [0, 255]"},
		{`{"ubig": 1e16}`, strictjson.Options{}, map[string]any{"value": "1e16", "min": int64(0), "max": int64(9007199254740991)}, "integer 1e16 is out of range [0, 9007199254740991]"},
		{`{"big": -1e16}`, strictjson.Options{}, map[string]any{"value": "-1e16", "min": int64(-9007199254740991), "max": int64(9007199254740991)}, "integer -1e16 is out of range [-9007199254740991, 9007199254740991]"},
		{`{"level": "mid"}`, strictjson.Options{}, map[string]any{"value": "mid", "reason": `unknown level "mid"`, "cause": &levelError{"mid"}}, `invalid value "mid": unknown level "mid"`},
		{``, strictjson.Options{}, map[string]any{}, "input is empty or only whitespace"},
	}
	for _, c := range cases {
		var r report
		_, err := strictjson.Decode([]byte(c.in), &r, c.opt)
		var es strictjson.Errors
		if !errors.As(err, &es) || len(es) != 1 {
			t.Errorf("%s: got %v, want one error", c.in, err)
			continue
		}
		if !reflect.DeepEqual(es[0].Params, c.params) || es[0].Detail != c.detail {
			t.Errorf("%s:\n got %#v %q\nwant %#v %q", c.in, es[0].Params, es[0].Detail, c.params, c.detail)
		}
	}
}

func TestDecodeValues(t *testing.T) {
	in := `{
		"name": "Ba \u0110ình \"A\"",
		"count": 1.0, "small": -0, "u": 1E+2, "big": 9007199254740991, "ubig": 10e2,
		"ok": true,
		"tasks": [{"id": 1, "title": "Phát gạo", "tags": []}, {"id": 2}],
		"totals": {"a": -9007199254740991, "b": 0.5e1},
		"lead": {"id": 3, "tags": ["x"]},
		"level": "high",
		"extra": {"n": 1.50, "a": [null, false, "s"], "o": {}},
		"ratio": 0.25,
		"Plain": "😀 \ud83d\ude00 \"\\\/\b\f\n\r\t\u0000\u00E0"
	}`
	var r report
	doc, err := strictjson.Decode([]byte(in), &r, strictjson.Options{})
	if err != nil || doc == nil {
		t.Fatalf("Decode: %v", err)
	}
	want := report{
		Name: `Ba Đình "A"`, Count: 1, Small: 0, U: 100, Big: 9007199254740991, UBig: 1000,
		OK:     true,
		Tasks:  []task{{ID: 1, Title: "Phát gạo", Tags: []string{}}, {ID: 2}},
		Totals: map[string]int64{"a": -9007199254740991, "b": 5},
		Lead:   &task{ID: 3, Tags: []string{"x"}},
		Level:  2,
		Extra:  map[string]any{"n": json.Number("1.50"), "a": []any{nil, false, "s"}, "o": map[string]any{}},
		Ratio:  0.25,
		Plain:  "😀 😀 \"\\/\b\f\n\r\t\x00à",
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %#v\nwant %#v", r, want)
	}
}

func TestEmptyContainersAreNotNil(t *testing.T) {
	var r report
	if _, err := strictjson.Decode([]byte(`{"tasks": [], "totals": {}}`), &r, strictjson.Options{}); err != nil {
		t.Fatal(err)
	}
	if r.Tasks == nil || len(r.Tasks) != 0 || r.Totals == nil || len(r.Totals) != 0 {
		t.Errorf("got %#v, %#v", r.Tasks, r.Totals)
	}
}

func TestErrorsSkipValues(t *testing.T) {
	r := report{Name: "before", Count: 7}
	in := `{"name": 1, "count": 2.5, "tasks": [{"id": 1}, {"id": "x"}, 3], "totals": {"a": 1, "b": "x", "a": 2}, "lead": {"id": true}}`
	doc, err := strictjson.Decode([]byte(in), &r, strictjson.Options{})
	if err == nil || doc == nil {
		t.Fatalf("got doc %v, err %v", doc, err)
	}
	want := report{Name: "before", Count: 7, Tasks: []task{{ID: 1}, {}, {}}, Totals: map[string]int64{"a": 1}, Lead: &task{}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %#v\nwant %#v", r, want)
	}
}

func TestFatalLeavesTargetUntouched(t *testing.T) {
	r := report{Name: "keep"}
	_, err := strictjson.Decode([]byte(`{"name": "x", "count": 1,}`), &r, strictjson.Options{})
	if err == nil || r.Name != "keep" {
		t.Errorf("got %q, %v", r.Name, err)
	}
}

func TestLimitsAccepted(t *testing.T) {
	in := `{"name": "Hà Nội"}`
	var r report
	if _, err := strictjson.Decode([]byte(in), &r, strictjson.Options{MaxBytes: int64(len(in))}); err != nil {
		t.Errorf("exactly MaxBytes: %v", err)
	}
	if _, err := strictjson.Decode([]byte(in), &r, strictjson.Options{MaxBytes: int64(len(in) - 1)}); err == nil {
		t.Errorf("MaxBytes-1: no error")
	}
	var x any
	deep := strings.Repeat("[", 32) + strings.Repeat("]", 32)
	if _, err := strictjson.Decode([]byte(deep), &x, strictjson.Options{}); err != nil {
		t.Errorf("depth 32: %v", err)
	}
	if _, err := strictjson.Decode([]byte("["+deep+"]"), &x, strictjson.Options{}); summary(err)[0] != `too_deep "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0" 1:33` {
		t.Errorf("depth 33: %v", err)
	}
	if _, err := strictjson.Decode([]byte(strings.Repeat("[", 1<<16)), &x, strictjson.Options{}); summary(err)[0] != `too_deep "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0" 1:33` {
		t.Errorf("deep unclosed: %v", err)
	}
}

func TestBOM(t *testing.T) {
	var r report
	doc, err := strictjson.Decode([]byte("\uFEFF{\"name\": \"a\",\n\"count\": 2}"), &r, strictjson.Options{})
	if err != nil || r.Name != "a" || r.Count != 2 {
		t.Fatalf("got %+v, %v", r, err)
	}
	if pos, ok := doc.Pos(""); !ok || pos != (strictjson.Pos{Offset: 3, Line: 1, Column: 1}) {
		t.Errorf("root at %+v", pos)
	}
	if pos, ok := doc.Pos("/name"); !ok || pos != (strictjson.Pos{Offset: 12, Line: 1, Column: 10}) {
		t.Errorf("/name at %+v", pos)
	}
	if pos, ok := doc.Pos("/count"); !ok || pos != (strictjson.Pos{Offset: 26, Line: 2, Column: 10}) {
		t.Errorf("/count at %+v", pos)
	}
}

func TestDocPos(t *testing.T) {
	in := "{\n" +
		"  \"tasks\": [\n" +
		"    {\"id\": 1, \"title\": \"Cầu Long Biên\"},\n" +
		"    {\"id\": 2}\n" +
		"  ],\n" +
		"  \"extra\": {\"a/b\": {\"~c\": [true]}, \"\": 0, \"x\\u0079\": 1, \"d\": 1, \"d\": 2}\n" +
		"}"
	var r report
	doc, err := strictjson.Decode([]byte(in), &r, strictjson.Options{})
	if summary(err)[0] != `duplicate_key "/extra/d" 6:65` || doc == nil {
		t.Fatalf("Decode: %v", err)
	}
	cases := []struct {
		ptr  string
		pos  string
		ok   bool
		byte int
	}{
		{"", "1:1", true, 0},
		{"/tasks", "2:12", true, 13},
		{"/tasks/0", "3:5", true, 19},
		{"/tasks/0/title", "3:24", true, 38},
		{"/tasks/1/id", "4:12", true, 70},
		{"/extra/a~1b/~0c/0", "6:28", true, 105},
		{"/extra/", "6:40", true, 117},
		{"/extra/xy", "6:54", true, 131},
		{"/extra/d", "6:62", true, 139},
		// Missing: the nearest existing ancestor.
		{"/tasks/1/title", "4:5", false, 63},
		{"/tasks/2", "2:12", false, 13},
		{"/tasks/-", "2:12", false, 13},
		{"/tasks/01", "2:12", false, 13},
		{"/tasks/0/id/x", "3:12", false, 26},
		{"/nope/deeper", "1:1", false, 0},
		{"/extra/a/b", "6:12", false, 89},
		{"/extra/a~1b/~1c", "6:20", false, 97},
		// Malformed.
		{"tasks", "1:1", false, 0},
		{"/extra/~2", "1:1", false, 0},
	}
	for _, c := range cases {
		pos, ok := doc.Pos(c.ptr)
		if pos.String() != c.pos || ok != c.ok || pos.Offset != c.byte {
			t.Errorf("Pos(%q) = %+v, %v; want %s (byte %d), %v", c.ptr, pos, ok, c.pos, c.byte, c.ok)
		}
	}
	var nilDoc *strictjson.Doc
	if pos, ok := nilDoc.Pos("/a"); ok || pos.String() != "1:1" {
		t.Errorf("nil Doc: %v %v", pos, ok)
	}
}

func TestDocPosLongLines(t *testing.T) {
	for _, prefix := range []string{"", "\uFEFF", "\n\n"} {
		var b strings.Builder
		b.WriteString(prefix + "[")
		for i := range 700 {
			if i > 0 {
				b.WriteString(", ")
			}
			if i%100 == 99 {
				b.WriteString("\n")
			}
			b.WriteString(`"Hà Nội ơi ` + strings.Repeat("ư", i%7) + `"`)
		}
		b.WriteString("]")
		data := []byte(b.String())
		var s []string
		doc, err := strictjson.Decode(data, &s, strictjson.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range s {
			pos, ok := doc.Pos(strictjson.AppendIndex("", i))
			if want := naivePos(data, pos.Offset); !ok || pos != want || data[pos.Offset] != '"' {
				t.Fatalf("element %d: got %+v, want %+v", i, pos, want)
			}
		}
	}
}

// countingReader yields an endless JSON array and counts the bytes read.
type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "[1,"[(c.n+int64(i))%3]
	}
	c.n += int64(len(p))
	return len(p), nil
}

type failingReader struct{}

var errDisk = errors.New("disk on fire")

func (failingReader) Read([]byte) (int, error) { return 0, errDisk }

func TestDecodeReader(t *testing.T) {
	var x any
	cr := &countingReader{}
	_, err := strictjson.DecodeReader(cr, &x, strictjson.Options{MaxBytes: 1000})
	if cr.n > 1001 {
		t.Errorf("read %d bytes, want at most 1001", cr.n)
	}
	var es strictjson.Errors
	if !errors.As(err, &es) || es[0].Code != "too_large" || es[0].Pos.Offset != 1000 || !reflect.DeepEqual(es[0].Params, map[string]any{"limit": int64(1000)}) {
		t.Errorf("got %#v", err)
	}

	cr = &countingReader{}
	if _, err := strictjson.DecodeReader(cr, &x, strictjson.Options{}); summary(err)[0] != `too_large "" 1:1048577` || cr.n > 1<<20+1 {
		t.Errorf("default limit: read %d, %v", cr.n, err)
	}

	if _, err := strictjson.DecodeReader(failingReader{}, &x, strictjson.Options{}); err != errDisk {
		t.Errorf("I/O error: got %v", err)
	}

	var r report
	doc, err := strictjson.DecodeReader(strings.NewReader(`{"name": "Hà", "count": "x"}`), &r, strictjson.Options{})
	if summary(err)[0] != `wrong_type "/count" 1:25` || r.Name != "Hà" {
		t.Errorf("got %+v, %v", r, err)
	}
	if pos, ok := doc.Pos("/name"); !ok || pos.String() != "1:10" {
		t.Errorf("Pos: %v %v", pos, ok)
	}
}

func TestDocKeepsItsOwnCopy(t *testing.T) {
	data := []byte(`{"name": "a", "count": 1}`)
	var r report
	doc, err := strictjson.Decode(data, &r, strictjson.Options{})
	if err != nil {
		t.Fatal(err)
	}
	copy(data, `[1,2,3,4,5,6,7,8,9,0,1,2]`)
	if pos, ok := doc.Pos("/count"); !ok || pos.String() != "1:24" {
		t.Errorf("Pos after the caller reused data: %v %v", pos, ok)
	}
}

func TestAny(t *testing.T) {
	for _, in := range []string{
		`{"a": [1, 2.5, -0, 1e400], "b": {"c": null, "d": true}, "e": "Hà Nội \u00e0", "": []}`,
		`"x"`, `1`, `null`, `[]`, `{}`, `[{}, [[]], ""]`,
	} {
		var got, want any
		if _, err := strictjson.Decode([]byte(in), &got, strictjson.Options{}); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", in, got, want)
		}
	}
}

func TestPointers(t *testing.T) {
	if got := strictjson.AppendToken("/a", "b/c"); got != "/a/b~1c" {
		t.Errorf("AppendToken = %q", got)
	}
	if got := strictjson.AppendToken("", "~1/"); got != "/~01~1" {
		t.Errorf("AppendToken = %q", got)
	}
	if got := strictjson.AppendToken("/a", ""); got != "/a/" {
		t.Errorf("AppendToken = %q", got)
	}
	if got := strictjson.AppendIndex("/tasks", 12); got != "/tasks/12" {
		t.Errorf("AppendIndex = %q", got)
	}
	split := []struct {
		ptr  string
		want []string
		ok   bool
	}{
		{"", nil, true},
		{"/", []string{""}, true},
		{"/a~1b/~0c/~01/0", []string{"a/b", "~c", "~1", "0"}, true},
		{"//x/", []string{"", "x", ""}, true},
		{"a", nil, false},
		{"/a~", nil, false},
		{"/a~2", nil, false},
	}
	for _, c := range split {
		got, err := strictjson.SplitPointer(c.ptr)
		if (err == nil) != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitPointer(%q) = %q, %v", c.ptr, got, err)
		}
	}
	for _, tok := range []string{"", "a", "a/b", "~", "~0", "~/~1/"} {
		got, err := strictjson.SplitPointer(strictjson.AppendToken("/x", tok))
		if err != nil || len(got) != 2 || got[1] != tok {
			t.Errorf("round trip of %q: %q %v", tok, got, err)
		}
	}
}

func TestErrorStrings(t *testing.T) {
	var r report
	_, err := strictjson.Decode([]byte("{\"tasks\": [\n  {\"id\": 1, \"extra\": 2}], \"name\": 3}"), &r, strictjson.Options{})
	if got, want := err.Error(), `2:13: /tasks/0/extra: unknown field "extra" (and 1 more)`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	_, err = strictjson.Decode([]byte(`  `), &r, strictjson.Options{})
	if got, want := err.Error(), "1:3: input is empty or only whitespace"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	_, err = strictjson.Decode([]byte(`{"": 1}`), &r, strictjson.Options{})
	if got, want := err.Error(), `1:2: /: unknown field ""`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

type Embedded struct{ A int }

func TestPanics(t *testing.T) {
	var r report
	for name, v := range map[string]any{
		"nil":             nil,
		"non-pointer":     r,
		"nil pointer":     (*report)(nil),
		"channel":         new(struct{ C chan int }),
		"array":           new([2]int),
		"pointer pointer": new(**int),
		"int keys":        new(map[int]string),
		"error interface": new(error),
		"embedded":        new(struct{ Embedded }),
		"same JSON name": new(struct {
			A int `json:"B"`
			B int
		}),
		"complex in slice": new([]complex64),
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			// The panic does not depend on the input.
			strictjson.Decode([]byte(`"x"`), v, strictjson.Options{})
		})
	}
	// Tagged embedded structs are ordinary fields, json:"-" ones are skipped.
	var ok struct {
		Embedded `json:"e"`
		Skip     chan int `json:"-"`
	}
	if _, err := strictjson.Decode([]byte(`{"e": {"A": 1}}`), &ok, strictjson.Options{}); err != nil || ok.A != 1 {
		t.Errorf("tagged embedded: %v %+v", err, ok)
	}
}

type node struct {
	Name     string `json:"name"`
	Children []node `json:"children"`
	Next     *node  `json:"next"`
}

func TestRecursiveTypes(t *testing.T) {
	var n node
	_, err := strictjson.Decode([]byte(`{"name": "a", "children": [{"name": "b", "next": {"name": 1}}]}`), &n, strictjson.Options{})
	if got := summary(err); len(got) != 1 || got[0] != `wrong_type "/children/0/next/name" 1:59` {
		t.Errorf("got %v", got)
	}
	if n.Children[0].Next == nil || n.Children[0].Name != "b" {
		t.Errorf("got %+v", n)
	}
}

func TestReaderEOFIsNotAnError(t *testing.T) {
	var s string
	if _, err := strictjson.DecodeReader(io.MultiReader(strings.NewReader(`"a`), strings.NewReader(`b"`)), &s, strictjson.Options{}); err != nil || s != "ab" {
		t.Errorf("got %q, %v", s, err)
	}
}

// TestBorrow: a borrowing Doc gives the same positions as a copying one.
func TestBorrow(t *testing.T) {
	data := []byte("{\n  \"a\": [1, \"Hà Nội\", 3]\n}")
	var v1, v2 any
	d1, err1 := strictjson.Decode(data, &v1, strictjson.Options{})
	d2, err2 := strictjson.Decode(data, &v2, strictjson.Options{Borrow: true})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for _, p := range []string{"", "/a", "/a/1", "/a/2", "/b"} {
		p1, ok1 := d1.Pos(p)
		p2, ok2 := d2.Pos(p)
		if p1 != p2 || ok1 != ok2 {
			t.Errorf("Pos(%q): copy %v %v, borrow %v %v", p, p1, ok1, p2, ok2)
		}
	}
}
