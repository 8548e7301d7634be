package report

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/strictjson"
	"github.com/kh164/kh164/internal/textrule"
	"github.com/kh164/kh164/plan"
)

// A label names a field in messages, in both languages: the noun phrase
// of the field table (fields.go), and the sentence that says what to do
// when the value is missing ("" for "Nhập" / "Enter" and the noun
// phrase).
type label struct {
	vi, en         string
	needVI, needEN string
}

// labelOf returns the label of the field at ptr, placeholders filled in.
func (v *validation) labelOf(ptr string) label {
	pat, ranks := locate(ptr)
	l := messageLabel(pat) // every field that can have an issue has one: TestLabelsAreFields
	if !strings.HasPrefix(pat, "/tasks/*/") {
		return l
	}
	item := ranks[1].n
	tvi, ten := fmt.Sprintf("nhiệm vụ ở mục thứ %d", item+1), fmt.Sprintf("the task in item %d", item+1)
	if id := v.r.Tasks[item].Task; planSets().tasks[id] {
		tvi, ten = "nhiệm vụ "+id, "task "+id
	}
	n := "" // the activity's number, in /tasks/*/activities/*
	if len(ranks) == 4 {
		n = strconv.Itoa(ranks[3].n + 1)
	}
	vi := strings.NewReplacer("{item}", strconv.Itoa(item+1), "{task}", tvi, "{n}", n)
	en := strings.NewReplacer("{item}", strconv.Itoa(item+1), "{task}", ten, "{n}", n)
	return label{vi.Replace(l.vi), en.Replace(l.en), vi.Replace(l.needVI), en.Replace(l.needEN)}
}

// need is what to do when the value at ptr is missing.
func (v *validation) need(ptr string) (vi, en string) {
	l := v.labelOf(ptr)
	if l.needVI == "" {
		return "Nhập " + l.vi + ".", "Enter " + l.en + "."
	}
	return l.needVI, l.needEN
}

// add appends an issue. Issues about a task's item carry the task's ID
// in Params["task"] when it is a task of the plan.
func (v *validation) add(ptr string, code diag.Code, vi, en string, params ...any) {
	is := diag.New(ptr, code, vi, en, params...)
	if rest, ok := strings.CutPrefix(ptr, "/tasks/"); ok {
		i, _, _ := strings.Cut(rest, "/")
		if n, err := strconv.Atoi(i); err == nil && n < len(v.r.Tasks) && planSets().tasks[v.r.Tasks[n].Task] {
			if is.Params == nil {
				is.Params = map[string]any{}
			}
			if _, set := is.Params["task"]; !set {
				is.Params["task"] = v.r.Tasks[n].Task
			}
		}
	}
	v.account(ptr)
	v.list = append(v.list, is)
}

// A failure is a validate tag that failed at a field, as the issue
// function of its rule (rules.go) reads it.
type failure struct {
	fe    validator.FieldError
	val   reflect.Value // the value, fe.Value()
	s     string        // the value when it is a string
	l     label         // the field's label
	alias string        // what fe.Tag() stands for when it is an alias
}

// tagIssue turns the failure of a validate tag at ptr into an issue: its
// rule's (rules.go), or required for any rule failing on an empty string.
func (v *validation) tagIssue(ptr string, fe validator.FieldError) {
	f := failure{fe: fe, val: reflect.ValueOf(fe.Value()), l: v.labelOf(ptr), alias: aliases[fe.Tag()]}
	if f.val.Kind() == reflect.String {
		f.s = f.val.String()
	}
	r := v.c.rules[fe.ActualTag()]
	switch {
	case f.val.Kind() == reflect.String && f.s == "":
		v.required(ptr, f)
	case r.issue != nil:
		r.issue(v, ptr, f)
	default: // unreachable while every tag has a rule (TestEveryTagHasARule): still name the field
		v.add(ptr, diag.InvalidValue,
			fmt.Sprintf("%s không hợp lệ (quy tắc %s).", upperFirst(f.l.vi), fe.Tag()),
			fmt.Sprintf("%s is not valid (rule %s).", upperFirst(f.l.en), fe.Tag()), "rule", fe.Tag())
	}
}

// required reports a missing value: required, required_if,
// required_unless, or any rule on an empty string.
func (v *validation) required(ptr string, _ failure) {
	vi, en := v.need(ptr)
	v.add(ptr, diag.Required, vi, en)
}

// tooLongOrMany reports the failure of max: a list longer than the
// plan's, or a text longer than its limit in characters.
func (v *validation) tooLongOrMany(ptr string, f failure) {
	lv, le := upperFirst(f.l.vi), upperFirst(f.l.en)
	if k := f.val.Kind(); k == reflect.Slice || k == reflect.Map {
		n, limit := f.val.Len(), atoi(f.fe.Param())
		v.add(ptr, diag.TooMany,
			fmt.Sprintf("%s có %s mục, nhiều hơn tối đa %s mục theo Kế hoạch 164/KH-UBND (mỗi mục của kế hoạch chỉ ghi một lần). Xóa các mục lặp lại hoặc không có trong kế hoạch.", lv, num(n, diag.VI), num(limit, diag.VI)),
			fmt.Sprintf("%s has %s items, more than the %s of Plan 164/KH-UBND (each item of the plan appears once). Remove the repeated items and those not in the plan.", le, num(n, diag.EN), num(limit, diag.EN)),
			"max", limit, "length", n)
		return
	}
	n, limit := utf8.RuneCountInString(f.s), atoi(f.fe.Param())
	v.add(ptr, diag.TooLong,
		fmt.Sprintf("%s dài %s ký tự; tối đa %s ký tự. Hãy rút gọn.", lv, num(n, diag.VI), num(limit, diag.VI)),
		fmt.Sprintf("Shorten %s to at most %s characters (now %s).", f.l.en, num(limit, diag.EN), num(n, diag.EN)),
		"max", limit, "length", n)
}

// tooFew reports the failure of min on a list: a number of items.
func (v *validation) tooFew(ptr string, f failure) {
	n, least := f.val.Len(), atoi(f.fe.Param())
	vi, en := v.need(ptr)
	v.add(ptr, diag.TooFew,
		fmt.Sprintf("%s phải có ít nhất %d mục (hiện có %d). %s", upperFirst(f.l.vi), least, n, vi),
		fmt.Sprintf("%s must have at least %s (now %d). %s", upperFirst(f.l.en), plural(least, "item"), n, en),
		"min", least, "length", n)
}

// notOneOf reports the failure of oneof.
func (v *validation) notOneOf(ptr string, f failure) {
	allowed := strings.Fields(f.fe.Param())
	list := strings.Join(allowed, ", ")
	v.add(ptr, diag.InvalidValue,
		fmt.Sprintf("Giá trị %s của %s không hợp lệ; chọn một trong: %s.", quote(f.s), f.l.vi, list),
		fmt.Sprintf("%s is not a valid value for %s; choose one of: %s.", quote(f.s), f.l.en, list),
		"value", clip(f.s), "allowed", allowed)
}

// notEqual reports the failure of eq, on a number or a string.
func (v *validation) notEqual(ptr string, f failure) {
	want, got := f.fe.Param(), fmt.Sprint(f.fe.Value())
	value, expected := f.fe.Value(), any(atoi(f.fe.Param()))
	if f.val.Kind() == reflect.String {
		want, got = quote(want), quote(f.s)
		value, expected = clip(f.s), f.fe.Param()
	}
	v.add(ptr, diag.InvalidValue,
		fmt.Sprintf("%s phải là %s, không phải %s.", upperFirst(f.l.vi), want, got),
		fmt.Sprintf("%s must be %s, not %s.", upperFirst(f.l.en), want, got),
		"value", value, "expected", expected)
}

// outOfRange reports a number outside the bounds of its field: the gte
// and lte tags of its alias (they come in pairs, see TestBoundsInPairs).
func (v *validation) outOfRange(ptr string, f failure) {
	var lo, hi string
	for _, t := range strings.Split(f.alias, ",") {
		switch k, p, _ := strings.Cut(t, "="); k {
		case "gte":
			lo = p
		case "lte":
			hi = p
		}
	}
	n := f.val.Int()
	v.add(ptr, diag.OutOfRange,
		fmt.Sprintf("%s phải từ %s đến %s; %s nằm ngoài khoảng này.", upperFirst(f.l.vi), lo, hi, num(n, diag.VI)),
		fmt.Sprintf("%s must be from %s to %s, not %s.", upperFirst(f.l.en), lo, hi, num(n, diag.EN)),
		"value", n, "min", atoi(lo), "max", atoi(hi))
}

// invalidPhone reports the failure of phone.
func (v *validation) invalidPhone(ptr string, f failure) {
	v.add(ptr, diag.InvalidPhone,
		fmt.Sprintf("%s không đúng dạng: %s. Viết liền các chữ số: 0 hoặc +84, tiếp theo là 9 hoặc 10 chữ số (chữ số đầu khác 0), ví dụ 0912345678 hoặc +84912345678.", upperFirst(f.l.vi), quote(f.s)),
		fmt.Sprintf("%s is not valid: %s. Write the digits without spaces: 0 or +84, then 9 or 10 digits not starting with 0, for example 0912345678 or +84912345678.", upperFirst(f.l.en), quote(f.s)),
		"value", clip(f.s))
}

// invalidEmail reports the failure of email_syntax.
func (v *validation) invalidEmail(ptr string, f failure) {
	v.add(ptr, diag.InvalidEmail,
		fmt.Sprintf("%s không đúng dạng: %s. Viết theo mẫu ten@donvi.gov.vn: trước @ chỉ dùng chữ cái không dấu, chữ số và các dấu . _ %% + -; sau @ là tên miền có dấu chấm.", upperFirst(f.l.vi), quote(f.s)),
		fmt.Sprintf("%s is not valid: %s. Write it as name@unit.gov.vn: before the @ only unaccented letters, digits and . _ %% + -; after it a domain name with a dot.", upperFirst(f.l.en), quote(f.s)),
		"value", clip(f.s))
}

// invalidSymbol reports the failure of symbol, with plan.ParseSymbol's
// explanation of the first character that breaks the grammar.
func (v *validation) invalidSymbol(ptr string, f failure) {
	var dl diag.List
	if _, err := plan.ParseSymbol(f.s); errors.As(err, &dl) {
		v.add(ptr, diag.InvalidSymbol, dl[0].VI, dl[0].EN, "value", f.s, "column", dl[0].Params["column"])
		return
	}
	// Unreachable while plan.SymbolPattern is ParseSymbol's grammar, as it promises.
	v.add(ptr, diag.InvalidSymbol,
		fmt.Sprintf("%s không đúng dạng: %s. Viết theo mẫu 245/BC-SYT.", upperFirst(f.l.vi), quote(f.s)),
		fmt.Sprintf("%s is not valid: %s. Write it as 245/BC-SYT.", upperFirst(f.l.en), quote(f.s)), "value", f.s)
}

// unknownBody, unknownTask and unknownActivity report the failures of
// body, task and activity.
func (v *validation) unknownBody(ptr string, f failure) {
	v.unknown(ptr, ptr, diag.UnknownBody, f.s, func(id string) error { _, err := v.c.reg.Body(id); return err })
}

func (v *validation) unknownTask(ptr string, f failure) {
	v.unknown(ptr, ptr, diag.UnknownTask, f.s, func(id string) error { _, err := plan.TaskByID(id); return err })
}

func (v *validation) unknownActivity(ptr string, f failure) {
	v.unknown(ptr, ptr, diag.UnknownActivity, f.s, func(id string) error { _, err := plan.ActivityByID(id); return err })
}

// invalidText says exactly what breaks rule in s, a non-empty text: the
// character at its start or end, or the first forbidden character.
func (v *validation) invalidText(ptr string, rule textrule.Rule, s string, l label) {
	lv := upperFirst(l.vi)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case rule.AtEnd(first):
		cv, ce := charName(first)
		v.add(ptr, diag.InvalidText,
			fmt.Sprintf("%s bắt đầu bằng %s. Xóa khoảng trắng ở đầu.", lv, cv),
			fmt.Sprintf("There is %s at the start of %s. Remove it.", ce, l.en),
			"problem", "leading_whitespace", "char", fmt.Sprintf("U+%04X", first), "position", 1)
	case rule.AtEnd(last):
		cv, ce := charName(last)
		v.add(ptr, diag.InvalidText,
			fmt.Sprintf("%s kết thúc bằng %s. Xóa khoảng trắng ở cuối.", lv, cv),
			fmt.Sprintf("There is %s at the end of %s. Remove it.", ce, l.en),
			"problem", "trailing_whitespace", "char", fmt.Sprintf("U+%04X", last), "position", utf8.RuneCountInString(s))
	default:
		pos, bad := 0, rune(0)
		for _, r := range s {
			pos++
			if rule.Forbids(r) {
				bad = r
				break
			}
		}
		cv, ce := charName(bad)
		vi, en := "Xóa ký tự này (thường do sao chép từ tệp khác).", "Remove it (it usually comes from copying text from another file)."
		if bad == '\t' || bad == '\n' || bad == '\r' { // allowed in prose: this is a one-line field
			vi, en = "Trường này chỉ viết trên một dòng: xóa ký tự đó.", "The field is a single line: remove it."
		}
		v.add(ptr, diag.InvalidText,
			fmt.Sprintf("%s có %s ở ký tự thứ %d. %s", lv, cv, pos, vi),
			fmt.Sprintf("There is %s at character %d of %s. %s", ce, pos, l.en, en),
			"problem", "control_character", "char", fmt.Sprintf("U+%04X", bad), "position", pos)
	}
}

// charName names a character that text rules reject.
func charName(r rune) (vi, en string) {
	code := fmt.Sprintf(" (U+%04X)", r)
	switch {
	case r == ' ':
		return "dấu cách" + code, "a space" + code
	case r == '\t':
		return "ký tự tab" + code, "a tab" + code
	case r == '\n':
		return "ký tự xuống dòng" + code, "a line break" + code
	case r == '\r':
		return "ký tự về đầu dòng" + code, "a carriage return" + code
	case r == 0xA0:
		return "dấu cách không ngắt" + code, "a no-break space" + code
	case unicode.IsSpace(r) || r == 0xFEFF:
		return "khoảng trắng" + code, "a whitespace character" + code
	}
	return "ký tự điều khiển" + code, "the control character" + code
}

// unknown reports an ID at ptr that names nothing, with the plan's message
// and suggestions (for IDs short enough to be meant as IDs), introduced
// by the label of labelPtr.
func (v *validation) unknown(ptr, labelPtr string, code diag.Code, id string, lookup func(string) error) {
	l := v.labelOf(labelPtr)
	var dl diag.List
	if len(id) <= plan.MaxCodeLen && errors.As(lookup(id), &dl) {
		is := dl[0]
		v.add(ptr, code, upperFirst(l.vi)+": "+lowerFirst(is.VI), upperFirst(l.en)+": "+lowerFirst(is.EN), "id", id, "suggestions", is.Params["suggestions"])
		return
	}
	n := utf8.RuneCountInString(id)
	v.add(ptr, code,
		fmt.Sprintf("%s: %s (dài %s ký tự) không phải là mã nào trong Kế hoạch 164/KH-UBND. Dùng đúng mã trong kế hoạch.", upperFirst(l.vi), quote(id), num(n, diag.VI)),
		fmt.Sprintf("%s: %s (%s characters long) is not an ID of Plan 164/KH-UBND. Use an ID from the plan.", upperFirst(l.en), quote(id), num(n, diag.EN)),
		"id", clip(id))
}

// indicators reports each entry of the indicators map at ptr that breaks
// the indicators tag: one issue per entry, at its own pointer.
func (v *validation) indicators(ptr string) {
	type entry struct {
		code, item string
		n          int64
		off        int
	}
	var bad []entry
	for code, n := range v.r.Indicators {
		if _, fault := checkIndicator(code, n); fault != "" {
			bad = append(bad, entry{code: code, n: n})
		}
	}
	// Messages are built for the first diag.MaxIssues entries in order
	// only: a sender can make this map as long as the input allows.
	for i := range bad {
		bad[i].item = strictjson.AppendToken(ptr, bad[i].code)
		if v.offset != nil {
			bad[i].off = v.offset(bad[i].item)
		}
	}
	slices.SortFunc(bad, func(a, b entry) int { return cmp.Or(a.off-b.off, strings.Compare(a.code, b.code)) })
	if len(bad) > diag.MaxIssues {
		v.more += len(bad) - diag.MaxIssues
		bad = bad[:diag.MaxIssues]
	}
	for _, e := range bad {
		code, n, item := e.code, e.n, e.item
		in, fault := checkIndicator(code, n)
		switch fault {
		case diag.UnknownIndicator:
			v.unknown(item, ptr, fault, code, func(id string) error { _, err := plan.IndicatorByCode(id); return err })
		case diag.OutOfRange:
			v.add(item, fault,
				fmt.Sprintf("%s phải là số nguyên từ 0 đến %s (%s); số đã nhập là %s.", in.Name, num(in.Max, diag.VI), in.Unit, num(n, diag.VI)),
				fmt.Sprintf("%s must be a whole number from 0 to %s (%s), not %s.", in.English, num(in.Max, diag.EN), in.UnitEnglish, num(n, diag.EN)),
				"indicator", code, "value", n, "min", 0, "max", in.Max)
		}
	}
}

func (v *validation) duplicateTask(ptr, id string, first, i int) {
	name := taskName(id)
	v.add(ptr, diag.DuplicateTask,
		fmt.Sprintf("Nhiệm vụ %s đã có ở mục thứ %d; mỗi nhiệm vụ chỉ báo cáo một lần. Gộp nội dung mục thứ %d vào mục đó rồi xóa mục này.", name, first+1, i+1),
		fmt.Sprintf("Task %s already appears in item %d; report each task once. Merge item %d into it and remove this one.", name, first+1, i+1),
		"task", clip(id), "first", fmt.Sprintf("/tasks/%d", first))
}

func (v *validation) duplicateActivity(ptr, a string, first, i int) {
	l := v.labelOf(ptr[:strings.LastIndexByte(ptr, '/')])
	v.add(ptr, diag.DuplicateActivity,
		fmt.Sprintf("%s: %s ở vị trí thứ %d lặp lại vị trí thứ %d. Xóa mục trùng.", upperFirst(l.vi), quote(a), i+1, first+1),
		fmt.Sprintf("In %s, %s at position %d repeats position %d. Remove the repeat.", l.en, quote(a), i+1, first+1),
		"activity", clip(a), "first", first)
}

// taskName is a task ID as messages show it: quoted unless it is a task
// of the plan.
func taskName(id string) string {
	if planSets().tasks[id] {
		return id
	}
	return quote(id)
}

func (v *validation) invalidDate(ptr string, err error) {
	l := v.labelOf(ptr)
	var dl diag.List
	errors.As(err, &dl)
	v.add(ptr, diag.InvalidDate, upperFirst(l.vi)+": "+lowerFirst(dl[0].VI), upperFirst(l.en)+": "+lowerFirst(dl[0].EN), "value", dl[0].Params["value"])
}

func (v *validation) reportDateBeforeWindow(p plan.Period, start, end plan.Date) {
	d := v.r.ReportDate
	v.add("/reportDate", diag.ReportDateBeforeWindow,
		fmt.Sprintf("Ngày báo cáo %s trước kỳ báo cáo %s (số liệu từ %s đến %s). Kiểm tra lại ngày báo cáo hoặc kỳ báo cáo.", d.Vietnamese(), p.Vietnamese(), start.Vietnamese(), end.Vietnamese()),
		fmt.Sprintf("The report date %s is before the period, the %s (data from %s to %s). Check the report date or the period.", d, p.English(), start, end),
		"date", d.String(), "start", start.String(), "end", end.String())
}

func (v *validation) cutoffOutsideWindow(p plan.Period, start, end plan.Date) {
	d := *v.r.DataCutoff
	v.add("/dataCutoff", diag.CutoffOutsideWindow,
		fmt.Sprintf("Ngày chốt số liệu %s nằm ngoài kỳ báo cáo %s (từ %s đến %s). Chọn một ngày trong khoảng này, hoặc bỏ trống để chốt số liệu đến hết ngày %s.", d.Vietnamese(), p.Vietnamese(), start.Vietnamese(), end.Vietnamese(), end.Vietnamese()),
		fmt.Sprintf("The data cut-off date %s is outside the data window of the %s (%s to %s). Choose a date in that window, or leave it out to use %s.", d, p.English(), start, end, end),
		"cutoff", d.String(), "start", start.String(), "end", end.String())
}

func (v *validation) cutoffAfterReportDate() {
	d, on := *v.r.DataCutoff, v.r.ReportDate
	v.add("/dataCutoff", diag.CutoffAfterReportDate,
		fmt.Sprintf("Ngày chốt số liệu %s sau ngày báo cáo %s: không thể chốt số liệu sau ngày lập báo cáo. Chọn ngày chốt không muộn hơn %s.", d.Vietnamese(), on.Vietnamese(), on.Vietnamese()),
		fmt.Sprintf("The data cut-off date %s is after the report date %s: figures cannot be final after the report is written. Choose a cut-off on or before %s.", d, on, on),
		"cutoff", d.String(), "date", on.String())
}

// bodyNotInForce re-points the registry's explanation (who took over, or
// from when the body exists) to /body.
func (v *validation) bodyNotInForce(err error) {
	var dl diag.List
	errors.As(err, &dl)
	is, on := dl[0], v.r.ReportDate
	if !strings.Contains(is.VI, on.Vietnamese()) {
		is.VI += fmt.Sprintf(" (Ngày báo cáo: %s.)", on.Vietnamese())
		is.EN += fmt.Sprintf(" (Report date: %s.)", on)
	}
	is.Path, is.Code = "/body", diag.BodyNotInForce
	v.list = append(v.list, is)
}

// foreignTask reports item i, whose task id is not one of body's on the
// report date, and names who answers for it: the bodies of the task's
// group, or those that took over from them (Registry.Successor).
func (v *validation) foreignTask(i int, id string, body plan.Body) {
	reg, on := v.c.reg, v.r.ReportDate
	t, _ := plan.TaskByID(id)
	var who []plan.Body
	for _, b := range reg.Bodies() {
		if b.Group != t.Group {
			continue
		}
		if s, err := reg.Successor(b.ID, on); err == nil && !slices.ContainsFunc(who, func(w plan.Body) bool { return w.ID == s.ID }) {
			who = append(who, s)
		}
	}
	g, _ := plan.GroupByNumber(t.Group)
	vi := fmt.Sprintf(" Nhiệm vụ này thuộc nhóm %d của mục III (%s).", t.Group, g.Title)
	en := fmt.Sprintf(" It belongs to group %d of section III (%s).", t.Group, g.English)
	params := []any{"task", id, "body", body.ID, "date", on.String()}
	if len(who) == 1 {
		vi = fmt.Sprintf(" Nhiệm vụ này do %s (mã %s) báo cáo.", who[0].Name, who[0].ID)
		en = fmt.Sprintf(" %s (ID %s) reports on it.", who[0].English, who[0].ID)
		params = append(params, "answeredBy", who[0].ID)
	}
	v.add(strictjson.AppendToken(strictjson.AppendIndex("/tasks", i), "task"), diag.ForeignTask,
		fmt.Sprintf("Nhiệm vụ %s không thuộc %s vào ngày %s.%s Xóa mục này khỏi báo cáo.", id, body.Name, on.Vietnamese(), vi),
		fmt.Sprintf("Task %s is not one of the tasks of %s on %s.%s Remove this item from the report.", id, body.English, on, en),
		params...)
}

func (v *validation) missingTask(t plan.Task, body plan.Body) {
	on := v.r.ReportDate
	v.add("/tasks", diag.MissingTask,
		fmt.Sprintf("Thiếu kết quả thực hiện nhiệm vụ %s (“%s”): %s phải báo cáo nhiệm vụ này vào ngày %s. Thêm một mục với mã nhiệm vụ %s.", t.ID, excerpt(t.Text, excerptTask), body.Name, on.Vietnamese(), t.ID),
		fmt.Sprintf("The results of task %s (“%s”) are missing: %s answers for it on %s. Add an item with task ID %s.", t.ID, excerpt(t.English, excerptTask), body.English, on, t.ID),
		"task", t.ID)
}

// noReportDue reports a period for which body has no reporting duty, with
// the plan's wording (Registry.Due), who files that period instead, and
// which period the body does file.
func (v *validation) noReportDue(body plan.Body, p plan.Period) {
	reg := v.c.reg
	var dl diag.List
	_, err := reg.Due(body.ID, p)
	errors.As(err, &dl)
	vi, en, code := dl[0].VI, dl[0].EN, diag.NoReportDue
	if p.Kind == plan.HalfYear {
		code = diag.HalfYearNotDue
		for _, d := range plan.Duties() {
			if !slices.Contains(d.Periods, p.Kind) {
				continue
			}
			var gv, ge []string
			for _, n := range d.Groups {
				g, _ := plan.GroupByNumber(n)
				gv, ge = append(gv, g.Title), append(ge, g.English)
			}
			vi += fmt.Sprintf(" Báo cáo 6 tháng do %s tổng hợp (khoản %s).", strings.Join(gv, ", "), d.Clause)
			en += fmt.Sprintf(" The half-year report is compiled by the %s (clause %s).", strings.Join(ge, ", "), d.Clause)
		}
	}
	if _, end := p.Window(); !body.Until.IsZero() && body.Until.Before(end) {
		vi += fmt.Sprintf(" %s chỉ hoạt động đến hết ngày %s.", body.Name, body.Until.Vietnamese())
		en += fmt.Sprintf(" %s existed only until %s.", body.English, body.Until)
	}
	other := plan.Period{Kind: plan.Annual, Year: p.Year}
	if p.Kind == plan.Annual {
		other.Kind = plan.HalfYear
	}
	if ds, err := reg.DutiesOf(body.ID, other); err == nil && len(ds) > 0 {
		vi += fmt.Sprintf(" Nếu đây là báo cáo %s, chọn loại kỳ %s.", other.Kind.Vietnamese(), other.Kind)
		en += fmt.Sprintf(" If this is the %s report, choose the period kind %s.", other.Kind, other.Kind)
	}
	v.add("/period/kind", code, vi, en, "body", body.ID, "period", p.String())
}

// num formats n with digit groups from five digits on (years stay 2026):
// dots in Vietnamese (10.234), commas in English (10,234).
func num[N int | int64](n N, l diag.Lang) string {
	if -10000 < n && n < 10000 {
		return strconv.FormatInt(int64(n), 10)
	}
	if l == diag.EN {
		return GroupDigits(int64(n), ",")
	}
	return number(int64(n))
}

// plural is "1 item", "2 items".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// excerptTask is how many characters of a task's text messages quote.
const excerptTask = 80

// maxQuoted is how many characters of a value messages and params repeat.
const maxQuoted = 60

// clip shortens s to maxQuoted characters, marking the cut with "…".
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	i := 0
	for n := 0; n < maxQuoted-1; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// quote is clip(s) in double quotes, with Go escapes for what is not printable.
func quote(s string) string { return strconv.Quote(clip(s)) }
