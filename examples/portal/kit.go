package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The widget kit, built by go generate into kit/ (not committed: only
// kit/README.md is), is embedded in the binary, so that a deployed portal
// needs neither the Go toolchain nor the source tree.
//
//go:generate go run ../../wasm/cmd/buildkit -o kit
//go:embed kit
var kitFiles embed.FS

// hasEmbeddedKit reports whether the binary carries a kit: files in kit/
// besides its README.
func hasEmbeddedKit() bool {
	entries, _ := kitFiles.ReadDir("kit")
	for _, e := range entries {
		if !e.IsDir() && e.Name() != "README.md" {
			return true
		}
	}
	return false
}

// writeEmbeddedKit writes the embedded kit into dir, each file under a
// temporary name then renamed, so that the handler (build.Handler, which
// serves a folder) never serves half a file.
func writeEmbeddedKit(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := kitFiles.ReadDir("kit")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "README.md" {
			continue
		}
		b, err := fs.ReadFile(kitFiles, "kit/"+e.Name())
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, e.Name())
		if err := os.WriteFile(dst+".tmp", b, 0o644); err != nil {
			return fmt.Errorf("writing the widget kit: %w", err)
		}
		if err := os.Rename(dst+".tmp", dst); err != nil {
			return err
		}
	}
	return nil
}
