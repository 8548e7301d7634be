package main

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEmbeddedKitNeedsNoToolchain: a binary built after go generate
// serves the widget kit it carries, from a folder outside the source tree
// and without Go on PATH. Without the generated kit it skips, unless
// KH164_REQUIRE_KIT=1 (.ci/run, after go generate).
func TestEmbeddedKitNeedsNoToolchain(t *testing.T) {
	if !hasEmbeddedKit() {
		if os.Getenv("KH164_REQUIRE_KIT") == "1" {
			t.Fatal("KH164_REQUIRE_KIT=1 but examples/portal/kit holds no kit: run go generate ./examples/portal")
		}
		t.Skip("no embedded kit: go generate ./examples/portal")
	}
	bin, err := portalBinary()
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	cmd := exec.Command(bin, "-port", "0", "-data", filepath.Join(work, "data"), "-example", "")
	cmd.Dir = work
	cmd.Env = []string{"PATH=" + work, "HOME=" + work} // no go command, no module
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	var log strings.Builder
	url := ""
	buf := make([]byte, 4096)
	deadline := time.Now().Add(30 * time.Second)
	for url == "" && time.Now().Before(deadline) {
		n, err := stderr.Read(buf)
		log.Write(buf[:n])
		if m := listening.FindStringSubmatch(log.String()); m != nil {
			url = m[1]
		}
		if err != nil {
			break
		}
	}
	if url == "" {
		t.Fatalf("the portal did not start:\n%s", log.String())
	}
	entries, _ := kitFiles.ReadDir("kit")
	served := 0
	for _, e := range entries {
		if e.Name() == "README.md" || !strings.HasSuffix(e.Name(), ".js") {
			continue
		}
		want, _ := kitFiles.ReadFile("kit/" + e.Name())
		resp, err := http.Get(url + "/kh164/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(got) != string(want) {
			t.Errorf("/kh164/%s: %d, %d bytes of %d", e.Name(), resp.StatusCode, len(got), len(want))
		}
		served++
	}
	if served == 0 {
		t.Fatal("the embedded kit has no script")
	}
	if strings.Contains(log.String(), "building") {
		t.Errorf("the portal built the widget although it carries one:\n%s", log.String())
	}
}
