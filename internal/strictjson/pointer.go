package strictjson

import (
	"fmt"
	"strconv"
	"strings"
)

// AppendToken returns ptr extended by one reference token, escaped as
// RFC 6901 requires: AppendToken("/a", "b/c") == "/a/b~1c".
func AppendToken(ptr, token string) string {
	return string(appendToken([]byte(ptr), token))
}

// AppendIndex returns ptr extended by the array index i.
func AppendIndex(ptr string, i int) string {
	return string(appendIndex([]byte(ptr), i))
}

// SplitPointer returns the unescaped reference tokens of ptr: none for ""
// (the whole document). It fails if ptr does not start with "/" or has a
// "~" that is not followed by "0" or "1".
func SplitPointer(ptr string) ([]string, error) {
	if ptr == "" {
		return nil, nil
	}
	if ptr[0] != '/' {
		return nil, fmt.Errorf("strictjson: JSON pointer %q does not start with '/'", ptr)
	}
	tokens := strings.Split(ptr[1:], "/")
	for i, tok := range tokens {
		if !strings.Contains(tok, "~") {
			continue
		}
		var b strings.Builder
		for j := 0; j < len(tok); j++ {
			switch {
			case tok[j] != '~':
				b.WriteByte(tok[j])
			case j+1 < len(tok) && tok[j+1] == '0':
				b.WriteByte('~')
				j++
			case j+1 < len(tok) && tok[j+1] == '1':
				b.WriteByte('/')
				j++
			default:
				return nil, fmt.Errorf("strictjson: JSON pointer %q has a '~' not followed by '0' or '1'", ptr)
			}
		}
		tokens[i] = b.String()
	}
	return tokens, nil
}

func appendToken(b []byte, token string) []byte {
	b = append(b, '/')
	for i := 0; i < len(token); i++ {
		switch c := token[i]; c {
		case '~':
			b = append(b, "~0"...)
		case '/':
			b = append(b, "~1"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

func appendIndex(b []byte, i int) []byte {
	return strconv.AppendInt(append(b, '/'), int64(i), 10)
}

// arrayIndex parses an RFC 6901 array index: "0" or digits without a
// leading zero.
func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 1 && tok[0] == '0' {
		return 0, false
	}
	for i := 0; i < len(tok); i++ {
		if !isDigit(tok[i]) {
			return 0, false
		}
	}
	i, err := strconv.Atoi(tok)
	return i, err == nil
}
