package document_test

import (
	"bytes"
	"fmt"

	"github.com/kh164/kh164/document"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// One body's official report, from the report it filed.
func ExampleBodyReport() {
	reg := plan.Default()
	r, _ := report.ExampleAt(reg, "so-y-te", plan.Period{Kind: plan.Annual, Year: 2026}, plan.D(2026, 11, 17))
	d, err := document.BodyReport(r, reg)
	if err != nil {
		fmt.Println(err)
		return
	}
	var docx bytes.Buffer
	if err := d.WriteDocx(&docx); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Parent, "/", d.Issuer)
	fmt.Println(d.Number, "|", d.PlaceDate)
	fmt.Println(d.Type, "|", d.Summary)
	fmt.Println(d.To)
	fmt.Println(docx.Len() > 0)
	// Output:
	// UBND THÀNH PHỐ HÀ NỘI / Sở Y tế
	// Số: 54/BC-SYT | Hà Nội, ngày 17 tháng 11 năm 2026
	// BÁO CÁO | Kết quả thực hiện Kế hoạch số 164/KH-UBND năm 2026
	// [Thành ủy Hà Nội (qua Hội Chữ thập đỏ thành phố Hà Nội) UBND Thành phố (qua Hội Chữ thập đỏ thành phố Hà Nội)]
	// true
}

// The City Red Cross's compiled report, its blanks left for it to fill.
func ExampleCompiled() {
	c := report.Compile(report.Default(), plan.Period{Kind: plan.Annual, Year: 2026}, plan.D(2026, 11, 21), nil)
	d := document.Compiled(c, plan.Default(), document.Blanks{})
	fmt.Println(d.Issuer, "|", d.Number, "|", d.PlaceDate)
	fmt.Println(d.Signature.Position, d.Signature.Name)
	// Output:
	// Hội Chữ thập đỏ thành phố Hà Nội | Số: ……/BC-…… | Hà Nội, ngày …… tháng …… năm ……
	// (Chức vụ người ký) (Họ và tên)
}
