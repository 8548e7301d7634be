package diag

import "fmt"

// MaxIssues is how many issues a check of one document reports at most:
// the first ones in order, then one issue with code TooManyIssues saying
// how many more were found. Every checker of the module (the report
// package, and so the CLI, the portal and the widget) uses this cap, so
// that an input built to produce millions of issues gets a short answer
// in time and memory linear in its size.
const MaxIssues = 50

// TooManyIssues is the code of the issue that ends a capped list. Its
// Params are "more" (how many issues were left out) and "shown".
const TooManyIssues = "too_many_issues"

// Capped returns the first max issues of l (all of l if it is shorter)
// followed, when any were left out, by one TooManyIssues issue counting
// them and more, the issues found but never built (already left out
// before l). It does not sort l: give it in order. The returned list
// shares l's storage.
func (l List) Capped(max, more int) List {
	if len(l) > max {
		more += len(l) - max
		l = l[:max]
	}
	if more <= 0 {
		return l
	}
	return append(l, MoreIssues(len(l), more))
}

// MoreIssues is the issue that says more issues than the shown ones were
// found. It has no place: it is about the whole document.
func MoreIssues(shown, more int) Issue {
	return New("", TooManyIssues,
		fmt.Sprintf("Còn %d lỗi khác không được liệt kê (chỉ hiện %d lỗi đầu tiên). Sửa các lỗi trên rồi kiểm tra lại để xem các lỗi còn lại.", more, shown),
		fmt.Sprintf("%d more issues are not listed (only the first %d are shown). Correct the ones above and check again to see the rest.", more, shown),
		"more", more, "shown", shown)
}
