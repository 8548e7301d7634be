package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Page geometry, in twentieths of a point (twips): A4 portrait with the
// margins of ND 30/2020 Phụ lục I (top and bottom 20 mm, left 30 mm, right
// 15 mm), the page number 12 mm from the top edge.
const (
	pageWidth    = 11906
	pageHeight   = 16838
	marginTop    = 1134
	marginBottom = 1134
	marginLeft   = 1701
	marginRight  = 850
	headerSpace  = 680
	textWidth    = pageWidth - marginLeft - marginRight
	indent       = 567 // first-line indent: 1 cm
)

// Font is the document font; Word and LibreOffice substitute a metric
// twin (Liberation Serif 2, Tinos) where it is not installed.
const Font = "Times New Roman"

// Sizes in points.
const (
	sizeBody   = 14
	sizeHeader = 13
	sizeTable  = 12
	sizeSmall  = 11
)

// WriteDocx writes d as a WordprocessingML package (.docx, ECMA-376) that
// Word and LibreOffice open and edit. The bytes depend only on d.
func (d *Doc) WriteDocx(w io.Writer) error {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles()},
		{"word/settings.xml", settings},
		{"word/header1.xml", pageNumberHeader()},
		{"word/document.xml", d.DocumentXML()},
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2023, 6, 5, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`</Relationships>`

const settings = xmlHeader + `<w:settings ` + wNS + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

func styles() string {
	return xmlHeader + `<w:styles ` + wNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
		fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/>`, Font) +
		fmt.Sprintf(`<w:color w:val="000000"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="vi-VN"/>`, 2*sizeBody, 2*sizeBody) +
		`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

// pageNumberHeader is the header of every page but the first: the page
// number, centred, in 13 pt.
func pageNumberHeader() string {
	return xmlHeader + `<w:hdr ` + wNS + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		fmt.Sprintf(`<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>`, 2*sizeHeader) +
		fmt.Sprintf(`<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`, 2*sizeHeader) +
		fmt.Sprintf(`<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>`, 2*sizeHeader) +
		fmt.Sprintf(`<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:t>2</w:t></w:r>`, 2*sizeHeader) +
		fmt.Sprintf(`<w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>`, 2*sizeHeader) +
		`</w:p></w:hdr>`
}

// ox writes WordprocessingML.
type ox struct{ b strings.Builder }

func (o *ox) s(parts ...string) {
	for _, p := range parts {
		o.b.WriteString(p)
	}
}

// pOpts are the properties of one paragraph.
type pOpts struct {
	align       string // left, center, right, both
	firstLine   int
	after       int // twips after
	line        int // line spacing in 240ths; 0: single
	ruleUnder   bool
	ruleIndent  int // left and right indent of the rule's paragraph
	keepNext    bool
	size        int // points; 0: the default
	bold, italc bool
}

func (o *ox) para(op pOpts, runs ...Run) {
	o.s(`<w:p><w:pPr>`)
	if op.keepNext {
		o.s(`<w:keepNext/>`)
	}
	if op.ruleUnder {
		o.s(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	if op.after > 0 || op.line > 0 {
		line := op.line
		if line == 0 {
			line = 240
		}
		o.s(fmt.Sprintf(`<w:spacing w:after="%d" w:line="%d" w:lineRule="auto"/>`, op.after, line))
	}
	if op.firstLine > 0 || op.ruleIndent > 0 {
		o.s(fmt.Sprintf(`<w:ind w:left="%d" w:right="%d" w:firstLine="%d"/>`, op.ruleIndent, op.ruleIndent, op.firstLine))
	}
	if op.align != "" {
		o.s(`<w:jc w:val="`, op.align, `"/>`)
	}
	o.s(`</w:pPr>`)
	for _, r := range runs {
		o.run(r, op)
	}
	o.s(`</w:p>`)
}

func (o *ox) run(r Run, op pOpts) {
	o.s(`<w:r><w:rPr>`)
	if r.Bold || op.bold {
		o.s(`<w:b/><w:bCs/>`)
	}
	if r.Italic || op.italc {
		o.s(`<w:i/><w:iCs/>`)
	}
	if op.size > 0 {
		o.s(fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, 2*op.size, 2*op.size))
	}
	o.s(`</w:rPr>`)
	for i, piece := range strings.Split(r.Text, "\t") {
		if i > 0 {
			o.s(`<w:tab/>`)
		}
		o.s(`<w:t xml:space="preserve">`, esc(piece), `</w:t>`)
	}
	o.s(`</w:r>`)
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// rule is a centred horizontal line, as wide as the cell less inset on
// each side, followed by a blank line of the header's size.
func (o *ox) rule(inset int) {
	o.s(fmt.Sprintf(`<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="20" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="%d" w:right="%d"/><w:jc w:val="center"/><w:rPr><w:sz w:val="%d"/></w:rPr></w:pPr></w:p>`, inset, inset, 2*sizeHeader))
}

// grid opens a table of the given column widths, with or without borders.
func (o *ox) grid(widths []int, borders bool) {
	o.s(`<w:tbl><w:tblPr>`, fmt.Sprintf(`<w:tblW w:w="%d" w:type="dxa"/>`, sum(widths)), `<w:tblLayout w:type="fixed"/>`)
	if borders {
		o.s(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			o.s(`<w:`, side, ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		o.s(`</w:tblBorders>`)
	} else {
		o.s(`<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
		o.s(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	o.s(`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		o.s(fmt.Sprintf(`<w:gridCol w:w="%d"/>`, w))
	}
	o.s(`</w:tblGrid>`)
}

func (o *ox) cell(width int, fill func()) {
	o.s(fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width))
	fill()
	o.s(`</w:tc>`)
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// scale stretches widths to the text width.
func scale(widths []int) []int {
	total := sum(widths)
	out := make([]int, len(widths))
	used := 0
	for i, w := range widths {
		out[i] = w * textWidth / total
		used += out[i]
	}
	out[len(out)-1] += textWidth - used
	return out
}

// DocumentXML returns word/document.xml, the part the golden files hold.
func (d *Doc) DocumentXML() string {
	o := &ox{}
	o.s(xmlHeader, `<w:document `, wNS, `><w:body>`)
	d.headerXML(o)
	if d.Type != "" {
		o.para(pOpts{align: "center", bold: true, keepNext: true}, Run{Text: upper(d.Type)})
	}
	if d.Summary != "" {
		o.para(pOpts{align: "center", bold: true, after: 240, keepNext: true}, Run{Text: d.Summary})
	}
	d.toXML(o)
	for _, b := range d.Body {
		switch b := b.(type) {
		case Para:
			o.para(paraOpts(b.Style), b.Runs...)
		case Table:
			tableXML(o, b)
		}
	}
	d.closingXML(o)
	o.s(`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>`,
		fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, pageWidth, pageHeight),
		fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="567" w:gutter="0"/>`, marginTop, marginRight, marginBottom, marginLeft, headerSpace),
		`<w:titlePg/></w:sectPr></w:body></w:document>`)
	return o.b.String()
}

func paraOpts(s Style) pOpts {
	switch s {
	case Heading:
		return pOpts{align: "both", firstLine: indent, after: 120, line: 276, keepNext: true}
	case Centered:
		return pOpts{align: "center", after: 120, line: 276}
	case Plain:
		return pOpts{align: "both", after: 120, line: 276}
	}
	return pOpts{align: "both", firstLine: indent, after: 120, line: 276}
}

// headerXML writes the two-column header.
func (d *Doc) headerXML(o *ox) {
	left, right := 3900, textWidth-3900
	o.grid([]int{left, right}, false)
	o.s(`<w:tr>`)
	o.cell(left, func() {
		if d.Parent != "" {
			o.para(pOpts{align: "center", size: sizeHeader}, Run{Text: upper(d.Parent)})
		}
		o.para(pOpts{align: "center", size: sizeHeader, bold: true}, Run{Text: upper(d.Issuer)})
		o.rule(1200)
		o.para(pOpts{align: "center", size: sizeHeader}, Run{Text: d.Number})
		if d.Subject != "" {
			o.para(pOpts{align: "center", size: sizeTable}, Run{Text: d.Subject})
		}
	})
	o.cell(right, func() {
		o.para(pOpts{align: "center", size: 12, bold: true}, Run{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"})
		o.para(pOpts{align: "center", size: sizeHeader, bold: true}, Run{Text: "Độc lập - Tự do - Hạnh phúc"})
		o.rule(1000)
		o.para(pOpts{align: "center", size: sizeHeader, italc: true}, Run{Text: d.PlaceDate})
	})
	o.s(`</w:tr></w:tbl>`)
	o.para(pOpts{after: 240}, Run{Text: " "})
}

func (d *Doc) toXML(o *ox) {
	switch len(d.To) {
	case 0:
		return
	case 1:
		o.para(pOpts{align: "center", after: 240}, Run{Text: "Kính gửi: " + d.To[0]})
		return
	}
	o.para(pOpts{align: "left", firstLine: 2 * indent}, Run{Text: "Kính gửi:"})
	for i, to := range d.To {
		op := pOpts{align: "left", ruleIndent: 0, firstLine: 4 * indent}
		if i == len(d.To)-1 {
			op.after = 240
		}
		o.para(op, Run{Text: "- " + to})
	}
}

func tableXML(o *ox, t Table) {
	widths := scale(t.Widths)
	o.grid(widths, true)
	right := map[int]bool{}
	for _, c := range t.Right {
		right[c] = true
	}
	row := func(cells []string, header bool) {
		o.s(`<w:tr>`)
		if header {
			o.s(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		} else {
			o.s(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for i, c := range cells {
			align := "left"
			switch {
			case header:
				align = "center"
			case right[i]:
				align = "right"
			}
			o.cell(widths[i], func() {
				lines := strings.Split(c, "\n")
				for _, l := range lines {
					o.para(pOpts{align: align, size: sizeTable, bold: header, after: 40}, Run{Text: l})
				}
			})
		}
		o.s(`</w:tr>`)
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	o.s(`</w:tbl>`)
	o.para(pOpts{after: 120}, Run{Text: ""})
}

// closingXML writes Nơi nhận (left) and the signature block (right).
func (d *Doc) closingXML(o *ox) {
	left, right := 4300, textWidth-4300
	o.para(pOpts{}, Run{Text: " "})
	o.grid([]int{left, right}, false)
	o.s(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	o.cell(left, func() {
		o.para(pOpts{size: sizeTable, bold: true, italc: true}, Run{Text: "Nơi nhận:"})
		for _, r := range d.Recipients {
			o.para(pOpts{size: sizeSmall}, Run{Text: r})
		}
	})
	o.cell(right, func() {
		s := d.Signature
		for _, a := range s.Authority {
			o.para(pOpts{align: "center", bold: true}, Run{Text: upper(a)})
		}
		o.para(pOpts{align: "center", bold: true}, Run{Text: upper(s.Position)})
		if s.Note != "" {
			o.para(pOpts{align: "center", italc: true, size: sizeTable}, Run{Text: s.Note})
		}
		for range 4 {
			o.para(pOpts{align: "center"}, Run{Text: " "})
		}
		o.para(pOpts{align: "center", bold: true}, Run{Text: s.Name})
	})
	o.s(`</w:tr></w:tbl>`)
	o.para(pOpts{}) // the body ends with a paragraph, as Word expects
}
