package sample_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func ExampleReport() {
	reg := plan.Default()
	r, err := sample.Report(reg, "so-y-te", plan.Period{Kind: plan.Annual, Year: 2026})
	if err != nil {
		panic(err)
	}
	due, _ := reg.Due("so-y-te", plan.Period{Kind: plan.Annual, Year: 2026})
	fmt.Println(r.Body, r.Tasks[0].Task, r.ReportDate.Before(due), report.Validate(r) == nil)
	// Output:
	// so-y-te III.6.1 true true
}

// Every task of the plan has results, every indicator a figure, and every
// activity content a sample names is one of the plan's: a 25th indicator
// or a new task without sample data fails here.
func TestComplete(t *testing.T) {
	tasks, figures, activities := sample.Coverage()
	var want []string
	for _, tk := range plan.Tasks() {
		want = append(want, tk.ID)
	}
	same(t, "tasks with results in results.tmpl", tasks, want)
	want = want[:0]
	for _, in := range plan.Indicators() {
		want = append(want, in.Code)
	}
	same(t, "indicators with a figure in data.json", figures, want)
	for task, as := range activities {
		if !slices.Contains(tasks, task) {
			t.Errorf("data.json: taskActivities names task %s, which is not a task of the plan", task)
		}
		for _, a := range as {
			if _, err := plan.ActivityByID(a); err != nil {
				t.Errorf("data.json: task %s: %v", task, err)
			}
		}
	}
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: %s is missing", what, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("%s: %s is not in the plan", what, g)
		}
	}
}

// Every sample of every body that reports, every year, every period,
// writes every figure it cites and every function call of its texts.
func TestEverySample(t *testing.T) {
	reg := plan.Default()
	for y := plan.FirstYear; y <= 2027; y++ {
		for _, k := range plan.PeriodKinds {
			p := plan.Period{Kind: k, Year: y}
			for _, b := range reg.Expected(p) {
				r, err := sample.Report(reg, b.ID, p)
				if err != nil {
					t.Fatalf("%s %s: %v", b.ID, p, err)
				}
				for _, tr := range r.Tasks {
					if strings.Contains(tr.Results, "<no value>") || strings.Contains(tr.Results, "{{") {
						t.Errorf("%s %s %s: %q", b.ID, p, tr.Task, tr.Results)
					}
				}
			}
		}
	}
}
