package plan_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

func issues(t *testing.T, err error) []string {
	t.Helper()
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("want a diag.List, got %v", err)
	}
	var out []string
	for _, is := range l {
		if is.VI == "" || is.EN == "" || is.VI == is.EN {
			t.Errorf("issue %+v lacks a message in both languages", is)
		}
		out = append(out, is.Place()+" "+is.Code)
	}
	return out
}

func TestParseUnitsErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"broken JSON", `{"units": [{"code": "a",}]}`, []string{"u.json:1:25: /units/0 syntax"}},
		{"not JSON", ``, []string{"u.json:1:1: / empty"}},
		{"unknown member", `{"units": [], "extra": 1}`, []string{"u.json:1:15: /extra unknown_field"}},
		{"no units", `{}`, []string{"u.json:1:1: / missing_field"}},
		{"duplicate key", `{"units": [{"code": "a", "code": "b"}]}`, []string{"u.json:1:26: /units/0/code duplicate_key"}},
		{"wrong type", `{"units": [{"code": "xa-a", "name": "X", "group": "12", "from": "2025-07-01"}]}`, []string{"u.json:1:51: /units/0/group wrong_type"}},
		{"bad date", `{"units": [{"code": "xa-a", "name": "X", "group": 12, "from": "2025-02-30"}]}`, []string{"u.json:1:63: /units/0/from invalid_date"}},
		{"duplicate codes", `{"units": [
{"code": "xa-a", "name": "A", "group": 12, "from": "2025-07-01"},
{"code": "xa-a", "name": "B", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:3:10: /units/1/code duplicate_code"}},
		{"unknown group", `{"units": [{"code": "xa-a", "name": "A", "group": 13, "from": "2025-07-01"}]}`, []string{"u.json:1:51: /units/0/group unknown_group"}},
		{"group 1", `{"units": [{"code": "xa-a", "name": "A", "group": 1, "from": "2025-07-01"}]}`, []string{"u.json:1:51: /units/0/group unknown_group"}},
		{"overlapping validity", `{"units": [{"code": "xa-a", "name": "A", "group": 12, "from": "2025-06-01"}]}`, []string{"u.json:1:63: /units/0/from overlapping_validity"}},
		{"inverted interval", `{"units": [{"code": "xa-a", "name": "A", "group": 12, "from": "2025-08-01", "until": "2025-07-31"}]}`, []string{"u.json:1:86: /units/0/until invalid_interval"}},
		{"bad code", `{"units": [{"code": "Xã A", "name": "A", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:1:21: /units/0/code invalid_code"}},
		{"built-in commune", `{"units": [{"code": "phuong-ba-dinh", "name": "UBND phường Ba Đình", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:1:21: /units/0/code code_taken", "u.json:1:47: /units/0/name name_taken"}},
		{"built-in commune's name", `{"units": [{"code": "ba-dinh", "name": "ubnd Phường Ba Đình", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:1:40: /units/0/name name_taken"}},
		{"built-in code", `{"units": [{"code": "so-y-te", "name": "A", "group": 6, "from": "2025-07-01"}]}`, []string{"u.json:1:21: /units/0/code code_taken"}},
		{"blank name and no from", `{"units": [{"code": "xa-a", "name": " ", "group": 12}]}`, []string{"u.json:1:37: /units/0/name invalid_text", "u.json:1:12: /units/0/from required"}},
		{"empty name", `{"units": [{"code": "xa-a", "name": "", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:1:37: /units/0/name required"}},
		{"untrimmed English name", `{"units": [{"code": "xa-a", "name": "Xã A", "english": "Commune A ", "group": 12, "from": "2025-07-01"}]}`, []string{"u.json:1:56: /units/0/english invalid_text"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			units, err := plan.ParseUnits("u.json", []byte(c.in))
			if units != nil {
				t.Errorf("units returned with an error: %v", units)
			}
			if got := issues(t, err); !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestUnitsJoinTheRegistry(t *testing.T) {
	units, err := plan.ParseUnits("u.json", []byte(`{"units": [
{"code": "xa-thu-nghiem", "name": "UBND xã Thử Nghiệm", "group": 12, "from": "2025-07-01"},
{"code": "hoi-luat-gia", "name": "Hội Luật gia thành phố Hà Nội", "english": "Hanoi Lawyers' Association", "group": 10, "from": "2023-01-01", "until": "2025-12-31"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := plan.Default().WithUnits(units...)
	if err != nil {
		t.Fatal(err)
	}
	on := plan.D(2025, time.November, 15)
	if got := taskIDs(t, r, "xa-thu-nghiem", on); !slices.Equal(got, []string{"III.12.1", "III.12.2", "III.12.3"}) {
		t.Errorf("commune tasks %v", got)
	}
	if due, err := r.Due("xa-thu-nghiem", plan.Period{Kind: plan.Annual, Year: 2025}); err != nil || due != plan.D(2025, 11, 20) {
		t.Errorf("commune due %v %v", due, err)
	}
	ids := reporterIDs(r, on)
	if !slices.Contains(ids, "xa-thu-nghiem") || !slices.Contains(ids, "hoi-luat-gia") || !slices.Contains(ids, "phuong-ba-dinh") {
		t.Errorf("registered units do not report: %v", ids)
	}
	if slices.Contains(reporterIDs(r, plan.D(2026, 1, 1)), "hoi-luat-gia") {
		t.Error("a unit reports after its last day")
	}
	// The default registry is unchanged.
	if _, err := plan.Default().Body("xa-thu-nghiem"); err == nil {
		t.Error("WithUnits changed the default registry")
	}
	// A bad unit given from Go leaves no registry.
	bad := append(units, plan.Unit{Code: "xa-thu-nghiem", Name: "Trùng", Group: 12, From: plan.D(2025, 7, 1)})
	if r, err := plan.New(plan.DefaultSettings(), bad...); r != nil || err == nil || !strings.Contains(err.Error(), "duplicate") && !strings.Contains(err.Error(), "already used") {
		t.Errorf("New with a duplicate unit: %v, %v", r, err)
	}
}

func TestReadUnitsFile(t *testing.T) {
	if _, err := plan.ReadUnitsFile("testdata/does-not-exist.json"); err == nil {
		t.Error("a missing file was read")
	}
}
