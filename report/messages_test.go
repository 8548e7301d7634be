package report

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

// tagCodes are the issue codes each validate tag can give (besides
// "required" for an empty string, see expectedCombos). A tag missing here
// fails TestEveryCombinationHasMessages: add it, and its messages.
var tagCodes = map[string][]string{
	"required": {"required"}, "required_if": {"required"}, "required_unless": {"required"},
	"max": {"too_long"}, "min": {"too_few"}, "oneof": {"invalid_value"}, "eq": {"invalid_value"},
	"gte": {"out_of_range"}, "lte": {"out_of_range"},
	"prose_text": {"invalid_text"}, "line_text": {"invalid_text"},
	"phone": {"invalid_phone"}, "email_syntax": {"invalid_email"}, "symbol": {"invalid_symbol"},
	"body": {"unknown_body"}, "task": {"unknown_task"}, "activity": {"unknown_activity"},
}

// planCombos are the issues of the plan rules, as "pattern code".
var planCombos = []string{
	"/body body_not_in_force", "/period/kind half_year_not_due", "/period/kind no_report_due",
	"/reportDate required", "/reportDate invalid_date", "/reportDate report_date_before_window",
	"/dataCutoff invalid_date", "/dataCutoff cutoff_outside_window", "/dataCutoff cutoff_after_report_date",
	"/tasks missing_task", "/tasks/*/task foreign_task",
}

// expectedCombos derives from the tags of Report every "pattern code"
// that validation can give, and adds the plan rules'.
func expectedCombos(t *testing.T) map[string]bool {
	want := map[string]bool{}
	for _, c := range planCombos {
		want[c] = true
	}
	var walk func(pat string, typ reflect.Type)
	// target adds the codes of tags (one side of a dive) on a value of type typ at pat.
	target := func(pat string, typ reflect.Type, tags []string) {
		if len(tags) > 0 && typ.Kind() == reflect.String && tags[0] != "omitempty" {
			want[pat+" required"] = true // an empty string fails any tag
		}
		for _, tag := range tags {
			name, param, _ := strings.Cut(tag, "=")
			switch {
			case name == "omitempty":
			case name == "unique" && param == "Task":
				want[pat+"/*/task duplicate_task"] = true
			case name == "unique":
				want[pat+"/* duplicate_activity"] = true
			case name == "indicators":
				want[pat+"/* unknown_indicator"], want[pat+"/* out_of_range"] = true, true
			case name == "max" && (typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map):
				want[pat+" too_many"] = true // a list: items, not characters
			case tagCodes[name] != nil:
				for _, code := range tagCodes[name] {
					want[pat+" "+code] = true
				}
			default:
				t.Errorf("%s: tag %q has no codes in tagCodes: add it and its messages", pat, name)
			}
		}
	}
	walk = func(pat string, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			fp := pat + "/" + jsonName(f)
			var tags []string
			for _, tag := range strings.Split(f.Tag.Get("validate"), ",") {
				if a, ok := aliases[tag]; ok {
					tags = append(tags, strings.Split(a, ",")...)
				} else if tag != "" {
					tags = append(tags, tag)
				}
			}
			before, after, dive := tags, []string(nil), slices.Index(tags, "dive")
			if dive >= 0 {
				before, after = tags[:dive], tags[dive+1:]
			}
			target(fp, f.Type, before)
			elem := f.Type
			if dive >= 0 {
				elem = f.Type.Elem()
				target(fp+"/*", elem, after)
			}
			if elem.Kind() == reflect.Struct && elem != reflect.TypeFor[plan.Date]() {
				if dive >= 0 {
					fp += "/*"
				}
				walk(fp, elem)
			}
		}
	}
	walk("", reflect.TypeFor[Report]())
	return want
}

// comboCases make each combination happen on a valid report.
var comboCases = map[string]func(t testing.TB, r *Report){
	"/schemaVersion invalid_value": func(_ testing.TB, r *Report) { r.SchemaVersion = 0 },
	"/plan invalid_value":          func(_ testing.TB, r *Report) { r.Plan = "164/KH-UBND-2023" },
	"/plan required":               func(_ testing.TB, r *Report) { r.Plan = "" },
	"/body required":               func(_ testing.TB, r *Report) { r.Body = "" },
	"/body unknown_body":           func(_ testing.TB, r *Report) { r.Body = "so-yte" },
	"/body body_not_in_force": func(_ testing.TB, r *Report) {
		r.Body, r.Period.Year, r.ReportDate = "so-tttt", 2025, mustDate("2025-11-15")
	},
	"/period/kind invalid_value":     func(_ testing.TB, r *Report) { r.Period.Kind = "year" },
	"/period/kind required":          func(_ testing.TB, r *Report) { r.Period.Kind = "" },
	"/period/kind half_year_not_due": func(_ testing.TB, r *Report) { r.Period.Kind, r.ReportDate = plan.HalfYear, mustDate("2026-06-18") },
	"/period/kind no_report_due": func(t testing.TB, r *Report) {
		*r = *buildReport(t, Default(), "quan-hoan-kiem", mustDate("2025-06-20"), plan.Annual, 2025)
	},
	"/period/year out_of_range":             func(_ testing.TB, r *Report) { r.Period.Year = 0 },
	"/reportDate required":                  func(_ testing.TB, r *Report) { r.ReportDate = plan.Date{} },
	"/reportDate invalid_date":              func(_ testing.TB, r *Report) { r.ReportDate.Day = 31 },
	"/reportDate report_date_before_window": func(_ testing.TB, r *Report) { r.ReportDate = mustDate("2025-01-01") },
	"/dataCutoff invalid_date":              func(_ testing.TB, r *Report) { r.DataCutoff = &plan.Date{Year: 2026, Month: 13, Day: 1} },
	"/dataCutoff cutoff_outside_window":     func(_ testing.TB, r *Report) { r.DataCutoff = refTo(mustDate("2025-06-30")) },
	"/dataCutoff cutoff_after_report_date":  func(_ testing.TB, r *Report) { r.DataCutoff = refTo(mustDate("2026-12-01")) },
	"/reference too_long":                   func(_ testing.TB, r *Report) { r.Reference = strings.Repeat("1", MaxLength("/reference")+1) },
	"/reference invalid_symbol":             func(_ testing.TB, r *Report) { r.Reference = "245/BC-SYT/" },
	"/tasks too_few":                        func(_ testing.TB, r *Report) { r.Tasks = []TaskResult{} },
	"/tasks too_many": func(_ testing.TB, r *Report) {
		r.Tasks = slices.Repeat(r.Tasks, len(plan.Tasks())/len(r.Tasks)+1)
	},
	"/tasks/*/activities too_many": func(_ testing.TB, r *Report) {
		r.Tasks[0].Activities = slices.Repeat([]string{"blood_donation"}, len(plan.Activities())+1)
	},
	"/indicators too_many": func(_ testing.TB, r *Report) {
		for k := range len(plan.Indicators()) + 1 {
			r.Indicators[fmt.Sprint("x", k)] = 1
		}
	},
	"/tasks missing_task":        func(_ testing.TB, r *Report) { r.Tasks = nil },
	"/tasks/*/task required":     func(_ testing.TB, r *Report) { r.Tasks[0].Task = "" },
	"/tasks/*/task unknown_task": func(_ testing.TB, r *Report) { r.Tasks[0].Task = "III.6" },
	"/tasks/*/task foreign_task": func(_ testing.TB, r *Report) {
		r.Tasks = append(r.Tasks, TaskResult{Task: "III.11.1", Status: Done, Results: "Có."})
	},
	"/tasks/*/task duplicate_task":  func(_ testing.TB, r *Report) { r.Tasks = append(r.Tasks, r.Tasks...) },
	"/tasks/*/status required":      func(_ testing.TB, r *Report) { r.Tasks[0].Status = "" },
	"/tasks/*/status invalid_value": func(_ testing.TB, r *Report) { r.Tasks[0].Status = "Done" },
	"/tasks/*/results required":     func(_ testing.TB, r *Report) { r.Tasks[0].Results = "" },
	"/tasks/*/results too_long": func(_ testing.TB, r *Report) {
		r.Tasks[0].Results = strings.Repeat("ư", MaxLength("/tasks/*/results")+1)
	},
	"/tasks/*/results invalid_text": func(_ testing.TB, r *Report) { r.Tasks[0].Results = "\tĐã làm" },
	"/tasks/*/reason required":      func(_ testing.TB, r *Report) { r.Tasks[0].Status = NotStarted },
	"/tasks/*/reason too_long": func(_ testing.TB, r *Report) {
		r.Tasks[0].Reason = strings.Repeat("ư", MaxLength("/tasks/*/reason")+1)
	},
	"/tasks/*/reason invalid_text":   func(_ testing.TB, r *Report) { r.Tasks[0].Reason = "Chưa có kinh phí\u2028" },
	"/tasks/*/activities/* required": func(_ testing.TB, r *Report) { r.Tasks[0].Activities = []string{""} },
	"/tasks/*/activities/* unknown_activity": func(_ testing.TB, r *Report) {
		r.Tasks[0].Activities = []string{strings.Repeat("x", 100)}
	},
	"/tasks/*/activities/* duplicate_activity": func(_ testing.TB, r *Report) { r.Tasks[0].Activities = []string{"relief", "relief"} },
	"/indicators/* unknown_indicator":          func(_ testing.TB, r *Report) { r.Indicators["máu"] = 1 },
	"/indicators/* out_of_range":               func(_ testing.TB, r *Report) { r.Indicators["movement_value_vnd"] = plan.MaxIndicator },
	"/difficulties too_long":                   func(_ testing.TB, r *Report) { r.Difficulties = strings.Repeat("a", MaxLength("/difficulties")+1) },
	"/difficulties invalid_text":               func(_ testing.TB, r *Report) { r.Difficulties = "Khó\x1b[0m khăn" },
	"/proposals too_long":                      func(_ testing.TB, r *Report) { r.Proposals = strings.Repeat("a", MaxLength("/proposals")+1) },
	"/proposals invalid_text":                  func(_ testing.TB, r *Report) { r.Proposals = "Đề xuất\u0085" },
	"/preparedBy/name required":                func(_ testing.TB, r *Report) { r.PreparedBy.Name = "" },
	"/preparedBy/name too_long": func(_ testing.TB, r *Report) {
		r.PreparedBy.Name = strings.Repeat("a", MaxLength("/preparedBy/name")+1)
	},
	"/preparedBy/name invalid_text": func(_ testing.TB, r *Report) { r.PreparedBy.Name = "\u3000Hương" },
	"/preparedBy/position required": func(_ testing.TB, r *Report) { r.PreparedBy.Position = "" },
	"/preparedBy/position too_long": func(_ testing.TB, r *Report) {
		r.PreparedBy.Position = strings.Repeat("a", MaxLength("/preparedBy/position")+1)
	},
	"/preparedBy/position invalid_text": func(_ testing.TB, r *Report) { r.PreparedBy.Position = "Chuyên viên\r\nPhòng Y" },
	"/preparedBy/phone required":        func(_ testing.TB, r *Report) { r.PreparedBy.Phone = "" },
	"/preparedBy/phone invalid_phone":   func(_ testing.TB, r *Report) { r.PreparedBy.Phone = "+840912345678" },
	"/preparedBy/email too_long": func(_ testing.TB, r *Report) {
		r.PreparedBy.Email = strings.Repeat("a", MaxLength("/preparedBy/email")) + "@x.vn"
	},
	"/preparedBy/email invalid_email": func(_ testing.TB, r *Report) { r.PreparedBy.Email = "hương@hanoi.gov.vn" },
	"/signedBy/name required":         func(_ testing.TB, r *Report) { r.SignedBy.Name = "" },
	"/signedBy/name too_long":         func(_ testing.TB, r *Report) { r.SignedBy.Name = strings.Repeat("a", MaxLength("/signedBy/name")+1) },
	"/signedBy/name invalid_text":     func(_ testing.TB, r *Report) { r.SignedBy.Name = "Trần Văn Minh\ufeff" },
	"/signedBy/position required":     func(_ testing.TB, r *Report) { r.SignedBy.Position = "" },
	"/signedBy/position too_long": func(_ testing.TB, r *Report) {
		r.SignedBy.Position = strings.Repeat("a", MaxLength("/signedBy/position")+1)
	},
	"/signedBy/position invalid_text": func(_ testing.TB, r *Report) { r.SignedBy.Position = "Phó\x00Giám đốc" },
}

var (
	// placeholder is a placeholder of the labels left unfilled, such as {task}.
	placeholder = regexp.MustCompile(`\{[A-Za-z_]+\}`)
	// quoted is a value quoted from the input, which may hold anything.
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// checkMessages fails for an issue whose messages are empty, equal, left
// placeholders or formatting errors behind, or do not read as sentences.
func checkMessages(t testing.TB, is diag.Issue) {
	t.Helper()
	if is.Code == "" {
		t.Errorf("%s: no code", is.Path)
	}
	for _, m := range []struct{ lang, text string }{{"VI", is.VI}, {"EN", is.EN}} {
		first, _ := utf8.DecodeRuneInString(m.text)
		last, _ := utf8.DecodeLastRuneInString(m.text)
		own := quoted.ReplaceAllString(m.text, `""`)
		switch {
		case m.text == "":
			t.Errorf("%s %s: empty %s message", is.Path, is.Code, m.lang)
		case placeholder.MatchString(own) || strings.Contains(own, "%!") || strings.Contains(own, "<nil>"):
			t.Errorf("%s %s: %s message has leftovers: %s", is.Path, is.Code, m.lang, m.text)
		case !unicode.IsUpper(first) && first != '"':
			t.Errorf("%s %s: %s message does not start a sentence: %s", is.Path, is.Code, m.lang, m.text)
		case !strings.ContainsRune(".?)", last):
			t.Errorf("%s %s: %s message does not end a sentence: %s", is.Path, is.Code, m.lang, m.text)
		}
	}
	if is.VI == is.EN {
		t.Errorf("%s %s: VI = EN: %s", is.Path, is.Code, is.VI)
	}
	if !strings.ContainsFunc(is.VI, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) {
		t.Errorf("%s %s: VI message has no Vietnamese letter: %s", is.Path, is.Code, is.VI)
	}
}

// TestEveryCombinationHasMessages makes every code × field combination
// happen, with a task of the plan and with an unknown task ID in the item
// (labels name the item then), and checks the messages of every issue.
func TestEveryCombinationHasMessages(t *testing.T) {
	want := expectedCombos(t)
	for combo := range comboCases {
		if !want[combo] {
			t.Errorf("case %q is not a combination the tags or plan rules give", combo)
		}
	}
	for combo := range want {
		mutate, ok := comboCases[combo]
		if !ok {
			t.Errorf("no case makes %q happen", combo)
			continue
		}
		for _, unknownTask := range []bool{false, true} {
			r := health(t)
			mutate(t, r)
			if unknownTask && len(r.Tasks) > 0 {
				r.Tasks[0].Task = "III.99.1"
			}
			var l diag.List
			errors.As(Validate(r), &l)
			seen := false
			for _, is := range l {
				pat, _ := locate(is.Path)
				seen = seen || pat+" "+string(is.Code) == combo
				checkMessages(t, is)
			}
			if !seen && !unknownTask {
				t.Errorf("%s did not happen: %q", combo, issuesOf(t, l.Err()))
			}
		}
	}
	var l diag.List
	errors.As(Validate(nil), &l)
	checkMessages(t, l[0])
}

// TestLabelsAreFields: every field that can have an issue is in the
// field table, which words exactly the members of Report.
func TestLabelsAreFields(t *testing.T) {
	for combo := range expectedCombos(t) {
		pat, _, _ := strings.Cut(combo, " ")
		if f, ok := Field(pat); !ok || f.Pointer != pat || messageLabel(pat).vi == "" {
			t.Errorf("field %q has no entry in the field table (fields.go)", pat)
		}
	}
	var members []string
	var walk func(typ reflect.Type, ptr string)
	walk = func(typ reflect.Type, ptr string) {
		members = append(members, ptr)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch {
		case typ == reflect.TypeFor[plan.Date]():
		case typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map:
			walk(typ.Elem(), ptr+"/*")
		case typ.Kind() == reflect.Struct:
			for i := range typ.NumField() {
				name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
				walk(typ.Field(i).Type, ptr+"/"+name)
			}
		}
	}
	walk(reflect.TypeFor[Report](), "")
	var table []string
	for _, f := range Fields() {
		table = append(table, f.Pointer)
	}
	if !slices.Equal(table, members) {
		t.Errorf("the field table words\n%q\nReport's members are, in order,\n%q", table, members)
	}
}

// TestPhrasesStartWithLabels: where messages name a field with more words
// than its label, they start with the label's words.
func TestPhrasesStartWithLabels(t *testing.T) {
	for _, f := range Fields() {
		l := messageLabel(f.Pointer)
		d := defaultPhrase(f.label)
		if !strings.HasPrefix(l.vi, d.VI) || !strings.HasPrefix(l.en, d.EN) {
			t.Errorf("%s: messages say %q / %q, the label %q / %q", f.Pointer, l.vi, l.en, f.label.VI, f.label.EN)
		}
		// The sentences that say what to do name the field with the label's words.
		if l.needVI != "" && !strings.Contains(strings.ToLower(l.needVI), d.VI) || l.needEN != "" && !strings.Contains(strings.ToLower(l.needEN), strings.ToLower(d.EN)) {
			t.Errorf("%s: %q / %q do not name the field as %q / %q", f.Pointer, l.needVI, l.needEN, d.VI, d.EN)
		}
	}
}

// TestBoundsInPairs: gte and lte are declared together, in an alias, as
// outOfRange reads them.
func TestBoundsInPairs(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[Report](), reflect.TypeFor[Period](), reflect.TypeFor[TaskResult](),
		reflect.TypeFor[Preparer](), reflect.TypeFor[Signer]()} {
		for i := range typ.NumField() {
			for _, tag := range strings.Split(typ.Field(i).Tag.Get("validate"), ",") {
				if strings.HasPrefix(tag, "gte=") || strings.HasPrefix(tag, "lte=") {
					t.Errorf("%s.%s: %s outside an alias", typ.Name(), typ.Field(i).Name, tag)
				}
			}
		}
	}
	for alias, tags := range aliases {
		if strings.Contains(tags, "gte=") != strings.Contains(tags, "lte=") {
			t.Errorf("alias %s = %s: gte without lte or the reverse", alias, tags)
		}
	}
}

func TestPlural(t *testing.T) {
	if got := plural(1, "item") + ", " + plural(3, "item"); got != "1 item, 3 items" {
		t.Errorf("plural: %q", got)
	}
}

func TestLocate(t *testing.T) {
	for _, tt := range []struct {
		ptr, pattern string
		ranks        []rank
	}{
		{"/tasks/2/activities/1", "/tasks/*/activities/*", []rank{{n: 7}, {n: 2}, {n: 4}, {n: 1}}},
		{"/indicators/a~1b", "/indicators/*", []rank{{n: 8}, {s: "a/b"}}},
		{"/signedBy/name", "/signedBy/name", []rank{{n: 12}, {n: 0}}},
		{"/tasks/0/nope/x", "/tasks/*/nope/x", []rank{{n: 7}, {n: 0}, {s: "nope"}, {s: "x"}}},
		{"", "", []rank{}},
	} {
		pat, ranks := locate(tt.ptr)
		if pat != tt.pattern || !slices.Equal(ranks, tt.ranks) {
			t.Errorf("locate(%q) = %q %v, want %q %v", tt.ptr, pat, ranks, tt.pattern, tt.ranks)
		}
	}
}

func TestNum(t *testing.T) {
	for _, tt := range []struct {
		n      int64
		vi, en string
	}{
		{0, "0", "0"}, {2026, "2026", "2026"}, {-9999, "-9999", "-9999"}, {10000, "10.000", "10,000"},
		{10234, "10.234", "10,234"}, {100_000_000, "100.000.000", "100,000,000"}, {-1234567, "-1.234.567", "-1,234,567"},
		{plan.MaxIndicator, "9.007.199.254.740.991", "9,007,199,254,740,991"},
	} {
		if vi, en := num(tt.n, diag.VI), num(tt.n, diag.EN); vi != tt.vi || en != tt.en {
			t.Errorf("num(%d) = %q, %q; want %q, %q", tt.n, vi, en, tt.vi, tt.en)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip(strings.Repeat("ữ", 100)); utf8.RuneCountInString(got) != maxQuoted || !strings.HasSuffix(got, "…") {
		t.Errorf("clip: %q", got)
	}
	if got := clip("ngắn"); got != "ngắn" {
		t.Errorf("clip short: %q", got)
	}
}
