package form

import "github.com/kh164/kh164/diag"

// Text is a piece of interface text in the two languages.
type Text struct{ VI, EN string }

// In returns the text in language l (Vietnamese unless l is diag.EN).
func (t Text) In(l diag.Lang) string {
	if l == diag.EN {
		return t.EN
	}
	return t.VI
}

// Interface wording, shared by the views and the WebAssembly program.
var (
	msgOptional      = Text{"(không bắt buộc)", "(optional)"}
	msgErrorPrefix   = Text{"Lỗi:", "Error:"}
	msgSummaryTitle  = Text{"Có lỗi cần sửa", "There is a problem"}
	msgNotGiven      = Text{"Chưa nhập", "Not given"}
	msgChange        = Text{"Thay đổi", "Change"}
	msgNotSentYet    = Text{"Chưa gửi cho đến khi bạn xác nhận.", "Nothing is sent until you confirm."}
	msgCheckTitle    = Text{"Kiểm tra lại báo cáo trước khi gửi", "Check your answers before sending"}
	msgConfirm       = Text{"Xác nhận và gửi báo cáo", "Confirm and send the report"}
	msgBack          = Text{"Quay lại sửa", "Go back and edit"}
	msgCheckButton   = Text{"Kiểm tra trước khi gửi", "Check before sending"}
	msgExport        = Text{"Tải xuống tệp JSON", "Download as a JSON file"}
	msgImport        = Text{"Nhập báo cáo từ tệp JSON", "Import a report from a JSON file"}
	msgImportHint    = Text{"Nội dung đang nhập chỉ bị thay thế khi bạn đồng ý.", "What you have typed is replaced only if you agree."}
	msgFilesTitle    = Text{"Lưu và chuyển báo cáo", "Save and move the report"}
	msgFilesHint     = Text{"Bản nháp được lưu tự động trên máy này.", "A draft is saved automatically on this computer."}
	msgNoIndicators  = Text{"Không nhập chỉ tiêu nào.", "No indicator given."}
	msgRestoreTitle  = Text{"Có bản nháp chưa gửi", "There is an unsent draft"}
	msgRestore       = Text{"Khôi phục bản nháp", "Restore the draft"}
	msgRestoreIgnore = Text{"Không khôi phục", "Do not restore"}
	msgClose         = Text{"Đóng", "Close"}
	msgReplace       = Text{"Thay thế bằng nội dung tệp", "Replace with the file's content"}
	msgKeep          = Text{"Giữ nội dung đang nhập", "Keep what I have typed"}
	msgSending       = Text{"Đang gửi báo cáo…", "Sending the report…"}
	msgSent          = Text{"Đã gửi báo cáo", "The report has been sent"}
	msgNotSent       = Text{"Chưa gửi được báo cáo", "The report has not been sent"}
	msgNext          = Text{"Hội Chữ thập đỏ thành phố Hà Nội tổng hợp báo cáo của các cơ quan, đơn vị để báo cáo Thành ủy và UBND Thành phố. Người lập báo cáo có thể được liên hệ nếu cần làm rõ số liệu.",
		"The Hanoi Red Cross compiles the reports of all bodies for the City Party Committee and the City People's Committee. The person who prepared the report may be contacted about its figures."}
	msgKept = Text{"Nội dung bạn đã nhập vẫn được giữ nguyên; sửa rồi gửi lại.", "Everything you typed is kept; correct it and send it again."}
)
