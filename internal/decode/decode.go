// Package decode reads strict JSON into Go values and reports every problem
// as a bilingual diag.Issue with file, line, column and JSON Pointer. It is
// the one place where the strict decoder's codes get their messages.
package decode

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/strictjson"
)

// Source remembers where the values of a decoded input were, to place
// issues found later (by validation) on lines and columns.
type Source struct {
	file string
	doc  *strictjson.Doc
}

// Strict decodes data into v (a pointer) with the strict decoder, allowing
// at most maxBytes bytes (0: the decoder's default of 1 MiB). It returns the
// Source (nil when the input is not JSON at all) and the problems found, in
// input order (nil when none): at most diag.MaxIssues, then one
// diag.TooManyIssues issue if there were more. The Source refers to data:
// do not modify data while placing issues with it.
func Strict(file string, data []byte, v any, maxBytes int64) (*Source, diag.List) {
	doc, err := strictjson.Decode(data, v, strictjson.Options{MaxBytes: maxBytes, MaxErrors: diag.MaxIssues, Borrow: true})
	var src *Source
	if doc != nil {
		src = &Source{file: file, doc: doc}
	}
	if err == nil {
		return src, nil
	}
	var es strictjson.Errors
	if !errors.As(err, &es) {
		return src, diag.List{{File: file, Code: "read_error", VI: "Không đọc được dữ liệu: " + err.Error(), EN: "Cannot read the input: " + err.Error()}}
	}
	l := make(diag.List, 0, len(es))
	for _, e := range es {
		is := Issue(e)
		is.File = file
		l = append(l, is)
	}
	return src, l
}

// Offset returns the byte offset of the value at ptr (for a missing value,
// of its nearest existing parent), found in time linear in the pointer's
// length: sorting issues by Offset sorts them by position without counting
// lines. A nil Source gives 0.
func (s *Source) Offset(ptr string) int {
	if s == nil {
		return 0
	}
	off, _ := s.doc.Offset(ptr)
	return off
}

// Work is strictjson.Doc.Work: how many nodes and bytes the lookups have
// visited, for tests of linearity. A nil Source gives 0.
func (s *Source) Work() int {
	if s == nil {
		return 0
	}
	return s.doc.Work()
}

// Place sets file, line and column on every issue of l from the positions
// of the values their pointers name (for a missing value, its nearest
// existing parent). A nil Source leaves l as it is.
func (s *Source) Place(l diag.List) {
	if s == nil {
		return
	}
	for i := range l {
		if l[i].Line > 0 {
			continue
		}
		pos, _ := s.doc.Pos(l[i].Path)
		l[i].File, l[i].Line, l[i].Column = s.file, pos.Line, pos.Column
	}
}

// Issue turns one decoder error into a bilingual issue.
func Issue(e *strictjson.Error) diag.Issue {
	p := make(map[string]any, len(e.Params))
	for k, v := range e.Params {
		if k != "cause" { // the original error: used below, not data
			p[k] = v
		}
	}
	is := diag.Issue{Path: e.Pointer, Line: e.Pos.Line, Column: e.Pos.Column, Code: e.Code, Params: p}
	str := func(k string) string { return fmt.Sprint(p[k]) }
	switch e.Code {
	case "too_many_errors":
		more := diag.MoreIssues(e.Params["limit"].(int), e.Params["more"].(int))
		more.Line, more.Column = is.Line, is.Column
		return more
	case "too_large":
		is.VI = fmt.Sprintf("Dữ liệu vượt quá giới hạn %s byte. Rút gọn nội dung (ví dụ chia các đoạn văn dài) rồi gửi lại.", str("limit"))
		is.EN = fmt.Sprintf("The input is over the limit of %s bytes. Shorten it (for example the long texts) and send it again.", str("limit"))
	case "empty":
		is.VI = "Dữ liệu trống. Gửi một báo cáo dạng JSON."
		is.EN = "The input is empty. Send a report as JSON."
	case "invalid_utf8":
		is.VI = "Dữ liệu không phải văn bản UTF-8 hợp lệ. Lưu lại tệp với mã hóa UTF-8."
		is.EN = "The input is not valid UTF-8 text. Save the file again as UTF-8."
	case "invalid_string_escape":
		is.VI = "Chuỗi có mã thoát (\\u…) không hợp lệ. Sửa hoặc xóa ký tự đó."
		is.EN = "A string has an invalid escape (\\u…). Correct or remove it."
	case "syntax":
		is.VI = "Sai cú pháp JSON: " + syntaxVI(p) + "."
		is.EN = "JSON syntax error: " + e.Detail + "."
	case "trailing_data":
		is.VI = "Có dữ liệu thừa sau khi kết thúc báo cáo. Xóa phần thừa ở cuối."
		is.EN = "There is more data after the end of the report. Remove what follows it."
	case "too_deep":
		is.VI = fmt.Sprintf("Dữ liệu lồng nhau quá %s cấp. Báo cáo không có cấu trúc sâu như vậy.", str("limit"))
		is.EN = fmt.Sprintf("The input nests deeper than %s levels. A report has no such structure.", str("limit"))
	case "duplicate_key":
		is.VI = fmt.Sprintf("Trường %q xuất hiện hai lần trong cùng một đối tượng. Giữ lại một lần.", str("key"))
		is.EN = fmt.Sprintf("Member %q appears twice in one object. Keep one of them.", str("key"))
	case "unknown_field":
		allowed := ""
		if a, ok := p["allowed"].([]string); ok {
			allowed = strings.Join(a, ", ")
		}
		is.VI = fmt.Sprintf("Trường %q không có trong mẫu. Xóa trường này hoặc sửa tên; các trường hợp lệ: %s.", str("field"), allowed)
		is.EN = fmt.Sprintf("Member %q is not part of the format. Remove it or correct its name; the valid members are: %s.", str("field"), allowed)
	case "wrong_type":
		is.VI = fmt.Sprintf("Giá trị phải là %s, không phải %s.", typeVI[str("expected")], typeVI[str("found")])
		is.EN = fmt.Sprintf("The value must be %s, not %s.", typeEN[str("expected")], typeEN[str("found")])
	case "not_integer":
		is.VI = fmt.Sprintf("Giá trị %s phải là số nguyên, không có phần thập phân.", str("value"))
		is.EN = fmt.Sprintf("Value %s must be a whole number, without decimals.", str("value"))
	case "integer_out_of_range":
		is.VI = fmt.Sprintf("Số %s nằm ngoài khoảng cho phép (%s đến %s).", str("value"), str("min"), str("max"))
		is.EN = fmt.Sprintf("Number %s is out of range (%s to %s).", str("value"), str("min"), str("max"))
	case "invalid_value":
		var l diag.List
		if cause, _ := e.Params["cause"].(error); errors.As(cause, &l) && len(l) > 0 {
			is.Code, is.VI, is.EN = l[0].Code, l[0].VI, l[0].EN
			for k, v := range l[0].Params {
				p[k] = v
			}
		} else {
			is.VI = fmt.Sprintf("Giá trị %q không hợp lệ (%s).", str("value"), str("reason"))
			is.EN = fmt.Sprintf("Value %q is invalid: %s.", str("value"), str("reason"))
		}
	default:
		is.VI = "Dữ liệu JSON không hợp lệ: " + e.Detail + "."
		is.EN = "Invalid JSON: " + e.Detail + "."
	}
	return is
}

var typeVI = map[string]string{
	"string": "chuỗi văn bản", "integer": "số nguyên", "number": "số", "boolean": "giá trị đúng/sai (true/false)",
	"object": "đối tượng {…}", "array": "danh sách […]", "null": "null",
}

var typeEN = map[string]string{
	"string": "a string", "integer": "an integer", "number": "a number", "boolean": "true or false",
	"object": "an object {…}", "array": "an array […]", "null": "null",
}

func syntaxVI(p map[string]any) string {
	exp, _ := p["expected"].(string)
	found, _ := p["found"].(string)
	switch {
	case exp != "" && found != "":
		return fmt.Sprintf("cần %s, gặp %s", exp, found)
	case found != "":
		return "gặp " + found + " không đúng chỗ"
	}
	return "dữ liệu không đúng định dạng JSON"
}
