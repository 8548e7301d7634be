package strictjson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/kh164/kh164/internal/strictjson"
)

type fuzzTarget struct {
	Name   string                 `json:"name"`
	N      int8                   `json:"n"`
	U      uint16                 `json:"u"`
	Big    int64                  `json:"big"`
	F      float64                `json:"f"`
	OK     bool                   `json:"ok"`
	Tags   []string               `json:"tags"`
	Counts map[string]int         `json:"counts"`
	Level  *level                 `json:"level"`
	Levels []level                `json:"levels"`
	Next   *fuzzTarget            `json:"next"`
	Kids   []fuzzTarget           `json:"kids"`
	ByName map[string]*fuzzTarget `json:"by_name"`
	Any    any                    `json:"any"`
}

var fatalCodes = []string{"too_large", "empty", "invalid_utf8", "syntax", "invalid_string_escape", "trailing_data", "too_deep"}

var nonFatalCodes = []string{"duplicate_key", "unknown_field", "wrong_type", "not_integer", "integer_out_of_range", "invalid_value"}

// FuzzDecode checks that no input makes Decode panic, that errors are
// well-formed and well placed, and that Decode agrees with encoding/json:
// what Decode accepts into an empty interface, encoding/json accepts
// with the same result, and what encoding/json rejects as not JSON,
// Decode rejects too.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"name": "Hà Nội", "n": 1, "kids": [{"level": "low"}], "counts": {"a": 1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Into an empty interface, the only non-fatal errors are duplicates.
		var got any
		doc, err := strictjson.Decode(data, &got, strictjson.Options{})
		dups := doc != nil && err != nil
		checkResult(t, data, doc, err, 50, dups)

		const maxErrors = 5
		var r fuzzTarget
		typedDoc, typedErr := strictjson.Decode(data, &r, strictjson.Options{MaxErrors: maxErrors, MaxDepth: 8})
		checkResult(t, data, typedDoc, typedErr, maxErrors, dups)

		text := bytes.TrimPrefix(data, []byte("\uFEFF")) // encoding/json does not skip a BOM
		if !json.Valid(text) && doc != nil {
			t.Fatalf("encoding/json rejects the input, Decode gives %v", err)
		}
		if err != nil {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("Decode accepts the input, encoding/json says %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Decode gives %#v, encoding/json %#v", got, want)
		}
	})
}

// checkResult checks the result of Decode. Unless the input has duplicate
// names, whose later occurrences no pointer can reach, the pointer of
// every non-fatal error must lead to a value of the Doc.
func checkResult(t *testing.T, data []byte, doc *strictjson.Doc, err error, maxErrors int, dups bool) {
	t.Helper()
	if err == nil {
		if doc == nil {
			t.Fatal("no error and no Doc")
		}
		return
	}
	var es strictjson.Errors
	if !errors.As(err, &es) || len(es) == 0 || len(es) > maxErrors+1 {
		t.Fatalf("err is %#v", err)
	}
	// More than maxErrors errors end with one too_many_errors counting
	// the others.
	if last := es[len(es)-1]; last.Code == "too_many_errors" {
		if len(es) != maxErrors+1 || last.Params["more"].(int) < 1 || last.Pointer != "" || last.Pos != es[len(es)-2].Pos {
			t.Fatalf("bad too_many_errors after %d errors: %#v", len(es)-1, last)
		}
		es = es[:len(es)-1]
	} else if len(es) > maxErrors {
		t.Fatalf("%d errors, over the %d collected", len(es), maxErrors)
	}
	fatal := slices.Contains(fatalCodes, es[0].Code)
	if fatal != (doc == nil) || fatal && len(es) != 1 {
		t.Fatalf("fatal %v with Doc %v: %v", fatal, doc, err)
	}
	for i, e := range es {
		if !fatal && !slices.Contains(nonFatalCodes, e.Code) || e.Params == nil || e.Detail == "" {
			t.Fatalf("bad error %#v", e)
		}
		if i > 0 && e.Pos.Offset < es[i-1].Pos.Offset {
			t.Fatalf("errors out of order: %v", err)
		}
		if want := naivePos(data, e.Pos.Offset); e.Pos != want {
			t.Fatalf("%v: Pos %+v, want %+v", e, e.Pos, want)
		}
		if _, perr := strictjson.SplitPointer(e.Pointer); perr != nil {
			t.Fatalf("%v: %v", e, perr)
		}
		if doc != nil && !dups {
			pos, ok := doc.Pos(e.Pointer)
			if !ok || pos != naivePos(data, pos.Offset) {
				t.Fatalf("%v: Doc.Pos gives %+v, %v", e, pos, ok)
			}
			if e.Code != "unknown_field" && e.Code != "duplicate_key" && pos != e.Pos {
				t.Fatalf("%v: Doc.Pos gives %+v", e, pos)
			}
		}
	}
}

// naivePos computes a Pos the slow way.
func naivePos(data []byte, off int) strictjson.Pos {
	line, start := 1, 0
	for i, c := range data[:off] {
		if c == '\n' {
			line, start = line+1, i+1
		}
	}
	col := utf8.RuneCount(data[start:off]) + 1
	if start == 0 && bytes.HasPrefix(data[:off], []byte("\uFEFF")) {
		col--
	}
	return strictjson.Pos{Offset: off, Line: line, Column: col}
}
