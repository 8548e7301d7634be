//go:build !js

package e2e

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sizes is where the bytes of a WebAssembly module go: code by Go package
// (from the function bodies and the name section), data segments, and the
// rest. `go tool nm` does not read WebAssembly, so the benchmark reads the
// module itself.
type Sizes struct {
	Code     map[string]int // bytes of function bodies by package
	Data     int            // bytes of the data section (Go's read-only data, type data, pclntab)
	Other    int            // every other byte
	Total    int
	Funcs    int
	Unnamed  int // bytes of functions without a name
	TopFuncs []FuncSize
}

// FuncSize is one function's body size.
type FuncSize struct {
	Name string
	Size int
}

// moduleSizes reads a module built without -s (the name section names the
// functions).
func moduleSizes(wasm []byte) (*Sizes, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	s := &Sizes{Code: map[string]int{}, Total: len(wasm)}
	var imported int
	var bodies []int
	names := map[int]string{}
	p := wasm[8:]
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || uint64(len(p)-1-n) < size {
			return nil, errors.New("bad section")
		}
		content := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		switch id {
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
					c = c[1:]
					c = skipLimits(c)
				case 2: // memory: limits
					c = skipLimits(c)
				case 3: // global: valtype, mut
					c = c[2:]
				}
			}
		case 10: // code
			count, k := binary.Uvarint(content)
			c := content[k:]
			for range count {
				l, m := binary.Uvarint(c)
				bodies = append(bodies, int(l)+m)
				c = c[m+int(l):]
			}
		case 11:
			s.Data += len(content)
		case 0:
			l, k := binary.Uvarint(content)
			if string(content[k:k+int(l)]) == "name" {
				readNames(content[k+int(l):], names)
			}
		}
	}
	code := 0
	var all []FuncSize
	for i, size := range bodies {
		code += size
		name, ok := names[imported+i]
		if !ok {
			s.Unnamed += size
			continue
		}
		s.Code[pkgOf(name)] += size
		all = append(all, FuncSize{name, size})
	}
	s.Funcs = len(bodies)
	s.Other = s.Total - code - s.Data
	sort.Slice(all, func(i, j int) bool { return all[i].Size > all[j].Size })
	if len(all) > 15 {
		all = all[:15]
	}
	s.TopFuncs = all
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
	for len(c) > 0 {
		id := c[0]
		size, n := binary.Uvarint(c[1:])
		sub := c[1+n : 1+n+int(size)]
		c = c[1+n+int(size):]
		if id != 1 {
			continue
		}
		count, k := binary.Uvarint(sub)
		sub = sub[k:]
		for range count {
			idx, m := binary.Uvarint(sub)
			sub = sub[m:]
			l, m := binary.Uvarint(sub)
			names[int(idx)] = string(sub[m : m+int(l)])
			sub = sub[m+int(l):]
		}
	}
}

// pkgOf is the package of a Go function's symbol name. The name section
// spells import paths with "_" for "/" ("github.com_go_playground_validator_v10.init"),
// so a first dot right after a host name is not the end of the path.
func pkgOf(name string) string {
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

// table is the breakdown as text: the largest packages, then the rest.
func (s *Sizes) table(top int) string {
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range s.Code {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	var b strings.Builder
	fmt.Fprintf(&b, "module %d B: code %d functions, data %d B, other %d B\n", s.Total, s.Funcs, s.Data, s.Other)
	rest := 0
	for i, e := range l {
		if i < top {
			fmt.Fprintf(&b, "  %9d B  %s\n", e.v, e.k)
		} else {
			rest += e.v
		}
	}
	fmt.Fprintf(&b, "  %9d B  (%d other packages)\n  %9d B  (unnamed)\n", rest, max(0, len(l)-top), s.Unnamed)
	b.WriteString("largest functions:\n")
	for _, f := range s.TopFuncs {
		fmt.Fprintf(&b, "  %9d B  %s\n", f.Size, f.Name)
	}
	return b.String()
}
