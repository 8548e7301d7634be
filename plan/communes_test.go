package plan_test

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/plan"
)

// communesPath is the statistical list the built-in communes are typed from.
const communesPath = "../../shared/data/hanoi-communes-2025.tsv"

// TestCommunesMatchTheStatisticalList proves the built-in commune-level
// units against Cục Thống kê's list: 126 = 51 phường + 75 xã, every code
// and name, in order, group 12, from 01/7/2025.
func TestCommunesMatchTheStatisticalList(t *testing.T) {
	f, err := os.Open(communesPath)
	if err != nil {
		t.Skipf("the statistical list is not beside the repository: %v", err)
	}
	defer f.Close()
	type row struct{ code, kind, name string }
	var want []row
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		kind, rest, _ := strings.Cut(name, " ")
		if !ok || !norm.NFC.IsNormalString(name) {
			t.Fatalf("bad line %q", line)
		}
		want = append(want, row{code, strings.ToLower(kind), rest})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var got []plan.Body
	for _, b := range plan.Default().Bodies() {
		if b.Kind == plan.KindCommune {
			got = append(got, b)
		}
	}
	if len(want) != 126 || len(got) != len(want) {
		t.Fatalf("the list has %d units, the registry %d; want 126", len(want), len(got))
	}
	count := map[string]int{}
	ids := map[string]bool{}
	slug := regexp.MustCompile(plan.UnitCodePattern)
	for i, w := range want {
		b := got[i]
		count[w.kind]++
		if b.Code != w.code || b.Name != "UBND "+w.kind+" "+w.name {
			t.Errorf("unit %d: %s %q, want %s %q", i+1, b.Code, b.Name, w.code, "UBND "+w.kind+" "+w.name)
		}
		if b.ID != plan.Slug(w.kind+" "+w.name) || !slug.MatchString(b.ID) || ids[b.ID] {
			t.Errorf("unit %d: ID %q is not a unique slug of its name", i+1, b.ID)
		}
		ids[b.ID] = true
		if b.Group != 12 || b.From != plan.D(2025, time.July, 1) || !b.Until.IsZero() || b.English == "" {
			t.Errorf("unit %s: group %d, %s–%s, English %q", b.ID, b.Group, b.From, b.Until, b.English)
		}
	}
	if count[plan.Ward] != 51 || count[plan.Commune] != 75 {
		t.Errorf("%d phường and %d xã, want 51 and 75", count[plan.Ward], count[plan.Commune])
	}
}

func TestReportersOnTheAnnualDeadline(t *testing.T) {
	r := plan.Default()
	on := plan.D(2026, time.November, 15)
	communes := 0
	bs := r.Reporters(on)
	for _, b := range bs {
		if b.Kind == plan.KindCommune {
			communes++
		}
	}
	if len(bs) != 141 || communes != 126 {
		t.Errorf("%d reporters, %d of them communes; want 141 = 15 + 126", len(bs), communes)
	}
	if n := len(r.Expected(plan.Period{Kind: plan.Annual, Year: 2026})); n != 141 {
		t.Errorf("%d bodies owe the annual 2026 report, want 141", n)
	}
	for _, b := range r.Reporters(plan.D(2025, time.June, 30)) {
		if b.Kind == plan.KindCommune {
			t.Errorf("%s reports on 30/6/2025, the districts' last day", b.ID)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Phường Hoàn Kiếm": "phuong-hoan-kiem", "xã Đại Xuyên": "xa-dai-xuyen", " Ứng  Hòa ": "ung-hoa"} {
		if got := plan.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
