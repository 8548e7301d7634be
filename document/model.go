package document

//go:generate go test -run ^TestGoldenDocumentXML$ -update .

import (
	"fmt"
	"strings"

	"github.com/kh164/kh164/plan"
)

// Doc is an official document in the layout of Nghị định 30/2020/NĐ-CP,
// Phụ lục I: a two-column header (issuing body; Quốc hiệu and Tiêu ngữ),
// the number and the place and date, the type and summary, "Kính gửi",
// the content, then the recipients and the signature block side by side.
// WriteDocx and WriteHTML render the same Doc.
type Doc struct {
	// Parent is the body the issuer belongs to ("UBND THÀNH PHỐ HÀ NỘI"),
	// "" for none; Issuer the issuing body. Both are written in upper case.
	Parent, Issuer string
	// Number is the whole number line: "Số: 245/BC-SYT".
	Number string
	// Subject is the "V/v …" line of a công văn, under the number; "" for
	// other types.
	Subject string
	// PlaceDate is "Hà Nội, ngày 05 tháng 01 năm 2026".
	PlaceDate string
	// Type is "BÁO CÁO" ("" for a công văn); Summary the trích yếu.
	Type, Summary string
	// To are the addressees of "Kính gửi:", one per line.
	To []string
	// Body is the content, in order.
	Body []Block
	// Recipients are the lines under "Nơi nhận:" ("- Như trên;").
	Recipients []string
	// Signature is the signature block.
	Signature Signature
}

// Signature is who signs: the authority lines ("TM. BAN THƯỜNG VỤ",
// "KT. GIÁM ĐỐC"), the position, a note where the signature goes, and the
// name. Authority and position are written in upper case.
type Signature struct {
	Authority []string
	Position  string
	Note      string // "(Ký, ghi rõ họ tên, đóng dấu)"; "" for none
	Name      string
}

// Block is a paragraph or a table of the content.
type Block interface{ block() }

// Style is a paragraph's role.
type Style int

// Paragraph styles.
const (
	Body     Style = iota // justified, first-line indent, 6 pt after
	Heading               // a section heading: bold, justified, first-line indent
	Centered              // centred
	Plain                 // justified, no indent
)

// Para is a paragraph of runs.
type Para struct {
	Style Style
	Runs  []Run
}

// Run is a piece of text with its emphasis.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Table is a bordered table: its column widths in twentieths of a point
// (they are scaled to the text width), its header row, shown in bold and
// repeated on every page, and its rows of cells.
type Table struct {
	Widths []int
	Header []string
	Rows   [][]string
	// Right lists the columns whose cells are aligned right (numbers).
	Right []int
}

func (Para) block()  {}
func (Table) block() {}

// P is a body paragraph of plain text.
func P(text string) Para { return Para{Style: Body, Runs: []Run{{Text: text}}} }

// H is a heading.
func H(text string) Para { return Para{Style: Heading, Runs: []Run{{Text: text, Bold: true}}} }

// Prose turns text typed in a form into paragraphs of the given style:
// one paragraph per non-empty line, white space kept as typed within it.
func Prose(style Style, text string) []Block {
	var out []Block
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, Para{Style: style, Runs: []Run{{Text: strings.TrimRight(line, "\r")}}})
	}
	return out
}

// DateLine writes place and date as ND 30 does, with a leading zero for
// days below 10 and for months 1 and 2: "Hà Nội, ngày 05 tháng 01 năm
// 2026". A zero date gives blanks for the issuer to fill.
func DateLine(place string, d plan.Date) string {
	if d.IsZero() {
		return place + ", ngày …… tháng …… năm ……"
	}
	month := fmt.Sprint(int(d.Month))
	if d.Month < 3 {
		month = fmt.Sprintf("%02d", int(d.Month))
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, d.Day, month, d.Year)
}

// upper writes s in upper case, as ND 30 writes body names and authorities.
func upper(s string) string { return strings.ToUpper(s) }
