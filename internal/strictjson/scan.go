package strictjson

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The syntax pass: it checks the input against the RFC 8259 grammar and
// the limits, finds duplicate member names, and builds the tape.

// A frame is an object or array being scanned.
type frame struct {
	node int                 // tape index of the container
	key  int                 // objects: tape index of the current member's key
	keys int                 // objects: where the object's distinct keys start in scanner.keys
	set  map[string]struct{} // objects: the distinct names, once there are too many to compare in pairs
}

// maxPairwise is the number of members from which an object's names are
// kept in a map rather than compared in pairs.
const maxPairwise = 16

type scanner struct {
	tree
	i          int     // next byte to read
	stack      []frame // open containers
	keys       []int   // key nodes of the open objects
	maxDepth   int
	maxErrors  int
	errs       Errors // duplicate_key errors
	buf1, buf2 []byte
}

// scan runs the syntax pass. It returns the tree and the duplicate_key
// errors, or a fatal error with only its offset known.
func scan(data []byte, opt Options) (tree, Errors, *Error) {
	if !utf8.Valid(data) {
		off := 0
		for {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return tree{}, nil, newError(codeInvalidUTF8, off, "", map[string]any{"offset": off},
			fmt.Sprintf("invalid UTF-8 byte 0x%02X", data[off]))
	}
	s := scanner{
		tree:      tree{data: data, tape: make([]node, 0, 16+len(data)/16)},
		maxDepth:  opt.MaxDepth,
		maxErrors: opt.MaxErrors,
	}
	if bytes.HasPrefix(data, bom) {
		s.i = len(bom)
	}
	s.skipSpace()
	if s.i == len(data) {
		return tree{}, nil, newError(codeEmpty, s.i, "", map[string]any{}, "input is empty or only whitespace")
	}
	if err := s.parse(); err != nil {
		return tree{}, nil, err
	}
	s.skipSpace()
	if s.i < len(data) {
		found := describe(data, s.i)
		return tree{}, nil, newError(codeTrailingData, s.i, "", map[string]any{"found": found},
			"unexpected "+found+" after the top-level value")
	}
	return s.tree, s.errs, nil
}

func (s *scanner) parse() *Error {
	for {
		open, err := s.value()
		if err != nil {
			return err
		}
		for !open { // a value is complete
			if len(s.stack) == 0 {
				return nil
			}
			if open, err = s.next(); err != nil {
				return err
			}
		}
	}
}

// value scans a value. It reports whether it opened a non-empty object or
// array, whose first member or element comes next.
func (s *scanner) value() (bool, *Error) {
	s.skipSpace()
	if s.i == len(s.data) {
		return false, s.unexpected(true, "value", "")
	}
	switch c := s.data[s.i]; {
	case c == '{' || c == '[':
		return s.open(c)
	case c == '"':
		return false, s.scanString(kString, true)
	case c == '-' || isDigit(c):
		return false, s.number()
	case isWordByte(c):
		return false, s.literal()
	}
	return false, s.unexpected(true, "value", "")
}

func (s *scanner) open(c byte) (bool, *Error) {
	if len(s.stack) == s.maxDepth {
		return false, newError(codeTooDeep, s.i, s.pointer(true), map[string]any{"limit": s.maxDepth},
			fmt.Sprintf("nesting deeper than %d levels", s.maxDepth))
	}
	k, closer := kArray, byte(']')
	if c == '{' {
		k, closer = kObject, '}'
	}
	s.stack = append(s.stack, frame{node: len(s.tape), key: -1, keys: len(s.keys)})
	s.tape = append(s.tape, node{off: int32(s.i), kind: k})
	s.i++
	s.skipSpace()
	if s.i < len(s.data) && s.data[s.i] == closer {
		s.i++
		s.close()
		return false, nil
	}
	return true, s.child()
}

// next scans what follows a member or element: a comma and the next
// member's name, or the end of the container. It reports whether a value
// comes next.
func (s *scanner) next() (bool, *Error) {
	s.skipSpace()
	closer, expected, after := byte(']'), "',' or ']'", " after array element"
	if s.tape[s.stack[len(s.stack)-1].node].kind == kObject {
		closer, expected, after = '}', "',' or '}'", " after object member"
	}
	if s.i < len(s.data) {
		switch s.data[s.i] {
		case ',':
			s.i++
			return true, s.child()
		case closer:
			s.i++
			s.close()
			return false, nil
		}
	}
	return false, s.unexpected(false, expected, after)
}

// child starts the next element of the current array, or scans the name
// and colon of the next member of the current object.
func (s *scanner) child() *Error {
	f := &s.stack[len(s.stack)-1]
	n := &s.tape[f.node]
	n.n++
	if n.kind == kArray {
		return nil
	}
	s.skipSpace()
	if s.i == len(s.data) || s.data[s.i] != '"' {
		return s.unexpected(false, "string", " for member name")
	}
	f.key = len(s.tape)
	if err := s.scanString(kKey, false); err != nil {
		return err
	}
	s.checkDuplicate(f)
	s.skipSpace()
	if s.i == len(s.data) || s.data[s.i] != ':' {
		return s.unexpected(true, "':'", " after member name")
	}
	s.i++
	return nil
}

func (s *scanner) close() {
	f := s.stack[len(s.stack)-1]
	s.tape[f.node].next = int32(len(s.tape))
	s.keys = s.keys[:f.keys]
	s.stack = s.stack[:len(s.stack)-1]
}

// push adds a scalar or key node that starts at s.i and ends at end.
func (s *scanner) push(k kind, end int, esc bool) {
	s.tape = append(s.tape, node{off: int32(s.i), end: int32(end), next: int32(len(s.tape) + 1), kind: k, esc: esc})
	s.i = end
}

// plain holds the bytes that need no attention inside a string.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// scanString scans a string (k == kString) or a member name (k == kKey).
// child tells whether its pointer is that of a value.
func (s *scanner) scanString(k kind, child bool) *Error {
	d := s.data
	esc := false
	for j := s.i + 1; j < len(d); {
		for j < len(d) && plain[d[j]] {
			j++
		}
		switch {
		case j == len(d):
		case d[j] == '"':
			s.push(k, j+1, esc)
			return nil
		case d[j] == '\\':
			n, err := s.escape(j, child)
			if err != nil {
				return err
			}
			esc = true
			j += n
		default:
			found := fmt.Sprintf("U+%04X", d[j])
			return newError(codeSyntax, j, s.pointer(child),
				map[string]any{"found": found, "expected": "escape sequence"},
				"control character "+found+" must be escaped in strings")
		}
	}
	return newError(codeSyntax, s.i, s.pointer(child), map[string]any{"found": "end of input", "expected": `'"'`},
		"unterminated string")
}

// escape checks the escape sequence at d[j] and returns its length.
func (s *scanner) escape(j int, child bool) (int, *Error) {
	d := s.data
	if j+1 < len(d) {
		switch d[j+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			return 2, nil
		case 'u':
			r, ok := hex4(d[j+2:])
			switch {
			case !ok:
				return 0, s.badEscape(j, 6, child, "expected 4 hexadecimal digits after \\u")
			case !utf16.IsSurrogate(r):
				return 6, nil
			case r < 0xDC00 && j+12 <= len(d) && d[j+6] == '\\' && d[j+7] == 'u':
				if r2, ok := hex4(d[j+8:]); ok && 0xDC00 <= r2 && r2 <= 0xDFFF {
					return 12, nil
				}
			}
			return 0, s.badEscape(j, 6, child, "lone surrogate: it does not encode a character")
		}
	}
	return 0, s.badEscape(j, 2, child, "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
}

// badEscape reports the escape sequence of n characters at d[j].
func (s *scanner) badEscape(j, n int, child bool, why string) *Error {
	end := j
	for ; n > 0 && end < len(s.data); n-- {
		_, size := utf8.DecodeRune(s.data[end:])
		end += size
	}
	esc := string(s.data[j:end])
	return newError(codeInvalidEscape, j, s.pointer(child), map[string]any{"escape": esc},
		"invalid escape "+esc+" in string: "+why)
}

func (s *scanner) number() *Error {
	d := s.data
	j := s.i
	if d[j] == '-' {
		j++
	}
	switch {
	case j == len(d) || !isDigit(d[j]):
		return s.badNumber("digit", "expected digit after '-'")
	case d[j] == '0':
		j++
		if j < len(d) && isDigit(d[j]) {
			return s.badNumber("no leading zero", "leading zeros are not allowed")
		}
	default:
		j = skipDigits(d, j)
	}
	if j < len(d) && d[j] == '.' {
		j++
		if j == len(d) || !isDigit(d[j]) {
			return s.badNumber("digit", "expected digit after '.'")
		}
		j = skipDigits(d, j)
	}
	if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
		j++
		if j < len(d) && (d[j] == '+' || d[j] == '-') {
			j++
		}
		if j == len(d) || !isDigit(d[j]) {
			return s.badNumber("digit", "expected digit in exponent")
		}
		j = skipDigits(d, j)
	}
	s.push(kNumber, j, false)
	return nil
}

func (s *scanner) badNumber(expected, why string) *Error {
	found := describe(s.data, s.i)
	return newError(codeSyntax, s.i, s.pointer(true), map[string]any{"found": found, "expected": expected},
		"invalid number "+found+": "+why)
}

// literal scans true, false or null.
func (s *scanner) literal() *Error {
	end := s.i
	for end < len(s.data) && isWordByte(s.data[end]) {
		end++
	}
	var k kind
	switch string(s.data[s.i:end]) {
	case "true":
		k = kTrue
	case "false":
		k = kFalse
	case "null":
		k = kNull
	default:
		return s.unexpected(true, "value", "")
	}
	s.push(k, end, false)
	return nil
}

// checkDuplicate checks the name of the current member of object frame f
// against the previous ones.
func (s *scanner) checkDuplicate(f *frame) {
	k := f.key
	if f.set == nil && len(s.keys)-f.keys < maxPairwise {
		for _, o := range s.keys[f.keys:] {
			if s.sameName(o, k) {
				s.duplicate(k)
				return
			}
		}
	} else {
		if f.set == nil {
			f.set = make(map[string]struct{}, 2*maxPairwise)
			for _, o := range s.keys[f.keys:] {
				f.set[s.str(o)] = struct{}{}
			}
		}
		s.buf1 = s.text(s.buf1[:0], k)
		if _, dup := f.set[string(s.buf1)]; dup {
			s.duplicate(k)
			return
		}
		f.set[string(s.buf1)] = struct{}{}
	}
	s.keys = append(s.keys, k)
}

func (s *scanner) sameName(a, b int) bool {
	if !s.tape[a].esc && !s.tape[b].esc {
		return bytes.Equal(s.raw(a), s.raw(b))
	}
	s.buf1 = s.text(s.buf1[:0], a)
	s.buf2 = s.text(s.buf2[:0], b)
	return bytes.Equal(s.buf1, s.buf2)
}

func (s *scanner) duplicate(k int) {
	s.tape[k].dup = true
	if len(s.errs) >= s.maxErrors {
		s.dropped++
	} else {
		name := s.str(k)
		s.errs = append(s.errs, newError(codeDuplicateKey, s.off(k), s.pointer(true),
			map[string]any{"key": name}, fmt.Sprintf("duplicate key %q", name)))
	}
}

// pointer returns the JSON Pointer of the innermost open container, or,
// if child, of its member or element being scanned.
func (s *scanner) pointer(child bool) string {
	var b []byte
	for i, f := range s.stack {
		if i == len(s.stack)-1 && !child {
			break
		}
		if n := &s.tape[f.node]; n.kind == kArray {
			b = appendIndex(b, int(n.n)-1)
		} else {
			b = appendToken(b, s.str(f.key))
		}
	}
	return string(b)
}

// unexpected reports a syntax error at s.i: expected, in the context
// after, was not found.
func (s *scanner) unexpected(child bool, expected, after string) *Error {
	found := describe(s.data, s.i)
	detail := "expected " + expected + after + ", found " + found
	if s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '/':
			detail += " (comments are not allowed)"
		case c == '\'':
			detail += " (strings must be in double quotes)"
		case (c == '}' || c == ']') && bytes.HasSuffix(bytes.TrimRight(s.data[:s.i], " \t\r\n"), []byte(",")):
			detail += " (trailing commas are not allowed)"
		case expected == "string" && isWordByte(c):
			detail += " (member names must be strings in double quotes)"
		}
	}
	return newError(codeSyntax, s.i, s.pointer(child), map[string]any{"found": found, "expected": expected}, detail)
}

// describe names what is at d[i] for an error message: a quoted word or
// character, "U+XXXX" for invisible characters, or "end of input".
func describe(d []byte, i int) string {
	const maxWord = 24
	switch {
	case i >= len(d):
		return "end of input"
	case isWordByte(d[i]):
		end := i
		for end < len(d) && isWordByte(d[end]) {
			end++
		}
		if end-i > maxWord {
			return "'" + string(d[i:i+maxWord]) + "...'"
		}
		return "'" + string(d[i:end]) + "'"
	}
	r, _ := utf8.DecodeRune(d[i:])
	switch {
	case r == '\'':
		return `"'"`
	case r == ' ' || !unicode.IsPrint(r):
		return fmt.Sprintf("U+%04X", r)
	}
	return "'" + string(r) + "'"
}

func (s *scanner) skipSpace() {
	for ; s.i < len(s.data); s.i++ {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
		default:
			return
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte reports whether c can be part of a literal, a number or a
// bare word such as NaN, as shown in error messages.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '_' || c == '.' || c == '+' || c == '-'
}

func skipDigits(d []byte, j int) int {
	for j < len(d) && isDigit(d[j]) {
		j++
	}
	return j
}
