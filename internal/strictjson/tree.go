package strictjson

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// kind is the kind of a tape node.
type kind uint8

const (
	kString kind = iota + 1
	kNumber
	kTrue
	kFalse
	kNull
	kObject
	kArray
	kKey // an object member's name
)

// name returns the JSON type name used as "found" in wrong_type errors.
func (k kind) name() string {
	switch k {
	case kString:
		return "string"
	case kNumber:
		return "number"
	case kTrue, kFalse:
		return "boolean"
	case kNull:
		return "null"
	case kObject:
		return "object"
	}
	return "array"
}

// A node is one value (or member name) of the input. The syntax pass
// lists them in input order on a tape: an object node is followed by its
// members as (key, value) pairs, an array node by its elements, each with
// its own descendants.
//
// Nodes are small (20 bytes) since there is one per token: offsets and
// indexes are int32, which is why inputs are limited to 2 GiB.
type node struct {
	off  int32 // byte offset where the token starts
	end  int32 // strings, keys and numbers: byte offset just after the token
	next int32 // tape index just after this value and its descendants
	n    int32 // objects and arrays: number of members or elements
	kind kind
	esc  bool // strings and keys: the text has backslash escapes
	dup  bool // keys: the same name came earlier in the object
}

// tree is a syntactically valid input and its tape; the root is tape[0].
type tree struct {
	data []byte
	tape []node
	// dropped counts the errors found but not collected, beyond
	// Options.MaxErrors.
	dropped int
}

// next returns the tape index just after node i and its descendants.
func (t *tree) next(i int) int { return int(t.tape[i].next) }

// off returns the byte offset where node i starts.
func (t *tree) off(i int) int { return int(t.tape[i].off) }

// count returns the number of members or elements of container node i.
func (t *tree) count(i int) int { return int(t.tape[i].n) }

// lit returns the text of a string, key or number node.
func (t *tree) lit(i int) []byte {
	n := &t.tape[i]
	return t.data[n.off:n.end]
}

// raw returns the text between the quotes of string or key node i.
func (t *tree) raw(i int) []byte {
	lit := t.lit(i)
	return lit[1 : len(lit)-1]
}

// text appends the decoded text of string or key node i to dst.
func (t *tree) text(dst []byte, i int) []byte {
	if !t.tape[i].esc {
		return append(dst, t.raw(i)...)
	}
	return unescape(dst, t.raw(i))
}

// str returns the decoded text of string or key node i.
func (t *tree) str(i int) string {
	if !t.tape[i].esc {
		return string(t.raw(i))
	}
	// One allocation: an unescaped string is never longer than its JSON
	// text, and the buffer is not used after it becomes the string (as in
	// strings.Builder).
	raw := t.raw(i)
	buf := unescape(make([]byte, 0, len(raw)), raw)
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// keyIs reports whether key node i has the name tok.
func (t *tree) keyIs(i int, tok string) bool {
	if t.tape[i].esc {
		return string(unescape(nil, t.raw(i))) == tok
	}
	return string(t.raw(i)) == tok
}

// child returns the tape index of the value that tok designates in
// container node i. Of duplicate names, the first one counts.
func (t *tree) child(i int, tok string) (int, bool) {
	switch t.tape[i].kind {
	case kObject:
		for j := i + 1; j < t.next(i); j = t.next(j + 1) {
			if t.keyIs(j, tok) {
				return j + 1, true
			}
		}
	case kArray:
		if k, ok := arrayIndex(tok); ok && k < t.count(i) {
			j := i + 1
			for ; k > 0; k-- {
				j = t.next(j)
			}
			return j, true
		}
	}
	return 0, false
}

// unescape appends the decoded form of s, the validated text of a JSON
// string between its quotes, to dst.
func unescape(dst, s []byte) []byte {
	for {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		c := s[1]
		switch c {
		case 'u':
			r, _ := hex4(s[2:])
			s = s[6:]
			if utf16.IsSurrogate(r) {
				r2, _ := hex4(s[2:])
				r = utf16.DecodeRune(r, r2)
				s = s[6:]
			}
			dst = utf8.AppendRune(dst, r)
			continue
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		}
		dst = append(dst, c)
		s = s[2:]
	}
}

// hex4 parses the 4 hexadecimal digits that start b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
