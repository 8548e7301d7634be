package diag_test

import (
	"encoding/json"
	"testing"

	"github.com/kh164/kh164/diag"
)

func TestIssueFormatting(t *testing.T) {
	is := diag.New("/tasks/0/results", "required", "Nhập kết quả thực hiện nhiệm vụ III.6.1.", "Enter the results of task III.6.1.", "task", "III.6.1")
	if got := is.Format(diag.VI); got != "/tasks/0/results: Nhập kết quả thực hiện nhiệm vụ III.6.1." {
		t.Errorf("Format(VI) = %q", got)
	}
	is.File, is.Line, is.Column = "r.json", 3, 14
	if got := is.Format(diag.EN); got != "r.json:3:14: /tasks/0/results: Enter the results of task III.6.1." {
		t.Errorf("Format(EN) = %q", got)
	}
	if (diag.Issue{Code: "empty"}).Place() != "/" {
		t.Error("the root pointer is not shown as /")
	}
	b, _ := json.Marshal(is)
	want := `{"path":"/tasks/0/results","file":"r.json","line":3,"column":14,"code":"required","params":{"task":"III.6.1"},"vi":"Nhập kết quả thực hiện nhiệm vụ III.6.1.","en":"Enter the results of task III.6.1."}`
	if string(b) != want {
		t.Errorf("JSON %s", b)
	}
}

func TestList(t *testing.T) {
	var l diag.List
	if l.Err() != nil {
		t.Error("an empty list is an error")
	}
	l = diag.List{
		{Path: "/b", Code: "x", EN: "b"},
		{Path: "/a", Line: 2, Column: 1, Code: "y", EN: "a2"},
		{Path: "/c", Line: 1, Column: 5, Code: "z", EN: "c"},
	}
	l.Sort()
	if l[0].Path != "/c" || l[1].Path != "/a" || l[2].Path != "/b" {
		t.Errorf("sorted %v", l)
	}
	if got := l.Error(); got != "1:5: /c: c (and 2 more)" {
		t.Errorf("Error() = %q", got)
	}
	for in, want := range map[string]diag.Lang{"": diag.VI, "vi": diag.VI, " EN ": diag.EN} {
		if got, err := diag.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := diag.ParseLang("fr"); err == nil {
		t.Error("fr accepted")
	}
}
