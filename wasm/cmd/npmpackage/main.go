// Command npmpackage assembles the npm package @kh164/report-form from the
// built kit (see package github.com/kh164/kh164/wasm/npm), or with -types
// writes only the generated TypeScript declarations (go generate
// ./wasm/npm):
//
//	go generate ./wasm/...
//	go run ./wasm/cmd/npmpackage -kit wasm/dist -o wasm/npm/dist [-version 0.1.0]
//	cd wasm/npm/dist && npm pack
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kh164/kh164/wasm/npm"
)

func main() {
	kit := flag.String("kit", "wasm/dist", "the built kit's `folder` (go generate ./wasm/...)")
	out := flag.String("o", "wasm/npm/dist", "`folder` to write the package to")
	version := flag.String("version", "", "the package's `version`; default: the newest of CHANGELOG.md")
	types := flag.String("types", "", "write only the generated declarations into this `folder`")
	flag.Parse()
	if err := run(*kit, *out, *version, *types); err != nil {
		fmt.Fprintln(os.Stderr, "npmpackage:", err)
		os.Exit(1)
	}
}

func run(kit, out, version, types string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if types != "" {
		return npm.WriteTypes(root, types)
	}
	return npm.Assemble(kit, out, npm.Options{Root: root, Version: version})
}

// moduleRoot is the nearest folder up from here with a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the module (no go.mod above the current folder)")
		}
		dir = parent
	}
}
