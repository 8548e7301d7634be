package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kh164/kh164/diag"
)

// kindNames are the kinds of ID, their names in messages and the code of
// an unknown ID of the kind.
var kindNames = map[string]struct {
	vi, en string
	code   diag.Code
}{
	"task":      {"nhiệm vụ", "task", diag.UnknownTask},
	"clause":    {"điều khoản", "clause", diag.UnknownClause},
	"body":      {"cơ quan, đơn vị", "body", diag.UnknownBody},
	"activity":  {"nội dung hoạt động chữ thập đỏ", "Red Cross activity content", diag.UnknownActivity},
	"campaign":  {"phong trào, cuộc vận động", "campaign", diag.UnknownCampaign},
	"reference": {"văn bản", "document", diag.UnknownReference},
	"indicator": {"chỉ tiêu", "indicator", diag.UnknownIndicator},
	"id":        {"mã", "ID", diag.UnknownID},
}

// find returns the item of items whose key is id, or the unknown-ID error
// of kind.
func find[T any](kind string, items []T, id string, key func(T) string) (T, error) {
	for _, it := range items {
		if key(it) == id {
			return it, nil
		}
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = key(it)
	}
	var zero T
	return zero, unknown(kind, id, ids)
}

// unknown is the error for an ID that names nothing of the given kind. It
// suggests the closest known IDs.
func unknown(kind, id string, known []string) error {
	names := kindNames[kind]
	near := closest(id, known, 3)
	vi := fmt.Sprintf("Không có %s mã %q trong Kế hoạch 164/KH-UBND.", names.vi, id)
	en := fmt.Sprintf("There is no %s with ID %q in Plan 164/KH-UBND.", names.en, id)
	if len(near) > 0 {
		vi += " Có phải là: " + strings.Join(near, ", ") + "?"
		en += " Did you mean: " + strings.Join(near, ", ") + "?"
	} else {
		vi += fmt.Sprintf(" Dùng một mã %s có trong kế hoạch.", names.vi)
		article := "a"
		if strings.ContainsRune("aeiouAEIOU", rune(names.en[0])) {
			article = "an"
		}
		en += fmt.Sprintf(" Use %s %s ID from the plan.", article, names.en)
	}
	return diag.List{diag.New("", names.code, vi, en, "id", id, "suggestions", near)}
}

// closest returns up to n known IDs nearest to id by edit distance (at most
// a third of the longer string, so that wild guesses suggest nothing).
func closest(id string, known []string, n int) []string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	low := strings.ToLower(id)
	for _, k := range known {
		d := editDistance(low, strings.ToLower(k))
		if d*3 <= max(len([]rune(k)), len([]rune(id))) {
			cs = append(cs, cand{k, d})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].d != cs[b].d {
			return cs[a].d < cs[b].d
		}
		return cs[a].s < cs[b].s
	})
	out := []string{}
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].s)
	}
	return out
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
