package plan

import "time"

// Body is an organisation that reports under the plan: a department, a
// press body, the Front or a mass organisation, a Party commission, a
// district-level committee, the City Red Cross, one of the 126 commune-level
// units of 01/7/2025, or a unit a portal registered.
//
// A body exists from From to Until, both included (a zero From means it
// existed before the plan; a zero Until that it still exists). Group is the
// section III group whose tasks it holds in its own right (0 for a body the
// plan does not name). A body that exists on a date also answers for the
// tasks of every body it succeeded that no longer exists then.
type Body struct {
	ID         string   `json:"id"`      // ASCII slug, stable
	Name       string   `json:"name"`    // Vietnamese name
	English    string   `json:"english"` // English name
	Kind       BodyKind `json:"kind"`
	Group      int      `json:"group,omitempty"`
	From       Date     `json:"from,omitzero"`
	Until      Date     `json:"until,omitzero"`
	Successors []string `json:"successors,omitempty"` // IDs of the bodies that took over
	// Code is the statistical code of a commune-level unit ("00070"),
	// empty for other bodies.
	Code string `json:"code,omitempty"`
	// Unit is true for a commune-level unit registered by a portal.
	Unit bool `json:"unit,omitempty"`
}

// BodyKind classifies bodies for display and grouping.
type BodyKind string

// Kinds of bodies.
const (
	KindRedCross     BodyKind = "red-cross"    // Hội Chữ thập đỏ Thành phố
	KindDepartment   BodyKind = "department"   // sở and Văn phòng UBND
	KindPress        BodyKind = "press"        // newspapers, radio and television
	KindFront        BodyKind = "front"        // Ủy ban MTTQ Việt Nam thành phố
	KindOrganisation BodyKind = "organisation" // socio-political organisations
	KindParty        BodyKind = "party"        // commissions of the City Party Committee
	KindDistrict     BodyKind = "district"     // UBND quận, huyện, thị xã (until 30/6/2025)
	KindCommune      BodyKind = "commune"      // UBND phường, xã (from 01/7/2025), built in
	KindUnit         BodyKind = "unit"         // registered by a portal (xã, phường…)
)

// ExistsOn reports whether b exists on d.
func (b Body) ExistsOn(d Date) bool {
	return (b.From.IsZero() || !d.Before(b.From)) && (b.Until.IsZero() || !d.After(b.Until))
}

// Reorganisation dates. The department mergers took effect on 01/3/2025
// (HĐND resolution of 25/02/2025); the district level ended on 30/6/2025
// (Nghị quyết 1656/NQ-UBTVQH15). The press and Party mergers are Settings,
// their exact days being unconfirmed.
var (
	DepartmentMerger = D(2025, time.March, 1)
	DistrictsEnd     = D(2025, time.June, 30)
)

// districts are the 30 district-level units of June 2023: slug, kind, name.
var districts = [...]struct{ id, kind, name string }{
	{"quan-ba-dinh", "quận", "Ba Đình"},
	{"quan-hoan-kiem", "quận", "Hoàn Kiếm"},
	{"quan-dong-da", "quận", "Đống Đa"},
	{"quan-hai-ba-trung", "quận", "Hai Bà Trưng"},
	{"quan-tay-ho", "quận", "Tây Hồ"},
	{"quan-cau-giay", "quận", "Cầu Giấy"},
	{"quan-thanh-xuan", "quận", "Thanh Xuân"},
	{"quan-hoang-mai", "quận", "Hoàng Mai"},
	{"quan-long-bien", "quận", "Long Biên"},
	{"quan-bac-tu-liem", "quận", "Bắc Từ Liêm"},
	{"quan-nam-tu-liem", "quận", "Nam Từ Liêm"},
	{"quan-ha-dong", "quận", "Hà Đông"},
	{"huyen-ba-vi", "huyện", "Ba Vì"},
	{"huyen-phuc-tho", "huyện", "Phúc Thọ"},
	{"huyen-thach-that", "huyện", "Thạch Thất"},
	{"huyen-quoc-oai", "huyện", "Quốc Oai"},
	{"huyen-chuong-my", "huyện", "Chương Mỹ"},
	{"huyen-dan-phuong", "huyện", "Đan Phượng"},
	{"huyen-hoai-duc", "huyện", "Hoài Đức"},
	{"huyen-thanh-tri", "huyện", "Thanh Trì"},
	{"huyen-thanh-oai", "huyện", "Thanh Oai"},
	{"huyen-thuong-tin", "huyện", "Thường Tín"},
	{"huyen-phu-xuyen", "huyện", "Phú Xuyên"},
	{"huyen-ung-hoa", "huyện", "Ứng Hòa"},
	{"huyen-my-duc", "huyện", "Mỹ Đức"},
	{"huyen-soc-son", "huyện", "Sóc Sơn"},
	{"huyen-dong-anh", "huyện", "Đông Anh"},
	{"huyen-me-linh", "huyện", "Mê Linh"},
	{"huyen-gia-lam", "huyện", "Gia Lâm"},
	{"thi-xa-son-tay", "thị xã", "Sơn Tây"},
}

// builtin returns the bodies the plan names and their successors, in the
// order of section III, each successor after the body it succeeded.
func builtin(s Settings) []Body {
	merged := DepartmentMerger.AddDays(-1)
	press, party := s.PressMerger.AddDays(-1), s.PartyMerger.AddDays(-1)
	bs := []Body{
		{ID: "hoi-ctd", Name: "Hội Chữ thập đỏ thành phố Hà Nội", English: "Hanoi Red Cross Society", Kind: KindRedCross, Group: 1},
		{ID: "so-ldtbxh", Name: "Sở Lao động - Thương binh và Xã hội", English: "Department of Labour, Invalids and Social Affairs", Kind: KindDepartment, Group: 2, Until: merged, Successors: []string{"so-noi-vu"}},
		{ID: "so-tttt", Name: "Sở Thông tin và Truyền thông", English: "Department of Information and Communications", Kind: KindDepartment, Group: 3, Until: merged, Successors: []string{"so-khcn"}},
		{ID: "so-khcn", Name: "Sở Khoa học và Công nghệ", English: "Department of Science and Technology", Kind: KindDepartment},
		{ID: "so-noi-vu", Name: "Sở Nội vụ", English: "Department of Home Affairs", Kind: KindDepartment, Group: 4},
		{ID: "so-tai-chinh", Name: "Sở Tài chính", English: "Department of Finance", Kind: KindDepartment, Group: 5},
		{ID: "so-y-te", Name: "Sở Y tế", English: "Department of Health", Kind: KindDepartment, Group: 6},
		{ID: "so-gddt", Name: "Sở Giáo dục và Đào tạo", English: "Department of Education and Training", Kind: KindDepartment, Group: 7},
		{ID: "so-ngoai-vu", Name: "Sở Ngoại vụ", English: "Department of Foreign Affairs", Kind: KindDepartment, Group: 8, Until: merged, Successors: []string{"vp-ubnd"}},
		{ID: "vp-ubnd", Name: "Văn phòng UBND thành phố Hà Nội", English: "Office of the Hanoi People's Committee", Kind: KindDepartment},
		{ID: "bao-hanoimoi", Name: "Báo Hà Nội Mới", English: "Hanoi Moi newspaper", Kind: KindPress, Group: 9, Until: press, Successors: []string{"bao-ptth-hanoi"}},
		{ID: "bao-ktdt", Name: "Báo Kinh tế và Đô thị", English: "Economic and Urban newspaper", Kind: KindPress, Group: 9, Until: press, Successors: []string{"bao-ptth-hanoi"}},
		{ID: "dai-ptth-hanoi", Name: "Đài Phát thanh và Truyền hình Hà Nội", English: "Hanoi Radio and Television", Kind: KindPress, Group: 9, Until: press, Successors: []string{"bao-ptth-hanoi"}},
		{ID: "bao-ptth-hanoi", Name: "Cơ quan Báo và Phát thanh, Truyền hình Hà Nội", English: "Hanoi Press, Radio and Television", Kind: KindPress, From: s.PressMerger},
		{ID: "ubmttq", Name: "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", English: "Vietnam Fatherland Front Committee of Hanoi", Kind: KindFront, Group: 10},
		{ID: "ldld", Name: "Liên đoàn Lao động thành phố Hà Nội", English: "Hanoi Federation of Labour", Kind: KindOrganisation, Group: 10},
		{ID: "thanh-doan", Name: "Thành đoàn Hà Nội (Đoàn TNCS Hồ Chí Minh thành phố)", English: "Hanoi Ho Chi Minh Communist Youth Union", Kind: KindOrganisation, Group: 10},
		{ID: "hoi-lhpn", Name: "Hội Liên hiệp Phụ nữ thành phố Hà Nội", English: "Hanoi Women's Union", Kind: KindOrganisation, Group: 10},
		{ID: "hoi-nong-dan", Name: "Hội Nông dân thành phố Hà Nội", English: "Hanoi Farmers' Union", Kind: KindOrganisation, Group: 10},
		{ID: "hoi-ccb", Name: "Hội Cựu chiến binh thành phố Hà Nội", English: "Hanoi Veterans' Association", Kind: KindOrganisation, Group: 10},
		{ID: "ban-dan-van", Name: "Ban Dân vận Thành ủy Hà Nội", English: "Mass Mobilisation Commission of the Hanoi Party Committee", Kind: KindParty, Group: 11, Until: party, Successors: []string{"ban-tgdv"}},
		{ID: "ban-tgdv", Name: "Ban Tuyên giáo và Dân vận Thành ủy Hà Nội", English: "Propaganda and Mass Mobilisation Commission of the Hanoi Party Committee", Kind: KindParty, From: s.PartyMerger},
	}
	for _, d := range districts {
		en := map[string]string{"quận": "urban district", "huyện": "rural district", "thị xã": "town"}[d.kind]
		bs = append(bs, Body{ID: d.id, Name: "UBND " + d.kind + " " + d.name, English: "People's Committee of " + d.name + " " + en,
			Kind: KindDistrict, Group: 12, Until: DistrictsEnd})
	}
	return append(bs, communeBodies()...)
}
