package strictjson

import (
	"bytes"
	"sort"
	"sync"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// origin returns where counting lines and columns starts: after a BOM,
// which is not a character the user sees.
func origin(data []byte) Pos {
	if bytes.HasPrefix(data, bom) {
		return Pos{Offset: len(bom), Line: 1, Column: 1}
	}
	return Pos{Line: 1, Column: 1}
}

// walk returns the position of byte offset to, counting from p. Lines end
// at LF; columns count the bytes that start a UTF-8 sequence, that is the
// code points of valid text, so that counts can start anywhere.
func walk(data []byte, p Pos, to int) Pos {
	for _, c := range data[min(p.Offset, to):to] {
		switch {
		case c == '\n':
			p.Line++
			p.Column = 1
		case c&0xC0 != 0x80:
			p.Column++
		}
	}
	p.Offset = to
	return p
}

// markEvery is the distance in bytes between the positions that a Doc
// keeps to answer Pos quickly, even on a long line.
const markEvery = 1024

// Doc is what a successful syntax pass knows about the input: positions
// of values by JSON Pointer. It keeps its own copy of the input. It is
// safe for concurrent use.
type Doc struct {
	tree     tree
	marks    []Pos // the position at every markEvery bytes; computed on first use
	marksSet sync.Once
}

// Pos returns the position of the value at pointer p ("" = root). For a
// pointer that does not exist (e.g. a missing required member), or that
// is malformed, it returns the position of the nearest existing ancestor
// value, and ok=false. For an object member, the position is that of its
// value (the position of its name is in unknown_field and duplicate_key
// errors). Of duplicate member names, the first counts. On a nil Doc, it
// returns 1:1 and false.
func (d *Doc) Pos(p string) (pos Pos, ok bool) {
	if d == nil {
		return Pos{Line: 1, Column: 1}, false
	}
	start, _, ok := d.Span(p)
	return d.position(start), ok
}

// Span returns the byte offsets where the value at pointer p starts and
// just after where it ends, for the same value as Pos finds (the nearest
// existing ancestor when p does not exist, with ok=false). On a nil Doc,
// it returns 0, 0 and false.
func (d *Doc) Span(p string) (start, end int, ok bool) {
	if d == nil {
		return 0, 0, false
	}
	tokens, err := SplitPointer(p)
	i := 0
	ok = err == nil
	for _, tok := range tokens {
		j, found := d.tree.child(i, tok)
		if !found {
			ok = false
			break
		}
		i = j
	}
	n := d.tree.tape[i]
	return int(n.off), int(n.end), ok
}

// End returns the byte offset just after the value or member name that
// starts at byte offset off, and whether one starts there. On a nil Doc it
// returns off and false.
func (d *Doc) End(off int) (int, bool) {
	if d == nil {
		return off, false
	}
	tape := d.tree.tape // in input order
	i := sort.Search(len(tape), func(i int) bool { return int(tape[i].off) >= off })
	if i == len(tape) || int(tape[i].off) != off {
		return off, false
	}
	return int(tape[i].end), true
}

func (d *Doc) position(off int) Pos {
	data := d.tree.data
	d.marksSet.Do(func() {
		p := origin(data)
		for at := 0; at <= len(data); at += markEvery {
			p = walk(data, p, max(at, p.Offset))
			d.marks = append(d.marks, p)
		}
	})
	return walk(data, d.marks[off/markEvery], off)
}
