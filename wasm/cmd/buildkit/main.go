// Command buildkit writes the embedding kit of the reporting form (see
// package github.com/kh164/kh164/wasm/build) into a folder, wasm/dist by default through
// go generate:
//
//	go generate ./wasm/...
//	go run ./wasm/cmd/buildkit -o wasm/dist [-quick]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/kh164/kh164/wasm/build"
)

func main() {
	out := flag.String("o", "dist", "folder to write the kit to")
	quick := flag.Bool("quick", false, "compress faster and larger (development)")
	flag.Parse()
	if err := (build.Options{Quick: *quick}).Dist(*out); err != nil {
		fmt.Fprintln(os.Stderr, "buildkit:", err)
		os.Exit(1)
	}
}
