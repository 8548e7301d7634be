package report

import (
	"strconv"
	"strings"
)

// GroupDigits writes n with sep between groups of three digits:
// GroupDigits(322000, ".") is "322.000", the Vietnamese way of writing
// three hundred twenty-two thousand. The report's messages, its Markdown,
// the form and the portal all write numbers with it.
func GroupDigits(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
