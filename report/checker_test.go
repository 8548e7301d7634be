package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// resultsByGroup are realistic results, by assignee group, that a body
// writes for a task; %s is the task's ID.
var resultsByGroup = map[int]string{
	1:  "Hội Chữ thập đỏ Thành phố đã triển khai nhiệm vụ %s tới 30 quận, huyện, thị xã; tổ chức 45 đợt hiến máu tình nguyện, trao 12.400 suất quà Tết Nhân ái và kết nối 1.260 địa chỉ nhân đạo.",
	2:  "Sở đã phối hợp với Hội Chữ thập đỏ Thành phố kiểm tra 6 quận, huyện về việc thực hiện nhiệm vụ %s; kết quả kiểm tra được tổng hợp gửi UBND Thành phố.",
	3:  "Sở đã hướng dẫn các cơ quan báo chí và hệ thống thông tin cơ sở tuyên truyền về hoạt động nhân đạo (nhiệm vụ %s), với 320 tin, bài được đăng tải.",
	4:  "Sở Nội vụ đã tham mưu kiện toàn tổ chức bộ máy của Hội theo nhiệm vụ %s; hướng dẫn thực hiện chế độ, chính sách đối với cán bộ Hội các cấp.",
	5:  "Sở Tài chính đã bố trí kinh phí hoạt động năm cho Hội Chữ thập đỏ Thành phố theo nhiệm vụ %s, bảo đảm đúng quy định.",
	6:  "Sở Y tế đã chỉ đạo các bệnh viện phối hợp tổ chức 24 đợt hiến máu tình nguyện, tiếp nhận 3.450 đơn vị máu; khám, chữa bệnh nhân đạo cho 12.800 lượt người (nhiệm vụ %s).",
	7:  "Sở Giáo dục và Đào tạo đã hướng dẫn các trường học triển khai hoạt động chữ thập đỏ trong trường học theo nhiệm vụ %s; tổ chức 85 lớp tập huấn sơ cấp cứu.",
	8:  "Đã phối hợp vận động các tổ chức quốc tế hỗ trợ hoạt động nhân đạo trên địa bàn Thành phố theo nhiệm vụ %s.",
	9:  "Đã mở chuyên mục về công tác nhân đạo và phản ánh kịp thời các phong trào của Hội theo nhiệm vụ %s.",
	10: "Đã phối hợp tuyên truyền, vận động đoàn viên, hội viên tham gia phong trào nhân đạo theo nhiệm vụ %s.",
	11: "Đã tham mưu Ban Thường vụ Thành ủy chỉ đạo, kiểm tra việc thực hiện nhiệm vụ %s tại các địa phương.",
	12: "UBND đã ban hành kế hoạch thực hiện nhiệm vụ %s, chỉ đạo các phường, xã phối hợp với Hội Chữ thập đỏ tổ chức các hoạt động nhân đạo.",
}

// buildReport returns a valid report of body for the period, dated on,
// with a result for each task the body answers for then.
func buildReport(t testing.TB, c *Checker, body string, on plan.Date, kind plan.PeriodKind, year int) *Report {
	t.Helper()
	tasks, err := c.Registry().Tasks(body, on)
	if err != nil {
		t.Fatalf("Tasks(%s, %s): %v", body, on, err)
	}
	r := &Report{
		SchemaVersion: SchemaVersion, Plan: plan.ID, Body: body,
		Period: Period{Kind: kind, Year: year}, ReportDate: on, Reference: "245/BC-SYT",
		Indicators:   map[string]int64{"blood_units": 3450, "free_medical_checks": 12800, "health_care_value_vnd": 2_450_000_000},
		Difficulties: "Nguồn lực vận động còn hạn chế;\nmột số đơn vị chưa bố trí cán bộ theo dõi công tác nhân đạo.",
		Proposals:    "Đề nghị UBND Thành phố tiếp tục bố trí kinh phí cho các đợt hiến máu tình nguyện dịp Lễ hội Xuân hồng.",
		PreparedBy:   Preparer{Name: "Nguyễn Thị Hương", Position: "Chuyên viên Phòng Nghiệp vụ Y", Phone: "02438253536", Email: "huongnt@hanoi.gov.vn"},
		SignedBy:     Signer{Name: "Trần Văn Minh", Position: "Phó Giám đốc"},
	}
	for _, tk := range tasks {
		r.Tasks = append(r.Tasks, TaskResult{Task: tk.ID, Status: Done,
			Results: fmt.Sprintf(resultsByGroup[tk.Group], tk.ID), Activities: []string{"blood_donation", "humanitarian_values"}})
	}
	return r
}

func mustDate(s string) plan.Date {
	d, err := plan.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// health is so-y-te's annual report for 2026, dated 18/11/2026.
func health(t testing.TB) *Report {
	return buildReport(t, Default(), "so-y-te", mustDate("2026-11-18"), plan.Annual, 2026)
}

// city is the City Red Cross's half-year report for 2026.
func city(t testing.TB) *Report {
	return buildReport(t, Default(), "hoi-ctd", mustDate("2026-06-18"), plan.HalfYear, 2026)
}

// issuesOf lists err's issues as "path code".
func issuesOf(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("error %T is not a diag.List: %v", err, err)
	}
	out := make([]string, len(l))
	for i, is := range l {
		out[i] = is.Path + " " + string(is.Code)
	}
	return out
}

func refTo[T any](v T) *T { return &v }

func TestValidReports(t *testing.T) {
	for name, r := range map[string]*Report{
		"so-y-te annual": health(t),
		"hoi-ctd half":   city(t),
		"hoi-ctd annual": buildReport(t, Default(), "hoi-ctd", mustDate("2026-12-10"), plan.Annual, 2026),
		"district 2024":  buildReport(t, Default(), "quan-ba-dinh", mustDate("2024-11-15"), plan.Annual, 2024),
		"so-noi-vu 2025": buildReport(t, Default(), "so-noi-vu", mustDate("2025-11-15"), plan.Annual, 2025),
		"press 2026":     buildReport(t, Default(), "bao-ptth-hanoi", mustDate("2026-11-18"), plan.Annual, 2026),
	} {
		if err := Validate(r); err != nil {
			t.Errorf("%s: %v", name, issuesOf(t, err))
		}
	}
}

// TestRules checks each tag and plan rule on a mutated valid report:
// the exact issues, in field order.
func TestRules(t *testing.T) {
	long := strings.Repeat("ế", resultsMax+1)
	tests := []struct {
		name   string
		base   func(testing.TB) *Report // health when nil
		mutate func(r *Report)
		want   []string
	}{
		{"schema version", nil, func(r *Report) { r.SchemaVersion = 2 }, []string{"/schemaVersion invalid_value"}},
		{"plan", nil, func(r *Report) { r.Plan = "164/KH-UBND " }, []string{"/plan invalid_value"}},
		{"plan missing", nil, func(r *Report) { r.Plan = "" }, []string{"/plan required"}},
		{"body missing", nil, func(r *Report) { r.Body = "" }, []string{"/body required"}},
		{"body unknown", nil, func(r *Report) { r.Body = "so-yte" }, []string{"/body unknown_body"}},
		{"period kind", nil, func(r *Report) { r.Period.Kind = "quarterly" }, []string{"/period/kind invalid_value"}},
		{"period kind missing", nil, func(r *Report) { r.Period.Kind = "" }, []string{"/period/kind required"}},
		{"period year", nil, func(r *Report) { r.Period.Year = 2022 }, []string{"/period/year out_of_range"}},
		{"report date missing", nil, func(r *Report) { r.ReportDate = plan.Date{} }, []string{"/reportDate required"}},
		{"report date impossible", nil, func(r *Report) { r.ReportDate = plan.Date{Year: 2026, Month: 2, Day: 30} }, []string{"/reportDate invalid_date"}},
		{"reference symbol", nil, func(r *Report) { r.Reference = "245/bc-syt" }, []string{"/reference invalid_symbol"}},
		{"reference long", nil, func(r *Report) { r.Reference = "245/BC-" + strings.Repeat("S", MaxLength("/reference")-6) }, []string{"/reference too_long"}},
		{"tasks missing", nil, func(r *Report) { r.Tasks = nil }, []string{"/tasks too_few", "/tasks missing_task"}},
		{"task ID missing", nil, func(r *Report) { r.Tasks[0].Task = "" }, []string{"/tasks missing_task", "/tasks/0/task required"}},
		{"task unknown", nil, func(r *Report) { r.Tasks[0].Task = "III.6.9" }, []string{"/tasks missing_task", "/tasks/0/task unknown_task"}},
		{"status", nil, func(r *Report) { r.Tasks[0].Status = "finished" }, []string{"/tasks/0/status invalid_value"}},
		{"results missing", nil, func(r *Report) { r.Tasks[0].Results = "" }, []string{"/tasks/0/results required"}},
		{"in progress without results", nil, func(r *Report) { r.Tasks[0].Status, r.Tasks[0].Results = InProgress, "" }, []string{"/tasks/0/results required"}},
		{"not started without reason", nil, func(r *Report) { r.Tasks[0].Status, r.Tasks[0].Results = NotStarted, "" }, []string{"/tasks/0/reason required"}},
		{"not started with reason", nil, func(r *Report) {
			r.Tasks[0].Status, r.Tasks[0].Results, r.Tasks[0].Reason = NotStarted, "", "Chờ hướng dẫn của Bộ Y tế."
		}, nil},
		{"results too long", nil, func(r *Report) { r.Tasks[0].Results = long }, []string{"/tasks/0/results too_long"}},
		{"results untrimmed", nil, func(r *Report) { r.Tasks[0].Results += "\n" }, []string{"/tasks/0/results invalid_text"}},
		{"results control", nil, func(r *Report) { r.Tasks[0].Results = "Đã\x07 xong" }, []string{"/tasks/0/results invalid_text"}},
		{"activity unknown", nil, func(r *Report) { r.Tasks[0].Activities[1] = "blood" }, []string{"/tasks/0/activities/1 unknown_activity"}},
		{"activity empty", nil, func(r *Report) { r.Tasks[0].Activities[0] = "" }, []string{"/tasks/0/activities/0 required"}},
		{"activity repeated and unknown", nil, func(r *Report) {
			r.Tasks[0].Activities = []string{"relief", "bad", "relief", "relief"}
		}, []string{"/tasks/0/activities/1 unknown_activity", "/tasks/0/activities/2 duplicate_activity", "/tasks/0/activities/3 duplicate_activity"}},
		{"indicator over max", nil, func(r *Report) { r.Indicators["blood_units"] = 100_000_001 }, []string{"/indicators/blood_units out_of_range"}},
		{"indicator negative", nil, func(r *Report) { r.Indicators["members"] = -1 }, []string{"/indicators/members out_of_range"}},
		{"indicator unknown", nil, func(r *Report) { r.Indicators["blood_unit"] = 1 }, []string{"/indicators/blood_unit unknown_indicator"}},
		{"indicator key escaped", nil, func(r *Report) { r.Indicators["a/b~c"] = 1 }, []string{"/indicators/a~1b~0c unknown_indicator"}},
		{"indicators sorted", nil, func(r *Report) { r.Indicators["zz"], r.Indicators["aa"] = 1, 1 },
			[]string{"/indicators/aa unknown_indicator", "/indicators/zz unknown_indicator"}},
		{"difficulties untrimmed", nil, func(r *Report) { r.Difficulties = " Thiếu kinh phí." }, []string{"/difficulties invalid_text"}},
		{"name missing", nil, func(r *Report) { r.PreparedBy.Name = "" }, []string{"/preparedBy/name required"}},
		{"name on two lines", nil, func(r *Report) { r.PreparedBy.Name = "Nguyễn Thị\nHương" }, []string{"/preparedBy/name invalid_text"}},
		{"name too long", nil, func(r *Report) {
			r.PreparedBy.Name = strings.Repeat("Hương ", MaxLength("/preparedBy/name")/6+1) + "A"
		}, []string{"/preparedBy/name too_long"}},
		{"phone missing", nil, func(r *Report) { r.PreparedBy.Phone = "" }, []string{"/preparedBy/phone required"}},
		{"phone spaced", nil, func(r *Report) { r.PreparedBy.Phone = "0912 345 678" }, []string{"/preparedBy/phone invalid_phone"}},
		{"email", nil, func(r *Report) { r.PreparedBy.Email = "huongnt@hanoi" }, []string{"/preparedBy/email invalid_email"}},
		{"email too long", nil, func(r *Report) { r.PreparedBy.Email = strings.Repeat("a", MaxLength("/preparedBy/email")-4) + "@x.vn" }, []string{"/preparedBy/email too_long"}},
		{"signer position", nil, func(r *Report) { r.SignedBy.Position = "" }, []string{"/signedBy/position required"}},
		{"field order", nil, func(r *Report) {
			r.SignedBy.Name, r.Body, r.Tasks[0].Status, r.Indicators["x"] = "", "", "x", 1
		}, []string{"/body required", "/tasks/0/status invalid_value", "/indicators/x unknown_indicator", "/signedBy/name required"}},

		// Plan rules.
		{"foreign task", nil, func(r *Report) {
			r.Tasks = append(r.Tasks, TaskResult{Task: "III.2.1", Status: Done, Results: "Đã phối hợp kiểm tra."})
		}, []string{"/tasks/1/task foreign_task"}},
		{"duplicate task", nil, func(r *Report) { r.Tasks = append(r.Tasks, r.Tasks[0]) }, []string{"/tasks/1/task duplicate_task"}},
		{"duplicate unknown task", nil, func(r *Report) {
			r.Tasks = append(r.Tasks, TaskResult{Task: "III.6", Status: Done, Results: "x"}, TaskResult{Task: "III.6", Status: Done, Results: "y"})
		}, []string{"/tasks/1/task unknown_task", "/tasks/2/task duplicate_task", "/tasks/2/task unknown_task"}},
		{"duplicate task, items still checked", nil, func(r *Report) {
			r.Tasks = append(r.Tasks, r.Tasks[0], TaskResult{Task: "III.6.1", Status: "x", Results: " y"})
		}, []string{"/tasks/1/task duplicate_task", "/tasks/2/task duplicate_task", "/tasks/2/status invalid_value", "/tasks/2/results invalid_text"}},
		{"half-year from a department", nil, func(r *Report) { r.Period.Kind, r.ReportDate = plan.HalfYear, mustDate("2026-06-18") },
			[]string{"/period/kind half_year_not_due"}},
		{"half-year from the city red cross", city, func(*Report) {}, nil},
		{"cutoff in window", nil, func(r *Report) { r.DataCutoff = refTo(mustDate("2026-11-15")) }, nil},
		{"cutoff on window start", nil, func(r *Report) { r.DataCutoff = refTo(mustDate("2025-12-15")) }, nil},
		{"cutoff on report date", nil, func(r *Report) { r.DataCutoff = refTo(r.ReportDate) }, nil},
		{"cutoff before window", nil, func(r *Report) { r.DataCutoff = refTo(mustDate("2025-12-14")) }, []string{"/dataCutoff cutoff_outside_window"}},
		{"cutoff after report date", nil, func(r *Report) { r.DataCutoff = refTo(mustDate("2026-11-19")) }, []string{"/dataCutoff cutoff_after_report_date"}},
		{"cutoff after window", nil, func(r *Report) { r.ReportDate, r.DataCutoff = mustDate("2026-12-20"), refTo(mustDate("2026-12-15")) },
			[]string{"/dataCutoff cutoff_outside_window"}},
		{"cutoff zero", nil, func(r *Report) { r.DataCutoff = &plan.Date{} }, []string{"/dataCutoff invalid_date"}},
		{"report date before window", nil, func(r *Report) { r.ReportDate = mustDate("2025-12-14") }, []string{"/reportDate report_date_before_window"}},
		{"report date on window start", nil, func(r *Report) { r.ReportDate = mustDate("2025-12-15") }, nil},
		{"body not yet in force", nil, func(r *Report) {
			r.Body, r.Period.Year, r.ReportDate = "bao-ptth-hanoi", 2025, mustDate("2025-11-15")
		}, []string{"/body body_not_in_force"}},
		{"district after its end", func(t testing.TB) *Report {
			return buildReport(t, Default(), "quan-ba-dinh", mustDate("2024-11-15"), plan.Annual, 2024)
		}, func(r *Report) { r.Period.Year, r.ReportDate = 2025, mustDate("2025-11-15") }, []string{"/body body_not_in_force"}},
		{"district without duty", func(t testing.TB) *Report {
			return buildReport(t, Default(), "quan-ba-dinh", mustDate("2025-06-20"), plan.Annual, 2025)
		}, func(*Report) {}, []string{"/period/kind no_report_due"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.base
			if base == nil {
				base = health
			}
			r := base(t)
			tt.mutate(r)
			if got := issuesOf(t, Validate(r)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// findIssue returns the first issue of err at path with code.
func findIssue(t *testing.T, err error, path, code string) diag.Issue {
	t.Helper()
	var l diag.List
	errors.As(err, &l)
	for _, is := range l {
		if is.Path == path && string(is.Code) == code {
			return is
		}
	}
	t.Fatalf("no %s at %s in %q", code, path, issuesOf(t, err))
	return diag.Issue{}
}

func TestMessagesSaySpecifically(t *testing.T) {
	tests := []struct {
		mutate     func(r *Report)
		path, code string
		vi, en     []string // substrings
		params     map[string]any
	}{
		{func(r *Report) { r.Tasks[0].Results = "" }, "/tasks/0/results", "required",
			[]string{"Nhập kết quả thực hiện nhiệm vụ III.6.1"}, []string{"Enter the results of task III.6.1"}, map[string]any{"task": "III.6.1"}},
		{func(r *Report) { r.Tasks[0].Status, r.Tasks[0].Results = NotStarted, "" }, "/tasks/0/reason", "required",
			[]string{"Nêu lý do chưa hoàn thành nhiệm vụ III.6.1"}, []string{"Give the reason why task III.6.1 is not finished"}, nil},
		{func(r *Report) { r.Tasks[0].Results = strings.Repeat("ế", resultsMax+234) }, "/tasks/0/results", "too_long",
			[]string{fmt.Sprintf("Kết quả thực hiện nhiệm vụ III.6.1 dài %s ký tự; tối đa %s ký tự.", num(resultsMax+234, diag.VI), num(resultsMax, diag.VI))},
			[]string{fmt.Sprintf("at most %s characters (now %s)", num(resultsMax, diag.EN), num(resultsMax+234, diag.EN))},
			map[string]any{"max": resultsMax, "length": resultsMax + 234, "task": "III.6.1"}},
		{func(r *Report) { r.Indicators["blood_units"] = 100_000_001 }, "/indicators/blood_units", "out_of_range",
			[]string{"Số đơn vị máu tiếp nhận phải là số nguyên từ 0 đến 100.000.000"}, []string{"Blood units received must be a whole number from 0 to 100,000,000"},
			map[string]any{"max": int64(100_000_000), "value": int64(100_000_001)}},
		{func(r *Report) { r.Tasks[0].Results = "Đã hoàn thành\x01 kế hoạch" }, "/tasks/0/results", "invalid_text",
			[]string{"ký tự điều khiển (U+0001) ở ký tự thứ 14"}, []string{"the control character (U+0001) at character 14"},
			map[string]any{"char": "U+0001", "position": 14, "problem": "control_character"}},
		{func(r *Report) { r.SignedBy.Name += "\u00a0" }, "/signedBy/name", "invalid_text",
			[]string{"Họ và tên người ký báo cáo kết thúc bằng dấu cách không ngắt (U+00A0)"}, []string{"a no-break space (U+00A0) at the end of the full name of the signatory"},
			map[string]any{"problem": "trailing_whitespace"}},
		{func(r *Report) { r.Period.Year = 2101 }, "/period/year", "out_of_range",
			[]string{"Năm của kỳ báo cáo phải từ 2023 đến 2100; 2101"}, []string{"from 2023 to 2100, not 2101"}, map[string]any{"min": 2023, "max": 2100, "value": int64(2101)}},
		{func(r *Report) { r.Tasks[0].Task = "III.6.2" }, "/tasks/0/task", "unknown_task",
			[]string{"Mã nhiệm vụ ở mục thứ 1", "III.6.1"}, []string{"The task ID of item 1", "III.6.1"}, map[string]any{"id": "III.6.2"}},
		{func(r *Report) { r.Tasks = nil }, "/tasks", "missing_task",
			[]string{"nhiệm vụ III.6.1 (“" + taskText("III.6.1")[:20], "Sở Y tế phải báo cáo"}, []string{"task III.6.1"}, map[string]any{"task": "III.6.1"}},
		{func(r *Report) { r.Tasks = append(r.Tasks, TaskResult{Task: "III.2.1", Status: Done, Results: "x"}) }, "/tasks/1/task", "foreign_task",
			[]string{"Nhiệm vụ III.2.1 không thuộc Sở Y tế", "Sở Nội vụ (mã so-noi-vu)"}, []string{"so-noi-vu"}, map[string]any{"answeredBy": "so-noi-vu"}},
		{func(r *Report) { r.Tasks = append(r.Tasks, TaskResult{Task: "III.12.1", Status: Done, Results: "x"}) }, "/tasks/1/task", "foreign_task",
			[]string{"nhóm 12 của mục III (UBND các quận, huyện, thị xã)"}, []string{"group 12 of section III"}, nil},
		{func(r *Report) { r.Tasks = append(r.Tasks, r.Tasks[0]) }, "/tasks/1/task", "duplicate_task",
			[]string{"Nhiệm vụ III.6.1 đã có ở mục thứ 1"}, []string{"Task III.6.1 already appears in item 1"}, map[string]any{"first": "/tasks/0"}},
		{func(r *Report) { r.DataCutoff = refTo(mustDate("2025-12-01")) }, "/dataCutoff", "cutoff_outside_window",
			[]string{"01/12/2025", "15/12/2025", "14/12/2026"}, []string{"2025-12-01", "2025-12-15 to 2026-12-14"}, nil},
		{func(r *Report) { r.Period.Kind, r.ReportDate = plan.HalfYear, mustDate("2026-06-18") }, "/period/kind", "half_year_not_due",
			[]string{"Sở Y tế không phải nộp báo cáo 6 tháng", "Hội Chữ thập đỏ Thành phố", "annual"}, []string{"City Red Cross", "annual"}, nil},
		{func(r *Report) { r.Body, r.Period.Year, r.ReportDate = "so-ldtbxh", 2025, mustDate("2025-11-15") }, "/body", "body_not_in_force",
			[]string{"so-noi-vu", "15/11/2025"}, []string{"so-noi-vu", "2025-11-15"}, map[string]any{"body": "so-ldtbxh"}},
		{func(r *Report) { r.Body = "so-yte" }, "/body", "unknown_body",
			[]string{"Mã cơ quan báo cáo", "so-y-te?"}, []string{"so-y-te?"}, nil},
		{func(r *Report) { r.Body = strings.Repeat("so-y-te", 2000) }, "/body", "unknown_body",
			[]string{"dài 14.000 ký tự"}, []string{"14,000 characters"}, nil},
	}
	for _, tt := range tests {
		r := health(t)
		tt.mutate(r)
		is := findIssue(t, Validate(r), tt.path, tt.code)
		for _, s := range tt.vi {
			if !strings.Contains(is.VI, s) {
				t.Errorf("%s %s: VI %q lacks %q", tt.path, tt.code, is.VI, s)
			}
		}
		for _, s := range tt.en {
			if !strings.Contains(is.EN, s) {
				t.Errorf("%s %s: EN %q lacks %q", tt.path, tt.code, is.EN, s)
			}
		}
		for k, v := range tt.params {
			if !reflect.DeepEqual(is.Params[k], v) {
				t.Errorf("%s %s: Params[%s] = %#v, want %#v", tt.path, tt.code, k, is.Params[k], v)
			}
		}
	}
}

func taskText(id string) string {
	t, err := plan.TaskByID(id)
	if err != nil {
		panic(err)
	}
	return t.Text
}

func TestSuccession(t *testing.T) {
	t.Run("labour department after the merger", func(t *testing.T) {
		r := health(t)
		r.Body, r.Period.Year, r.ReportDate = "so-ldtbxh", 2025, mustDate("2025-11-15")
		r.Tasks = []TaskResult{{Task: "III.2.1", Status: Done, Results: "Đã phối hợp kiểm tra."}}
		if got, want := issuesOf(t, Validate(r)), []string{"/body body_not_in_force"}; !slices.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
		is := findIssue(t, Validate(r), "/body", "body_not_in_force")
		if !strings.Contains(is.VI, "Sở Nội vụ (mã so-noi-vu)") || !strings.Contains(is.EN, "so-noi-vu") {
			t.Errorf("message does not name the successor: %s / %s", is.VI, is.EN)
		}
	})
	t.Run("home affairs covers labour's task in 2025", func(t *testing.T) {
		r := buildReport(t, Default(), "so-noi-vu", mustDate("2025-11-15"), plan.Annual, 2025)
		var ids []string
		for _, tk := range r.Tasks {
			ids = append(ids, tk.Task)
		}
		if want := []string{"III.2.1", "III.4.1", "III.4.2", "III.4.3"}; !slices.Equal(ids, want) {
			t.Fatalf("so-noi-vu tasks %q, want %q", ids, want)
		}
		if err := Validate(r); err != nil {
			t.Fatal(err)
		}
		r.Tasks = r.Tasks[1:] // its own tasks only
		if got, want := issuesOf(t, Validate(r)), []string{"/tasks missing_task"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		if is := findIssue(t, Validate(r), "/tasks", "missing_task"); is.Params["task"] != "III.2.1" {
			t.Errorf("missing task %v, want III.2.1", is.Params["task"])
		}
	})
	t.Run("home affairs before the merger", func(t *testing.T) {
		r := buildReport(t, Default(), "so-noi-vu", mustDate("2025-11-15"), plan.Annual, 2025)
		r.Period.Year, r.ReportDate = 2024, mustDate("2024-11-15")
		if got, want := issuesOf(t, Validate(r)), []string{"/tasks/0/task foreign_task"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
	t.Run("portal unit", func(t *testing.T) {
		reg, err := plan.New(plan.DefaultSettings(), plan.Unit{Code: "xa-thu-nghiem", Name: "UBND xã Thử Nghiệm", Group: 12, From: mustDate("2025-07-01")})
		if err != nil {
			t.Fatal(err)
		}
		c := NewChecker(Options{Registry: reg})
		if c.Registry() != reg {
			t.Fatal("Registry() is not the registry given")
		}
		r := buildReport(t, c, "xa-thu-nghiem", mustDate("2025-11-15"), plan.Annual, 2025)
		if len(r.Tasks) != 3 || r.Tasks[0].Task != "III.12.1" {
			t.Fatalf("unit tasks: %+v", r.Tasks)
		}
		if err := c.Validate(r); err != nil {
			t.Fatal(err)
		}
		if got, want := issuesOf(t, Validate(r)), []string{"/body unknown_body"}; !slices.Equal(got, want) {
			t.Errorf("default checker: got %q, want %q", got, want)
		}
		r.ReportDate = mustDate("2025-06-30")
		if got, want := issuesOf(t, c.Validate(r)), []string{"/body body_not_in_force"}; !slices.Equal(got, want) {
			t.Errorf("before the unit existed: got %q, want %q", got, want)
		}
	})
}

// place is the line and column (in characters) of the first occurrence of
// needle in data, plus skip characters.
func place(t *testing.T, data []byte, needle string, skip int) (int, int) {
	t.Helper()
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		t.Fatalf("%q not in input", needle)
	}
	line := bytes.Count(data[:i], []byte("\n")) + 1
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return line, len([]rune(string(data[start:i]))) + 1 + skip
}

func TestParseDecodeErrors(t *testing.T) {
	deep := `{"tasks": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}"
	tests := []struct {
		name, in     string
		max          int64
		code, path   string
		line, column int
	}{
		{"unknown field", "{\n  \"schemaVersion\": 1,\n  \"bogus\": true\n}", 0, "unknown_field", "/bogus", 3, 3},
		{"duplicate key", "{\"schemaVersion\": 1,\n \"schemaVersion\": 1}", 0, "duplicate_key", "/schemaVersion", 2, 2},
		{"wrong type", `{"schemaVersion": "1"}`, 0, "wrong_type", "/schemaVersion", 1, 19},
		{"null", `{"tasks": null}`, 0, "wrong_type", "/tasks", 1, 11},
		{"fraction", "{\"indicators\": {\n  \"blood_units\": 1.5}}", 0, "not_integer", "/indicators/blood_units", 2, 18},
		{"beyond 2^53-1", `{"indicators": {"blood_units": 9007199254740992}}`, 0, "integer_out_of_range", "/indicators/blood_units", 1, 32},
		{"bad date", `{"reportDate": "2026-02-30"}`, 0, "invalid_date", "/reportDate", 1, 16},
		{"trailing data", `{} {}`, 0, "trailing_data", "", 1, 4},
		{"too large", `{"body": "so-y-te"}`, 10, "too_large", "", 1, 11},
		{"invalid UTF-8", "{\"body\":\n \"so-y-te\xff\"}", 0, "invalid_utf8", "", 2, 10},
		{"too deep", deep, 0, "too_deep", "/tasks/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", 1, 42},
		{"empty", " \n", 0, "empty", "", 2, 1},
		{"syntax", `{"body": 'so-y-te'}`, 0, "syntax", "/body", 1, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewChecker(Options{MaxBytes: tt.max}).Parse("r.json", []byte(tt.in))
			if r != nil {
				t.Fatalf("Parse returned a report")
			}
			var l diag.List
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("error %v is not a diag.List", err)
			}
			is := l[0]
			if string(is.Code) != tt.code || is.Path != tt.path || is.File != "r.json" || is.Line != tt.line || is.Column != tt.column {
				t.Errorf("got %s:%d:%d %s %s, want r.json:%d:%d %s %s", is.File, is.Line, is.Column, is.Path, is.Code, tt.line, tt.column, tt.path, tt.code)
			}
			if is.VI == "" || is.EN == "" {
				t.Errorf("empty message: %+v", is)
			}
		})
	}
}

// TestParseOnlyDecodeErrors: a report with decode errors is not validated.
func TestParseOnlyDecodeErrors(t *testing.T) {
	_, err := Parse([]byte(`{"body": "nobody", "extra": 1}`))
	if got, want := issuesOf(t, err), []string{"/extra unknown_field"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseValidationErrorsArePlaced(t *testing.T) {
	r := health(t)
	r.Tasks[0].Status = "finished"
	r.PreparedBy.Phone = "0912 345 678"
	r.SignedBy.Name = ""
	r.DataCutoff = refTo(mustDate("2027-01-01"))
	data, _ := json.MarshalIndent(r, "", "  ")
	_, err := Default().Parse("bc.json", data)
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("got %v", err)
	}
	type where struct {
		path, code   string
		line, column int
	}
	var got []where
	for _, is := range l {
		if is.File != "bc.json" {
			t.Errorf("%s: file %q", is.Path, is.File)
		}
		got = append(got, where{is.Path, string(is.Code), is.Line, is.Column})
	}
	at := func(needle string, skip int) (int, int) { return place(t, data, needle, skip) }
	var want []where
	add := func(path, code, needle string, skip int) {
		line, col := at(needle, skip)
		want = append(want, where{path, code, line, col})
	}
	add("/dataCutoff", "cutoff_outside_window", `"2027-01-01"`, 0)
	add("/dataCutoff", "cutoff_after_report_date", `"2027-01-01"`, 0)
	add("/tasks/0/status", "invalid_value", `"finished"`, 0)
	add("/preparedBy/phone", "invalid_phone", `"0912 345 678"`, 0)
	add("/signedBy/name", "required", `"name": ""`, 8)
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestParseReader(t *testing.T) {
	data, _ := json.Marshal(health(t))
	c := NewChecker(Options{MaxBytes: int64(len(data))})
	if _, err := c.ParseReader("r.json", bytes.NewReader(data)); err != nil {
		t.Fatalf("exact limit: %v", err)
	}
	small := NewChecker(Options{MaxBytes: 100})
	_, err := small.ParseReader("r.json", io.MultiReader(bytes.NewReader(data), strings.NewReader(strings.Repeat(" ", 1<<20))))
	is := findIssue(t, err, "", "too_large")
	if is.Params["limit"] != int64(100) || is.Params["size"] != nil || is.Line != 1 || is.Column != 101 {
		t.Errorf("too_large issue %+v", is)
	}
	boom := errors.New("disk on fire")
	if _, err := c.ParseReader("r.json", iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("read error: got %v", err)
	}
}

func TestNFC(t *testing.T) {
	r := health(t)
	nfc := "Đã tổ chức hiến máu tình nguyện ở phường Thượng Thanh, Long Biên."
	r.Tasks[0].Results = norm.NFD.String(nfc)
	r.SignedBy.Name = norm.NFD.String("Trần Văn Minh")
	if r.Tasks[0].Results == nfc {
		t.Fatal("test text has no decomposable characters")
	}
	data, _ := json.Marshal(r)
	got, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Tasks[0].Results != nfc || got.SignedBy.Name != "Trần Văn Minh" {
		t.Errorf("not NFC: %+q, %+q", got.Tasks[0].Results, got.SignedBy.Name)
	}

	// Lengths count NFC characters: 10,000 "ế" are 30,000 code points in NFD.
	r.Tasks[0].Results = norm.NFD.String(strings.Repeat("ế", resultsMax))
	data, _ = json.Marshal(r)
	if _, err := Parse(data); err != nil {
		t.Errorf("10,000 NFC characters: %v", err)
	}
	before := r.Tasks[0].Results
	if err := Validate(r); err != nil {
		t.Errorf("Validate of NFD text: %v", err)
	}
	if r.Tasks[0].Results != before {
		t.Error("Validate modified the report")
	}
	r.Tasks[0].Results = norm.NFD.String(strings.Repeat("ế", resultsMax+1))
	data, _ = json.Marshal(r)
	_, err = Parse(data)
	if is := findIssue(t, err, "/tasks/0/results", "too_long"); is.Params["length"] != resultsMax+1 {
		t.Errorf("length %v, want %d", is.Params["length"], resultsMax+1)
	}
}

// TestNormalizeEveryText sets every string of a report, found by
// reflection, to NFD text, and checks that Normalize leaves none in NFD.
func TestNormalizeEveryText(t *testing.T) {
	r := health(t)
	r.Indicators = nil
	nfd := norm.NFD.String("Thành phố Hà Nội")
	n := 0
	var walk func(v reflect.Value, set bool)
	walk = func(v reflect.Value, set bool) {
		switch v.Kind() {
		case reflect.String:
			if set {
				v.SetString(nfd)
			} else if !norm.NFC.IsNormalString(v.String()) {
				t.Errorf("a %s field is not normalised", v.Type())
			}
			n++
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), set)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), set)
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), set)
			}
		}
	}
	walk(reflect.ValueOf(r).Elem(), true)
	Normalize(r)
	walk(reflect.ValueOf(r).Elem(), false)
	if n == 0 {
		t.Fatal("no strings found")
	}
}

// TestUntrimmed: Normalize does not trim; untrimmed text is an error, as
// the JSON Schema's pattern says.
func TestUntrimmed(t *testing.T) {
	r := health(t)
	r.Proposals = "Đề nghị bổ sung kinh phí. "
	data, _ := json.Marshal(r)
	_, err := Parse(data)
	if got, want := issuesOf(t, err), []string{"/proposals invalid_text"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestEffectiveCutoff(t *testing.T) {
	r := health(t)
	if got := r.EffectiveCutoff(); got != mustDate("2026-12-14") {
		t.Errorf("annual default: %s", got)
	}
	r.Period.Kind = plan.HalfYear
	if got := r.EffectiveCutoff(); got != mustDate("2026-06-14") {
		t.Errorf("half-year default: %s", got)
	}
	r.DataCutoff = refTo(mustDate("2026-05-31"))
	if got := r.EffectiveCutoff(); got != mustDate("2026-05-31") {
		t.Errorf("set: %s", got)
	}
}

func TestValidateNil(t *testing.T) {
	if got, want := issuesOf(t, Validate(nil)), []string{" required"}; !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestPointer(t *testing.T) {
	for _, tt := range []struct{ prefix, ns, want string }{
		{"", "Report.tasks[2].results", "/tasks/2/results"},
		{"", "Report.indicators[blood_units]", "/indicators/blood_units"},
		{"", "Report.indicators[a/b~c]", "/indicators/a~1b~0c"},
		{"", "Report.indicators[x]y].z", "/indicators/x]y/z"},
		{"", "Report.period.kind", "/period/kind"},
		{"", "Report", ""},
		{"", "Report.x[unclosed", "/x/unclosed"},
		{"/tasks/3", "TaskResult.status", "/tasks/3/status"},
		{"/tasks/0/activities/1", "", "/tasks/0/activities/1"},
	} {
		if got := pointer(tt.prefix, tt.ns); got != tt.want {
			t.Errorf("pointer(%q, %q) = %q, want %q", tt.prefix, tt.ns, got, tt.want)
		}
	}
}

// TestConcurrent runs one checker from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	c := NewChecker(Options{})
	good, bad := health(t), health(t)
	bad.Tasks = append(bad.Tasks, bad.Tasks[0])
	bad.Tasks[0].Results = norm.NFD.String("Đã thực hiện ")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if err := c.Validate(good); err != nil {
					t.Error(err)
				}
				if c.Validate(bad) == nil {
					t.Error("bad report passed")
				}
			}
		})
	}
	wg.Wait()
}

func TestDefaultIsBuiltOnce(t *testing.T) {
	if first, second := Default(), Default(); first != second {
		t.Error("Default() built twice")
	}
	if Default().Registry() != plan.Default() {
		t.Error("Default() is not over plan.Default()")
	}
}

// resultsMax is the limit of a task's results, as its tag sets it.
var resultsMax = MaxLength("/tasks/*/results")
