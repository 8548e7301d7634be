package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/reportapi"
)

func init() {
	commands["plan"] = command{
		synopsis: "plan [--format text|json] [--ids]",
		summary:  "Print the plan: its text in the document's order, or the whole plan as JSON (schema/plan.schema.json).",
		run:      runPlan,
	}
	commands["bodies"] = command{
		synopsis: "bodies [--at YYYY-MM-DD] [--units FILE] [--format text|json]",
		summary:  "List the bodies that must report on a date (default today) and the task IDs each answers for.",
		run:      runBodies,
	}
}

func runPlan(e *env, args []string) int {
	fs := e.flags("plan")
	format := fs.choice("format", "output `format`: text or json", "text", "json")
	ids := fs.Bool("ids", false, "prefix headings and clauses with their IDs (text format)")
	fs.noArgs()
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *format == "json" {
		return e.writeJSON(plan.Default().Export())
	}
	if err := plan.Plan().WriteText(e.stdout, plan.TextOptions{IDs: *ids}); err != nil {
		return e.fail(err)
	}
	return exitOK
}

// registry returns the default registry, with the units of file if given.
func registry(file string) (*plan.Registry, error) {
	if file == "" {
		return plan.Default(), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	units, err := plan.ParseUnits(file, data)
	if err != nil {
		return nil, err
	}
	return plan.Default().WithUnits(units...)
}

func runBodies(e *env, args []string) int {
	fs := e.flags("bodies")
	at := fs.String("at", "", "the `date` (YYYY-MM-DD) to list the bodies of; default today in Hanoi")
	units := fs.units()
	format := fs.choice("format", "output `format`: text or json", "text", "json")
	fs.noArgs()
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	on, err := dateOr("at", *at)
	if err != nil {
		return e.fail(err)
	}
	r, err := registry(*units)
	if err != nil {
		return e.fail(err)
	}
	due := reportapi.Reporters(r, on)
	if *format == "json" {
		return e.writeJSON(due)
	}
	fmt.Fprintf(e.stdout, "Bodies that must report on %s (%d):\n", on, len(due.Bodies))
	for _, rep := range due.Bodies {
		due := ""
		if rep.Due != "" {
			due = "  due " + rep.Due
		}
		fmt.Fprintf(e.stdout, "%-18s %s%s\n%18s tasks: %s\n", rep.ID, rep.Name, due, "", strings.Join(rep.Tasks, " "))
	}
	return exitOK
}

func (e *env) writeJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return e.fail(err)
	}
	return exitOK
}
