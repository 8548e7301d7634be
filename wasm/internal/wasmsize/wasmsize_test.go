package wasmsize

import (
	"encoding/binary"
	"strings"
	"testing"
)

func section(id byte, content []byte) []byte {
	return append(binary.AppendUvarint([]byte{id}, uint64(len(content))), content...)
}

func TestRead(t *testing.T) {
	m := []byte("\x00asm\x01\x00\x00\x00")
	// one imported function, then two bodies of 3 and 5 bytes
	imp := []byte{1, 2, 'g', 'o', 1, 'f', 0, 0}
	m = append(m, section(2, imp)...)
	m = append(m, section(10, []byte{2, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b})...)
	names := []byte{2, 1, 13, 'r', 'u', 'n', 't', 'i', 'm', 'e', '.', 'm', 'a', 'i', 'n', 'x',
		2, 34}
	names = append(names, "github.com_go_playground_x_v10.New"...)
	custom := append([]byte{4, 'n', 'a', 'm', 'e'}, section(1, names)...)
	m = append(m, section(0, custom)...)
	m = append(m, section(11, []byte{1, 0, 0x41, 0x80, 0x01, 0x0b, 3, 'a', 'b', 'c'})...)
	s, err := Read(m)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pkgs["runtime"] != 3 || s.Pkgs["github.com_go_playground_x_v10"] != 5 || len(s.Funcs) != 2 || s.Funcs[0].Size != 5 {
		t.Errorf("code by package %v, functions %v", s.Pkgs, s.Funcs)
	}
	if s.Total != len(m) || s.Code+s.Data+s.Names+s.Other != s.Total {
		t.Errorf("sections %+v do not add up to %d", s, len(m))
	}
	var b strings.Builder
	if err := s.Write(&b, 10, "playground"); err != nil || !strings.Contains(b.String(), "github.com_go_playground_x_v10.New") || strings.Contains(b.String(), "runtime.mainx\n") {
		t.Errorf("table:\n%s", b.String())
	}
	if _, err := Read(m[:len(m)-3]); err == nil {
		t.Error("a truncated module was read")
	}
}

func TestPackage(t *testing.T) {
	for name, want := range map[string]string{
		"runtime.mallocgc": "runtime",
		"github.com_go_playground_validator_v10.__validate_.traverseField": "github.com_go_playground_validator_v10",
		"golang.org_x_text_unicode_norm.nextDecomposed":                    "golang.org_x_text_unicode_norm",
		"encoding_json.Marshal":                                            "encoding_json",
	} {
		if got := Package(name); got != want {
			t.Errorf("Package(%q) = %q, want %q", name, got, want)
		}
	}
}
