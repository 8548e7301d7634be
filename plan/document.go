package plan

// Document is Plan 164/KH-UBND as issued: header, body and closing parts.
// Every text is the plan's own wording, in NFC, with a short English gloss.
type Document struct {
	Issuer        string      `json:"issuer"`        // UBND thành phố Hà Nội
	IssuerEnglish string      `json:"issuerEnglish"` // Hanoi People's Committee
	Symbol        Symbol      `json:"symbol"`        // 164/KH-UBND
	Place         string      `json:"place"`         // Hà Nội
	Date          Date        `json:"date"`          // 2023-06-05
	Type          string      `json:"type"`          // KẾ HOẠCH
	TypeEnglish   string      `json:"typeEnglish"`   // Plan
	Title         string      `json:"title"`         // the summary line under the type ("trích yếu")
	TitleEnglish  string      `json:"titleEnglish"`
	Preamble      Clause      `json:"preamble"` // "Thực hiện Kế hoạch số 140-KH/TU …"
	Sections      []Section   `json:"sections"` // I, II, III
	Closing       Clause      `json:"closing"`  // "Trên đây là Kế hoạch …"
	Recipients    []string    `json:"recipients"`
	Signature     Signature   `json:"signature"`
	References    []Reference `json:"references"` // documents the plan cites
}

// Section is one of the plan's three Roman-numbered sections.
type Section struct {
	ID      string `json:"id"`      // "I"
	Title   string `json:"title"`   // MỤC ĐÍCH, YÊU CẦU
	English string `json:"english"` // Purposes and requirements
	Parts   []Part `json:"parts"`
}

// Part is a numbered heading within a section: a purpose or requirement
// list in section I, a content area in section II, an assignee group in
// section III.
type Part struct {
	ID      string   `json:"id"`      // "III.6"
	Number  int      `json:"number"`  // 6
	Title   string   `json:"title"`   // Sở Y tế
	English string   `json:"english"` // Department of Health
	Clauses []Clause `json:"clauses"`
}

// Clause is one paragraph of the plan with its stable ID, verbatim text and
// English gloss. In section III a clause is a task ("nhiệm vụ").
type Clause struct {
	ID      string `json:"id"`      // "III.6.1"
	Text    string `json:"text"`    // verbatim Vietnamese, NFC
	English string `json:"english"` // short gloss, not a translation
}

// Signature is the signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
// PHÓ CHỦ TỊCH / Lê Hồng Sơn" (Decree 30/2020/NĐ-CP marks: TM. signs on
// behalf of a collective, KT. for its head).
type Signature struct {
	OnBehalf Authority `json:"onBehalf"`      // TM. ỦY BAN NHÂN DÂN
	For      Authority `json:"for,omitempty"` // KT. CHỦ TỊCH
	Position string    `json:"position"`      // PHÓ CHỦ TỊCH
	Name     string    `json:"name"`          // Lê Hồng Sơn
}

// Authority is one signing line: a mark (TM., KT., Q., TL., TUQ.) and whom it names.
type Authority struct {
	Mark string `json:"mark"` // TM.
	Of   string `json:"of"`   // ỦY BAN NHÂN DÂN
}

// Line renders the authority as it is printed: "TM. ỦY BAN NHÂN DÂN".
func (a Authority) Line() string { return a.Mark + " " + a.Of }

// Reference is a legal document the plan cites.
type Reference struct {
	ID      string   `json:"id"`   // the symbol text, "44-KL/TW"
	Kind    string   `json:"kind"` // Kết luận, Chỉ thị, Kế hoạch, Luật, Thông tư
	Symbol  Symbol   `json:"symbol"`
	Date    Date     `json:"date"`             // date of issue (of passing, for a law)
	InForce Date     `json:"inForce,omitzero"` // where it differs from Date and is known
	Issuer  string   `json:"issuer"`           // Ban Bí thư, Thành ủy Hà Nội, Quốc hội…
	Title   string   `json:"title"`            // Vietnamese name or summary
	English string   `json:"english"`
	Mention string   `json:"mention"` // how the plan's text names it
	CitedIn []string `json:"citedIn"` // clause IDs whose text contains Mention
}
