package build

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/kh164/kh164/wasm/internal/form"
)

var update = flag.Bool("update", false, "rewrite the loaders' copy of the protocol (go generate does)")

// TestLoaderProtocol fails when a loader's copy of the protocol is not
// the one form.ProtocolJS writes (run go generate ./wasm/build), and when a
// loader names a command or the file limit by hand outside it.
func TestLoaderProtocol(t *testing.T) {
	want := form.ProtocolJS()
	for _, name := range protocolFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := setMarked(src, protocolMarks, want)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, src) {
			if *update {
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				t.Errorf("%s: the protocol block is stale: run go generate ./wasm/build", name)
			}
		}
		// Outside the block, no copy by hand.
		i := bytes.Index(got, protocolMarks[0])
		j := bytes.Index(got, protocolMarks[1])
		rest := append(append([]byte(nil), got[:i]...), got[j:]...)
		for _, c := range form.Commands {
			for _, q := range []string{"'" + string(c) + "'", `"` + string(c) + `"`} {
				if bytes.Contains(rest, []byte(q)) {
					t.Errorf("%s names the command %s by hand; use PROTOCOL.commands", name, q)
				}
			}
		}
		for _, limit := range []string{"1 << 20", "1048576", "MiB"} {
			if bytes.Contains(rest, []byte(limit)) {
				t.Errorf("%s writes the file limit by hand (%s); use PROTOCOL.maxFileBytes", name, limit)
			}
		}
	}
}
