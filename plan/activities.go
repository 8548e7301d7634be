package plan

// Activity is one of the seven contents of Red Cross activity ("07 nội dung
// hoạt động chữ thập đỏ", clause II.3.2) listed in Điều 2 of Luật Hoạt động
// chữ thập đỏ (11/2008/QH12), each governed by its own article in Chương II.
type Activity struct {
	ID      string `json:"id"`      // blood_donation
	Number  int    `json:"number"`  // 1–7, the order of Điều 2
	Name    string `json:"name"`    // Điều 2 wording
	English string `json:"english"` // gloss
	Article int    `json:"article"` // Điều 7–13
}

var activities = []Activity{
	{"relief", 1, "cứu trợ khẩn cấp và trợ giúp nhân đạo", "emergency relief and humanitarian assistance", 7},
	{"health_care", 2, "chăm sóc sức khoẻ", "health care", 8},
	{"first_aid", 3, "sơ cấp cứu ban đầu", "first aid", 9},
	{"blood_donation", 4, "hiến máu nhân đạo, hiến mô, bộ phận cơ thể người và hiến xác", "donation of blood, tissue, organs and bodies", 10},
	{"family_tracing", 5, "tìm kiếm tin tức thân nhân thất lạc do chiến tranh, thiên tai, thảm họa", "tracing relatives lost through war, natural disaster or catastrophe", 11},
	{"humanitarian_values", 6, "tuyên truyền các giá trị nhân đạo", "promoting humanitarian values", 12},
	{"disaster_response", 7, "tham gia phòng ngừa, ứng phó thảm họa", "disaster prevention and response", 13},
}

// Activities returns the seven contents in the order of Điều 2.
func Activities() []Activity { return append([]Activity(nil), activities...) }

// ActivityByID returns one of the seven contents by its ID.
func ActivityByID(id string) (Activity, error) {
	return find("activity", activities, id, func(a Activity) string { return a.ID })
}

// Campaign is a named campaign or movement the plan calls on bodies to
// sustain. Mentions maps each clause that names it to the spelling used
// there (the plan does not spell them the same way each time).
type Campaign struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"` // cuộc vận động, phong trào, phong trào thi đua, hoạt động
	Name       string            `json:"name"` // canonical Vietnamese name
	English    string            `json:"english"`
	Activities []string          `json:"activities,omitempty"` // IDs of the contents it serves
	Mentions   map[string]string `json:"mentions"`
}

var campaigns = []Campaign{
	{ID: "good_deeds", Kind: "phong trào", Name: "Người tốt, việc thiện - Chung sức xây dựng cộng đồng nhân ái",
		English: "Good people, good deeds: building a caring community together", Activities: []string{"humanitarian_values"},
		Mentions: map[string]string{"II.1.3": "Người tốt, việc thiện - Chung sức xây dựng cộng đồng nhân ái", "II.3.3": "Người tốt, việc thiện, chung sức xây dựng cộng đồng nhân ái", "III.1.2": "Người tốt, việc thiện, chung sức xây dựng cộng đồng nhân ái"}},
	{ID: "skilful_mobilisation", Kind: "phong trào thi đua", Name: "Dân vận khéo", English: "Skilful mass mobilisation",
		Mentions: map[string]string{"II.1.3": "Dân vận khéo"}},
	{ID: "humanitarian_address", Kind: "cuộc vận động", Name: "Mỗi tổ chức, cá nhân gắn với một địa chỉ nhân đạo",
		English: "Every organisation and person linked to a humanitarian address", Activities: []string{"relief"},
		Mentions: map[string]string{"II.3.3": "Mỗi tổ chức cá nhân gắn với một địa chỉ nhân đạo", "III.1.2": "Mỗi tổ chức, cá nhân gắn với một địa chỉ nhân đạo"}},
	{ID: "humane_tet", Kind: "phong trào", Name: "Tết Nhân ái", English: "Humane Tết", Activities: []string{"relief"},
		Mentions: map[string]string{"II.3.3": "Tết nhân ái", "III.1.2": "Tết Nhân ái"}},
	{ID: "blood_donation_drive", Kind: "hoạt động", Name: "Hiến máu tình nguyện", English: "Voluntary blood donation", Activities: []string{"blood_donation"},
		Mentions: map[string]string{"III.1.2": "hiến máu tình nguyện"}},
}

// Campaigns returns the named campaigns and movements in the order the plan
// first names them.
func Campaigns() []Campaign { return append([]Campaign(nil), campaigns...) }

// CampaignByID returns a campaign by its ID.
func CampaignByID(id string) (Campaign, error) {
	return find("campaign", campaigns, id, func(c Campaign) string { return c.ID })
}
