package plan

import (
	"sync"
	"time"
)

// ID is the plan's own symbol, as reports name it in their "plan" member.
const ID = "164/KH-UBND"

var document = Document{
	Issuer:        "UBND thành phố Hà Nội",
	IssuerEnglish: "Hanoi People's Committee",
	Symbol:        MustSymbol(ID),
	Place:         "Hà Nội",
	Date:          D(2023, time.June, 5),
	Type:          "KẾ HOẠCH",
	TypeEnglish:   "Plan",
	Title:         title,
	TitleEnglish:  "Implementing Conclusion 44-KL/TW of 14 November 2022 of the Party Secretariat on continuing Directive 43-CT/TW on strengthening the Party's leadership of the Vietnam Red Cross in the new situation",
	Preamble:      preamble,
	Sections:      sections,
	Closing:       closing,
	Recipients:    recipients,
	Signature: Signature{
		OnBehalf: Authority{"TM.", "ỦY BAN NHÂN DÂN"},
		For:      Authority{"KT.", "CHỦ TỊCH"},
		Position: "PHÓ CHỦ TỊCH",
		Name:     "Lê Hồng Sơn",
	},
	References: references,
}

var references = []Reference{
	{ID: "44-KL/TW", Kind: "Kết luận", Symbol: MustSymbol("44-KL/TW"), Date: D(2022, time.November, 14),
		Issuer:  "Ban Bí thư",
		Title:   "Kết luận về tiếp tục thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư khóa X về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam trong tình hình mới",
		English: "Conclusion of the Party Secretariat on continuing Directive 43-CT/TW", Mention: "44-KL/TW",
		CitedIn: []string{"preamble", "I.2.2", "II.1.2", "II.1.4", "III.2.1", "closing"}},
	{ID: "43-CT/TW", Kind: "Chỉ thị", Symbol: MustSymbol("43-CT/TW"), Date: D(2010, time.June, 8),
		Issuer:  "Ban Bí thư Trung ương Đảng khóa X",
		Title:   "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam",
		English: "Directive of the 10th Party Secretariat on strengthening the Party's leadership of the Vietnam Red Cross", Mention: "43-CT/TW",
		CitedIn: []string{"preamble", "I.2.2", "II.1.2", "II.1.4", "III.2.1", "closing"}},
	{ID: "140-KH/TU", Kind: "Kế hoạch", Symbol: MustSymbol("140-KH/TU"), Date: D(2023, time.March, 3),
		Issuer:  "Thành ủy Hà Nội",
		Title:   "Kế hoạch thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư",
		English: "Plan of the Hanoi Party Committee implementing Conclusion 44-KL/TW", Mention: "140-KH/TU",
		CitedIn: []string{"preamble", "I.2.2", "II.1.4", "III.2.1", "III.11.1"}},
	{ID: "11/2008/QH12", Kind: "Luật", Symbol: MustSymbol("11/2008/QH12"), Date: D(2008, time.June, 3),
		InForce: D(2009, time.January, 1), Issuer: "Quốc hội",
		Title: "Luật Hoạt động chữ thập đỏ", English: "Law on Red Cross Activities", Mention: "Luật Hoạt động chữ thập đỏ",
		CitedIn: []string{"I.2.2", "II.1.1", "II.1.2", "II.2.3", "II.3.2", "III.10.1"}},
	{ID: "07/2014/TT-BGDĐT", Kind: "Thông tư", Symbol: MustSymbol("07/2014/TT-BGDĐT"), Date: D(2014, time.March, 14),
		InForce: D(2014, time.April, 29), Issuer: "Bộ Giáo dục và Đào tạo",
		Title: "Thông tư quy định về hoạt động chữ thập đỏ trong trường học", English: "Circular on Red Cross activity in schools", Mention: "07/2014/TT-BGDĐT",
		CitedIn: []string{"III.7.1"}},
}

// Plan returns the plan's document. The value is shared: treat it as
// read-only (use the accessors below for single items).
func Plan() *Document { return &document }

type index struct {
	clauses map[string]Clause // every clause, preamble and closing included
	parts   map[string]Part
	tasks   []Task
	taskAt  map[string]int // task ID → position in tasks
}

var idx = sync.OnceValue(func() *index {
	x := &index{clauses: map[string]Clause{}, parts: map[string]Part{}, taskAt: map[string]int{}}
	x.clauses[preamble.ID] = preamble
	for _, s := range sections {
		for _, p := range s.Parts {
			x.parts[p.ID] = p
			for _, c := range p.Clauses {
				x.clauses[c.ID] = c
				if s.ID == "III" {
					x.taskAt[c.ID] = len(x.tasks)
					x.tasks = append(x.tasks, Task{Clause: c, Group: p.Number})
				}
			}
		}
	}
	x.clauses[closing.ID] = closing
	return x
})

// Task is a clause of section III: something an assignee group must do and
// report on. Group is the number of its assignee group (1–12).
type Task struct {
	Clause
	Group int `json:"group"`
}

// Tasks returns the 22 tasks of section III in the plan's order.
func Tasks() []Task { return append([]Task(nil), idx().tasks...) }

// TaskByID returns the task with the given ID ("III.6.1").
func TaskByID(id string) (Task, error) {
	if i, ok := idx().taskAt[id]; ok {
		return idx().tasks[i], nil
	}
	return Task{}, unknown("task", id, taskIDs())
}

func taskIDs() []string {
	ids := make([]string, len(idx().tasks))
	for i, t := range idx().tasks {
		ids[i] = t.ID
	}
	return ids
}

// ClauseByID returns any clause by its ID: "preamble", "I.1.2", "II.3.1",
// "III.6.1" or "closing".
func ClauseByID(id string) (Clause, error) {
	if c, ok := idx().clauses[id]; ok {
		return c, nil
	}
	ids := make([]string, 0, len(idx().clauses))
	for k := range idx().clauses {
		ids = append(ids, k)
	}
	return Clause{}, unknown("clause", id, ids)
}

// Groups returns the 12 assignee groups of section III, with their tasks.
func Groups() []Part { return append([]Part(nil), sections[2].Parts...) }

// GroupByNumber returns assignee group n (1–12).
func GroupByNumber(n int) (Part, bool) {
	if n < 1 || n > len(sections[2].Parts) {
		return Part{}, false
	}
	return sections[2].Parts[n-1], true
}

// ReferenceByID returns a cited document by its symbol ("44-KL/TW").
func ReferenceByID(id string) (Reference, error) {
	return find("reference", references, id, func(r Reference) string { return r.ID })
}
