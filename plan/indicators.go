package plan

import (
	"fmt"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Indicator is a measure that reports may give as a whole number, such as
// the blood units received or the value of Tết gifts in đồng. The catalogue
// follows the measures real Hanoi and national Red Cross reports use.
type Indicator struct {
	Code        string `json:"code"`        // blood_units
	Name        string `json:"name"`        // Vietnamese label
	English     string `json:"english"`     // English label
	Unit        string `json:"unit"`        // Vietnamese unit: người, đơn vị, đồng…
	UnitEnglish string `json:"unitEnglish"` // English unit
	// Area is the ID of the content of Red Cross activity it measures, or
	// "organisation" for the Red Cross's own organisation, or "overall".
	Area string `json:"area"`
	// Groups are the assignee groups it is suggested for; any body may
	// report any indicator.
	Groups []int `json:"groups"`
	// Max is the largest plausible value, to catch typing errors. Every
	// bound is below 2^53, so values stay exact in JavaScript.
	Max int64 `json:"max"`
	// City is the body whose figure is the city's (CityFigureBody) when
	// that body is asked for it, else "". Other bodies' figures are never
	// added to it, nor to one another, except into Subtotals.
	City string `json:"city,omitempty"`
	// Subtotals are the kinds of bodies whose figures may be added into a
	// subtotal: those disjoint by construction (DisjointKinds) whose group
	// is asked for the indicator.
	Subtotals []BodyKind `json:"subtotals,omitempty"`
}

// How figures of different bodies combine (a reasoned rule, documented in
// the package documentation): declared once for the whole catalogue.
const (
	// CityFigureBody is the City Red Cross: its figures are those of the
	// whole Red Cross system in the city, chapters in communes and wards
	// included, so its figure is the city's.
	CityFigureBody = "hoi-ctd"
)

// DisjointKinds are the kinds of bodies whose figures are disjoint by
// construction, with the group they hold: each commune-level unit reports
// on its own territory, each press body on its own outlets. Departments,
// the Front and its organisations report work done with the Red Cross,
// which the Red Cross also counts: their figures are never added.
var DisjointKinds = map[BodyKind]int{KindCommune: 12, KindPress: 9}

// Areas of indicators besides the seven activity contents.
const (
	AreaOrganisation = "organisation"
	AreaOverall      = "overall"
)

// Area is a heading the catalogue's indicators are grouped under: the Red
// Cross's organisation, the overall value, or a content of Red Cross
// activity.
type Area struct {
	ID      string // AreaOrganisation, AreaOverall or an Activity's ID
	Title   string // "Tổ chức Hội"; "4. Hiến máu nhân đạo, …" for an activity
	English string // "The Red Cross organisation"; "4. Donation of blood, …"
}

// Areas returns the areas in the catalogue's order: organisation,
// overall, then the seven contents in the order of Điều 2. Every
// indicator's Area is one of them.
func Areas() []Area {
	out := []Area{{AreaOrganisation, "Tổ chức Hội", "The Red Cross organisation"}, {AreaOverall, "Tổng hợp", "Overall"}}
	for _, a := range activities {
		out = append(out, Area{a.ID, fmt.Sprintf("%d. %s", a.Number, upperFirst(a.Name)), fmt.Sprintf("%d. %s", a.Number, upperFirst(a.English))})
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// MaxIndicator is the largest value any indicator may have: 2^53-1, the
// largest integer JavaScript represents exactly.
const MaxIndicator = 1<<53 - 1

const (
	maxPeople = 100_000_000           // people and person-times: Hanoi has about 8.7 million people
	maxUnits  = 1_000_000             // units, houses, sessions…
	maxMoney  = 1_000_000_000_000_000 // đồng: 10^15, well above a year's movement value (hundreds of billions)
)

var indicators = []Indicator{
	{"members", "Số hội viên", "Members", "người", "people", AreaOrganisation, []int{1}, maxPeople, "", nil},
	{"volunteers", "Số tình nguyện viên", "Volunteers", "người", "people", AreaOrganisation, []int{1, 10, 12}, maxPeople, "", nil},
	{"youth_members", "Số thanh thiếu niên chữ thập đỏ", "Red Cross youth members", "người", "people", AreaOrganisation, []int{1, 7}, maxPeople, "", nil},
	{"grassroots_chapters", "Số hội cơ sở", "Grassroots chapters", "đơn vị", "units", AreaOrganisation, []int{1, 12}, maxUnits, "", nil},
	{"branches", "Số chi hội", "Branches", "đơn vị", "units", AreaOrganisation, []int{1, 10, 12}, maxUnits, "", nil},
	{"volunteer_teams", "Số đội, câu lạc bộ tình nguyện viên", "Volunteer teams and clubs", "đơn vị", "units", AreaOrganisation, []int{1, 7, 10, 12}, maxUnits, "", nil},
	{"movement_value_vnd", "Tổng trị giá công tác hội và phong trào", "Total value of Red Cross work and movements", "đồng", "VND", AreaOverall, []int{1, 10, 12}, maxMoney, "", nil},
	{"tet_gifts", "Số suất quà Tết Nhân ái", "Humane Tết gifts", "suất", "gifts", "relief", []int{1, 10, 12}, maxPeople, "", nil},
	{"tet_gifts_value_vnd", "Trị giá quà Tết Nhân ái", "Value of Humane Tết gifts", "đồng", "VND", "relief", []int{1, 10, 12}, maxMoney, "", nil},
	{"people_assisted", "Số lượt người được trợ giúp", "People assisted", "lượt người", "person-times", "relief", []int{1, 4, 10, 12}, maxPeople, "", nil},
	{"humanitarian_addresses", "Số địa chỉ nhân đạo được kết nối", "Humanitarian addresses connected", "địa chỉ", "addresses", "relief", []int{1, 10, 12}, maxUnits, "", nil},
	{"red_cross_houses", "Số nhà Chữ thập đỏ", "Red Cross houses", "nhà", "houses", "relief", []int{1, 12}, maxUnits, "", nil},
	{"humanitarian_works", "Số công trình nhân đạo", "Humanitarian works", "công trình", "works", "relief", []int{1, 12}, maxUnits, "", nil},
	{"health_care_value_vnd", "Trị giá chăm sóc sức khỏe", "Value of health care", "đồng", "VND", "health_care", []int{1, 6, 12}, maxMoney, "", nil},
	{"free_medical_checks", "Số lượt người được khám, chữa bệnh nhân đạo", "Humanitarian medical examinations", "lượt người", "person-times", "health_care", []int{1, 6, 12}, maxPeople, "", nil},
	{"first_aid_classes", "Số lớp tập huấn sơ cấp cứu", "First-aid training classes", "lớp", "classes", "first_aid", []int{1, 7, 12}, maxUnits, "", nil},
	{"first_aid_trainees", "Số lượt người được tập huấn sơ cấp cứu", "First-aid trainees", "lượt người", "person-times", "first_aid", []int{1, 7, 12}, maxPeople, "", nil},
	{"blood_units", "Số đơn vị máu tiếp nhận", "Blood units received", "đơn vị", "units", "blood_donation", []int{1, 6, 10, 12}, maxPeople, "", nil},
	{"organ_donor_registrations", "Số người đăng ký hiến mô, tạng, bộ phận cơ thể, hiến xác", "Registered tissue, organ and body donors", "người", "people", "blood_donation", []int{1, 6}, maxPeople, "", nil},
	{"tracing_cases", "Số trường hợp tìm kiếm tin tức thân nhân", "Family tracing cases", "trường hợp", "cases", "family_tracing", []int{1}, maxUnits, "", nil},
	{"outreach_sessions", "Số buổi truyền thông", "Outreach sessions", "buổi", "sessions", "humanitarian_values", []int{1, 3, 10, 11, 12}, maxUnits, "", nil},
	{"news_items", "Số tin, bài", "News items and articles", "tin bài", "items", "humanitarian_values", []int{1, 3, 9}, maxUnits, "", nil},
	{"disaster_value_vnd", "Trị giá cứu trợ, phòng ngừa ứng phó thảm họa", "Value of disaster relief and preparedness", "đồng", "VND", "disaster_response", []int{1, 12}, maxMoney, "", nil},
	{"disaster_trainees", "Số lượt người được tập huấn phòng ngừa, ứng phó thảm họa", "Disaster preparedness trainees", "lượt người", "person-times", "disaster_response", []int{1, 12}, maxPeople, "", nil},
}

// Indicators returns the catalogue: organisation, overall, then each
// content of Red Cross activity in the order of Điều 2.
func Indicators() []Indicator { return slices.Clone(combined()) }

// combined is the catalogue with its combination rules set.
var combined = sync.OnceValue(func() []Indicator {
	out := slices.Clone(indicators)
	for i, in := range out {
		if slices.Contains(in.Groups, 1) {
			out[i].City = CityFigureBody
		}
		for _, k := range []BodyKind{KindCommune, KindPress} {
			if slices.Contains(in.Groups, DisjointKinds[k]) {
				out[i].Subtotals = append(out[i].Subtotals, k)
			}
		}
	}
	return out
})

// IndicatorByCode returns an indicator by its code.
func IndicatorByCode(code string) (Indicator, error) {
	return find("indicator", combined(), code, func(in Indicator) string { return in.Code })
}
