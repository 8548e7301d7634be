package strictjson

import (
	"fmt"
	"strconv"
)

// Error codes. They are part of the API: callers match on them and
// translate them, so they never change.
const (
	codeTooLarge          = "too_large"
	codeEmpty             = "empty"
	codeInvalidUTF8       = "invalid_utf8"
	codeSyntax            = "syntax"
	codeInvalidEscape     = "invalid_string_escape"
	codeTrailingData      = "trailing_data"
	codeTooDeep           = "too_deep"
	codeDuplicateKey      = "duplicate_key"
	codeUnknownField      = "unknown_field"
	codeWrongType         = "wrong_type"
	codeNotInteger        = "not_integer"
	codeIntegerOutOfRange = "integer_out_of_range"
	codeInvalidValue      = "invalid_value"
	codeTooManyErrors     = "too_many_errors"
)

// Pos is a place in the input. Line and Column are 1-based; Column counts
// characters (Unicode code points, not bytes) from the start of the line.
// Offset is the byte offset in the input as given, a leading BOM included.
type Pos struct{ Offset, Line, Column int }

// String returns "line:column".
func (p Pos) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) }

// Error is one problem found in the input.
type Error struct {
	Code    string         // stable snake_case code, see the package documentation
	Pointer string         // RFC 6901 JSON Pointer of the offending value ("" = the whole document)
	Pos     Pos            // where the offending token starts
	Params  map[string]any // machine-readable details; never nil
	Detail  string         // short English technical detail for logs
}

// Error returns "line:column: pointer: detail", for example
// `3:14: /tasks/0/extra: unknown field "extra"`. The pointer part is
// left out when the pointer is "" (the whole document), so
// "1:1: input is empty"; a pointer is never empty otherwise.
func (e *Error) Error() string {
	if e.Pointer == "" {
		return e.Pos.String() + ": " + e.Detail
	}
	return e.Pos.String() + ": " + e.Pointer + ": " + e.Detail
}

// Errors is a non-empty list of problems, in input order.
type Errors []*Error

// Error returns the first error's text, plus " (and N more)" if there are others.
func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	if len(es) == 1 {
		return es[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", es[0].Error(), len(es)-1)
}

// newError returns an Error whose position is only known as a byte offset
// for now; Line and Column are filled in when the error is returned.
func newError(code string, off int, ptr string, params map[string]any, detail string) *Error {
	return &Error{Code: code, Pointer: ptr, Pos: Pos{Offset: off}, Params: params, Detail: detail}
}
