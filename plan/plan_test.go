package plan_test

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/plan"
)

const sourcePath = "../../shared/source/164-KH-UBND-2023.txt"

// source returns the plan's published text as the library must reproduce
// it: the two lines broken mid-sentence joined, the Markdown marks dropped.
func source(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(sourcePath)
	if err != nil {
		t.Fatalf("the plan's source text is required for this test: %v", err)
	}
	s := string(b)
	if !norm.NFC.IsNormalString(s) {
		t.Fatal("source is not NFC")
	}
	s = strings.Replace(s, "Luật Hoạt động\n\nchữ thập đỏ", "Luật Hoạt động chữ thập đỏ", 1)
	s = strings.Replace(s, "chăm lo cho\n\ncác đối tượng", "chăm lo cho các đối tượng", 1)
	return strings.NewReplacer("**", "", "*", "").Replace(s)
}

// body is the source from section I to the closing paragraph, one
// paragraph a line.
func body(t *testing.T) []string {
	s := source(t)
	start := strings.Index(s, "I. MỤC ĐÍCH, YÊU CẦU")
	end := strings.Index(s, "Nơi nhận:")
	if start < 0 || end < start {
		t.Fatal("source has no sections I–III")
	}
	var lines []string
	for _, l := range strings.Split(s[start:end], "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

var sentenceEnd = regexp.MustCompile(`[.;:]\s|[.;:]$|/\.$`)

// sentences splits paragraphs into sentences (at ., ; and : followed by a
// space or the end).
func sentences(paras []string) []string {
	var out []string
	for _, p := range paras {
		rest := p
		for {
			loc := sentenceEnd.FindStringIndex(rest)
			if loc == nil {
				if s := strings.TrimSpace(rest); s != "" {
					out = append(out, s)
				}
				break
			}
			out = append(out, strings.TrimSpace(rest[:loc[1]]))
			rest = rest[loc[1]:]
		}
	}
	return out
}

func TestVerbatimInOrder(t *testing.T) {
	text := plan.Plan().Text()
	paras := body(t)
	// Every paragraph of the source is a line of the text, in order.
	lines := strings.Split(text, "\n")
	at := 0
	for _, p := range paras {
		want := strings.TrimPrefix(p, "- ")
		found := false
		for at < len(lines) {
			l := strings.TrimPrefix(lines[at], "- ")
			at++
			if l == want {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("paragraph not found in order in the rendered text:\n%s", p)
		}
	}
	// And every sentence appears, in order, in the rendered text.
	pos := 0
	n := 0
	for _, s := range sentences(paras) {
		i := strings.Index(text[pos:], s)
		if i < 0 {
			t.Fatalf("sentence not found in order: %q", s)
		}
		pos += i + len(s)
		n++
	}
	if n < 60 {
		t.Fatalf("only %d sentences checked: the splitter is broken", n)
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("rendered text is not NFC")
	}
}

func TestEveryClauseIsInTheSource(t *testing.T) {
	src := strings.Join(body(t), "\n")
	d := plan.Plan()
	check := func(c plan.Clause) {
		if !strings.Contains(src, c.Text) && !strings.Contains(source(t), c.Text) {
			t.Errorf("%s is not verbatim: %q", c.ID, c.Text)
		}
		if !norm.NFC.IsNormalString(c.Text) || c.English == "" || c.Text != strings.TrimSpace(c.Text) {
			t.Errorf("%s: not NFC, not trimmed or no English gloss", c.ID)
		}
	}
	check(d.Preamble)
	check(d.Closing)
	for _, s := range d.Sections {
		for _, p := range s.Parts {
			if !strings.Contains(src, p.Title) {
				t.Errorf("%s title is not verbatim: %q", p.ID, p.Title)
			}
			for _, c := range p.Clauses {
				check(c)
			}
		}
	}
	if !strings.Contains(source(t), d.Title) {
		t.Errorf("title is not verbatim")
	}
	for _, r := range d.Recipients {
		if !strings.Contains(source(t), "- "+r) {
			t.Errorf("recipient %q is not in the source", r)
		}
	}
}

func TestCounts(t *testing.T) {
	d := plan.Plan()
	count := func(s plan.Section) (n int) {
		for _, p := range s.Parts {
			n += len(p.Clauses)
		}
		return n
	}
	if len(d.Sections) != 3 {
		t.Fatalf("%d sections, want 3", len(d.Sections))
	}
	if got := []int{len(d.Sections[0].Parts[0].Clauses), len(d.Sections[0].Parts[1].Clauses)}; !slices.Equal(got, []int{3, 2}) {
		t.Errorf("section I: %v, want 3 purposes and 2 requirements", got)
	}
	if n := count(d.Sections[0]); n != 5 {
		t.Errorf("section I has %d clauses, want 5", n)
	}
	if len(d.Sections[1].Parts) != 4 || count(d.Sections[1]) != 13 {
		t.Errorf("section II: %d areas, %d bullets; want 4 and 13", len(d.Sections[1].Parts), count(d.Sections[1]))
	}
	if len(plan.Groups()) != 12 || len(plan.Tasks()) != 22 {
		t.Errorf("section III: %d groups, %d tasks; want 12 and 22", len(plan.Groups()), len(plan.Tasks()))
	}
	perGroup := []int{6, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 3}
	for i, g := range plan.Groups() {
		if len(g.Clauses) != perGroup[i] {
			t.Errorf("group %d has %d tasks, want %d", i+1, len(g.Clauses), perGroup[i])
		}
	}
}

func TestIDsAreUniqueAndStable(t *testing.T) {
	seen := map[string]bool{}
	idRE := regexp.MustCompile(`^(I|II|III)\.\d+\.\d+$`)
	d := plan.Plan()
	for _, s := range d.Sections {
		for _, p := range s.Parts {
			for i, c := range p.Clauses {
				if seen[c.ID] || !idRE.MatchString(c.ID) || !strings.HasSuffix(c.ID, "."+strconv.Itoa(i+1)) || !strings.HasPrefix(c.ID, p.ID+".") {
					t.Errorf("bad or duplicate clause ID %q", c.ID)
				}
				seen[c.ID] = true
			}
		}
	}
	for _, id := range []string{"I.1.2", "II.3.1", "III.6.1", "III.1.6", "III.12.3"} {
		if !seen[id] {
			t.Errorf("missing clause %s", id)
		}
	}
	c, err := plan.TaskByID("III.6.1")
	if err != nil || !strings.HasPrefix(c.Text, "Chủ trì phối hợp với Hội Chữ thập đỏ Thành phố trong công tác chăm sóc sức khỏe") || c.Group != 6 {
		t.Errorf("III.6.1 = %+v, %v", c, err)
	}
}

func TestHeader(t *testing.T) {
	d := plan.Plan()
	if d.Symbol.Number != 164 || d.Symbol.Type != "KH" || d.Symbol.Issuer != "UBND" || d.Symbol.String() != "164/KH-UBND" {
		t.Errorf("symbol %+v", d.Symbol)
	}
	if d.Date != plan.D(2023, 6, 5) || d.Place != "Hà Nội" || d.Type != "KẾ HOẠCH" {
		t.Errorf("header %v %s %s", d.Date, d.Place, d.Type)
	}
	text := d.Text()
	for _, want := range []string{"Số: 164/KH-UBND", "Hà Nội, ngày 05 tháng 6 năm 2023", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Hồng Sơn", "Nơi nhận:\n- Thành ủy Hà Nội;", "- Lưu: VT, NC.\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered text lacks %q", want)
		}
	}
	if len(d.Recipients) != 14 {
		t.Errorf("%d recipients, want 14", len(d.Recipients))
	}
}

func TestReferencesAreCitedWhereTheySay(t *testing.T) {
	d := plan.Plan()
	clauses := map[string]plan.Clause{"preamble": d.Preamble, "closing": d.Closing}
	for _, s := range d.Sections {
		for _, p := range s.Parts {
			for _, c := range p.Clauses {
				clauses[c.ID] = c
			}
		}
	}
	want := map[string]bool{"44-KL/TW": true, "43-CT/TW": true, "140-KH/TU": true, "11/2008/QH12": true, "07/2014/TT-BGDĐT": true}
	for _, r := range d.References {
		delete(want, r.ID)
		if r.Symbol.String() != r.ID {
			t.Errorf("%s: symbol renders as %s", r.ID, r.Symbol)
		}
		var cited []string
		for id, c := range clauses {
			if strings.Contains(c.Text, r.Mention) {
				cited = append(cited, id)
			}
		}
		got := slices.Sorted(slices.Values(r.CitedIn))
		slices.Sort(cited)
		if !slices.Equal(got, cited) {
			t.Errorf("%s: CitedIn %v, but the text mentions it in %v", r.ID, got, cited)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing references %v", want)
	}
	if r, _ := plan.ReferenceByID("44-KL/TW"); r.Date != plan.D(2022, 11, 14) {
		t.Errorf("44-KL/TW date %v", r.Date)
	}
}

func TestCampaignMentions(t *testing.T) {
	for _, c := range plan.Campaigns() {
		for id, spelling := range c.Mentions {
			cl, err := plan.ClauseByID(id)
			if err != nil || !strings.Contains(cl.Text, spelling) {
				t.Errorf("campaign %s: clause %s does not contain %q", c.ID, id, spelling)
			}
		}
		for _, a := range c.Activities {
			if _, err := plan.ActivityByID(a); err != nil {
				t.Errorf("campaign %s: %v", c.ID, err)
			}
		}
	}
	if len(plan.Campaigns()) != 5 {
		t.Errorf("%d campaigns, want 5", len(plan.Campaigns()))
	}
}

func TestActivities(t *testing.T) {
	as := plan.Activities()
	if len(as) != 7 {
		t.Fatalf("%d activities, want 7", len(as))
	}
	for i, a := range as {
		if a.Number != i+1 || a.Article != 7+i {
			t.Errorf("%s: number %d article %d", a.ID, a.Number, a.Article)
		}
	}
}

func TestIndicators(t *testing.T) {
	seen := map[string]bool{}
	areas := map[string]bool{}
	for _, in := range plan.Indicators() {
		if seen[in.Code] || in.Max <= 0 || in.Max > plan.MaxIndicator || in.Name == "" || in.English == "" || in.Unit == "" {
			t.Errorf("bad indicator %+v", in)
		}
		seen[in.Code] = true
		areas[in.Area] = true
	}
	// The catalogue runs area by area, in the order of Areas, and every
	// area has an indicator.
	rank := map[string]int{}
	for i, a := range plan.Areas() {
		rank[a.ID] = i
		if !areas[a.ID] || a.Title == "" || a.English == "" {
			t.Errorf("area %+v: no indicator or no title", a)
		}
	}
	last := 0
	for _, in := range plan.Indicators() {
		r, ok := rank[in.Area]
		if !ok || r < last {
			t.Errorf("%s: area %q is not in plan.Areas or out of its order", in.Code, in.Area)
		}
		last = r
	}
	if len(plan.Areas()) != 2+len(plan.Activities()) {
		t.Errorf("%d areas, want organisation, overall and the %d contents", len(plan.Areas()), len(plan.Activities()))
	}
}
