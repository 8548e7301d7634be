package form

import (
	"bufio"
	"io"
	"strings"
)

// voids are the elements the views use that have no end tag.
var voids = map[string]bool{"input": true, "br": true}

// WriteHTML writes n as HTML: the markup the WebAssembly program would
// build with the DOM, so that a server can send the form in the page and
// the program take it over. Text and attribute values are escaped; no
// text becomes markup.
func (n *Node) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	n.writeHTML(bw)
	return bw.Flush()
}

func (n *Node) writeHTML(w *bufio.Writer) {
	if n.Tag == "" {
		escapeHTML(w, n.Text, false)
		return
	}
	w.WriteByte('<')
	w.WriteString(n.Tag)
	for i := 0; i+1 < len(n.Attrs); i += 2 {
		w.WriteByte(' ')
		w.WriteString(n.Attrs[i])
		if n.Attrs[i+1] != "" {
			w.WriteString(`="`)
			escapeHTML(w, n.Attrs[i+1], true)
			w.WriteByte('"')
		}
	}
	w.WriteByte('>')
	if voids[n.Tag] {
		return
	}
	if n.Tag == "textarea" {
		// The HTML parser drops one newline right after <textarea>: this
		// one, so that a value starting with a newline keeps it.
		w.WriteByte('\n')
	}
	escapeHTML(w, n.Text, false)
	for _, k := range n.Kids {
		k.writeHTML(w)
	}
	w.WriteString("</")
	w.WriteString(n.Tag)
	w.WriteByte('>')
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;")
	attrEscaper = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;", "\u00a0", "&nbsp;")
)

func escapeHTML(w *bufio.Writer, s string, attr bool) {
	if attr {
		attrEscaper.WriteString(w, s)
	} else {
		textEscaper.WriteString(w, s)
	}
}
