package report

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kh164/kh164/plan"
)

func TestAddInt64(t *testing.T) {
	for _, c := range []struct {
		a, b, sum int64
		ok        bool
	}{
		{1, 2, 3, true},
		{math.MaxInt64 - 1, 1, math.MaxInt64, true},
		{math.MaxInt64, 1, 0, false},
		{math.MinInt64, -1, 0, false},
		{-5, 3, -2, true},
	} {
		if sum, ok := addInt64(c.a, c.b); sum != c.sum || ok != c.ok {
			t.Errorf("addInt64(%d, %d) = %d, %v; want %d, %v", c.a, c.b, sum, ok, c.sum, c.ok)
		}
	}
}

func TestSubtotalOverflow(t *testing.T) {
	var bodies []BodyEntry
	for i := range 1025 {
		bodies = append(bodies, BodyEntry{Body: fmt.Sprintf("xa-%d", i), Kind: plan.KindCommune, Group: 12})
	}
	bodies = append(bodies, BodyEntry{Body: "hoi-ctd", Kind: plan.KindRedCross, Group: 1})
	f := newFigures(bodies)
	big := int64(plan.MaxIndicator) // 2^53-1: 1025 of them pass 2^63-1
	for _, b := range bodies {
		f.add(b, map[string]int64{"movement_value_vnd": big, "blood_units": 1})
	}
	figs, issues := f.list()
	mv, blood := figs[indexOf(figs, "movement_value_vnd")], figs[indexOf(figs, "blood_units")]
	if len(mv.Subtotals) != 1 || !mv.Subtotals[0].Overflow || mv.Subtotals[0].Reports != 1025 || mv.Subtotals[0].Total != 1024*big {
		t.Errorf("movement value subtotals %+v: want overflow after 1024 reports", mv.Subtotals)
	}
	if mv.City == nil || mv.City.Value != big || len(mv.Values) != 1026 {
		t.Errorf("movement value: city %+v, %d values", mv.City, len(mv.Values))
	}
	if blood.Subtotals[0].Overflow || blood.Subtotals[0].Total != 1025 || blood.Subtotals[0].Expected != 1025 {
		t.Errorf("blood units %+v", blood.Subtotals)
	}
	if len(issues) != 1 || issues[0].Code != "total_overflow" {
		t.Fatalf("issues %v, want one total_overflow", issues)
	}
	if want := fmt.Sprintf("/figures/%d/subtotals/0/total", indexOf(figs, "movement_value_vnd")); issues[0].Path != want {
		t.Errorf("issue path %s, want %s", issues[0].Path, want)
	}
}

func indexOf(fs []Figure, code string) int {
	for i, f := range fs {
		if f.Code == code {
			return i
		}
	}
	return -1
}

func TestIndicatorsByArea(t *testing.T) {
	order := []string{plan.AreaOrganisation, plan.AreaOverall}
	for _, a := range plan.Activities() {
		order = append(order, a.ID)
	}
	pos := 0
	ins := indicatorsByArea()
	if len(ins) != len(plan.Indicators()) {
		t.Fatalf("%d indicators, want the whole catalogue", len(ins))
	}
	for _, in := range ins {
		for pos < len(order) && order[pos] != in.Area {
			pos++
		}
		if pos == len(order) {
			t.Fatalf("indicator %s (area %s) is out of area order", in.Code, in.Area)
		}
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 109000: "109.000", -1234567: "-1.234.567", math.MaxInt64: "9.223.372.036.854.775.807"} {
		if got := number(n); got != want {
			t.Errorf("number(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	for n, want := range map[int64]string{
		460_000_000_000: "460 tỷ đồng", 452_340_000_000: "452,3 tỷ đồng", 1_950_000_000: "2 tỷ đồng",
		850_000_000: "850 triệu đồng", 12_000: "12.000 đồng",
	} {
		if got := money(n); got != want {
			t.Errorf("money(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("  ngắn\n gọn ", 300); got != "ngắn gọn" {
		t.Errorf("short text: %q", got)
	}
	long := strings.Repeat("Hiến máu tình nguyện, ", 30)
	got := excerpt(long, 300)
	if n := utf8.RuneCountInString(got); n > 300 {
		t.Errorf("excerpt has %d characters", n)
	}
	if !strings.HasSuffix(got, "nguyện…") && !strings.HasSuffix(got, "máu…") && !strings.HasSuffix(got, "tình…") && !strings.HasSuffix(got, "Hiến…") {
		t.Errorf("excerpt %q does not end at a word", got)
	}
	word := strings.Repeat("á", 400) // no space: cut inside the word
	if got := excerpt(word, 300); utf8.RuneCountInString(got) != 300 || !strings.HasSuffix(got, "á…") {
		t.Errorf("excerpt of one long word: %d characters", utf8.RuneCountInString(got))
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a | b":             `a \| b`,
		"**đậm** _nghiêng_": `\*\*đậm\*\* \_nghiêng\_`,
		"<b>&amp;</b>":      `\<b\>\&amp;\</b\>`,
		"[x](y) `z` #1 $5":  "\\[x\\](y) \\`z\\` \\#1 \\$5",
		"dòng 1\ndòng 2":    "dòng 1 dòng 2",
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := paragraphs("- một\n\n1. hai\n+ ba\n> bốn\nnăm"); got != "\\- một\n\n1\\. hai\n\n\\+ ba\n\n\\> bốn\n\nnăm" {
		t.Errorf("paragraphs: %q", got)
	}
}

func TestAbbreviation(t *testing.T) {
	for name, want := range map[string]string{
		"Sở Y tế":                                             "SYT",
		"Sở Giáo dục và Đào tạo":                              "SGDĐT",
		"Hội Chữ thập đỏ thành phố Hà Nội":                    "HCTĐ",
		"Văn phòng UBND thành phố Hà Nội":                     "VPUBND",
		"UBND phường Ba Đình":                                 "UBND",
		"Liên đoàn Lao động thành phố Hà Nội":                 "LĐLĐ",
		"Thành đoàn Hà Nội (Đoàn TNCS Hồ Chí Minh thành phố)": "TĐ",
	} {
		if got := abbreviation(name); got != want {
			t.Errorf("abbreviation(%q) = %q, want %q", name, got, want)
		}
	}
}
