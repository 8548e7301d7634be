// Command gen writes the committed JSON Schema files of package schema
// (run by go generate in schema/). It writes every file of schema.Files
// under the directory given by -dir (default: the current directory) and
// removes stale files of older snapshots.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/schema"
)

func main() {
	dir := flag.String("dir", ".", "the schema/ `directory` to write into")
	flag.Parse()
	files, err := schema.Files(plan.Default())
	if err == nil {
		err = schema.Write(*dir, files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
