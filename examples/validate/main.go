// Command validate is the smallest use of the report package: it checks a
// report file and prints each problem with its place, in Vietnamese (or
// English with -lang en).
//
//	go run ./examples/validate report.json
//	go run ./examples/validate -lang en report.json
//
// It exits 0 when the report is valid and 1 when it is not.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

func main() {
	lang := flag.String("lang", "vi", "language of the messages: vi or en")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: validate [-lang vi|en] FILE")
		os.Exit(2)
	}
	l, err := diag.ParseLang(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	file := flag.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	// Parse decodes strictly, normalises the text to NFC and validates
	// against the plan: the same checks the portal and the widget run.
	r, err := report.Default().Parse(file, data)
	var issues diag.List
	if errors.As(err, &issues) {
		for _, is := range issues {
			fmt.Println(is.Format(l)) // file:line:column: /json/pointer: message
		}
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("%s: báo cáo hợp lệ của %s, kỳ %s, %d nhiệm vụ\n", file, r.Body, r.Period.Plan(), len(r.Tasks))
}
