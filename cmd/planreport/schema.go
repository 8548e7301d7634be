package main

import (
	"fmt"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/schema"
)

func init() {
	commands["schema"] = command{
		synopsis: "schema [--body ID] [--at YYYY-MM-DD] [--lang vi|en] [--units FILE]",
		summary:  "Print the JSON Schema (draft 2020-12) of a report: the general one, or with --body the one of that body, its tasks as of --at (default today).",
		run:      runSchema,
	}
}

func runSchema(e *env, args []string) int {
	fs := e.flags("schema")
	body := fs.String("body", "", "the body `ID` whose report schema to print (default: the general schema)")
	at := fs.String("at", "", "with --body: the `date` (YYYY-MM-DD) whose tasks the schema pins; default today in Hanoi")
	lang := fs.choice("lang", "`language` of titles and descriptions: vi or en", "vi", "en")
	units := fs.units()
	fs.noArgs()
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *at != "" && *body == "" {
		return e.fail(fmt.Errorf("schema: --at needs --body (the general schema does not depend on a date)"))
	}
	on, err := dateOr("at", *at)
	if err != nil {
		return e.fail(err)
	}
	r, err := registry(*units)
	if err != nil {
		return e.fail(err)
	}
	l := diag.Lang(*lang)
	var out []byte
	if *body == "" {
		out, err = schema.Report(r, l)
	} else {
		out, err = schema.ForBody(r, *body, on, l)
	}
	if err != nil {
		return e.fail(err)
	}
	e.stdout.Write(out)
	return exitOK
}
