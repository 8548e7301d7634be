package form

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// Problem is an issue placed on the field a person must change.
type Problem struct {
	Field string // key of the field
	diag.Issue
}

// pointers maps the JSON Pointers of the report to field keys.
func (f *Form) pointers() {
	p := map[string]string{
		"":              KeyReportDate, // the report as a whole: its identity and dates
		"/reportDate":   KeyReportDate,
		"/dataCutoff":   KeyDataCutoff,
		"/body":         KeyReportDate,
		"/period":       KeyReportDate,
		"/reference":    KeyReference,
		"/difficulties": KeyDifficulties,
		"/proposals":    KeyProposals,
		"/preparedBy":   KeyPrepName,
		"/signedBy":     KeySignName,
		"/tasks":        KeyReportDate,
		"/indicators":   KeyReportDate,
	}
	for _, k := range []string{KeyDataCutoff, KeyPrepName, KeyPrepPosition, KeyPrepPhone, KeyPrepEmail, KeySignName, KeySignPosition} {
		p["/"+k] = k
	}
	for i, t := range f.Tasks {
		base := fmt.Sprintf("/tasks/%d", i)
		if i == 0 {
			p["/tasks"] = StatusKey(t.ID)
		}
		p[base] = StatusKey(t.ID)
		p[base+"/status"] = StatusKey(t.ID)
		p[base+"/results"] = TextKey(t.ID)
		p[base+"/reason"] = ReasonKey(t.ID)
		p[base+"/activities"] = ActivitiesKey(t.ID)
	}
	first := true
	for _, fd := range f.fields {
		if code, ok := strings.CutPrefix(fd.Key, "indicator/"); ok {
			p["/indicators/"+escape(code)] = fd.Key
			if first {
				p["/indicators"], first = fd.Key, false
			}
		}
	}
	f.ptr = p
}

// escape escapes a JSON Pointer reference token (RFC 6901).
func escape(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// FieldOf returns the key of the field an issue at JSON Pointer ptr is
// about: the field of the pointer itself or of its nearest parent. Issues
// about the report as a whole (its body, period or dates) go to the report
// date, the one field that decides them.
func (f *Form) FieldOf(ptr string) string {
	for {
		if k, ok := f.ptr[ptr]; ok {
			return k
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return KeyReportDate
		}
		ptr = ptr[:i]
	}
}

// Problems places the issues on fields and keeps the first issue of each
// field, in the order of the fields in the form.
func (f *Form) Problems(l diag.List) []Problem {
	var out []Problem
	seen := map[string]bool{}
	for _, is := range l {
		k := f.FieldOf(is.Path)
		if !seen[k] {
			seen[k] = true
			out = append(out, Problem{Field: k, Issue: f.reword(k, is)})
		}
	}
	slices.SortStableFunc(out, func(a, b Problem) int { return f.byKey[a.Field] - f.byKey[b.Field] })
	return out
}

// Validator is the check the form runs on the report it builds; the
// browser and the server pass report.Checker.Validate.
type Validator func(*report.Report) error

// Check builds the report from v and validates it. It returns the report
// and the problems (none when the report is valid): first those of the
// values that could not be read, then the validator's.
func (f *Form) Check(v Values, validate Validator) (*report.Report, []Problem) {
	r, l := f.Report(v)
	if err := validate(r); err != nil {
		var vl diag.List
		if !errors.As(err, &vl) {
			vl = diag.List{diag.New("", diag.InternalError, "Không kiểm tra được báo cáo: "+err.Error(), "The report could not be checked: "+err.Error())}
		}
		for i, is := range vl {
			if is.Code == diag.InvalidPhone {
				vl[i] = f.phoneIssue(is)
			}
		}
		l = append(l, vl...)
	}
	return r, f.Problems(l)
}

// phoneIssue words the checker's phone issue as the form's hint: the form
// accepts the digit groups its hint shows ("0912 345 678") and removes the
// spaces itself, so its message does not ask for the digits together as
// the checker's (about the JSON value) does. A server's answer keeps the
// server's words.
func (f *Form) phoneIssue(is diag.Issue) diag.Issue {
	fd := f.Field(KeyPrepPhone)
	val, _ := is.Params["value"].(string)
	is.VI = fmt.Sprintf("%s không đúng dạng: “%s”. Nhập 0 hoặc +84, tiếp theo là 9 hoặc 10 chữ số. %s", fd.Label.VI, val, fd.Hint.VI)
	is.EN = fmt.Sprintf("%s is not valid: “%s”. Enter 0 or +84, then 9 or 10 digits. %s", fd.Label.EN, val, fd.Hint.EN)
	return is
}

// reword gives the validator's "required" messages the form's words: the
// validator speaks of the JSON values ("not_started", "YYYY-MM-DD"), the
// form of what a person sees. The rule and the code stay the validator's.
func (f *Form) reword(key string, is diag.Issue) diag.Issue {
	fd := f.Field(key)
	if fd == nil {
		return is
	}
	if is.Code != diag.Required {
		return is
	}
	switch {
	case fd.Kind == Radios:
		is.VI, is.EN = "Chọn "+lowerFirst(fd.Label.VI)+".", "Choose the "+lowerFirst(fd.Label.EN)+"."
	case fd.Kind == Day:
		is.VI, is.EN = "Nhập "+lowerFirst(fd.Label.VI)+", ví dụ 15/11/2024.", "Enter the "+lowerFirst(fd.Label.EN)+", for example 15/11/2024."
	case strings.HasSuffix(is.Path, "/results"):
		is.VI = "Nhập " + lowerFirst(fd.Label.VI) + "; nếu chưa thực hiện, chọn “" + statuses[2].Label.VI + "” và nêu lý do."
		is.EN = "Enter the " + lowerFirst(fd.Label.EN) + "; if it has not started, choose “" + statuses[2].Label.EN + "” and give the reason."
	}
	return is
}
