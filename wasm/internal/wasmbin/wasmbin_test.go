package wasmbin

import (
	"bytes"
	"math"
	"testing"
)

func TestSleb128(t *testing.T) {
	for _, x := range []int64{0, 1, -1, 63, 64, -64, -65, 127, 128, 1<<31 - 1, -1 << 31, math.MaxInt64, math.MinInt64} {
		b := AppendSleb128(nil, x)
		got, n := Sleb128(b)
		if got != x || n != len(b) {
			t.Errorf("%d: wrote % x, read %d in %d bytes", x, b, got, n)
		}
	}
	for _, bad := range [][]byte{nil, {0x80}, bytes.Repeat([]byte{0x80}, 11)} {
		if _, n := Sleb128(bad); n > 0 {
			t.Errorf("% x read as a number", bad)
		}
	}
}

func TestModule(t *testing.T) {
	segs := []Segment{{Addr: 8, Data: []byte("abc")}, {Addr: 1 << 20, Data: nil}}
	data := AppendDataSegments(nil, segs)
	m := append([]byte(Header), 11, byte(len(data)))
	m = append(m, data...)
	m = append(m, 0, 1, 0) // an empty custom section
	secs, err := Module(m)
	if err != nil || len(secs) != 2 || secs[0].ID != 11 || secs[1].ID != 0 || len(secs[1].Content) != 1 {
		t.Fatalf("sections %v, %v", secs, err)
	}
	got, err := DataSegments(secs[0].Content)
	if err != nil || len(got) != 2 || got[0].Addr != 8 || string(got[0].Data) != "abc" || got[1].Addr != 1<<20 {
		t.Errorf("segments %v, %v", got, err)
	}
	for name, bad := range map[string][]byte{
		"no header":         []byte("\x00asm\x02\x00\x00\x00"),
		"truncated section": append([]byte(Header), 11, 9, 1),
	} {
		if _, err := Module(bad); err == nil {
			t.Errorf("%s: read", name)
		}
	}
	for name, bad := range map[string][]byte{
		"passive":        {1, 1, 0},
		"memory 1":       {1, 2, 1, 0x41, 0, 0x0b, 0},
		"global offset":  {1, 0, 0x23, 0, 0x0b, 0},
		"no end":         {1, 0, 0x41, 0, 0x0c, 0},
		"negative":       {1, 0, 0x41, 0x7f, 0x0b, 0},
		"truncated":      {1, 0, 0x41, 0, 0x0b, 5, 'a'},
		"after the last": {1, 0, 0x41, 0, 0x0b, 0, 0},
		"count":          {9},
	} {
		if _, err := DataSegments(bad); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// FuzzDataSegments: any input is read without a panic, and what is read
// is written back byte for byte.
func FuzzDataSegments(f *testing.F) {
	f.Add(AppendDataSegments(nil, []Segment{{Addr: 8, Data: []byte("abc")}}))
	f.Add([]byte{1, 0, 0x41, 0x80, 0x80, 0x04, 0x0b, 1, 'x'})
	f.Fuzz(func(t *testing.T, c []byte) {
		segs, err := DataSegments(c)
		if err != nil {
			return
		}
		if out := AppendDataSegments(nil, segs); !bytes.Equal(out, c) {
			// A non-minimal LEB128 reads the same number in more bytes.
			again, err := DataSegments(out)
			if err != nil || len(again) != len(segs) {
				t.Fatalf("% x read as %v, written as % x", c, segs, out)
			}
		}
	})
}
