package strictjson

import "bytes"

// intResult classifies the value of a JSON number for an integer target.
type intResult uint8

const (
	intOK       intResult = iota
	intFraction           // not an integer
	intHuge               // an integer with more than 16 digits, beyond maxSafe
)

// parseInteger returns the exact absolute value and sign of lit, a
// syntactically valid JSON number, if it is an integer of at most 16
// digits. It works on the decimal digits and exponent, never through
// float64, so 1.0, 1e3 and -0 are integers and 1e999999999 is only
// counted, not expanded.
func parseInteger(lit []byte) (abs uint64, neg bool, res intResult) {
	neg = lit[0] == '-'
	if neg {
		lit = lit[1:]
	}
	var exp int64
	if k := bytes.IndexAny(lit, "eE"); k >= 0 {
		exp = exponent(lit[k+1:])
		lit = lit[:k]
	}
	ip, frac, _ := bytes.Cut(lit, []byte("."))
	exp -= int64(len(frac))
	// The value is digits(ip ++ frac) * 10^exp.
	digit := func(k int) byte {
		if k < len(ip) {
			return ip[k] - '0'
		}
		return frac[k-len(ip)] - '0'
	}
	lo, hi := 0, len(ip)+len(frac)
	for lo < hi && digit(lo) == 0 {
		lo++
	}
	for hi > lo && digit(hi-1) == 0 {
		hi--
		exp++
	}
	switch {
	case lo == hi:
		return 0, neg, intOK
	case exp < 0: // the last significant digit is after the point
		return 0, neg, intFraction
	case int64(hi-lo)+exp > 16:
		return 0, neg, intHuge
	}
	for k := lo; k < hi; k++ {
		abs = abs*10 + uint64(digit(k))
	}
	for ; exp > 0; exp-- {
		abs *= 10
	}
	return abs, neg, intOK
}

// exponent parses the exponent of a JSON number, saturating far beyond
// any input length so that huge exponents keep their meaning without
// overflowing.
func exponent(b []byte) int64 {
	neg := b[0] == '-'
	if b[0] == '-' || b[0] == '+' {
		b = b[1:]
	}
	var e int64
	for _, c := range b {
		if e < 1e15 {
			e = e*10 + int64(c-'0')
		}
	}
	if neg {
		return -e
	}
	return e
}
