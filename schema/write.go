package schema

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

//go:generate go run ./gen

// Write writes files (as returned by Files) under dir, the schema/
// directory, and removes the *.schema*.json files there that files does
// not hold (per-body schemas of an older snapshot or a body that no longer
// reports). Files whose content is unchanged are not rewritten.
func Write(dir string, files map[string][]byte) error {
	old, err := Committed(dir)
	if err != nil {
		return err
	}
	for name := range old {
		if _, ok := files[name]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				return err
			}
		}
	}
	for name, b := range files {
		if bytes.Equal(old[name], b) {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	// Remove the snapshot directories left empty.
	entries, _ := os.ReadDir(filepath.Join(dir, "bodies"))
	for _, e := range entries {
		os.Remove(filepath.Join(dir, "bodies", e.Name())) // fails unless empty
	}
	return nil
}

// Committed reads the schema files under dir (the schema/ directory): the
// *.schema.json and *.schema.en.json files at its top and under bodies/,
// by slash-separated path.
func Committed(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." || rel == "bodies" || strings.HasPrefix(rel, "bodies/") {
				return nil
			}
			return fs.SkipDir
		}
		if !strings.HasSuffix(rel, ".schema.json") && !strings.HasSuffix(rel, ".schema.en.json") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[rel] = b
		return nil
	})
	return out, err
}
