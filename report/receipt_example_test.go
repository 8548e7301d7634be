package report_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// A report dated 17/11 but received on 01/12 is late: the day of receipt
// decides, and the verdict says so. Without a receipt time the report date
// is the only clue, and the verdict says that instead.
func ExampleCompile_receipt() {
	p := plan.Period{Kind: plan.Annual, Year: 2026}
	r, _ := report.ExampleAt(plan.Default(), "so-y-te", p, plan.D(2026, 11, 17))
	data, _ := json.Marshal(r)
	for _, in := range []report.Input{
		{Name: "so-y-te.json", Data: data, Received: time.Date(2026, 12, 1, 8, 30, 0, 0, plan.Hanoi)},
		{Name: "so-y-te.json", Data: data},
	} {
		c := report.Compile(report.Default(), p, plan.D(2026, 12, 2), []report.Input{in})
		for _, b := range c.Bodies {
			if b.Body == "so-y-te" {
				fmt.Println(b.FilingText())
			}
		}
	}
	// Output:
	// Nộp muộn (nhận ngày 01/12/2026; hạn 20/11/2026; theo ngày nhận)
	// Đúng hạn (báo cáo ngày 17/11/2026; hạn 20/11/2026; theo ngày ghi trên báo cáo (không có thời điểm nhận))
}
