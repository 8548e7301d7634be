// Command wasmsize prints where the bytes of the form's WebAssembly module
// go: the data section by region (type data, function metadata, strings
// and tables, variables), the code by Go package, and the largest
// functions. It builds the module as the kit does (package
// github.com/kh164/kh164/wasm/build), keeping the name section, or reads a
// module named on the command line (built without -s, so its functions
// have names):
//
//	go run ./wasm/cmd/wasmsize                    # breakdown, 25 lines each
//	go run ./wasm/cmd/wasmsize -n 60 -match validator
//	go run ./wasm/cmd/wasmsize -shipped           # also the shipped module's raw, gzip and brotli sizes (about 45 s)
//	go run ./wasm/cmd/wasmsize some.wasm
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kh164/kh164/wasm/build"
	"github.com/kh164/kh164/wasm/internal/wasmsize"
)

func main() {
	n := flag.Int("n", 25, "lines per list")
	match := flag.String("match", "", "list only the functions whose name contains this")
	shipped := flag.Bool("shipped", false, "also build the kit as shipped and print the module's raw, gzip and brotli sizes")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n lines] [-match text] [-shipped] [module.wasm]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*n, *match, *shipped, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(n int, match string, shipped bool, args []string) error {
	if len(args) > 1 {
		flag.Usage()
		os.Exit(2)
	}
	tmp, err := os.MkdirTemp("", "wasmsize-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	path := ""
	if len(args) == 1 {
		path = args[0]
	} else {
		if err := (build.Options{Quick: true, Names: true}).Dist(tmp); err != nil {
			return err
		}
		path = filepath.Join(tmp, "form.wasm")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s, err := wasmsize.Read(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := s.Write(os.Stdout, n, match); err != nil {
		return err
	}
	if !shipped {
		return nil
	}
	dir := filepath.Join(tmp, "shipped")
	if err := build.Dist(dir); err != nil {
		return err
	}
	var size [3]int64
	for i, name := range []string{"form.wasm", "form.wasm.gz", "form.wasm.br"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		size[i] = st.Size()
	}
	fmt.Printf("shipped module (built with -s -w, tags %s): form.wasm %d B, gzip %d B, brotli %d B\n", build.Tags, size[0], size[1], size[2])
	return nil
}
