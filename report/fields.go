package report

import (
	"strings"
	"sync"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// This file words every member of a Report once: the label the form,
// the schema and the documents show, the form's hint, the schema's
// description, and the phrases messages use. The limit comes from the
// member's own validate tag (MaxLength). Messages, package schema, the
// form and the documents all read this table: a field is never named two
// ways.

// Text is a piece of text in Vietnamese and English.
type Text struct{ VI, EN string }

// In returns the text in language l: Vietnamese unless l is diag.EN.
func (t Text) In(l diag.Lang) string {
	if l == diag.EN {
		return t.EN
	}
	return t.VI
}

// A FieldText is how every output words one member of a Report.
type FieldText struct {
	// Pointer is the member's JSON Pointer pattern, with * for an index
	// or a map key: "/tasks/*/results". "" is the report itself.
	Pointer string
	// Hint is what the form says under the label to the person typing
	// (empty for none). In the hint of the data cut-off, {end} stands
	// for the last day of the period's data window.
	Hint Text
	// Description is the JSON Schema's description of the member: the
	// hint where the same words fit the JSON value, else its own.
	Description Text
	// MaxLength is the length limit in characters that the member's own
	// validate tag sets (MaxLength); 0 when it sets none.
	MaxLength int

	label        Text // with {task} in the members of a task item
	phrase, need Text // for messages: see fieldEntry
}

// Label is the field's name as the form, the schema and the documents
// show it: "Kết quả thực hiện nhiệm vụ III.6.1" for the results of task
// "III.6.1"; with task "", "Kết quả thực hiện nhiệm vụ" / "Results of
// the task", as the schema and the documents (under the task's own
// heading) have it. task matters only for the members of a task item.
func (f FieldText) Label(task string) Text {
	vi, en := "nhiệm vụ", "the task"
	if task != "" {
		vi, en = "nhiệm vụ "+task, "task "+task
	}
	return Text{strings.ReplaceAll(f.label.VI, "{task}", vi), strings.ReplaceAll(f.label.EN, "{task}", en)}
}

// Fields returns the wording of every member of a Report, the report
// itself first, then in the order Report declares its members, depth
// first.
func Fields() []FieldText { return append([]FieldText(nil), fieldTable()...) }

// Field returns the wording of the member at ptr, a JSON Pointer
// ("/tasks/2/results") or a pattern ("/tasks/*/results"), and whether ptr
// names a member of a Report.
func Field(ptr string) (FieldText, bool) {
	pat, _ := locate(ptr)
	i, ok := fieldIndex()[pat]
	if !ok {
		return FieldText{}, false
	}
	return fieldTable()[i], true
}

// A fieldEntry declares the wording of one member. label may hold {task}
// (the task of the item: "nhiệm vụ III.6.1" / "task III.6.1"). phrase is
// the noun phrase messages name the field with, when the label's own
// words, lower-cased (and with "the" in English), do not say enough: it
// then starts with them, and may hold {task}, {item} (the item's number
// from 1) and {n} (an activity's number in its item); in messages
// {task} is "nhiệm vụ ở mục thứ 3" when the item's task is not a task of
// the plan. need says what to do when the value is missing; by default
// "Nhập" / "Enter" and the phrase. desc defaults to hint.
type fieldEntry struct {
	ptr                             string
	label, hint, desc, phrase, need Text
}

// statusList lists the statuses' values, with their words in Vietnamese:
// "done (đã hoàn thành), in_progress (đang thực hiện) hoặc not_started
// (chưa thực hiện)"; "done, in_progress or not_started".
func statusList(l diag.Lang) string {
	var parts []string
	for _, s := range []Status{Done, InProgress, NotStarted} {
		if l == diag.EN { // the values are English words
			parts = append(parts, string(s))
			continue
		}
		parts = append(parts, string(s)+" ("+strings.ToLower(s.Vietnamese())+")")
	}
	or := " hoặc "
	if l == diag.EN {
		or = " or "
	}
	return strings.Join(parts[:len(parts)-1], ", ") + or + parts[len(parts)-1]
}

var fieldEntries = []fieldEntry{
	{ptr: "",
		label: Text{"Báo cáo kết quả thực hiện Kế hoạch " + plan.ID, "Report on the implementation of Plan " + plan.ID},
		desc: Text{"Báo cáo của một cơ quan, đơn vị cho một kỳ (năm hoặc 6 tháng) về các nhiệm vụ được giao tại mục III của Kế hoạch 164/KH-UBND ngày 05/6/2023 của UBND thành phố Hà Nội.",
			"A body's report for one period (a year or a half-year) on the tasks section III of Hanoi People's Committee Plan 164/KH-UBND of 5 June 2023 assigns to it."}},
	{ptr: "/schemaVersion",
		label:  Text{"Phiên bản định dạng", "Format version"},
		desc:   Text{"Phiên bản của định dạng báo cáo.", "Version of the report format."},
		phrase: Text{"phiên bản định dạng (schemaVersion)", "the format version (schemaVersion)"}},
	{ptr: "/plan",
		label:  Text{"Số, ký hiệu kế hoạch", "Plan number and symbol"},
		desc:   Text{"Số, ký hiệu của kế hoạch được báo cáo: " + plan.ID + ".", "Number and symbol of the plan reported on: " + plan.ID + "."},
		phrase: Text{"số, ký hiệu kế hoạch (plan)", "the plan number and symbol (plan)"},
		need:   Text{"Nhập số, ký hiệu kế hoạch " + plan.ID + " vào trường plan.", "Enter the plan number and symbol, " + plan.ID + ", in the plan member."}},
	{ptr: "/body",
		label: Text{"Mã cơ quan báo cáo", "Reporting body ID"},
		desc:  Text{"Mã của cơ quan, đơn vị báo cáo (xem planreport bodies).", "ID of the reporting body (see planreport bodies)."},
		need:  Text{"Nhập mã cơ quan báo cáo, ví dụ so-y-te.", "Enter the reporting body ID, for example so-y-te."}},
	{ptr: "/period", label: Text{"Kỳ báo cáo", "Reporting period"}},
	{ptr: "/period/kind",
		label: Text{"Loại kỳ báo cáo", "Kind of period"},
		desc:  Text{"annual: báo cáo năm; half-year: báo cáo 6 tháng.", "annual: yearly report; half-year: half-year report."},
		need:  Text{"Chọn loại kỳ báo cáo: annual (năm) hoặc half-year (6 tháng).", "Choose the kind of period: annual or half-year."}},
	{ptr: "/period/year", label: Text{"Năm của kỳ báo cáo", "Year of the period"}},
	{ptr: "/reportDate",
		label: Text{"Ngày báo cáo", "Report date"},
		hint:  Text{"Viết ngày/tháng/năm, ví dụ 15/11/2024.", "Write day/month/year, for example 15/11/2024."},
		desc:  Text{"Ngày của văn bản báo cáo (YYYY-MM-DD).", "Date of the report (YYYY-MM-DD)."},
		need:  Text{"Nhập ngày báo cáo theo dạng YYYY-MM-DD, ví dụ 2026-11-18.", "Enter the report date as YYYY-MM-DD, for example 2026-11-18."}},
	{ptr: "/dataCutoff",
		label: Text{"Ngày chốt số liệu", "Data cut-off date"},
		hint: Text{"Ngày cuối cùng mà số liệu trong báo cáo tính đến, viết ngày/tháng/năm. Bỏ trống nếu là ngày cuối kỳ số liệu, {end}.",
			"The last day the report's figures cover, written day/month/year. Leave it empty if it is the last day of the period's data window, {end}."},
		desc: Text{"Ngày cuối cùng mà số liệu bao quát (YYYY-MM-DD); mặc định là ngày cuối của kỳ số liệu.", "Last day the figures cover (YYYY-MM-DD); by default the end of the period's data window."}},
	{ptr: "/reference",
		label: Text{"Số, ký hiệu báo cáo", "Report number and symbol"},
		hint:  Text{"Ví dụ 245/BC-SYT.", "For example 245/BC-SYT."}},
	{ptr: "/tasks",
		label: Text{"Kết quả thực hiện các nhiệm vụ", "Results of the tasks"},
		desc:  Text{"Đúng các nhiệm vụ cơ quan được giao vào ngày báo cáo, mỗi nhiệm vụ một lần, theo thứ tự bất kỳ.", "Exactly the tasks the body answers for on the report date, each once, in any order."},
		need:  Text{"Thêm vào kết quả thực hiện các nhiệm vụ một mục cho từng nhiệm vụ cơ quan phụ trách.", "Add to the results of the tasks one item for each task the body answers for."}},
	{ptr: "/tasks/*", label: Text{"Kết quả một nhiệm vụ", "Result of one task"}},
	{ptr: "/tasks/*/task",
		label:  Text{"Mã nhiệm vụ", "Task ID"},
		desc:   Text{"Mã nhiệm vụ tại mục III của kế hoạch, ví dụ III.6.1.", "ID of the task in section III of the plan, such as III.6.1."},
		phrase: Text{"mã nhiệm vụ ở mục thứ {item}", "the task ID of item {item}"},
		need:   Text{"Nhập mã nhiệm vụ ở mục thứ {item}, ví dụ III.6.1.", "Enter the task ID of item {item}, for example III.6.1."}},
	{ptr: "/tasks/*/status",
		label: Text{"Tình trạng thực hiện {task}", "Status of {task}"},
		desc:  Text{statusList(diag.VI) + ".", statusList(diag.EN) + "."},
		need:  Text{"Chọn tình trạng thực hiện {task}: " + statusList(diag.VI) + ".", "Choose the status of {task}: " + statusList(diag.EN) + "."}},
	{ptr: "/tasks/*/results",
		label: Text{"Kết quả thực hiện {task}", "Results of {task}"},
		hint:  Text{"Nêu những việc đã làm và kết quả cụ thể.", "Say what was done and what it achieved."},
		desc: Text{"Những việc đã làm và kết quả cụ thể; bắt buộc trừ khi nhiệm vụ chưa thực hiện (" + string(NotStarted) + ").",
			"What was done and what it achieved; required unless the task was not started (" + string(NotStarted) + ")."},
		need: Text{"Nhập kết quả thực hiện {task}; nếu chưa thực hiện, chọn tình trạng " + string(NotStarted) + " và nêu lý do.",
			"Enter the results of {task}; if it has not been started, set the status to " + string(NotStarted) + " and give the reason."}},
	{ptr: "/tasks/*/reason",
		label: Text{"Lý do chưa hoàn thành {task}", "Reason why {task} is not finished"},
		hint:  Text{"Nêu lý do nhiệm vụ chưa thực hiện hoặc chưa hoàn thành.", "Say why the task has not started or is not finished."},
		desc: Text{"Lý do nhiệm vụ chưa thực hiện hoặc chưa hoàn thành; bắt buộc khi nhiệm vụ chưa thực hiện (" + string(NotStarted) + ").",
			"Why the task has not started or is not finished; required when it was not started (" + string(NotStarted) + ")."},
		need: Text{"Nêu lý do chưa hoàn thành {task} (nhiệm vụ chưa thực hiện phải có lý do).",
			"Give the reason why {task} is not finished (a task not started needs one)."}},
	{ptr: "/tasks/*/activities",
		label: Text{"Nội dung hoạt động chữ thập đỏ mà {task} phục vụ", "Contents of Red Cross activity that {task} served"},
		hint:  Text{"Chọn tất cả nội dung phù hợp.", "Select all that apply."},
		desc:  Text{"Các nội dung hoạt động (Điều 2 Luật Hoạt động chữ thập đỏ) mà công việc phục vụ.", "The contents of Red Cross activity (Article 2 of the Law on Red Cross Activities) the work served."}},
	{ptr: "/tasks/*/activities/*",
		label:  Text{"Nội dung hoạt động", "Content of activity"},
		phrase: Text{"nội dung hoạt động thứ {n} của {task}", "the content of activity {n} of {task}"},
		need: Text{"Chọn nội dung hoạt động thứ {n} của {task} (ví dụ blood_donation) hoặc xóa mục trống.",
			"Choose the content of activity {n} of {task} (for example blood_donation) or remove the empty entry."}},
	{ptr: "/indicators",
		label: Text{"Các chỉ tiêu chủ yếu", "Key indicators"},
		desc:  Text{"Số liệu theo mã chỉ tiêu: số nguyên từ 0 đến mức tối đa của chỉ tiêu.", "Counts and amounts by indicator code: whole numbers from 0 to the indicator's maximum."}},
	{ptr: "/indicators/*", label: Text{"Giá trị chỉ tiêu", "Indicator value"}},
	{ptr: "/difficulties", label: Text{"Khó khăn, vướng mắc", "Difficulties"}},
	// The plan's words (III.11.1: "những khó khăn, vướng mắc, kiến nghị, đề xuất").
	{ptr: "/proposals", label: Text{"Kiến nghị, đề xuất", "Proposals"}},
	{ptr: "/preparedBy",
		label: Text{"Người lập báo cáo", "Who prepared the report"},
		desc:  Text{"Cán bộ lập báo cáo, người cần liên hệ.", "The official who prepared the report and whom to call about it."}},
	{ptr: "/preparedBy/name", label: Text{"Họ và tên người lập báo cáo", "Full name of the preparer"}},
	{ptr: "/preparedBy/position", label: Text{"Chức vụ người lập báo cáo", "Position of the preparer"}},
	{ptr: "/preparedBy/phone",
		label: Text{"Số điện thoại người lập báo cáo", "Phone number of the preparer"},
		// The form removes the spaces between digit groups itself.
		hint: Text{"Ví dụ 0912 345 678 hoặc 024 3825 3536.", "For example 0912 345 678 or 024 3825 3536."},
		desc: Text{"Số điện thoại Việt Nam, viết liền: 0 hoặc +84 rồi 9 hoặc 10 chữ số, ví dụ 0912345678.", "A Vietnamese number without spaces: 0 or +84, then 9 or 10 digits, for example 0912345678."},
		need: Text{"Nhập số điện thoại người lập báo cáo, ví dụ 0912345678.", "Enter the phone number of the preparer, for example 0912345678."}},
	{ptr: "/preparedBy/email", label: Text{"Thư điện tử người lập báo cáo", "Email address of the preparer"}},
	{ptr: "/signedBy",
		label: Text{"Người ký báo cáo", "Who signs the report"},
		desc:  Text{"Người ký báo cáo thay mặt cơ quan.", "Who signs the report for the body."}},
	{ptr: "/signedBy/name", label: Text{"Họ và tên người ký báo cáo", "Full name of the signatory"}},
	{ptr: "/signedBy/position", label: Text{"Chức vụ người ký báo cáo", "Position of the signatory"}},
}

// fieldTable is fieldEntries with the defaults filled in.
var fieldTable = sync.OnceValue(func() []FieldText {
	out := make([]FieldText, len(fieldEntries))
	for i, e := range fieldEntries {
		f := FieldText{Pointer: e.ptr, label: e.label, Hint: e.hint, Description: e.desc, phrase: e.phrase, need: e.need}
		if f.Description == (Text{}) {
			f.Description = f.Hint
		}
		if f.phrase == (Text{}) {
			f.phrase = defaultPhrase(e.label)
		}
		f.MaxLength = MaxLength(e.ptr)
		out[i] = f
	}
	return out
})

// defaultPhrase is a label as messages name the field: lower-cased first,
// and with "the" in English.
func defaultPhrase(l Text) Text { return Text{lowerFirst(l.VI), "the " + lowerFirst(l.EN)} }

var fieldIndex = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for i, f := range fieldTable() {
		m[f.Pointer] = i
	}
	return m
})

// fieldLabel is the Vietnamese label of the member at pattern pat, as
// documents show it under a task's own heading.
func fieldLabel(pat string) string {
	f, _ := Field(pat)
	return f.Label("").VI
}

// messageLabel is the label messages use for the field at pattern pat,
// placeholders unfilled.
func messageLabel(pat string) label {
	i, ok := fieldIndex()[pat]
	if !ok {
		return label{}
	}
	f := fieldTable()[i]
	return label{vi: f.phrase.VI, en: f.phrase.EN, needVI: f.need.VI, needEN: f.need.EN}
}

// Vietnamese names the status as reports write it: "Đã hoàn thành".
func (s Status) Vietnamese() string {
	if w, ok := statusWords[s]; ok {
		return w.VI
	}
	return string(s)
}

// English names the status: "Done".
func (s Status) English() string {
	if w, ok := statusWords[s]; ok {
		return w.EN
	}
	return string(s)
}

// statusWords are the one wording of the statuses.
var statusWords = map[Status]Text{
	Done:       {"Đã hoàn thành", "Done"},
	InProgress: {"Đang thực hiện", "In progress"},
	NotStarted: {"Chưa thực hiện", "Not started"},
}
