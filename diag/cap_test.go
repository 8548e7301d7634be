package diag_test

import (
	"fmt"
	"testing"

	"github.com/kh164/kh164/diag"
)

func TestCapped(t *testing.T) {
	var l diag.List
	for i := range 7 {
		l = append(l, diag.New(fmt.Sprint("/", i), "x", "Lỗi.", "Issue."))
	}
	if got := l.Capped(10, 0); len(got) != 7 {
		t.Errorf("under the cap: %d issues", len(got))
	}
	got := l.Capped(5, 3)
	if len(got) != 6 || got[4].Path != "/4" {
		t.Fatalf("capped to %d issues: %v", len(got), got)
	}
	more := got[5]
	if more.Code != diag.TooManyIssues || more.Params["more"] != 5 || more.Params["shown"] != 5 || more.VI == "" || more.EN == "" {
		t.Errorf("the last issue is %+v", more)
	}
	if got := l[:2].Capped(5, 4); len(got) != 3 || got[2].Params["more"] != 4 {
		t.Errorf("issues left out before: %+v", got)
	}
}
