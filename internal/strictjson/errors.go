package strictjson

import (
	"fmt"
	"strconv"

	"github.com/kh164/kh164/diag"
)

// Error codes: the decoding codes of package diag, where they are declared
// and documented once.
const (
	codeTooLarge          = diag.TooLarge
	codeEmpty             = diag.Empty
	codeInvalidUTF8       = diag.InvalidUTF8
	codeSyntax            = diag.Syntax
	codeInvalidEscape     = diag.InvalidStringEscape
	codeTrailingData      = diag.TrailingData
	codeTooDeep           = diag.TooDeep
	codeDuplicateKey      = diag.DuplicateKey
	codeUnknownField      = diag.UnknownField
	codeWrongType         = diag.WrongType
	codeNotInteger        = diag.NotInteger
	codeIntegerOutOfRange = diag.IntegerOutOfRange
	codeInvalidValue      = diag.InvalidValue
	codeTooManyErrors     = diag.TooManyErrors
)

// Pos is a place in the input. Line and Column are 1-based; Column counts
// characters (Unicode code points, not bytes) from the start of the line.
// Offset is the byte offset in the input as given, a leading BOM included.
type Pos struct{ Offset, Line, Column int }

// String returns "line:column".
func (p Pos) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) }

// Error is one problem found in the input.
type Error struct {
	Code    diag.Code      // stable snake_case code, see the package documentation
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
func newError(code diag.Code, off int, ptr string, params map[string]any, detail string) *Error {
	return &Error{Code: code, Pointer: ptr, Pos: Pos{Offset: off}, Params: params, Detail: detail}
}
