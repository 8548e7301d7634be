package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/report"
)

func init() {
	commands["example"] = command{
		synopsis: "example --body ID --period KIND-YEAR [--units FILE]",
		summary:  "Print a complete, valid example report of a body for a period (annual-2026, half-year-2026) as JSON.",
		run:      runExample,
	}
	commands["validate"] = command{
		synopsis: "validate [--lang vi|en] [--format text|json] [--units FILE] FILE...|-",
		summary:  "Check reports (- reads standard input); print each issue as file:line:column: pointer: message. Exit 1 if any report is invalid.",
		run:      runValidate,
	}
	commands["compile"] = command{
		synopsis: "compile --period KIND-YEAR [--as-of YYYY-MM-DD] [--units FILE] [--format markdown|json|docx|html] [--out FILE] [--number N] [--date YYYY-MM-DD] [--position P] [--signer NAME] FILE...|DIR...",
		summary:  "Compile the reports of a period (a directory gives its *.json files): who filed and when (judged on report dates: files carry no receipt time), results by task in full, figures by body, rejected files; docx/html give the official compiled report.",
		run:      runCompile,
	}
}

func runExample(e *env, args []string) int {
	fs := e.flags("example")
	body := fs.String("body", "", "the reporting body's `ID` (see planreport bodies)")
	period := fs.period()
	units := fs.units()
	fs.noArgs()
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *body == "" || *period == "" {
		return e.fail(errors.New("example: --body and --period are required"))
	}
	p, err := periodFlag(*period)
	if err != nil {
		return e.fail(err)
	}
	reg, err := registry(*units)
	if err != nil {
		return e.fail(err)
	}
	r, err := sample.Report(reg, *body, p)
	if err != nil {
		return e.fail(err)
	}
	return e.writeJSON(r)
}

// input is a file read for validate or compile.
type input struct {
	name string
	data []byte
}

// readInputs reads the named files; "-" is standard input, named <stdin>.
// With dirs, a directory stands for the *.json files in it, sorted.
func (e *env) readInputs(names []string, dirs bool) ([]input, error) {
	var out []input
	for _, n := range names {
		if n == "-" {
			data, err := io.ReadAll(e.stdin)
			if err != nil {
				return nil, fmt.Errorf("<stdin>: %w", err)
			}
			out = append(out, input{"<stdin>", data})
			continue
		}
		if dirs {
			if st, err := os.Stat(n); err == nil && st.IsDir() {
				files, err := filepath.Glob(filepath.Join(n, "*.json"))
				if err != nil {
					return nil, err
				}
				sort.Strings(files)
				sub, err := e.readInputs(files, false)
				if err != nil {
					return nil, err
				}
				out = append(out, sub...)
				continue
			}
		}
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, input{n, data})
	}
	return out, nil
}

// checkInputs returns a report checker over the default registry, with
// the units of file units if given, and the inputs the command's
// arguments name (readInputs).
func (e *env) checkInputs(units string, names []string, dirs bool) (*report.Checker, []input, error) {
	reg, err := registry(units)
	if err != nil {
		return nil, nil, err
	}
	in, err := e.readInputs(names, dirs)
	if err != nil {
		return nil, nil, err
	}
	return report.NewChecker(report.Options{Registry: reg}), in, nil
}

// fileResult is one element of `planreport validate --format json`: the
// file, and its issues as the portal's 422 and planreport serve give them
// (package reportapi), without the file name on each.
type fileResult struct {
	File   string    `json:"file"`
	Valid  bool      `json:"valid"`
	Errors diag.List `json:"errors"`
}

func runValidate(e *env, args []string) int {
	fs := e.flags("validate")
	lang := fs.choice("lang", "message `language`: vi or en", "vi", "en")
	format := fs.choice("format", "output `format`: text or json", "text", "json")
	units := fs.units()
	fs.files(false, "name the report files to check, or - for standard input")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	c, inputs, err := e.checkInputs(*units, fs.Args(), false)
	if err != nil {
		return e.fail(err)
	}
	l := diag.Lang(*lang)
	results := make([]fileResult, 0, len(inputs))
	invalid := 0
	for _, in := range inputs {
		res := fileResult{File: in.name, Valid: true, Errors: diag.List{}}
		if _, err := c.Parse(in.name, in.data); err != nil {
			res.Valid = false
			invalid++
			var issues diag.List
			if !errors.As(err, &issues) {
				return e.fail(fmt.Errorf("%s: %w", in.name, err))
			}
			for _, is := range issues {
				json := is
				json.File = ""
				res.Errors = append(res.Errors, json)
				if *format == "text" {
					fmt.Fprintln(e.stdout, strings.ReplaceAll(is.Format(l), "\n", " "))
				}
			}
		}
		results = append(results, res)
	}
	if *format == "json" {
		if code := e.writeJSON(results); code != exitOK {
			return code
		}
	}
	fmt.Fprintf(e.stderr, "planreport: %d of %d reports valid\n", len(inputs)-invalid, len(inputs))
	if invalid > 0 {
		return exitInvalid
	}
	return exitOK
}

func runCompile(e *env, args []string) int {
	fs := e.flags("compile")
	compile := compilationFlags(fs, "the `date` (YYYY-MM-DD) to judge deadlines on; default today in Hanoi")
	format := fs.choice("format", "output `format`: markdown, json, docx (the official compiled report) or html (its print view)", "markdown", "json", "docx", "html")
	out := fs.String("out", "", "the output `file` (required for docx); default standard output")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	comp, reg, b, err := compile(e)
	if err != nil {
		return e.fail(err)
	}
	switch *format {
	case "docx", "html":
		err = e.writeDoc(document.Compiled(comp, reg, b), *format, "Báo cáo tổng hợp "+comp.Period.String(), *out)
	case "json":
		err = e.writeOut(*out, comp.WriteJSON)
	default:
		err = e.writeOut(*out, comp.WriteMarkdown)
	}
	if err != nil {
		return e.fail(err)
	}
	return exitOK
}
