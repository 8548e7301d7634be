package report_test

import (
	"fmt"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// A portal that shows a report its own way words its fields as the form,
// the schema, the messages and the documents do.
func ExampleField() {
	f, _ := report.Field("/tasks/0/results")
	fmt.Println(f.Pointer)
	fmt.Println(f.Label("III.6.1").VI)
	fmt.Println(f.Label("").In(diag.EN))
	fmt.Println(f.Hint.VI, f.MaxLength)
	p, _ := report.Field("/proposals")
	fmt.Println(p.Label("").VI)
	fmt.Println(report.NotStarted.Vietnamese(), "/", report.NotStarted.English())
	// Output:
	// /tasks/*/results
	// Kết quả thực hiện nhiệm vụ III.6.1
	// Results of the task
	// Nêu những việc đã làm và kết quả cụ thể. 10000
	// Kiến nghị, đề xuất
	// Chưa thực hiện / Not started
}
