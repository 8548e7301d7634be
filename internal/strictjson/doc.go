// Package strictjson is the strict JSON decoder of the project: every
// report and configuration file goes through it.
//
// The same files are also checked by JSON Schema validators (Ajv,
// santhosh-tekuri/jsonschema) against schemas generated from the Go
// types. encoding/json is lenient where those validators are not, so a
// file could pass one and mean something else to the other. This package
// rejects everything the two would treat differently, and says exactly
// where: every error has a line, a column (in characters, not bytes) and
// an RFC 6901 JSON Pointer.
//
// # What is rejected, and why
//
// Fatal errors stop decoding; Decode then returns a single error, a nil
// Doc, and leaves the target untouched:
//
//   - too_large (Params: limit, and size when known): the input is longer
//     than Options.MaxBytes. Placed at byte MaxBytes.
//   - empty: the input is empty or only whitespace.
//   - invalid_utf8 (Params: offset): the input is not UTF-8 text. This is
//     checked first, over the whole input. (encoding/json silently
//     replaces bad bytes in strings.)
//   - syntax (Params: found, expected): anything outside the RFC 8259
//     grammar: comments, single quotes, unquoted names, trailing commas,
//     missing commas or colons, NaN, Infinity, leading zeros, "1.",
//     unescaped control characters, unterminated strings, bad literals.
//   - invalid_string_escape (Params: escape): any bad backslash escape:
//     an unknown one such as \x, \u without 4 hexadecimal digits, and
//     lone UTF-16 surrogates such as "\ud800", which encode no character
//     (encoding/json turns them into U+FFFD).
//   - trailing_data (Params: found): anything but whitespace after the
//     top-level value.
//   - too_deep (Params: limit): arrays and objects nested deeper than
//     Options.MaxDepth. The top-level array or object is depth 1.
//
// Non-fatal errors are collected, up to Options.MaxErrors, while the
// rest of the document is still checked and decoded. The offending value
// is skipped: a struct field keeps what it had, a slice element stays
// zero, a map entry is left out.
//
//   - duplicate_key (Params: key): a member name seen earlier in the same
//     object, at any depth: in structs, maps, unknown members and any
//     values alike. Names are compared after decoding escapes, so "a"
//     and "\u0061" are duplicates. The first occurrence is decoded; the
//     error points at the later one. (encoding/json keeps the last one,
//     while validators see only one of them.) Errors inside a later
//     occurrence are reported too, but their pointers, like any JSON
//     Pointer, lead to the first occurrence.
//   - unknown_field (Params: field, allowed): a member that matches no
//     struct field. Matching is exact and case-sensitive, like JSON
//     Schema properties (encoding/json ignores case). allowed lists the
//     struct's JSON names in declaration order.
//   - wrong_type (Params: expected, found): expected is one of "string",
//     "integer", "boolean", "object", "array" (and "number" for float
//     fields); found is one of "string", "number", "boolean", "object",
//     "array", "null". null is never accepted, not even for pointers,
//     slices or maps: the schemas of these types do not allow it.
//   - not_integer (Params: value): a number whose value is not an
//     integer, such as 1.5 or 1e-1, for an integer field. Integers are
//     recognised by value, as JSON Schema does: 1.0, 10e2 and -0 are the
//     integers 1, 1000 and 0. The computation is exact and decimal.
//   - integer_out_of_range (Params: value, min, max): an integer outside
//     the Go type's range, or outside the JavaScript-safe range
//     [-(2^53-1), 2^53-1] whatever the type (int64 and uint64 included),
//     so that every consumer reads the same number. min and max are the
//     effective bounds (as int64).
//   - invalid_value (Params: value, reason, and cause, the error itself,
//     for errors.As): UnmarshalText of the target type rejected the
//     string. Also used when a number does not fit a float field.
//   - too_many_errors (Params: more, limit): last, when more than
//     MaxErrors errors were found: the first MaxErrors are listed, and
//     this one counts the others (which are counted, not built). It has
//     the pointer "" and the position of the last error listed.
//
// Every Error has a Pos (Offset in bytes, Line and Column from 1, Column
// counting code points) and a Pointer ("" for the whole document). For
// unknown_field and duplicate_key, Pointer is that of the member (such as
// "/tasks/0/extra") and Pos is where its name starts; for other errors,
// both are those of the offending value, or for syntax errors of the
// value or container being read. Lines end at LF ("\n"; CR LF counts once).
//
// A leading UTF-8 byte order mark (EF BB BF, as Windows Notepad writes)
// is skipped silently; it counts in Pos.Offset but not as a column.
//
// # Go types
//
// Decode supports: structs (exported fields, named by their json tag or
// else the Go field name; json:"-" skips a field; tag options such as
// omitempty or string are ignored), pointers (allocated when needed),
// strings, bools, all int and uint kinds, slices (from arrays, including
// []byte; an empty array gives an empty non-nil slice), maps with string
// keys (from objects; an empty object gives an empty non-nil map; keys
// are stored as they are, without UnmarshalText), types
// whose pointer implements encoding.TextUnmarshaler (from strings; checked
// before the kind), and empty interfaces, which receive map[string]any,
// []any, string, bool, json.Number or nil as encoding/json with UseNumber
// gives them. Float kinds are decoded with strconv.ParseFloat.
// json.Unmarshaler is not consulted. A slice or map receives a new value
// (no merging with what it held); an existing non-nil pointer is decoded
// through.
//
// Decode panics if the target is not a non-nil pointer, or if its type
// contains an unsupported type: channels, functions, complex numbers,
// arrays, non-empty interfaces, pointers to pointers, maps without string
// keys, embedded struct fields without a json tag name, or two fields with
// the same JSON name. These are programming errors and do not depend on
// the input: the panic happens on the first call, whatever the data.
// No input makes Decode panic.
//
// Strings are stored exactly as decoded; normalisation is up to callers.
package strictjson
