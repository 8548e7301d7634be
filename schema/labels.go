package schema

import (
	"fmt"

	js "github.com/invopop/jsonschema"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// label is the title and description of one member, in Vietnamese and
// English.
type label struct {
	vi, en         string // title
	viDesc, enDesc string // description (optional)
}

// labels are the titles and descriptions of the units and plan schemas,
// keyed by schema name and JSON Pointer pattern ("*" stands for any array
// index or map key). Those of the report schema are the report's field
// table (report.Field), which the form, the messages and the documents
// read too. Every subschema of the report and units schemas must have an
// entry (the generator fails otherwise); the plan schema labels its main
// members. Indicator titles come from plan.Indicators, not from here.
var labels = map[string]label{

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
	if m.ns == "report" {
		var f report.FieldText
		f, ok = report.Field(ptr)
		t := f.Label("")
		l = label{t.VI, t.EN, f.Description.VI, f.Description.EN}
	}
	if !ok {
		if m.labels {
			return fmt.Errorf("schema: no label for %s:%s: add one to the table in schema/labels.go (report/fields.go for the report)", m.ns, ptr)
		}
		return nil
	}
	s.Title, s.Description = l.vi, l.viDesc
	if m.lang == diag.EN {
		s.Title, s.Description = l.en, l.enDesc
	}
	return nil
}
