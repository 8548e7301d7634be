package strictjson

import (
	"bytes"
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
//
// Finding positions is linear in total: a pointer is resolved in time
// linear in its length (the members of a large object and the elements of
// a large array are indexed the first time one of them is looked up), and
// a position is counted from a mark at most markEvery bytes before it.
type Doc struct {
	tree     tree
	marks    []Pos // the position at every markEvery bytes; computed on first use
	marksSet sync.Once

	mu sync.Mutex
	// members and elements index the containers with more than
	// maxScan children, by tape index, built on first lookup.
	members  map[int]map[string]int
	elements map[int][]int32
	work     int // tape nodes and bytes visited by lookups, for tests
}

// maxScan is the number of children up to which a container is searched
// in order rather than indexed.
const maxScan = 16

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
	off, ok := d.Offset(p)
	return d.position(off), ok
}

// Offset is Pos without the line and column: the byte offset of the value
// at pointer p, found without counting lines. Sorting by Offset sorts by
// position.
func (d *Doc) Offset(p string) (off int, ok bool) {
	if d == nil {
		return 0, false
	}
	tokens, err := SplitPointer(p)
	i := 0
	ok = err == nil
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, tok := range tokens {
		j, found := d.child(i, tok)
		if !found {
			ok = false
			break
		}
		i = j
	}
	return d.tree.off(i), ok
}

// Work returns how many tape nodes and input bytes the lookups of d have
// visited so far: tests use it to check that finding positions is linear.
func (d *Doc) Work() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.work
}

// child is tree.child through the indexes of large containers. d.mu is held.
func (d *Doc) child(i int, tok string) (int, bool) {
	t := &d.tree
	if t.count(i) <= maxScan {
		d.work += t.count(i) + 1
		return t.child(i, tok)
	}
	switch t.tape[i].kind {
	case kObject:
		m, ok := d.members[i]
		if !ok {
			m = make(map[string]int, t.count(i))
			for j := i + 1; j < t.next(i); j = t.next(j + 1) {
				d.work++
				if name := t.str(j); !t.tape[j].dup {
					if _, seen := m[name]; !seen {
						m[name] = j + 1
					}
				}
			}
			if d.members == nil {
				d.members = map[int]map[string]int{}
			}
			d.members[i] = m
		}
		d.work++
		j, found := m[tok]
		return j, found
	case kArray:
		e, ok := d.elements[i]
		if !ok {
			e = make([]int32, 0, t.count(i))
			for j := i + 1; j < t.next(i); j = t.next(j) {
				d.work++
				e = append(e, int32(j))
			}
			if d.elements == nil {
				d.elements = map[int][]int32{}
			}
			d.elements[i] = e
		}
		d.work++
		if k, ok := arrayIndex(tok); ok && k < len(e) {
			return int(e[k]), true
		}
	}
	return 0, false
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
	d.mu.Lock()
	d.work += off - d.marks[off/markEvery].Offset
	d.mu.Unlock()
	return walk(data, d.marks[off/markEvery], off)
}
