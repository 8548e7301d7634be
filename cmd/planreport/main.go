// Command planreport is the command line for integrators of Plan
// 164/KH-UBND reporting: it prints the plan and who must report, and (with
// the report package) makes, validates and compiles reports.
//
// Usage:
//
//	planreport plan [--format text|json] [--ids]
//	planreport bodies [--at YYYY-MM-DD] [--units FILE] [--format text|json]
//	planreport example --body ID --period KIND-YEAR [--units FILE]
//	planreport validate [--lang vi|en] [--format text|json] [--units FILE] FILE...|-
//	planreport compile --period KIND-YEAR [--as-of YYYY-MM-DD] [--units FILE] [--format markdown|json|docx|html] [--out FILE] FILE...|DIR...
//	planreport document [--format docx|html] [--units FILE] [--out FILE] REPORT.json
//	planreport reminder --period KIND-YEAR [--as-of YYYY-MM-DD] [--how TEXT] [--format docx|html] [--out FILE] FILE...|DIR...
//	planreport schema [--body ID] [--at YYYY-MM-DD] [--lang vi|en] [--units FILE]
//	planreport serve [--addr HOST:PORT] [--units FILE]
//
// compile, document and reminder write --out through a temporary file
// renamed when complete: an error never leaves a partial file. compile and
// reminder also take --number, --date, --authority, --position and
// --signer to fill the City Red Cross's blanks.
//
// Every command exits 0 on success, 1 when validate finds an invalid
// report (or document is given one), and 2 on bad usage or unreadable input, with a one-line error on
// standard error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// command is one subcommand: its synopsis and what it runs. run returns the
// exit code.
type command struct {
	synopsis string
	summary  string
	run      func(e *env, args []string) int
}

var commands = map[string]command{}

// env is what a command may touch, so tests run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	ctx            context.Context // stops serve; nil: SIGINT or SIGTERM
}

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // validate: some input is not a valid report
	exitUsage   = 2 // bad usage or unreadable input
)

func main() {
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		return e.fail(fmt.Errorf("unknown command %q (run planreport -h for the list)", args[0]))
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "planreport: Plan 164/KH-UBND (Hanoi, 05/6/2023) reporting tools.")
	fmt.Fprintln(w, "\nUsage:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  planreport %s\n      %s\n", commands[n].synopsis, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun planreport COMMAND -h for a command's flags. Exit status: 0 success, 1 invalid report (validate), 2 bad usage or unreadable input.")
}

// fail prints err as one line on stderr and returns exitUsage.
func (e *env) fail(err error) int {
	var l diag.List
	msg := err.Error()
	if errors.As(err, &l) && len(l) > 0 {
		msg = l[0].Format(diag.EN)
		if len(l) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(l)-1)
		}
	}
	fmt.Fprintln(e.stderr, "planreport: "+strings.ReplaceAll(msg, "\n", " "))
	return exitUsage
}

// A flagSet is a command's flags, with the checks every command would
// otherwise repeat after parsing: that a choice flag's value is one of its
// choices, and the number of arguments. env.parse runs them in the order
// they were declared.
type flagSet struct {
	*flag.FlagSet
	checks []func() error
}

// flags returns the flag set of command name, whose -h prints to stdout
// and whose errors are one line.
func (e *env) flags(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs}
}

// choice declares flag name, whose value must be one of allowed;
// allowed[0] is the default.
func (fs *flagSet) choice(name, usage string, allowed ...string) *string {
	v := fs.String(name, allowed[0], usage)
	fs.checks = append(fs.checks, func() error { return oneOf(name, *v, allowed...) })
	return v
}

// units declares --units, the same on every command that knows bodies.
func (fs *flagSet) units() *string {
	return fs.String("units", "", "a units `file` (JSON) registering commune-level units")
}

// period declares --period.
func (fs *flagSet) period() *string {
	return fs.String("period", "", "the `period`: annual-YEAR or half-year-YEAR")
}

// noArgs declares that the command takes no argument.
func (fs *flagSet) noArgs() {
	fs.checks = append(fs.checks, func() error {
		if fs.NArg() > 0 {
			return fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
		}
		return nil
	})
}

// files declares that the command takes files: exactly one when one is
// set, else at least one. missing says what to give.
func (fs *flagSet) files(one bool, missing string) {
	fs.checks = append(fs.checks, func() error {
		if fs.NArg() == 0 || one && fs.NArg() > 1 {
			return fmt.Errorf("%s: %s", fs.Name(), missing)
		}
		return nil
	})
}

// parse parses args into fs and runs its checks. It returns false and the
// exit code when the command must stop (help was asked for, or the flags
// or arguments are wrong).
func (e *env) parse(fs *flagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c := commands[fs.Name()]
		fmt.Fprintf(e.stdout, "Usage: planreport %s\n%s\n\nFlags:\n", c.synopsis, c.summary)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		return exitOK, false
	}
	if err != nil {
		return e.fail(fmt.Errorf("%s: %v", fs.Name(), err)), false
	}
	for _, check := range fs.checks {
		if err := check(); err != nil {
			return e.fail(err), false
		}
	}
	return 0, true
}

// periodFlag parses the value v of the --period flag, naming the flag in
// its error: a flag has no JSON place.
func periodFlag(v string) (plan.Period, error) {
	p, err := plan.ParsePeriod(v)
	var l diag.List
	if errors.As(err, &l) {
		return plan.Period{}, fmt.Errorf("--period: %s", l[0].EN)
	}
	return p, err
}

// dateOr parses the value v of date flag name, or gives today in Hanoi
// when v is empty.
func dateOr(name, v string) (plan.Date, error) {
	if v == "" {
		return plan.Today(), nil
	}
	d, err := plan.ParseDate(v)
	var l diag.List
	if errors.As(err, &l) { // a flag has no JSON place: name the flag instead
		return plan.Date{}, fmt.Errorf("--%s: %s", name, l[0].EN)
	}
	return d, err
}

// oneOf checks that a flag's value is one of the allowed ones.
func oneOf(flagName, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("--%s must be %s, not %q", flagName, strings.Join(allowed, " or "), v)
}
