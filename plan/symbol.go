package plan

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kh164/kh164/diag"
)

// SymbolPattern is the grammar ParseSymbol accepts, as a regular
// expression in the subset RE2 and ECMA-262 share (for JSON Schema).
const SymbolPattern = `^(?:0[1-9]|[1-9][0-9]{1,4})(?:-[A-ZĐ]+/[A-ZĐ]+[0-9]*|(?:/(?:194[5-9]|19[5-9][0-9]|[2-9][0-9]{3}))?/(?:[A-ZĐ]+-)?[A-ZĐ]+[0-9]*)$`

// Symbol is the number and symbol ("số, ký hiệu") of a document, such as
// "164/KH-UBND", "11/2008/QH12", "07/2014/TT-BGDĐT" or the Party form
// "44-KL/TW".
//
// State documents write NUMBER[/YEAR]/[TYPE-]ISSUER; Party documents write
// NUMBER-TYPE/ISSUER. Type and issuer are upper-case abbreviations (with Đ),
// the issuer may end in digits (QH12 is the 12th National Assembly).
type Symbol struct {
	Number int    `json:"number"`          // 164
	Year   int    `json:"year,omitempty"`  // 2008 in 11/2008/QH12; 0 when not written
	Type   string `json:"type,omitempty"`  // KH, KL, TT…; empty for laws
	Issuer string `json:"issuer"`          // UBND, TW, QH12, BGDĐT…
	Party  bool   `json:"party,omitempty"` // Party form: 44-KL/TW
	Text   string `json:"symbol"`          // the canonical text
}

// String returns the symbol's canonical text.
func (s Symbol) String() string { return s.Text }

// ParseSymbol parses a document number and symbol. Spaces around the parts
// are not allowed. A malformed symbol gives a diag.List with code
// invalid_symbol naming the character where it goes wrong.
func ParseSymbol(text string) (Symbol, error) {
	p := symbolParser{in: text}
	s, ok := p.parse()
	if !ok {
		col := utf8.RuneCountInString(text[:p.pos]) + 1
		return Symbol{}, diag.List{diag.New("", diag.InvalidSymbol,
			fmt.Sprintf("Số, ký hiệu %q không hợp lệ ở ký tự %d: %s. Viết theo mẫu 164/KH-UBND, 11/2008/QH12 hoặc 44-KL/TW.", text, col, p.vi),
			fmt.Sprintf("Document symbol %q is malformed at character %d: %s. Write it as 164/KH-UBND, 11/2008/QH12 or 44-KL/TW.", text, col, p.en),
			"symbol", text, "column", col)}
	}
	return s, nil
}

// MustSymbol is ParseSymbol for symbols known to be well formed; it panics otherwise.
func MustSymbol(text string) Symbol {
	s, err := ParseSymbol(text)
	if err != nil {
		panic(err)
	}
	return s
}

type symbolParser struct {
	in     string
	pos    int
	vi, en string
}

func (p *symbolParser) fail(vi, en string) bool { p.vi, p.en = vi, en; return false }

func (p *symbolParser) number() (int, bool) {
	start := p.pos
	for p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == start {
		return 0, p.fail("cần số văn bản", "a document number is expected")
	}
	if p.pos-start > 5 {
		p.pos = start
		return 0, p.fail("số văn bản quá dài", "the document number is too long")
	}
	text := p.in[start:p.pos]
	if len(text) == 1 || (text[0] == '0' && (len(text) != 2 || text[1] == '0')) {
		p.pos = start
		return 0, p.fail("số văn bản có ít nhất hai chữ số, bắt đầu từ 01 (số nhỏ hơn 10 thêm số 0 phía trước)", "document numbers have at least two digits, from 01 (numbers below 10 take a leading zero)")
	}
	n, _ := strconv.Atoi(text)
	return n, true
}

// abbrev reads an upper-case abbreviation: letters A–Z and Đ, then, where
// digitsOK, digits (QH12).
func (p *symbolParser) abbrev(what, whatEN string, digitsOK bool) (string, bool) {
	start := p.pos
	for p.pos < len(p.in) {
		r, size := utf8.DecodeRuneInString(p.in[p.pos:])
		if (r < 'A' || r > 'Z') && r != 'Đ' {
			break
		}
		p.pos += size
	}
	if p.pos == start {
		return "", p.fail("cần "+what+" viết hoa", "an upper-case "+whatEN+" is expected")
	}
	for digitsOK && p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
		p.pos++
	}
	return p.in[start:p.pos], true
}

func (p *symbolParser) expect(c byte) bool {
	if p.pos < len(p.in) && p.in[p.pos] == c {
		p.pos++
		return true
	}
	return p.fail(fmt.Sprintf("cần dấu %q", c), fmt.Sprintf("%q is expected", c))
}

func (p *symbolParser) parse() (Symbol, bool) {
	var s Symbol
	var ok bool
	if s.Number, ok = p.number(); !ok {
		return s, false
	}
	if p.pos < len(p.in) && p.in[p.pos] == '-' { // Party form 44-KL/TW
		p.pos++
		s.Party = true
		if s.Type, ok = p.abbrev("loại văn bản", "document type", false); !ok {
			return s, false
		}
		if !p.expect('/') {
			return s, false
		}
		if s.Issuer, ok = p.abbrev("cơ quan ban hành", "issuer", true); !ok {
			return s, false
		}
	} else {
		if !p.expect('/') {
			return s, false
		}
		if p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' { // year
			start := p.pos
			y, _ := p.number()
			if p.pos-start != 4 || y < 1945 || p.in[start] == '0' {
				p.pos = start
				return s, p.fail("năm ban hành phải có bốn chữ số", "the year must have four digits")
			}
			s.Year = y
			if !p.expect('/') {
				return s, false
			}
		}
		from := p.pos
		first, ok := p.abbrev("ký hiệu", "abbreviation", false)
		if !ok {
			return s, false
		}
		if p.pos < len(p.in) && p.in[p.pos] == '-' {
			p.pos++
			s.Type = first
			if s.Issuer, ok = p.abbrev("cơ quan ban hành", "issuer", true); !ok {
				return s, false
			}
		} else {
			for p.pos < len(p.in) && p.in[p.pos] >= '0' && p.in[p.pos] <= '9' {
				p.pos++
			}
			s.Issuer = p.in[from:p.pos]
		}
	}
	if p.pos != len(p.in) {
		return s, p.fail("thừa ký tự ở cuối", "unexpected characters at the end")
	}
	s.Text = s.format()
	return s, true
}

func (s Symbol) format() string {
	num := fmt.Sprintf("%02d", s.Number)
	if s.Party {
		return num + "-" + s.Type + "/" + s.Issuer
	}
	var b strings.Builder
	b.WriteString(num)
	if s.Year != 0 {
		fmt.Fprintf(&b, "/%d", s.Year)
	}
	b.WriteByte('/')
	if s.Type != "" {
		b.WriteString(s.Type + "-")
	}
	b.WriteString(s.Issuer)
	return b.String()
}
