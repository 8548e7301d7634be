package build

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/kh164/kh164/wasm/internal/wasmbin"
)

// module is a WebAssembly module with a memory and the given data
// segments (address, bytes), and a custom section after them.
func module(segs ...wasmbin.Segment) []byte {
	m := []byte(wasmbin.Header)
	m = append(m, 5, 3, 1, 0, 1) // memory section: one memory, min 1 page
	data := wasmbin.AppendDataSegments(nil, segs)
	m = append(m, 11)
	m = binary.AppendUvarint(m, uint64(len(data)))
	m = append(m, data...)
	return append(m, 0, 5, 4, 'n', 'o', 't', 'e') // custom section "note", empty
}

// image is the linear memory a module's data segments make, and the
// number of segments; ok is false when the module is not one packData
// reads.
func image(t testing.TB, wasm []byte) (mem []byte, n int, rest []byte, ok bool) {
	p := wasm[8:]
	for len(p) > 0 {
		id := p[0]
		size, k := binary.Uvarint(p[1:])
		content := p[1+k : 1+k+int(size)]
		p = p[1+k+int(size):]
		if id != 11 {
			rest = append(rest, id)
			rest = append(rest, content...)
			continue
		}
		count, k := binary.Uvarint(content)
		c := content[k:]
		for range count {
			addr, k := wasmbin.Sleb128(c[2:])
			c = c[2+k+1:]
			l, k := binary.Uvarint(c)
			if addr+int64(l) > 1<<24 {
				return nil, 0, nil, false // more memory than a test should make
			}
			if int(addr)+int(l) > len(mem) {
				mem = append(mem, make([]byte, int(addr)+int(l)-len(mem))...)
			}
			copy(mem[addr:], c[k:k+int(l)])
			c = c[k+int(l):]
		}
		n = int(count)
	}
	return bytes.TrimRight(mem, "\x00"), n, rest, true
}

func TestPackData(t *testing.T) {
	far := int64(1000 + maxGap + 100)
	in := module(
		wasmbin.Segment{Addr: far, Data: []byte("far away")},
		wasmbin.Segment{Addr: 100, Data: []byte("abc")},
		wasmbin.Segment{Addr: 111, Data: []byte("def")}, // 8 zeros after abc
		wasmbin.Segment{Addr: 300, Data: []byte{0xff}},
		wasmbin.Segment{Addr: 1000, Data: []byte("end")},
	)
	out, err := packData(in)
	if err != nil {
		t.Fatal(err)
	}
	wantMem, _, wantRest, _ := image(t, in)
	mem, n, rest, _ := image(t, out)
	if !bytes.Equal(mem, wantMem) {
		t.Errorf("the memory changed:\n got %q\nwant %q", mem, wantMem)
	}
	if !bytes.Equal(rest, wantRest) {
		t.Errorf("the other sections changed: %q, want %q", rest, wantRest)
	}
	if n != 2 {
		t.Errorf("%d segments, want 2 (the last one is more than maxGap away)", n)
	}
	again, err := packData(out)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("packing twice changed the module (%v)", err)
	}
}

func TestPackDataRefuses(t *testing.T) {
	for name, wasm := range map[string][]byte{
		"not wasm":   []byte("hello, world"),
		"overlap":    module(wasmbin.Segment{Addr: 10, Data: []byte("abcdef")}, wasmbin.Segment{Addr: 12, Data: []byte("x")}),
		"passive":    append([]byte("\x00asm\x01\x00\x00\x00"), 11, 4, 1, 1, 1, 'x'),
		"data count": append([]byte("\x00asm\x01\x00\x00\x00"), 12, 1, 0),
		"truncated":  module(wasmbin.Segment{Addr: 10, Data: []byte("abcdef")})[:20],
	} {
		if _, err := packData(wasm); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzPackData: packData never panics, and whatever it accepts it packs
// into the same memory.
func FuzzPackData(f *testing.F) {
	f.Add(module(wasmbin.Segment{Addr: 100, Data: []byte("abc")}, wasmbin.Segment{Addr: 111, Data: []byte("def")}))
	f.Add(module(wasmbin.Segment{Addr: 1 << 20, Data: []byte("x")}, wasmbin.Segment{Addr: 0, Data: []byte("y")}))
	f.Fuzz(func(t *testing.T, wasm []byte) {
		out, err := packData(wasm)
		if err != nil {
			return
		}
		want, _, wantRest, ok := image(t, wasm)
		if !ok {
			return
		}
		got, _, rest, _ := image(t, out)
		if !bytes.Equal(got, want) || !bytes.Equal(rest, wantRest) {
			t.Fatalf("packData changed the module's meaning")
		}
	})
}
