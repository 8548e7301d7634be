package sample

import "slices"

// Coverage reports what the sample data covers, for the completeness
// tests: the task IDs results.tmpl writes results for, the indicator
// codes data.json has a city figure for, and the activity contents it
// gives each task.
func Coverage() (tasks, figures []string, activities map[string][]string) {
	for _, t := range results.Templates() {
		if t.Name() != "results" {
			tasks = append(tasks, t.Name())
		}
	}
	for code := range data.CityFigures {
		figures = append(figures, code)
	}
	slices.Sort(tasks)
	slices.Sort(figures)
	return tasks, figures, data.TaskActivities
}
