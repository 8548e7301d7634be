package report

import (
	"fmt"
	"time"

	"github.com/kh164/kh164/plan"
)

// today is the checker's day in Hanoi, zero without a clock.
func (c *Checker) today() plan.Date {
	if c.now == nil {
		return plan.Date{}
	}
	return plan.DateOf(c.now())
}

// ParseReceived is Parse for a report received at time at (zero: unknown,
// then the checker's clock, if any, stands for it): a report dated after
// the day it was received, in Hanoi time, is refused with
// report_date_after_receipt.
func (c *Checker) ParseReceived(file string, data []byte, at time.Time) (*Report, error) {
	if at.IsZero() {
		return c.Parse(file, data)
	}
	return c.parse(file, data, plan.DateOf(at))
}

// receivedRule refuses a report dated after the day it is received: the
// report date is the signing date, which cannot follow the receipt.
func (v *validation) receivedRule(dateOK bool) {
	d, on := v.r.ReportDate, v.received
	if !dateOK || on.IsZero() || !d.After(on) {
		return
	}
	v.add("/reportDate", "report_date_after_receipt",
		fmt.Sprintf("Ngày báo cáo %s sau ngày nhận báo cáo %s: báo cáo không thể ghi ngày muộn hơn ngày gửi đến Hội Chữ thập đỏ Thành phố. Ghi ngày ký báo cáo (không sau %s), kiểm tra năm đã gõ đúng chưa.", d.Vietnamese(), on.Vietnamese(), on.Vietnamese()),
		fmt.Sprintf("The report date %s is after %s, the day the report is received: a report cannot be dated later than it reaches the City Red Cross. Enter the day it was signed (on or before %s), and check the year.", d, on, on),
		"date", d.String(), "received", on.String())
}
