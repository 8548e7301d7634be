package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/sample"
	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

func TestExampleValidForEveryExpectedBody(t *testing.T) {
	reg := unitsRegistry(t)
	c := report.NewChecker(report.Options{Registry: reg})
	for _, p := range corpusPeriods {
		expected := reg.Expected(p)
		if len(expected) == 0 {
			t.Fatalf("nobody is expected for %s", p)
		}
		for _, b := range expected {
			r, err := sample.Report(reg, b.ID, p)
			if err != nil {
				t.Fatalf("%s %s: %v", b.ID, p, err)
			}
			if err := c.Validate(r); err != nil {
				t.Errorf("%s %s: %v", b.ID, p, err)
			}
			due, _ := reg.Due(b.ID, p)
			start, end := p.Window()
			d := r.ReportDate
			switch {
			case (d.Before(due.AddDays(-5)) || d.After(due.AddDays(-3))) && d != b.From:
				t.Errorf("%s %s: report date %s, due %s: want 3 to 5 days before", b.ID, p, r.ReportDate, due)
			case r.DataCutoff == nil || r.DataCutoff.Before(start) || r.DataCutoff.After(end) || r.DataCutoff.After(r.ReportDate):
				t.Errorf("%s %s: data cut-off %v outside %s–%s or after %s", b.ID, p, r.DataCutoff, start, end, r.ReportDate)
			case r.Reference == "":
				t.Errorf("%s %s: no reference", b.ID, p)
			}
			for _, tr := range r.Tasks {
				for _, s := range []string{tr.Results, tr.Reason} {
					if !norm.NFC.IsNormalString(s) {
						t.Errorf("%s %s %s: text not in NFC", b.ID, p, tr.Task)
					}
				}
			}
		}
	}
}

func TestExampleIsStable(t *testing.T) {
	p := plan.Period{Kind: plan.Annual, Year: 2025}
	a, _ := sample.Report(plan.Default(), "hoi-ctd", p)
	b, _ := sample.Report(plan.Default(), "hoi-ctd", p)
	if !bytes.Equal(encode(a), encode(b)) {
		t.Error("two calls give different reports")
	}
	c, _ := sample.Report(plan.Default(), "so-y-te", p)
	if c.PreparedBy == a.PreparedBy {
		t.Error("two bodies have the same preparer")
	}
}

func TestExampleMostTasksDone(t *testing.T) {
	counts := map[report.Status]int{}
	reg := plan.Default()
	for _, p := range corpusPeriods {
		for _, b := range reg.Expected(p) {
			r, _ := sample.Report(reg, b.ID, p)
			for _, tr := range r.Tasks {
				counts[tr.Status]++
			}
		}
	}
	total := counts[report.Done] + counts[report.InProgress] + counts[report.NotStarted]
	if counts[report.Done]*2 < total || counts[report.InProgress] == 0 || counts[report.NotStarted] == 0 {
		t.Errorf("statuses %v: want most done, some in progress, a few not started", counts)
	}
}

func TestExampleScale(t *testing.T) {
	reg := unitsRegistry(t)
	p := plan.Period{Kind: plan.Annual, Year: 2025}
	get := func(body, code string) int64 {
		r, err := sample.Report(reg, body, p)
		if err != nil {
			t.Fatal(err)
		}
		return r.Indicators[code]
	}
	city, commune := get("hoi-ctd", "blood_units"), get("phuong-ba-dinh", "blood_units")
	if city < 250_000 || city > 400_000 || commune*50 > city || commune == 0 {
		t.Errorf("blood units: city %d, commune %d", city, commune)
	}
	if v := get("hoi-ctd", "movement_value_vnd"); v < 100_000_000_000 || v > 999_000_000_000 || v < 1<<31 {
		t.Errorf("city movement value %d: want hundreds of billions of đồng", v)
	}
	// Indicators follow the groups of the body's tasks.
	r, _ := sample.Report(reg, "bao-hanoimoi", p)
	if _, ok := r.Indicators["news_items"]; !ok || len(r.Indicators) != 1 {
		t.Errorf("press indicators %v, want news items only", r.Indicators)
	}
	half, _ := sample.Report(reg, "hoi-ctd", plan.Period{Kind: plan.HalfYear, Year: 2025})
	if half.Indicators["blood_units"] >= city {
		t.Errorf("half-year blood units %d not below the year's %d", half.Indicators["blood_units"], city)
	}
}

func TestExampleTexts(t *testing.T) {
	reg := plan.Default()
	for _, c := range []struct {
		body string
		year int
		task string
		want []string
	}{
		{"so-y-te", 2026, "III.6.1", []string{"khám, chữa bệnh nhân đạo", "đơn vị máu", "hiến mô, tạng"}},
		{"bao-ptth-hanoi", 2026, "III.9.1", []string{"tin, bài", "Cơ quan Báo và Phát thanh, Truyền hình Hà Nội"}},
		{"quan-ba-dinh", 2024, "III.12.1", []string{"UBND quận Ba Đình ban hành Kế hoạch số", "qua Ban Dân vận Thành ủy Hà Nội"}},
		{"so-noi-vu", 2025, "III.2.1", []string{"Sở Nội vụ phối hợp", "Kết luận số 44-KL/TW ngày 14/11/2022"}},
		{"hoi-ctd", 2025, "III.1.4", []string{"Sở Khoa học và Công nghệ"}},
		{"hoi-ctd", 2024, "III.1.4", []string{"Sở Thông tin và Truyền thông"}},
	} {
		r, err := sample.Report(reg, c.body, plan.Period{Kind: plan.Annual, Year: c.year})
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range r.Tasks {
			if tr.Task != c.task {
				continue
			}
			if tr.Status == report.NotStarted {
				t.Fatalf("%s %s is not started: pick another example", c.body, c.task)
			}
			for _, w := range c.want {
				if !strings.Contains(tr.Results, w) {
					t.Errorf("%s %s: %q lacks %q", c.body, c.task, tr.Results, w)
				}
			}
		}
	}
}

func TestExampleErrors(t *testing.T) {
	reg := plan.Default()
	for _, c := range []struct {
		body string
		p    plan.Period
		code string
	}{
		{"so-y-te", plan.Period{Kind: plan.HalfYear, Year: 2026}, "no_report_due"},
		{"quan-ba-dinh", plan.Period{Kind: plan.Annual, Year: 2025}, "no_report_due"},
		{"nobody", plan.Period{Kind: plan.Annual, Year: 2025}, "unknown_body"},
	} {
		_, err := sample.Report(reg, c.body, c.p)
		var l diag.List
		if !errors.As(err, &l) || string(l[0].Code) != c.code {
			t.Errorf("%s %s: %v, want %s", c.body, c.p, err, c.code)
		}
	}
	p := plan.Period{Kind: plan.Annual, Year: 2025}
	var l diag.List
	if _, err := sample.ReportAt(reg, "so-y-te", p, plan.D(2024, 12, 14)); !errors.As(err, &l) || l[0].Code != "report_date_before_window" {
		t.Errorf("ReportAt before the window: %v", err)
	}
	if _, err := sample.ReportAt(reg, "so-noi-vu", p, plan.D(2026, 1, 1)); err != nil {
		t.Errorf("a late report: %v", err)
	}
	if _, err := sample.ReportAt(reg, "bao-ptth-hanoi", plan.Period{Kind: plan.Annual, Year: 2026}, plan.D(2026, 1, 20)); !errors.As(err, &l) || l[0].Code != "body_not_yet_in_force" {
		t.Errorf("before the body exists: %v", err)
	}
}

// The examples below document the Checker (Parse, Validate).

func ExampleChecker_Parse() {
	data := []byte(`{
  "schemaVersion": 1,
  "plan": "164/KH-UBND",
  "body": "so-y-te",
  "period": {"kind": "annual", "year": 2026},
  "reportDate": "2026-11-18",
  "tasks": [
    {"task": "III.6.1", "status": "done", "results": ""}
  ],
  "indicators": {"blood_units": 1000000000},
  "preparedBy": {"name": "Nguyễn Thị Hương", "position": "Chuyên viên", "phone": "0912 345 678"},
  "signedBy": {"name": "Trần Văn Minh", "position": "Phó Giám đốc "}
}`)
	_, err := report.Default().Parse("so-y-te.json", data)
	var issues diag.List
	if errors.As(err, &issues) {
		for _, is := range issues {
			fmt.Println(is.Format(diag.VI))
		}
		for _, is := range issues {
			fmt.Println(is.Format(diag.EN))
		}
	}
	// Output:
	// so-y-te.json:8:54: /tasks/0/results: Nhập kết quả thực hiện nhiệm vụ III.6.1; nếu chưa thực hiện, chọn tình trạng not_started và nêu lý do.
	// so-y-te.json:10:33: /indicators/blood_units: Số đơn vị máu tiếp nhận phải là số nguyên từ 0 đến 100.000.000 (đơn vị); số đã nhập là 1.000.000.000.
	// so-y-te.json:11:82: /preparedBy/phone: Số điện thoại người lập báo cáo không đúng dạng: "0912 345 678". Viết liền các chữ số: 0 hoặc +84, tiếp theo là 9 hoặc 10 chữ số (chữ số đầu khác 0), ví dụ 0912345678 hoặc +84912345678.
	// so-y-te.json:12:53: /signedBy/position: Chức vụ người ký báo cáo kết thúc bằng dấu cách (U+0020). Xóa khoảng trắng ở cuối.
	// so-y-te.json:8:54: /tasks/0/results: Enter the results of task III.6.1; if it has not been started, set the status to not_started and give the reason.
	// so-y-te.json:10:33: /indicators/blood_units: Blood units received must be a whole number from 0 to 100,000,000 (units), not 1,000,000,000.
	// so-y-te.json:11:82: /preparedBy/phone: The phone number of the preparer is not valid: "0912 345 678". Write the digits without spaces: 0 or +84, then 9 or 10 digits not starting with 0, for example 0912345678 or +84912345678.
	// so-y-te.json:12:53: /signedBy/position: There is a space (U+0020) at the end of the position of the signatory. Remove it.
}

func ExampleParse() {
	_, err := report.Parse([]byte(`{"schemaVersion": 1, "ketQua": "Đã hoàn thành"}`))
	fmt.Println(err.(diag.List)[0].Format(diag.VI))
	// Output:
	// 1:22: /ketQua: Trường "ketQua" không có trong mẫu. Xóa trường này hoặc sửa tên; các trường hợp lệ: schemaVersion, plan, body, period, reportDate, dataCutoff, reference, tasks, indicators, difficulties, proposals, preparedBy, signedBy.
}

func ExampleValidate() {
	// Sở Nội vụ took over the tasks of Sở Lao động - Thương binh và Xã
	// hội on 01/3/2025: its 2025 report must cover III.2.1 as well.
	r := &report.Report{
		SchemaVersion: report.SchemaVersion, Plan: plan.ID, Body: "so-noi-vu",
		Period:     report.Period{Kind: plan.Annual, Year: 2025},
		ReportDate: plan.D(2025, 11, 15),
		Tasks: []report.TaskResult{
			{Task: "III.4.1", Status: report.Done, Results: "Đã tham mưu kiện toàn tổ chức bộ máy của Hội Chữ thập đỏ các cấp."},
			{Task: "III.4.2", Status: report.InProgress, Results: "Đang hướng dẫn chế độ, chính sách đối với cán bộ Hội."},
			{Task: "III.4.3", Status: report.NotStarted},
		},
		PreparedBy: report.Preparer{Name: "Lê Minh Tuấn", Position: "Chuyên viên", Phone: "02433824567"},
		SignedBy:   report.Signer{Name: "Phạm Thu Hà", Position: "Phó Giám đốc"},
	}
	for _, is := range report.Validate(r).(diag.List) {
		fmt.Printf("%s %s\n  %s\n  %s\n", is.Path, is.Code, is.VI, is.EN)
	}
	// Output:
	// /tasks missing_task
	//   Thiếu kết quả thực hiện nhiệm vụ III.2.1 (“Phối hợp với Hội Chữ thập đỏ Thành phố kiểm tra các địa phương việc triển khai…”): Sở Nội vụ phải báo cáo nhiệm vụ này vào ngày 15/11/2025. Thêm một mục với mã nhiệm vụ III.2.1.
	//   The results of task III.2.1 (“With the City Red Cross, inspect how localities implement Conclusion 44-KL/TW…”) are missing: Department of Home Affairs answers for it on 2025-11-15. Add an item with task ID III.2.1.
	// /tasks/2/reason required
	//   Nêu lý do chưa hoàn thành nhiệm vụ III.4.3 (nhiệm vụ chưa thực hiện phải có lý do).
	//   Give the reason why task III.4.3 is not finished (a task not started needs one).
}

func ExampleMaxLength() {
	fmt.Println(report.MaxLength("/preparedBy/name"), report.MaxLength("/reference"), report.MaxLength("/preparedBy/phone"))
	// A list's max= counts items, not characters: no length limit.
	fmt.Println(report.MaxLength("/tasks/*/activities"))
	// Output:
	// 200 50 0
	// 0
}

// keywords prints the JSON Schema keywords of the rules it is called for;
// the embedded nil writer stands for the methods the tags below never call.
type keywords struct{ report.KeywordWriter }

func (keywords) Min(n int64) error         { fmt.Println("minimum", n); return nil }
func (keywords) Max(n int64) error         { fmt.Println("maximum", n); return nil }
func (keywords) Pattern(expr string) error { fmt.Println("pattern", expr); return nil }

func ExampleWriteKeywords() {
	for _, tag := range []string{"year", "phone", "len=3"} {
		if err := report.WriteKeywords(tag, keywords{}); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// minimum 2023
	// maximum 2100
	// pattern ^(?:0|\+84)[1-9][0-9]{8,9}$
	// unknown rule "len=3"
}

func ExampleChecker_Load() {
	data := []byte(`{"schemaVersion": 1, "plan": "164/KH-UBND", "body": "so-y-te",
		"period": {"kind": "annual", "year": 2026}, "reportDate": "2026-11-16",
		"tasks": [{"task": "III.6.1", "status": "done"}],
		"preparedBy": {"name": "Nguyễn Thu Hà", "position": "Chuyên viên", "phone": "0912345678"},
		"signedBy": {"name": "Trần Văn Long", "position": "Giám đốc"}}`)
	r, err := report.Default().Load("draft.json", data)
	fmt.Println(r.Tasks[0].Task, err)
	// Output:
	// III.6.1 draft.json:3:13: /tasks/0/results: Enter the results of task III.6.1; if it has not been started, set the status to not_started and give the reason.
}
