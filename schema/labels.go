package schema

import (
	"fmt"

	js "github.com/invopop/jsonschema"

	"github.com/kh164/kh164/diag"
)

// label is the title and description of one member, in Vietnamese and
// English.
type label struct {
	vi, en         string // title
	viDesc, enDesc string // description (optional)
}

// labels is the one table of titles and descriptions, keyed by schema name
// and JSON Pointer pattern ("*" stands for any array index or map key).
// Every subschema of the report and units schemas must have an entry (the
// generator fails otherwise); the plan schema labels its main members.
// Indicator titles come from plan.Indicators, not from here.
var labels = map[string]label{
	"report:":                      {"Báo cáo kết quả thực hiện Kế hoạch 164/KH-UBND", "Report on the implementation of Plan 164/KH-UBND", "Báo cáo của một cơ quan, đơn vị cho một kỳ (năm hoặc 6 tháng) về các nhiệm vụ được giao tại mục III của Kế hoạch 164/KH-UBND ngày 05/6/2023 của UBND thành phố Hà Nội.", "A body's report for one period (a year or a half-year) on the tasks section III of Hanoi People's Committee Plan 164/KH-UBND of 5 June 2023 assigns to it."},
	"report:/schemaVersion":        {"Phiên bản định dạng", "Format version", "Phiên bản của định dạng báo cáo.", "Version of the report format."},
	"report:/plan":                 {"Kế hoạch", "Plan", "Số, ký hiệu của kế hoạch được báo cáo.", "Number and symbol of the plan reported on."},
	"report:/body":                 {"Cơ quan báo cáo", "Reporting body", "Mã của cơ quan, đơn vị báo cáo (xem planreport bodies).", "ID of the reporting body (see planreport bodies)."},
	"report:/period":               {"Kỳ báo cáo", "Reporting period", "", ""},
	"report:/period/kind":          {"Loại kỳ", "Kind of period", "annual: báo cáo năm; half-year: báo cáo 6 tháng.", "annual: yearly report; half-year: half-year report."},
	"report:/period/year":          {"Năm", "Year", "", ""},
	"report:/reportDate":           {"Ngày báo cáo", "Report date", "Ngày của văn bản báo cáo (YYYY-MM-DD).", "Date of the report (YYYY-MM-DD)."},
	"report:/dataCutoff":           {"Ngày chốt số liệu", "Data cut-off date", "Ngày cuối cùng mà số liệu bao quát (YYYY-MM-DD); mặc định là ngày cuối của kỳ số liệu.", "Last day the figures cover (YYYY-MM-DD); by default the end of the period's data window."},
	"report:/reference":            {"Số, ký hiệu báo cáo", "Report number and symbol", "Ví dụ 245/BC-SYT.", "For example 245/BC-SYT."},
	"report:/tasks":                {"Kết quả thực hiện nhiệm vụ", "Task results", "Đúng các nhiệm vụ cơ quan được giao vào ngày báo cáo, mỗi nhiệm vụ một lần, theo thứ tự bất kỳ.", "Exactly the tasks the body answers for on the report date, each once, in any order."},
	"report:/tasks/*":              {"Kết quả một nhiệm vụ", "Result of one task", "", ""},
	"report:/tasks/*/task":         {"Nhiệm vụ", "Task", "Mã nhiệm vụ tại mục III của kế hoạch, ví dụ III.6.1.", "ID of the task in section III of the plan, such as III.6.1."},
	"report:/tasks/*/status":       {"Tình trạng", "Status", "done: đã hoàn thành; in_progress: đang thực hiện; not_started: chưa thực hiện.", "done; in_progress; not_started."},
	"report:/tasks/*/results":      {"Kết quả", "Results", "Kết quả đã đạt được; bắt buộc trừ khi nhiệm vụ chưa thực hiện.", "What was achieved; required unless the task was not started."},
	"report:/tasks/*/reason":       {"Lý do", "Reason", "Lý do chưa thực hiện; bắt buộc khi nhiệm vụ chưa thực hiện.", "Why the task was not started; required when it was not."},
	"report:/tasks/*/activities":   {"Nội dung hoạt động chữ thập đỏ", "Contents of Red Cross activity", "Các nội dung hoạt động (Điều 2 Luật Hoạt động chữ thập đỏ) mà công việc phục vụ.", "The contents of Red Cross activity (Article 2 of the Law on Red Cross Activities) the work served."},
	"report:/tasks/*/activities/*": {"Nội dung hoạt động", "Content of activity", "", ""},
	"report:/indicators":           {"Chỉ tiêu", "Indicators", "Số liệu theo mã chỉ tiêu: số nguyên từ 0 đến mức tối đa của chỉ tiêu.", "Counts and amounts by indicator code: whole numbers from 0 to the indicator's maximum."},
	"report:/indicators/*":         {"Giá trị chỉ tiêu", "Indicator value", "", ""},
	"report:/difficulties":         {"Khó khăn, vướng mắc", "Difficulties", "", ""},
	"report:/proposals":            {"Đề xuất, kiến nghị", "Proposals", "", ""},
	"report:/preparedBy":           {"Người lập báo cáo", "Prepared by", "Cán bộ lập báo cáo, người cần liên hệ.", "The official who prepared the report and whom to call about it."},
	"report:/preparedBy/name":      {"Họ và tên", "Name", "", ""},
	"report:/preparedBy/position":  {"Chức vụ", "Position", "", ""},
	"report:/preparedBy/phone":     {"Điện thoại", "Phone", "Số điện thoại Việt Nam: 0 hoặc +84 rồi 9 hoặc 10 chữ số.", "Vietnamese number: 0 or +84, then 9 or 10 digits."},
	"report:/preparedBy/email":     {"Thư điện tử", "Email", "", ""},
	"report:/signedBy":             {"Người ký", "Signed by", "Người ký báo cáo thay mặt cơ quan.", "Who signs the report for the body."},
	"report:/signedBy/name":        {"Họ và tên", "Name", "", ""},
	"report:/signedBy/position":    {"Chức vụ", "Position", "", ""},

	"units:":                 {"Tệp đơn vị đăng ký", "Units file", "Các đơn vị cấp xã (xã, phường) hoặc đơn vị khác do cổng thông tin đăng ký.", "Commune-level units (communes, wards) or other bodies a portal registers."},
	"units:/units":           {"Danh sách đơn vị", "Units", "", ""},
	"units:/units/*":         {"Đơn vị", "Unit", "", ""},
	"units:/units/*/code":    {"Mã đơn vị", "Unit code", "Chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ phuong-ba-dinh.", "Lower-case ASCII letters, digits and hyphens, such as phuong-ba-dinh."},
	"units:/units/*/name":    {"Tên đơn vị", "Name", "Tên tiếng Việt, ví dụ UBND phường Ba Đình.", "Vietnamese name, such as UBND phường Ba Đình."},
	"units:/units/*/english": {"Tên tiếng Anh", "English name", "", ""},
	"units:/units/*/group":   {"Nhóm nhiệm vụ", "Task group", "Nhóm tại mục III của kế hoạch mà đơn vị thực hiện (đơn vị cấp xã: nhóm 12).", "The section III group whose tasks the unit holds (communes: group 12)."},
	"units:/units/*/from":    {"Ngày bắt đầu", "First day", "", ""},
	"units:/units/*/until":   {"Ngày kết thúc", "Last day", "", ""},

	"plan:":                      {"Kế hoạch 164/KH-UBND (dữ liệu)", "Plan 164/KH-UBND (data)", "Toàn bộ kế hoạch dưới dạng JSON (planreport plan --format json).", "The whole plan as JSON (planreport plan --format json)."},
	"plan:/schemaVersion":        {"Phiên bản định dạng", "Format version", "", ""},
	"plan:/document":             {"Văn bản kế hoạch", "Plan document", "Văn bản nguyên văn, mỗi điều khoản có mã.", "The verbatim document, each clause with its ID."},
	"plan:/tasks":                {"Nhiệm vụ", "Tasks", "Các nhiệm vụ tại mục III.", "The tasks of section III."},
	"plan:/tasks/*":              {"Nhiệm vụ", "Task", "", ""},
	"plan:/activities":           {"Nội dung hoạt động chữ thập đỏ", "Contents of Red Cross activity", "", ""},
	"plan:/activities/*":         {"Nội dung hoạt động", "Content of activity", "", ""},
	"plan:/campaigns":            {"Cuộc vận động, phong trào", "Campaigns and movements", "", ""},
	"plan:/campaigns/*":          {"Cuộc vận động, phong trào", "Campaign or movement", "", ""},
	"plan:/indicators":           {"Danh mục chỉ tiêu", "Indicator catalogue", "", ""},
	"plan:/indicators/*":         {"Chỉ tiêu", "Indicator", "", ""},
	"plan:/duties":               {"Nghĩa vụ báo cáo", "Reporting duties", "", ""},
	"plan:/duties/*":             {"Nghĩa vụ báo cáo", "Reporting duty", "", ""},
	"plan:/settings":             {"Thiết lập", "Settings", "Các thiết lập của sổ đăng ký dùng khi xuất.", "The registry settings used for the export."},
	"plan:/settings/halfYearDue": {"Hạn báo cáo 6 tháng", "Half-year deadline", "", ""},
	"plan:/settings/pressMerger": {"Ngày hợp nhất cơ quan báo chí", "Press merger date", "", ""},
	"plan:/settings/partyMerger": {"Ngày hợp nhất ban Đảng", "Party commission merger date", "", ""},
	"plan:/bodies":               {"Cơ quan, đơn vị", "Bodies", "", ""},
	"plan:/bodies/*":             {"Cơ quan, đơn vị", "Body", "", ""},
}

// label sets the title and description of s from the table.
func (m *mapper) label(s *js.Schema, ptr string) error {
	l, ok := labels[m.ns+":"+ptr]
	if !ok {
		if m.labels {
			return fmt.Errorf("schema: no label for %s:%s: add one to the table in schema/labels.go", m.ns, ptr)
		}
		return nil
	}
	s.Title, s.Description = l.vi, l.viDesc
	if m.lang == diag.EN {
		s.Title, s.Description = l.en, l.enDesc
	}
	return nil
}
