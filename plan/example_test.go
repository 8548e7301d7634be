package plan_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

func ExampleTaskByID() {
	t, err := plan.TaskByID("III.6.1")
	if err != nil {
		panic(err)
	}
	g, _ := plan.GroupByNumber(t.Group)
	fmt.Println(g.Title)
	fmt.Println(strings.Join(strings.Fields(t.Text)[:11], " "))
	// Output:
	// Sở Y tế
	// Chủ trì phối hợp với Hội Chữ thập đỏ Thành phố
}

func ExampleRegistry_Tasks() {
	r := plan.Default()
	for _, on := range []plan.Date{plan.D(2024, time.November, 15), plan.D(2025, time.November, 15)} {
		ts, err := r.Tasks("so-noi-vu", on)
		if err != nil {
			panic(err)
		}
		fmt.Print(on, ":")
		for _, t := range ts {
			fmt.Print(" ", t.ID)
		}
		fmt.Println()
	}
	// Output:
	// 2024-11-15: III.4.1 III.4.2 III.4.3
	// 2025-11-15: III.2.1 III.4.1 III.4.2 III.4.3
}

func ExampleRegistry_Reporters() {
	r := plan.Default()
	for _, y := range []int{2024, 2025, 2026} {
		on := plan.D(y, time.November, 15)
		fmt.Printf("%s: %d bodies must report\n", on, len(r.Reporters(on)))
	}
	// Output:
	// 2024-11-15: 48 bodies must report
	// 2025-11-15: 143 bodies must report
	// 2026-11-15: 141 bodies must report
}

func ExampleRegistry_Due() {
	r := plan.Default()
	for _, id := range []string{"so-y-te", "hoi-ctd"} {
		due, _ := r.Due(id, plan.Period{Kind: plan.Annual, Year: 2026})
		fmt.Println(id, due)
	}
	_, err := r.Due("so-y-te", plan.Period{Kind: plan.HalfYear, Year: 2026})
	var l diag.List
	if errors.As(err, &l) {
		fmt.Println(l[0].Code)
	}
	// Output:
	// so-y-te 2026-11-20
	// hoi-ctd 2026-12-15
	// no_report_due
}

func ExampleRegistry_Body() {
	_, err := plan.Default().Body("so-yte")
	fmt.Println(err)
	// Output:
	// /: There is no body with ID "so-yte" in Plan 164/KH-UBND. Did you mean: so-y-te?
}

func ExampleParseUnits() {
	data := []byte(`{"units": [
  {"code": "hoi-luat-gia", "name": "Hội Luật gia thành phố Hà Nội", "group": 10, "from": "2023-01-01"},
  {"code": "hoi-luat-gia", "name": "UBND phường Ba Đình", "group": 13, "from": "2025-07-01"}
]}`)
	_, err := plan.ParseUnits("units.json", data)
	var l diag.List
	errors.As(err, &l)
	for _, is := range l {
		fmt.Println(is.Format(diag.EN))
	}
	// Output:
	// units.json:3:12: /units/1/code: Code "hoi-luat-gia" is already used by unit 1 (/units/0). Each unit needs its own code.
	// units.json:3:36: /units/1/name: "UBND phường Ba Đình" is already a built-in body (ID phuong-ba-dinh); do not register it again. Remove this unit from the file.
	// units.json:3:68: /units/1/group: Group 13 is not in section III of the plan: choose 2 to 12 (communes: group 12).
}

func ExampleParseSymbol() {
	s, _ := plan.ParseSymbol("07/2014/TT-BGDĐT")
	fmt.Println(s.Number, s.Year, s.Type, s.Issuer)
	_, err := plan.ParseSymbol("164/kh-UBND")
	fmt.Println(err)
	// Output:
	// 7 2014 TT BGDĐT
	// /: Document symbol "164/kh-UBND" is malformed at character 5: an upper-case abbreviation is expected. Write it as 164/KH-UBND, 11/2008/QH12 or 44-KL/TW.
}

func ExampleRegistry_Lookup() {
	r := plan.Default()
	for _, id := range []string{"III.6", "blood_donation", "44-KL/TW", "so-noi-vu"} {
		e, err := r.Lookup(id)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-9s %s: %s\n", e.Kind, e.ID, e.English)
	}
	// Output:
	// group     III.6: Department of Health
	// activity  blood_donation: donation of blood, tissue, organs and bodies
	// reference 44-KL/TW: Conclusion of the Party Secretariat on continuing Directive 43-CT/TW
	// body      so-noi-vu: Department of Home Affairs
}

func ExampleDocument_WriteText() {
	var b strings.Builder
	if err := plan.Plan().WriteText(&b, plan.TextOptions{IDs: true}); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "[III.6") {
			words := strings.Fields(line)
			fmt.Println(strings.Join(words[:min(len(words), 8)], " "))
		}
	}
	// Output:
	// [III.6] 6. Sở Y tế
	// [III.6.1] Chủ trì phối hợp với Hội Chữ
}
