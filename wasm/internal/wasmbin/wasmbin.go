// Package wasmbin reads the parts of the WebAssembly 1.0 binary format
// that the kit needs in two places: wasm/build, which packs the form's
// data segments, and wasm/internal/wasmsize, which sizes a module's
// parts. It checks every length it reads and refuses what it does not
// understand, so that neither can read past its input.
package wasmbin

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// Header is the first eight bytes of a WebAssembly 1.0 module.
const Header = "\x00asm\x01\x00\x00\x00"

// A Section is one section of a module, or one subsection of a custom
// section such as "name": its id and its content.
type Section struct {
	ID      byte
	Content []byte
}

// Module splits a WebAssembly 1.0 module into its sections, in order.
func Module(wasm []byte) ([]Section, error) {
	if len(wasm) < len(Header) || !bytes.Equal(wasm[:len(Header)], []byte(Header)) {
		return nil, errors.New("not a WebAssembly 1.0 module")
	}
	return Split(wasm[len(Header):])
}

// Split splits p, a run of (id, size, content) records, as a module's
// sections and the name section's subsections are written.
func Split(p []byte) ([]Section, error) {
	var out []Section
	for len(p) > 0 {
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || size > uint64(len(p)-1-n) {
			return nil, errors.New("truncated section")
		}
		out = append(out, Section{p[0], p[1+n : 1+n+int(size)]})
		p = p[1+n+int(size):]
	}
	return out, nil
}

// A Segment is an active data segment of memory 0: its bytes at address
// Addr of the linear memory.
type Segment struct {
	Addr int64
	Data []byte
}

// DataSegments reads the content of a data section (id 11). It refuses
// a segment that is not active in memory 0 at an i32.const offset (the
// only kind the Go linker writes) and bytes after the last segment.
func DataSegments(c []byte) ([]Segment, error) {
	count, n := binary.Uvarint(c)
	if n <= 0 || count > uint64(len(c)) {
		return nil, errors.New("bad segment count")
	}
	c = c[n:]
	segs := make([]Segment, 0, count)
	for range count {
		if len(c) < 3 || c[0] != 0 || c[1] != 0x41 { // active, memory 0, i32.const
			return nil, errors.New("a segment that is not active in memory 0 at an i32.const offset")
		}
		addr, n := Sleb128(c[2:])
		if n <= 0 || addr < 0 || addr > 1<<31-1 || len(c) < 2+n+1 || c[2+n] != 0x0b {
			return nil, errors.New("bad segment offset")
		}
		c = c[2+n+1:]
		l, n := binary.Uvarint(c)
		if n <= 0 || l > uint64(len(c)-n) {
			return nil, errors.New("truncated segment")
		}
		segs = append(segs, Segment{addr, c[n : n+int(l)]})
		c = c[n+int(l):]
	}
	if len(c) != 0 {
		return nil, errors.New("bytes after the last segment")
	}
	return segs, nil
}

// AppendDataSegments appends segs to out as the content of a data
// section, as DataSegments reads it.
func AppendDataSegments(out []byte, segs []Segment) []byte {
	out = binary.AppendUvarint(out, uint64(len(segs)))
	for _, s := range segs {
		out = append(out, 0, 0x41)
		out = AppendSleb128(out, s.Addr)
		out = append(out, 0x0b)
		out = binary.AppendUvarint(out, uint64(len(s.Data)))
		out = append(out, s.Data...)
	}
	return out
}

// Sleb128 reads a signed LEB128 number (binary.Varint reads zig-zag
// ones), and the number of bytes it took; n ≤ 0 when c holds none.
func Sleb128(c []byte) (x int64, n int) {
	var shift uint
	for i, b := range c {
		if i == 10 {
			return 0, -1
		}
		x |= int64(b&0x7f) << shift
		shift += 7
		if b&0x80 == 0 {
			if shift < 64 && b&0x40 != 0 {
				x |= -1 << shift
			}
			return x, i + 1
		}
	}
	return 0, 0
}

// AppendSleb128 appends x as a signed LEB128 number.
func AppendSleb128(out []byte, x int64) []byte {
	for {
		b := byte(x & 0x7f)
		x >>= 7
		if x == 0 && b&0x40 == 0 || x == -1 && b&0x40 != 0 {
			return append(out, b)
		}
		out = append(out, b|0x80)
	}
}
