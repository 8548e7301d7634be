package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func init() {
	commands["document"] = command{
		synopsis: "document [--format docx|html] [--units FILE] [--out FILE] REPORT.json",
		summary:  "Make one body's official report (ND 30/2020 layout) from its filed report; an invalid report gives its issues and no file.",
		run:      runDocument,
	}
	commands["reminder"] = command{
		synopsis: "reminder --period KIND-YEAR [--as-of YYYY-MM-DD] [--how TEXT] [--number N] [--date YYYY-MM-DD] [--position P] [--signer NAME] [--format docx|html] [--units FILE] [--out FILE] FILE...|DIR...",
		summary:  "Make the City Red Cross's reminder letter (công văn đôn đốc) to the bodies that have not filed as of a date, from the reports received.",
		run:      runReminder,
	}
}

// blanksFlags declares the flags that fill the City Red Cross's blanks.
func blanksFlags(fs *flagSet) func() (document.Blanks, error) {
	number := fs.String("number", "", "the document's `number and symbol` (\"125/BC-HCTĐ\"); default a blank to fill")
	date := fs.String("date", "", "the document's `date` (YYYY-MM-DD); default a blank to fill")
	position := fs.String("position", "", "the signer's `position` (\"CHỦ TỊCH\"); default a blank")
	authority := fs.String("authority", "", "the signing `authority` (\"TM. BAN THƯỜNG VỤ\"); default none")
	signer := fs.String("signer", "", "the signer's `name`; default a blank")
	return func() (document.Blanks, error) {
		b := document.Blanks{Number: norm.NFC.String(*number), Position: norm.NFC.String(*position), Name: norm.NFC.String(*signer)}
		if *authority != "" {
			b.Authority = []string{norm.NFC.String(*authority)}
		}
		if *date != "" {
			d, err := dateOr("date", *date)
			if err != nil {
				return b, err
			}
			b.Date = d
		}
		return b, nil
	}
}

// writeOut writes what write produces to path, or to standard output when
// path is empty. A file is written to a temporary file beside it and
// renamed when complete: on any error no file, partial or not, is left.
func (e *env) writeOut(path string, write func(io.Writer) error) error {
	if path == "" {
		return write(e.stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after a successful rename there is nothing to remove
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; a document is read by the people it
	// goes to, as any file the user writes (0644, what a umask of 022 gives).
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// writeDoc writes d as format (docx or html) to path.
func (e *env) writeDoc(d *document.Doc, format, title, path string) error {
	if format == "docx" && path == "" {
		return errors.New("--format docx needs --out FILE (a .docx is not written to a terminal)")
	}
	return e.writeOut(path, func(w io.Writer) error {
		if format == "html" {
			return d.WriteHTML(w, title)
		}
		return d.WriteDocx(w)
	})
}

func runDocument(e *env, args []string) int {
	fs := e.flags("document")
	format := fs.choice("format", "output `format`: docx or html", "docx", "html")
	out := fs.String("out", "", "the output `file`; html may go to standard output")
	units := fs.units()
	fs.files(true, "name one report file (JSON), or - for standard input")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	c, in, err := e.checkInputs(*units, fs.Args(), false)
	if err != nil {
		return e.fail(err)
	}
	r, err := c.Parse(in[0].name, in[0].data)
	if err != nil {
		var l diag.List
		if errors.As(err, &l) {
			for _, is := range l {
				fmt.Fprintln(e.stderr, strings.ReplaceAll(is.Format(diag.EN), "\n", " "))
			}
			fmt.Fprintf(e.stderr, "planreport: %s is not a valid report: no document written\n", in[0].name)
			return exitInvalid
		}
		return e.fail(err)
	}
	d, err := document.BodyReport(r, c.Registry())
	if err != nil {
		return e.fail(err)
	}
	if err := e.writeDoc(d, *format, "Báo cáo "+r.Body+" "+r.Period.Plan().String(), *out); err != nil {
		return e.fail(err)
	}
	return exitOK
}

// compilationFlags declares what compile and reminder share: --period,
// --as-of (described by asOf), --units, the blanks and the report files or
// directories. The function it returns, run once the flags are parsed,
// reads the blanks and the inputs and compiles them.
func compilationFlags(fs *flagSet, asOf string) func(*env) (*report.Compilation, *plan.Registry, document.Blanks, error) {
	period := fs.period()
	on := fs.String("as-of", "", asOf)
	units := fs.units()
	blanks := blanksFlags(fs)
	fs.files(false, "name the report files or directories to compile")
	return func(e *env) (*report.Compilation, *plan.Registry, document.Blanks, error) {
		b, err := blanks()
		if err != nil {
			return nil, nil, b, err
		}
		if *period == "" {
			return nil, nil, b, fmt.Errorf("%s: --period is required", fs.Name())
		}
		p, err := periodFlag(*period)
		if err != nil {
			return nil, nil, b, err
		}
		day, err := dateOr("as-of", *on)
		if err != nil {
			return nil, nil, b, err
		}
		c, read, err := e.checkInputs(*units, fs.Args(), true)
		if err != nil {
			return nil, nil, b, err
		}
		inputs := make([]report.Input, len(read))
		for i, in := range read {
			inputs[i] = report.Input{Name: in.name, Data: in.data}
		}
		return report.Compile(c, p, day, inputs), c.Registry(), b, nil
	}
}

func runReminder(e *env, args []string) int {
	fs := e.flags("reminder")
	compile := compilationFlags(fs, "the `date` (YYYY-MM-DD) the bodies are missing on; default today in Hanoi")
	how := fs.String("how", "", "a `sentence` saying how to file (where to send the report)")
	format := fs.choice("format", "output `format`: docx or html", "docx", "html")
	out := fs.String("out", "", "the output `file`; html may go to standard output")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	comp, reg, b, err := compile(e)
	if err != nil {
		return e.fail(err)
	}
	d, err := document.Reminder(comp, reg, b, *how)
	if err != nil {
		return e.fail(err)
	}
	if err := e.writeDoc(d, *format, "Công văn đôn đốc "+comp.Period.String(), *out); err != nil {
		return e.fail(err)
	}
	return exitOK
}
