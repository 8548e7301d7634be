package build

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// module is a WebAssembly module with a memory and the given data
// segments (address, bytes), and a custom section after them.
func module(segs ...dataSegment) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 5, 3, 1, 0, 1) // memory section: one memory, min 1 page
	data := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		data = append(data, 0, 0x41)
		data = appendSleb128(data, s.addr)
		data = append(data, 0x0b)
		data = binary.AppendUvarint(data, uint64(len(s.data)))
		data = append(data, s.data...)
	}
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
			addr, k := sleb128(c[2:])
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
		dataSegment{far, []byte("far away")},
		dataSegment{100, []byte("abc")},
		dataSegment{111, []byte("def")}, // 8 zeros after abc
		dataSegment{300, []byte{0xff}},
		dataSegment{1000, []byte("end")},
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
		"overlap":    module(dataSegment{10, []byte("abcdef")}, dataSegment{12, []byte("x")}),
		"passive":    append([]byte("\x00asm\x01\x00\x00\x00"), 11, 4, 1, 1, 1, 'x'),
		"data count": append([]byte("\x00asm\x01\x00\x00\x00"), 12, 1, 0),
		"truncated":  module(dataSegment{10, []byte("abcdef")})[:20],
	} {
		if _, err := packData(wasm); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzPackData: packData never panics, and whatever it accepts it packs
// into the same memory.
func FuzzPackData(f *testing.F) {
	f.Add(module(dataSegment{100, []byte("abc")}, dataSegment{111, []byte("def")}))
	f.Add(module(dataSegment{1 << 20, []byte("x")}, dataSegment{0, []byte("y")}))
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
