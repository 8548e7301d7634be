// Package wasmsize tells where the bytes of a WebAssembly module built by
// the Go toolchain go: the code by Go package and function (from the
// module's name section, so the module must be built without -s), and the
// data section by the runtime's regions (type data, function metadata,
// other read-only data, initialised variables), found through the
// runtime's module data. `go tool nm` does not read WebAssembly.
//
// It is a tool for the people who make the form's module smaller
// (go run ./wasm/cmd/wasmsize), and the widget benchmark prints its table.
package wasmsize

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/kh164/kh164/wasm/internal/wasmbin"
)

// Sizes is where the bytes of a module go.
type Sizes struct {
	Total   int            // the module's size
	Code    int            // bytes of the code section
	Data    int            // bytes of the data section
	Names   int            // bytes of the name section (0 in a module built with -s)
	Other   int            // every other byte: types, imports, exports, other custom sections
	Unnamed int            // code bytes of functions the name section does not name
	Pkgs    map[string]int // code bytes by package, named as in the name section ("github.com_go_playground_validator_v10")
	Funcs   []Func         // every named function, largest first
	// Regions splits the data section: the bytes its segments hold, by
	// the runtime's regions (the linker leaves runs of zeros out, so
	// they add up to less than the address ranges), and the segments'
	// headers. Empty when the runtime's module data is not found.
	Regions []Region
}

// Func is one function's body.
type Func struct {
	Name string
	Size int
}

// Region is a part of the data section.
type Region struct {
	Name string
	Size int
}

// Read reads a module.
func Read(wasm []byte) (s *Sizes, err error) {
	secs, err := wasmbin.Module(wasm)
	if err != nil {
		return nil, err
	}
	defer func() { // the reader trusts lengths; a corrupt module must not crash it
		if recover() != nil {
			s, err = nil, errors.New("corrupt WebAssembly module")
		}
	}()
	s = &Sizes{Pkgs: map[string]int{}, Total: len(wasm)}
	var imported int
	var bodies []int
	var segments []segment
	names := map[int]string{}
	for _, sec := range secs {
		content := sec.Content
		switch sec.ID {
		case 2: // imports: functions take the first indices
			count, k := binary.Uvarint(content)
			c := content[k:]
			for range count {
				for range 2 { // module and field names
					l, m := binary.Uvarint(c)
					c = c[m+int(l):]
				}
				kind := c[0]
				c = c[1:]
				switch kind {
				case 0: // function: type index
					_, m := binary.Uvarint(c)
					c = c[m:]
					imported++
				case 1: // table: reftype, limits
					c = skipLimits(c[1:])
				case 2: // memory: limits
					c = skipLimits(c)
				case 3: // global: valtype, mut
					c = c[2:]
				}
			}
		case 10: // code
			s.Code = len(content)
			count, k := binary.Uvarint(content)
			c := content[k:]
			for range count {
				l, m := binary.Uvarint(c)
				bodies = append(bodies, int(l)+m)
				c = c[m+int(l):]
			}
		case 11:
			s.Data = len(content)
			segs, _ := wasmbin.DataSegments(content) // none: no regions
			for _, g := range segs {
				segments = append(segments, segment{uint64(g.Addr), g.Data})
			}
		case 0:
			l, k := binary.Uvarint(content)
			if string(content[k:k+int(l)]) == "name" {
				s.Names = len(content)
				readNames(content[k+int(l):], names)
			}
		}
	}
	for i, size := range bodies {
		name, ok := names[imported+i]
		if !ok {
			s.Unnamed += size
			continue
		}
		s.Pkgs[Package(name)] += size
		s.Funcs = append(s.Funcs, Func{name, size})
	}
	s.Other = s.Total - s.Code - s.Data - s.Names
	sort.SliceStable(s.Funcs, func(i, j int) bool { return s.Funcs[i].Size > s.Funcs[j].Size })
	s.Regions = regions(segments)
	if len(s.Regions) > 0 {
		held := 0
		for _, seg := range segments {
			held += len(seg.data)
		}
		s.Regions = append(s.Regions, Region{fmt.Sprintf("segment headers and counts (%d segments)", len(segments)), s.Data - held})
	}
	return s, nil
}

func skipLimits(c []byte) []byte {
	flag := c[0]
	_, m := binary.Uvarint(c[1:])
	c = c[1+m:]
	if flag&1 != 0 {
		_, m = binary.Uvarint(c)
		c = c[m:]
	}
	return c
}

func readNames(c []byte, names map[int]string) {
	subs, _ := wasmbin.Split(c) // a broken name section names nothing
	for _, sub := range subs {
		if sub.ID != 1 { // function names
			continue
		}
		c := sub.Content
		count, k := binary.Uvarint(c)
		c = c[k:]
		for range count {
			idx, m := binary.Uvarint(c)
			c = c[m:]
			l, m := binary.Uvarint(c)
			names[int(idx)] = string(c[m : m+int(l)])
			c = c[m+int(l):]
		}
	}
}

// segment is an active data segment: its bytes at address addr of the
// linear memory.
type segment struct {
	addr uint64
	data []byte
}

func regions(segs []segment) []Region {
	segs = slices.Clone(segs)
	sort.Slice(segs, func(i, j int) bool { return segs[i].addr < segs[j].addr })
	// Go leaves runs of zeros out of its segments (sorted by address):
	// memory between them reads as zeros.
	word := func(addr uint64) uint64 {
		var b [8]byte
		i := sort.Search(len(segs), func(i int) bool { return segs[i].addr+uint64(len(segs[i].data)) > addr })
		for ; i < len(segs) && segs[i].addr < addr+8; i++ {
			s := segs[i]
			for k := range uint64(8) {
				if a := addr + k; a >= s.addr && a < s.addr+uint64(len(s.data)) {
					b[k] = s.data[a-s.addr]
				}
			}
		}
		return binary.LittleEndian.Uint64(b[:])
	}
	var pcHeader uint64
	for _, s := range segs {
		for _, magic := range [][]byte{{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}, {0xf2, 0xff, 0xff, 0xff, 0, 0, 1, 8}} {
			for i, d := 0, s.data; ; {
				j := bytes.Index(d[i:], magic)
				if j < 0 {
					break
				}
				if (s.addr+uint64(i+j))%8 == 0 {
					pcHeader = s.addr + uint64(i+j)
				}
				i += j + 1
			}
		}
	}
	if pcHeader == 0 {
		return nil
	}
	// The moduledata starts with the pcHeader's address and the
	// funcnametab slice, at pcHeader plus the header's funcnameOffset.
	funcnametab := pcHeader + word(pcHeader+32)
	var md uint64
	for _, s := range segs {
		for a := s.addr &^ 7; a < s.addr+uint64(len(s.data)); a += 8 {
			if word(a) == pcHeader && word(a+8) == funcnametab {
				md = a
			}
		}
	}
	if md == 0 {
		return nil
	}
	// Words of moduledata: pcHeader; 6 slices of 3 words (funcnametab,
	// cutab, filetab, pctab, pclntable, ftab); findfunctab, minpc, maxpc,
	// text, etext, noptrdata, enoptrdata, data, edata, bss, ebss,
	// noptrbss, enoptrbss, covctrs, ecovctrs, end, gcdata, gcbss, types,
	// etypes, rodata, gofunc, epclntab. The function table and the
	// funcdata (go:func.*: stack maps, inlining trees, argument info) lie
	// between pcHeader and epclntab.
	f := func(i int) uint64 { return word(md + 8*uint64(i)) }
	const (
		fFuncnametab, fPctab, fPclntable          = 1, 10, 13
		fNoptrdata, fData, fTypes, fGofunc, fEpcl = 24, 26, 37, 40, 41
	)
	type span struct {
		name       string
		start, end uint64
	}
	spans := []span{
		{"read-only data: types, strings, tables (rodata)", f(fTypes), f(fTypes + 1)},
		{"function names (funcnametab)", f(fFuncnametab), f(fFuncnametab) + f(fFuncnametab+1)},
		{"line and stack tables (pctab)", f(fPctab), f(fPctab) + f(fPctab+1)},
		{"function table (pclntable)", f(fPclntable), f(fPclntable) + f(fPclntable+1)},
		{"function data: stack maps, inlining (go:func.*)", f(fGofunc), f(fEpcl)},
		{"variables without pointers (noptrdata)", f(fNoptrdata), f(fNoptrdata + 1)},
		{"variables with pointers (data)", f(fData), f(fData + 1)},
	}
	for _, sp := range spans {
		if sp.start == 0 || sp.end < sp.start {
			return nil
		}
	}
	count := func(start, end uint64) int {
		n := 0
		for _, s := range segs {
			lo, hi := max(start, s.addr), min(end, s.addr+uint64(len(s.data)))
			if hi > lo {
				n += int(hi - lo)
			}
		}
		return n
	}
	out := []Region{}
	total := 0
	for _, sp := range spans {
		n := count(sp.start, sp.end)
		out = append(out, Region{sp.name, n})
		total += n
	}
	all := 0
	for _, s := range segs {
		all += len(s.data)
	}
	out = append(out, Region{"the rest (file, compilation unit and header tables, module data)", all - total})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Size > out[j].Size })
	return out
}

// Package is the package of a Go function's symbol name. The name section
// spells import paths with "_" for "/" ("github.com_go_playground_validator_v10.init"),
// so a first dot right after a host name is not the end of the path.
func Package(name string) string {
	start := 0
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_", "modernc.org_", "honnef.co_"} {
		if strings.HasPrefix(name, host) {
			start = len(host)
		}
	}
	if i := strings.IndexByte(name[start:], '.'); i >= 0 {
		return name[:start+i]
	}
	return name
}

// Write prints the breakdown: the sections, the data's regions, the top
// packages by code, then the largest functions, each list cut at n (the
// rest summed). With match non-empty, the functions listed are only those
// whose name contains it.
func (s *Sizes) Write(w io.Writer, n int, match string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "module %d B: code %d B in %d functions, data %d B, names %d B, other %d B\n",
		s.Total, s.Code, len(s.Funcs), s.Data, s.Names, s.Other)
	if len(s.Regions) > 0 {
		b.WriteString("data:\n")
		for _, r := range s.Regions {
			fmt.Fprintf(&b, "  %9d B  %s\n", r.Size, r.Name)
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range s.Pkgs {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	b.WriteString("code by package:\n")
	rest := 0
	for i, e := range l {
		if i < n {
			fmt.Fprintf(&b, "  %9d B  %s\n", e.v, e.k)
		} else {
			rest += e.v
		}
	}
	fmt.Fprintf(&b, "  %9d B  (%d other packages)\n", rest, max(0, len(l)-n))
	if s.Unnamed > 0 {
		fmt.Fprintf(&b, "  %9d B  (functions without a name: built with -s?)\n", s.Unnamed)
	}
	if match == "" {
		b.WriteString("largest functions:\n")
	} else {
		fmt.Fprintf(&b, "largest functions matching %q:\n", match)
	}
	shown, rest, restN := 0, 0, 0
	for _, f := range s.Funcs {
		if !strings.Contains(f.Name, match) {
			continue
		}
		if shown < n {
			fmt.Fprintf(&b, "  %9d B  %s\n", f.Size, f.Name)
			shown++
		} else {
			rest += f.Size
			restN++
		}
	}
	if restN > 0 {
		fmt.Fprintf(&b, "  %9d B  (%d more)\n", rest, restN)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
