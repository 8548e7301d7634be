package document

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"
)

// PrintCSS is the print style of WriteHTML: A4 with the margins of ND 30
// (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman with
// its metric twins, page numbers centred in the top margin from page 2.
const PrintCSS = `@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt "Times New Roman", "Liberation Serif", Tinos, serif; } }
@page :first { @top-center { content: none; } }
html { background: #eee; }
body { font: 14pt/1.25 "Times New Roman", "Liberation Serif", Tinos, serif; color: #000; margin: 0; }
.page { background: #fff; width: 165mm; margin: 1em auto; padding: 20mm 15mm 20mm 30mm; box-sizing: content-box; }
@media print { html { background: none; } .page { width: auto; margin: 0; padding: 0; } }
table.head, table.close { width: 100%; border-collapse: collapse; }
table.head td, table.close td { vertical-align: top; text-align: center; padding: 0; }
table.head td.l { width: 41.7%; font-size: 13pt; }
table.head td.r { font-size: 13pt; }
.qh { font-size: 12pt; font-weight: bold; }
.issuer { font-weight: bold; }
.rule { border-top: 1px solid #000; height: 1em; margin: 1pt auto 0; }
td.l .rule { width: 35%; }
td.r .rule { width: 60%; }
.date { font-style: italic; }
.type, .summary { text-align: center; font-weight: bold; margin: 0; }
.summary { margin-bottom: 12pt; }
.to { text-align: center; margin: 0 0 12pt; }
.to-list { margin: 0 0 12pt 2cm; }
.to-list p { margin: 0; text-indent: 1cm; }
p.b, p.h { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
p.h { page-break-after: avoid; }
p.c { text-align: center; margin: 0 0 6pt; }
p.p { text-align: justify; margin: 0 0 6pt; }
table.grid { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 0 0 6pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
table.grid th { text-align: center; }
table.grid td.n { text-align: right; }
table.grid thead { display: table-header-group; }
table.close td.l { width: 45%; text-align: left; }
.nn { font-size: 12pt; font-weight: bold; font-style: italic; margin: 0; }
.rcp { font-size: 11pt; margin: 0; }
.sig { font-weight: bold; margin: 0; }
.note { font-style: italic; font-size: 12pt; margin: 0; }
.sign-space { height: 5em; }
.tab { white-space: pre-wrap; }`

// WriteHTML writes d as one HTML page with a print style (PrintCSS): the
// browser prints it, or saves it as PDF, in the layout of the .docx.
func (d *Doc) WriteHTML(w io.Writer, title string) error {
	b := bufio.NewWriter(w)
	e := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + e(title) + "</title>\n<style>\n" + PrintCSS + "\n</style></head><body><div class=\"page\">\n")
	b.WriteString(`<table class="head"><tr><td class="l">`)
	if d.Parent != "" {
		b.WriteString("<div>" + e(upper(d.Parent)) + "</div>")
	}
	b.WriteString(`<div class="issuer">` + e(upper(d.Issuer)) + `</div><div class="rule"></div><div>` + e(d.Number) + `</div>`)
	if d.Subject != "" {
		b.WriteString(`<div style="font-size:12pt">` + e(d.Subject) + `</div>`)
	}
	b.WriteString(`</td><td class="r"><div class="qh">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="qh" style="font-size:13pt">Độc lập - Tự do - Hạnh phúc</div><div class="rule"></div><div class="date">` + e(d.PlaceDate) + "</div></td></tr></table>\n<p>&nbsp;</p>\n")
	if d.Type != "" {
		b.WriteString(`<p class="type">` + e(upper(d.Type)) + "</p>\n")
	}
	if d.Summary != "" {
		b.WriteString(`<p class="summary">` + e(d.Summary) + "</p>\n")
	}
	switch len(d.To) {
	case 0:
	case 1:
		b.WriteString(`<p class="to">Kính gửi: ` + e(d.To[0]) + "</p>\n")
	default:
		b.WriteString(`<div class="to-list"><p style="text-indent:0">Kính gửi:</p>`)
		for _, to := range d.To {
			b.WriteString("<p>- " + e(to) + "</p>")
		}
		b.WriteString("</div>\n")
	}
	for _, blk := range d.Body {
		switch blk := blk.(type) {
		case Para:
			b.WriteString(`<p class="` + map[Style]string{Body: "b", Heading: "h", Centered: "c", Plain: "p"}[blk.Style] + `">`)
			for _, r := range blk.Runs {
				t := e(r.Text)
				if strings.Contains(r.Text, "\t") {
					t = `<span class="tab">` + t + `</span>`
				}
				if r.Italic {
					t = "<i>" + t + "</i>"
				}
				if r.Bold {
					t = "<b>" + t + "</b>"
				}
				b.WriteString(t)
			}
			b.WriteString("</p>\n")
		case Table:
			writeHTMLTable(b, blk)
		}
	}
	b.WriteString(`<p>&nbsp;</p><table class="close"><tr><td class="l"><p class="nn">Nơi nhận:</p>`)
	for _, r := range d.Recipients {
		b.WriteString(`<p class="rcp">` + e(r) + "</p>")
	}
	b.WriteString("</td><td>")
	s := d.Signature
	for _, a := range s.Authority {
		b.WriteString(`<p class="sig">` + e(upper(a)) + "</p>")
	}
	b.WriteString(`<p class="sig">` + e(upper(s.Position)) + "</p>")
	if s.Note != "" {
		b.WriteString(`<p class="note">` + e(s.Note) + "</p>")
	}
	b.WriteString(`<div class="sign-space"></div><p class="sig">` + e(s.Name) + "</p></td></tr></table>\n</div></body></html>\n")
	return b.Flush()
}

func writeHTMLTable(b *bufio.Writer, t Table) {
	e := html.EscapeString
	total := sum(t.Widths)
	right := map[int]bool{}
	for _, c := range t.Right {
		right[c] = true
	}
	b.WriteString(`<table class="grid"><colgroup>`)
	for _, w := range t.Widths {
		b.WriteString(`<col style="width:` + strconv.FormatFloat(100*float64(w)/float64(total), 'f', 1, 64) + `%">`)
	}
	b.WriteString("</colgroup>")
	if len(t.Header) > 0 {
		b.WriteString("<thead><tr>")
		for _, h := range t.Header {
			b.WriteString("<th>" + e(h) + "</th>")
		}
		b.WriteString("</tr></thead>")
	}
	b.WriteString("<tbody>")
	for _, r := range t.Rows {
		b.WriteString("<tr>")
		for i, c := range r {
			cls := ""
			if right[i] {
				cls = ` class="n"`
			}
			b.WriteString("<td" + cls + ">" + strings.ReplaceAll(e(c), "\n", "<br>") + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>\n")
}
