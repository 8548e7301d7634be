package report

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

//go:generate go test -run ^TestCorpus|^TestCompileGolden -update .

// Example returns a complete, valid report that body bodyID could file for
// period p: Vietnamese results written for each of its tasks, plausible
// figures for the indicators suggested for its groups, a preparer, a
// signer and a reference. The report is dated 3 to 5 days before the
// body's due date (its first day, if it started later), and its data
// cut-off a few days before that.
//
// The content is fictional but stable: every choice derives from a hash of
// the body ID and the period, so the same arguments give the same report.
// Figures are sized to the body: the City Red Cross reports city-wide
// figures (hundreds of thousands of blood units, hundreds of billions of
// đồng), a commune a small fraction of them. E-mail addresses use the
// reserved domain .example.
//
// It fails, with the registry's diag.List, when the body is unknown or
// files no report for p.
func Example(reg *plan.Registry, bodyID string, p plan.Period) (*Report, error) {
	due, err := reg.Due(bodyID, p)
	if err != nil {
		return nil, err
	}
	b, _ := reg.Body(bodyID) // Due found it
	on := due.AddDays(-3 - int(newDraw(bodyID, p.String(), "reportDate").intn(3)))
	if b.From.After(on) {
		on = b.From
	}
	return ExampleAt(reg, bodyID, p, on)
}

// ExampleAt is Example with a chosen report date, such as one after the
// due date for a late report. The report answers for the tasks the body
// holds on that date. It fails, with a diag.List, when the body files no
// report for p, does not exist on reportDate, or when reportDate is before
// the start of p's data window.
func ExampleAt(reg *plan.Registry, bodyID string, p plan.Period, reportDate plan.Date) (*Report, error) {
	if _, err := reg.Due(bodyID, p); err != nil {
		return nil, err
	}
	tasks, err := reg.Tasks(bodyID, reportDate)
	if err != nil {
		return nil, err
	}
	start, end := p.Window()
	if reportDate.Before(start) {
		return nil, diag.List{diag.New("/reportDate", diag.ReportDateBeforeWindow,
			fmt.Sprintf("Ngày báo cáo %s trước kỳ báo cáo %s, bắt đầu từ %s.", reportDate.Vietnamese(), p.Vietnamese(), start.Vietnamese()),
			fmt.Sprintf("Report date %s is before the %s, which starts on %s.", reportDate, p.English(), start),
			"date", reportDate.String(), "start", start.String())}
	}
	b, _ := reg.Body(bodyID)
	x := &example{reg: reg, body: b, p: p, on: reportDate, d: newDraw(bodyID, p.String())}
	for _, t := range tasks {
		x.groups = append(x.groups, t.Group)
	}

	cutoff := reportDate.AddDays(-2 - int(x.d.intn(3)))
	if cutoff.After(end) {
		cutoff = end
	}
	if cutoff.Before(start) {
		cutoff = reportDate
	}
	r := &Report{
		SchemaVersion: SchemaVersion,
		Plan:          plan.ID,
		Body:          b.ID,
		Period:        Period{Kind: p.Kind, Year: p.Year},
		ReportDate:    reportDate,
		DataCutoff:    &cutoff,
		Reference:     x.reference(),
		Indicators:    x.indicators(),
		Difficulties:  x.pick(difficulties),
		Proposals:     x.pick(proposals),
		PreparedBy:    x.preparer(),
		SignedBy:      x.signer(),
	}
	for _, t := range tasks {
		tr, err := x.task(t)
		if err != nil {
			return nil, err
		}
		r.Tasks = append(r.Tasks, tr)
	}
	return r, nil
}

// draw is a deterministic stream of pseudo-random numbers (SplitMix64)
// seeded with an FNV-1a hash of some strings.
type draw struct{ s uint64 }

func newDraw(parts ...string) *draw {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return &draw{h.Sum64()}
}

func (d *draw) next() uint64 {
	d.s += 0x9E3779B97F4A7C15
	z := d.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (d *draw) intn(n uint64) uint64 { return d.next() % n }

// between returns a number in [lo, hi].
func (d *draw) between(lo, hi int64) int64 { return lo + int64(d.intn(uint64(hi-lo+1))) }

// example holds what one example report is built from.
type example struct {
	reg    *plan.Registry
	body   plan.Body
	p      plan.Period
	on     plan.Date
	groups []int // the groups of the body's tasks on the report date
	d      *draw
}

// scale is a body's share of the city-wide figures, in per mille.
func scale(k plan.BodyKind) int64 {
	switch k {
	case plan.KindRedCross:
		return 1000
	case plan.KindDepartment:
		return 100
	case plan.KindPress:
		return 150
	case plan.KindFront:
		return 60
	case plan.KindOrganisation:
		return 30
	case plan.KindParty:
		return 10
	case plan.KindDistrict:
		return 33 // one of 30
	}
	return 8 // a commune-level unit: one of 126
}

// cityFigure is a city-wide yearly figure of the Hanoi Red Cross movement,
// the base the examples scale from, and the per-mille share of it reached
// in the first half of the year.
type cityFigure struct {
	annual int64
	half   int64
}

// cityFigures are sized on the public record (domain guide, section 6):
// over 322,000 blood units in 2024; a movement value in the hundreds of
// billions of đồng. Counts of organisation are stocks, the same at mid
// year; Tết gifts are given mostly before mid year.
var cityFigures = map[string]cityFigure{
	"members":                   {280_000, 1000},
	"volunteers":                {42_000, 1000},
	"youth_members":             {160_000, 1000},
	"grassroots_chapters":       {600, 1000},
	"branches":                  {5_200, 1000},
	"volunteer_teams":           {1_300, 1000},
	"movement_value_vnd":        {460_000_000_000, 550},
	"tet_gifts":                 {260_000, 950},
	"tet_gifts_value_vnd":       {155_000_000_000, 950},
	"people_assisted":           {620_000, 500},
	"humanitarian_addresses":    {9_500, 600},
	"red_cross_houses":          {60, 400},
	"humanitarian_works":        {320, 450},
	"health_care_value_vnd":     {42_000_000_000, 500},
	"free_medical_checks":       {125_000, 500},
	"first_aid_classes":         {900, 500},
	"first_aid_trainees":        {46_000, 500},
	"blood_units":               {322_000, 500},
	"organ_donor_registrations": {3_100, 500},
	"tracing_cases":             {40, 500},
	"outreach_sessions":         {8_200, 500},
	"news_items":                {2_600, 500},
	"disaster_value_vnd":        {21_000_000_000, 400},
	"disaster_trainees":         {15_500, 500},
}

// value is the body's figure for indicator code: the city figure scaled to
// the body's kind and period, grown 3% a year from 2024, with a stable
// spread of ±15%. Amounts in đồng are rounded to the million.
func (x *example) value(in plan.Indicator) int64 {
	f := cityFigures[in.Code]
	v := f.annual * scale(x.body.Kind) / 1000
	v = v * (850 + int64(newDraw(x.body.ID, x.p.String(), in.Code).intn(301))) / 1000
	v = v * (1000 + 30*int64(x.p.Year-2024)) / 1000
	if x.p.Kind == plan.HalfYear {
		v = v * f.half / 1000
	}
	if in.UnitEnglish == "VND" {
		v = v / 1_000_000 * 1_000_000
	}
	return min(max(v, 0), in.Max)
}

// indicators are the figures for the indicators suggested for the body's
// groups.
func (x *example) indicators() map[string]int64 {
	m := map[string]int64{}
	for _, in := range plan.Indicators() {
		for _, g := range in.Groups {
			if slices.Contains(x.groups, g) {
				m[in.Code] = x.value(in)
				break
			}
		}
	}
	return m
}

// fig formats the body's figure for indicator code, as the text cites it.
func (x *example) fig(code string) string {
	in, err := plan.IndicatorByCode(code)
	if err != nil {
		panic(err) // the texts below name catalogue codes only
	}
	if in.UnitEnglish == "VND" {
		return money(x.value(in))
	}
	return number(x.value(in))
}

// n formats a stable number in [lo, hi].
func (x *example) n(lo, hi int64) string { return number(x.d.between(lo, hi)) }

// pick returns one of the texts, or none for about one body in six.
func (x *example) pick(texts []string) string {
	if x.d.intn(6) == 0 {
		return ""
	}
	return texts[x.d.intn(uint64(len(texts)))]
}

// holder names the body that holds group g's tasks on the report date
// (the plan names group 3 for Sở Thông tin và Truyền thông, whose tasks
// passed to Sở Khoa học và Công nghệ). ok is false when none does.
func (x *example) holder(g int) (plan.Body, bool) {
	for _, b := range x.reg.Reporters(x.on) {
		ts, _ := x.reg.Tasks(b.ID, x.on)
		for _, t := range ts {
			if t.Group == g {
				return b, true
			}
		}
	}
	return plan.Body{}, false
}

// localities names the local authorities of group 12 on the report date.
func (x *example) localities() string {
	if b, ok := x.holder(12); ok && b.Kind == plan.KindDistrict {
		return "UBND các quận, huyện, thị xã"
	}
	return "UBND các xã, phường"
}

// cite names a document the plan cites as the plan writes it: "Kết luận
// số 44-KL/TW ngày 14/11/2022".
func cite(id string) string {
	r, err := plan.ReferenceByID(id)
	if err != nil {
		panic(err) // the texts below cite the plan's references only
	}
	return fmt.Sprintf("%s số %s ngày %s", r.Kind, r.ID, r.Date.Vietnamese())
}

// campaign quotes a campaign's name.
func campaign(id string) string {
	c, err := plan.CampaignByID(id)
	if err != nil {
		panic(err) // the texts below name the plan's campaigns only
	}
	return "“" + c.Name + "”"
}

// localPlanDate is the day a body issued its own plan: early in the year,
// or soon after it started.
func (x *example) localPlanDate() plan.Date {
	d := plan.D(x.p.Year, 1, 1).AddDays(int(x.d.between(10, 80)))
	if x.body.From.After(d) {
		d = x.body.From.AddDays(int(x.d.between(5, 20)))
	}
	if d.After(x.on) {
		d = x.on
	}
	return d
}

// routes names where the body sends its yearly report, as its duties say.
func (x *example) routes() string {
	ds, _ := x.reg.DutiesOf(x.body.ID, x.p)
	var out []string
	for _, d := range ds {
		for _, r := range d.Routes {
			s := r.To
			if r.Through != "" {
				if b, err := x.reg.Successor(r.Through, x.on); err == nil {
					s += " (qua " + b.Name + ")"
				}
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, ", ")
}

// results are the texts of each task's results, by task ID.
var results = map[string]func(x *example) string{
	"III.1.1": func(x *example) string {
		return fmt.Sprintf("Ban hành Kế hoạch số %s/KH-HCTĐ ngày %s triển khai Kế hoạch số %s; chỉ đạo %s hội cơ sở tham mưu cấp ủy, chính quyền cùng cấp đưa công tác nhân đạo vào chương trình công tác %s. Tổ chức %s cuộc giao ban với Hội Chữ thập đỏ cơ sở; tổng hợp, đề xuất tháo gỡ %s khó khăn, vướng mắc về tổ chức và hoạt động phát sinh tại cơ sở.",
			x.n(10, 60), x.localPlanDate().Vietnamese(), plan.ID, x.fig("grassroots_chapters"), x.p.Vietnamese(), x.n(4, 12), x.n(5, 20))
	},
	"III.1.2": func(x *example) string {
		return fmt.Sprintf("Duy trì cuộc vận động %s với %s địa chỉ nhân đạo được kết nối; phong trào %s trao %s suất quà, trị giá %s; tổ chức hiến máu tình nguyện, tiếp nhận %s đơn vị máu. Nhân rộng phong trào %s; trợ giúp %s lượt người có hoàn cảnh khó khăn. Tổng trị giá công tác Hội và phong trào đạt %s.",
			campaign("humanitarian_address"), x.fig("humanitarian_addresses"), campaign("humane_tet"), x.fig("tet_gifts"), x.fig("tet_gifts_value_vnd"),
			x.fig("blood_units"), campaign("good_deeds"), x.fig("people_assisted"), x.fig("movement_value_vnd"))
	},
	"III.1.3": func(x *example) string {
		return fmt.Sprintf("Phối hợp với các cơ quan liên quan đề xuất kiện toàn tổ chức bộ máy Hội các cấp; đề nghị chế độ phụ cấp cho %s cán bộ Hội cơ sở và bố trí trụ sở, phương tiện hoạt động cho %s hội cơ sở còn khó khăn.",
			x.n(200, 600), x.n(10, 40))
	},
	"III.1.4": func(x *example) string {
		dept := "sở quản lý thông tin, truyền thông"
		if b, ok := x.holder(3); ok {
			dept = b.Name
		}
		return fmt.Sprintf("Phối hợp với %s cung cấp thông tin cho các cơ quan báo chí; đăng tải %s tin, bài trên trang thông tin điện tử và mạng xã hội của Hội; tổ chức %s buổi truyền thông về hiến máu tình nguyện, sơ cấp cứu và phòng ngừa thảm họa.",
			dept, x.fig("news_items"), x.fig("outreach_sessions"))
	},
	"III.1.5": func(x *example) string {
		return fmt.Sprintf("Toàn Thành phố có %s hội cơ sở, %s chi hội, %s hội viên, %s tình nguyện viên và %s thanh thiếu niên chữ thập đỏ; có %s đội, câu lạc bộ tình nguyện viên tại cơ quan, trường học và khu dân cư. Hội chăm lo, bảo vệ quyền và lợi ích hợp pháp của hội viên theo Điều lệ Hội.",
			x.fig("grassroots_chapters"), x.fig("branches"), x.fig("members"), x.fig("volunteers"), x.fig("youth_members"), x.fig("volunteer_teams"))
	},
	"III.1.6": func(x *example) string {
		others := 0
		for _, b := range x.reg.Expected(x.p) {
			if b.ID != x.body.ID {
				others++
			}
		}
		return fmt.Sprintf("Đôn đốc %d cơ quan, đơn vị báo cáo kết quả thực hiện %s; tổng hợp báo cáo kết quả triển khai thực hiện %s gửi Thành ủy, UBND Thành phố và các sở, ngành liên quan.",
			others, x.p.Vietnamese(), x.p.Vietnamese())
	},
	"III.2.1": func(x *example) string {
		return fmt.Sprintf("%s phối hợp với Hội Chữ thập đỏ Thành phố tổ chức %s đoàn kiểm tra việc triển khai %s và Kế hoạch số %s tại %s địa phương; các địa phương được kiểm tra đã ban hành kế hoạch và bố trí nguồn lực cho hoạt động nhân đạo; đã kiến nghị khắc phục %s tồn tại.",
			x.body.Name, x.n(2, 6), cite("44-KL/TW"), "140-KH/TU", x.n(4, 12), x.n(3, 15))
	},
	"III.3.1": func(x *example) string {
		return fmt.Sprintf("Ban hành văn bản hướng dẫn %s cơ quan báo chí của Thành phố, Trung ương và địa phương phối hợp tuyên truyền về hoạt động nhân đạo; chỉ đạo hệ thống thông tin cơ sở đăng, phát %s tin, bài và tổ chức %s buổi truyền thông về hiến máu tình nguyện, phong trào %s và công tác Hội Chữ thập đỏ.",
			x.n(8, 25), x.fig("news_items"), x.fig("outreach_sessions"), campaign("humane_tet"))
	},
	"III.4.1": func(x *example) string {
		return fmt.Sprintf("Tham mưu UBND Thành phố giao %s biên chế và %s người làm việc cho Hội Chữ thập đỏ Thành phố; hướng dẫn sắp xếp tổ chức bộ máy Hội Chữ thập đỏ cơ sở bảo đảm tinh, gọn, hoạt động hiệu quả, đúng quy định về hội do Đảng, Nhà nước giao nhiệm vụ.",
			x.n(15, 30), x.n(5, 15))
	},
	"III.4.2": func(x *example) string {
		with := "Chủ trì"
		if b, ok := x.holder(2); ok && b.ID != x.body.ID {
			with = "Phối hợp với " + b.Name
		}
		return fmt.Sprintf("%s hướng dẫn Hội Chữ thập đỏ Thành phố xây dựng kế hoạch bồi dưỡng, tập huấn %s; tổ chức %s lớp bồi dưỡng kỹ năng tham mưu chính sách, vận động nguồn lực cho %s lượt cán bộ Hội các cấp.",
			with, x.p.Vietnamese(), x.n(3, 10), x.n(300, 900))
	},
	"III.4.3": func(x *example) string {
		return fmt.Sprintf("Phối hợp với cơ quan chức năng và %s kiểm tra tổ chức, hoạt động của Hội Chữ thập đỏ tại %s đơn vị; hướng dẫn Hội hoạt động đúng quy định pháp luật về hội; tổng hợp %s kiến nghị báo cáo UBND Thành phố xem xét, giải quyết.",
			x.localities(), x.n(5, 15), x.n(2, 8))
	},
	"III.5.1": func(x *example) string {
		return fmt.Sprintf("Trên cơ sở đề xuất của Hội Chữ thập đỏ Thành phố và các đơn vị liên quan, %s tổng hợp, báo cáo UBND Thành phố trình HĐND Thành phố bố trí %s kinh phí năm %d thực hiện nhiệm vụ; hướng dẫn các đơn vị sử dụng, quyết toán kinh phí theo quy định.",
			x.body.Name, money(x.d.between(25, 45)*1_000_000_000), x.p.Year)
	},
	"III.6.1": func(x *example) string {
		return fmt.Sprintf("%s chủ trì, phối hợp với Hội Chữ thập đỏ Thành phố tổ chức %s lượt khám, chữa bệnh nhân đạo và cấp thuốc miễn phí cho người nghèo, người cao tuổi; trị giá chăm sóc sức khỏe %s. Chỉ đạo các bệnh viện phối hợp tổ chức %s đợt hiến máu tình nguyện, tiếp nhận %s đơn vị máu; vận động %s người đăng ký hiến mô, tạng, bộ phận cơ thể người và hiến xác. Củng cố mạng lưới y tế cơ sở trong chăm sóc sức khỏe ban đầu cho Nhân dân.",
			x.body.Name, x.fig("free_medical_checks"), x.fig("health_care_value_vnd"), x.n(40, 120), x.fig("blood_units"), x.fig("organ_donor_registrations"))
	},
	"III.7.1": func(x *example) string {
		return fmt.Sprintf("Ban hành văn bản hướng dẫn các trường học quán triệt, thực hiện %s; %s trường thành lập chi hội, đội Chữ thập đỏ; tổ chức %s lớp tập huấn sơ cấp cứu cho %s lượt giáo viên, học sinh.",
			cite("07/2014/TT-BGDĐT"), x.n(300, 900), x.fig("first_aid_classes"), x.fig("first_aid_trainees"))
	},
	"III.7.2": func(x *example) string {
		return fmt.Sprintf("Các trường học có %s thanh thiếu niên chữ thập đỏ và %s đội, câu lạc bộ tình nguyện viên; học sinh hưởng ứng phong trào %s, quyên góp giúp %s học sinh có hoàn cảnh khó khăn.",
			x.fig("youth_members"), x.fig("volunteer_teams"), campaign("humane_tet"), x.n(500, 3000))
	},
	"III.8.1": func(x *example) string {
		return fmt.Sprintf("%s chủ trì, phối hợp với Hội Chữ thập đỏ Thành phố tiếp nhận %s dự án viện trợ phi chính phủ về nhân đạo, tổng trị giá %s; tổ chức %s hoạt động trao đổi kinh nghiệm với Hội Chữ thập đỏ các nước và tổ chức quốc tế.",
			x.body.Name, x.n(2, 8), money(x.d.between(3, 30)*1_000_000_000), x.n(2, 6))
	},
	"III.9.1": func(x *example) string {
		return fmt.Sprintf("%s đăng, phát %s tin, bài, phóng sự về hoạt động nhân đạo và công tác Hội Chữ thập đỏ; duy trì %s chuyên mục định kỳ; tuyên truyền các đợt cao điểm hiến máu tình nguyện, phong trào %s và Tháng Nhân đạo.",
			x.body.Name, x.fig("news_items"), x.n(1, 4), campaign("humane_tet"))
	},
	"III.10.1": func(x *example) string {
		return fmt.Sprintf("%s phối hợp với Hội Chữ thập đỏ tổ chức %s buổi tuyên truyền Luật Hoạt động chữ thập đỏ cho đoàn viên, hội viên; vận động %s tình nguyện viên tham gia; thành lập %s chi hội và %s đội tình nguyện viên chữ thập đỏ tại cơ quan, đơn vị; trao %s suất quà %s, trị giá %s; vận động hiến %s đơn vị máu.",
			x.body.Name, x.fig("outreach_sessions"), x.fig("volunteers"), x.fig("branches"), x.fig("volunteer_teams"), x.fig("tet_gifts"), campaign("humane_tet"), x.fig("tet_gifts_value_vnd"), x.fig("blood_units"))
	},
	"III.11.1": func(x *example) string {
		return fmt.Sprintf("%s chủ trì, phối hợp với Văn phòng Thành ủy, các Ban Đảng Thành ủy và Ban Chấp hành Hội Chữ thập đỏ Thành phố hướng dẫn, kiểm tra việc thực hiện Kế hoạch số %s tại %s đảng bộ trực thuộc; tổ chức %s buổi tuyên truyền, đánh giá định kỳ kết quả, tổng hợp khó khăn, kiến nghị báo cáo Thường trực Thành ủy.",
			x.body.Name, "140-KH/TU", x.n(8, 20), x.fig("outreach_sessions"))
	},
	"III.12.1": func(x *example) string {
		return fmt.Sprintf("%s ban hành Kế hoạch số %s/KH-UBND ngày %s triển khai Kế hoạch số %s phù hợp điều kiện thực tế của địa phương; tổ chức %s đợt kiểm tra, đánh giá; báo cáo kết quả %s.",
			x.body.Name, x.n(10, 150), x.localPlanDate().Vietnamese(), plan.ID, x.n(1, 4), x.routes())
	},
	"III.12.2": func(x *example) string {
		return fmt.Sprintf("Tổ chức %s buổi tuyên truyền cho cán bộ, đảng viên và Nhân dân về công tác nhân đạo; vận động %s tình nguyện viên; kết nối %s địa chỉ nhân đạo; trao %s suất quà %s, trị giá %s; trợ giúp %s lượt người.",
			x.fig("outreach_sessions"), x.fig("volunteers"), x.fig("humanitarian_addresses"), x.fig("tet_gifts"), campaign("humane_tet"), x.fig("tet_gifts_value_vnd"), x.fig("people_assisted"))
	},
	"III.12.3": func(x *example) string {
		houses := "hỗ trợ xây dựng " + x.fig("red_cross_houses") + " nhà Chữ thập đỏ và "
		if x.fig("red_cross_houses") == "0" {
			houses = "hỗ trợ "
		}
		return fmt.Sprintf("Bố trí %s từ ngân sách địa phương cho hoạt động của Hội Chữ thập đỏ; bảo đảm trụ sở, trang thiết bị làm việc; %s%s công trình nhân đạo; cứu trợ, phòng ngừa ứng phó thảm họa trị giá %s, tập huấn cho %s lượt người.",
			money(x.d.between(300, 2500)*1_000_000), houses, x.fig("humanitarian_works"), x.fig("disaster_value_vnd"), x.fig("disaster_trainees"))
	},
}

// taskActivities are the contents of Red Cross activity each task's work
// serves, by task ID; tasks about organisation or funds serve none.
var taskActivities = map[string][]string{
	"III.1.2":  {"relief", "health_care", "blood_donation", "humanitarian_values", "disaster_response"},
	"III.1.4":  {"humanitarian_values"},
	"III.3.1":  {"humanitarian_values"},
	"III.6.1":  {"health_care", "blood_donation"},
	"III.7.1":  {"first_aid"},
	"III.7.2":  {"relief", "humanitarian_values"},
	"III.8.1":  {"relief"},
	"III.9.1":  {"humanitarian_values"},
	"III.10.1": {"relief", "blood_donation", "humanitarian_values"},
	"III.11.1": {"humanitarian_values"},
	"III.12.2": {"relief", "humanitarian_values"},
	"III.12.3": {"relief", "disaster_response"},
}

var reasons = []string{
	"Chưa được bố trí kinh phí trong kỳ; dự kiến triển khai khi được giao dự toán bổ sung.",
	"Đơn vị đang kiện toàn tổ chức bộ máy sau sắp xếp; nhiệm vụ được chuyển sang kỳ sau.",
	"Chờ hướng dẫn của cơ quan cấp trên; đơn vị sẽ triển khai ngay khi có văn bản hướng dẫn.",
}

var difficulties = []string{
	"Nguồn lực cho hoạt động nhân đạo chủ yếu từ vận động xã hội, chưa ổn định; đội ngũ cán bộ làm công tác Hội ở cơ sở còn kiêm nhiệm, thường xuyên thay đổi.",
	"Việc sắp xếp tổ chức bộ máy làm thay đổi đầu mối theo dõi, tổng hợp; một số đơn vị chưa kịp kiện toàn bộ phận phụ trách công tác nhân đạo.",
	"Kinh phí và cơ sở vật chất phục vụ hoạt động Hội ở cơ sở còn hạn chế; lượng máu tiếp nhận chưa đều giữa các tháng, thiếu máu cục bộ vào dịp hè và Tết.",
	"Số liệu từ cơ sở gửi chậm và chưa thống nhất chỉ tiêu, khó tổng hợp đầy đủ trước hạn báo cáo.",
}

var proposals = []string{
	"Đề nghị UBND Thành phố tiếp tục quan tâm bố trí kinh phí, cơ sở vật chất cho hoạt động của Hội Chữ thập đỏ các cấp.",
	"Đề nghị Hội Chữ thập đỏ Thành phố ban hành mẫu biểu thống nhất và hướng dẫn nhập số liệu báo cáo trên phần mềm.",
	"Đề nghị tổ chức tập huấn nghiệp vụ công tác Hội cho cán bộ mới nhận nhiệm vụ sau sắp xếp tổ chức bộ máy.",
	"Đề nghị tăng cường phối hợp liên ngành trong vận động hiến máu tình nguyện vào các tháng cao điểm thiếu máu.",
}

// task writes the body's result for one task: mostly done, some in
// progress, now and then not started with a reason.
func (x *example) task(t plan.Task) (TaskResult, error) {
	write, ok := results[t.ID]
	if !ok {
		return TaskResult{}, fmt.Errorf("report: no example text for task %s", t.ID)
	}
	d := newDraw(x.body.ID, x.p.String(), t.ID)
	tr := TaskResult{Task: t.ID, Status: Done, Activities: taskActivities[t.ID]}
	switch r := d.intn(100); {
	case r < 4:
		tr.Status = NotStarted
		tr.Reason = reasons[d.intn(uint64(len(reasons)))]
		return tr, nil
	case r < 24:
		tr.Status = InProgress
	}
	tr.Results = write(x)
	if tr.Status == InProgress {
		tr.Results += " Nhiệm vụ đang tiếp tục được triển khai đến hết năm " + fmt.Sprint(x.p.Year) + "."
	}
	return tr, nil
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"}
	maleNames   = [][2]string{{"Văn", "Tuấn"}, {"Đức", "Anh"}, {"Minh", "Quang"}, {"Hữu", "Nam"}, {"Văn", "Long"}, {"Thanh", "Sơn"}, {"Quốc", "Hải"}, {"Xuân", "Bình"}}
	femaleNames = [][2]string{{"Thị", "Hương"}, {"Thu", "Hà"}, {"Ngọc", "Lan"}, {"Thị", "Mai"}, {"Thanh", "Phương"}, {"Phương", "Thảo"}, {"Thị", "Trang"}, {"Minh", "Hằng"}}
)

// person draws a Vietnamese name: family, middle and given name.
func (x *example) person() (family, middle, given string) {
	family = familyNames[x.d.intn(uint64(len(familyNames)))]
	names := maleNames
	if x.d.intn(2) == 0 {
		names = femaleNames
	}
	n := names[x.d.intn(uint64(len(names)))]
	return family, n[0], n[1]
}

func (x *example) preparer() Preparer {
	family, middle, given := x.person()
	position := map[plan.BodyKind]string{
		plan.KindRedCross:     "Chuyên viên Ban Công tác xã hội",
		plan.KindDepartment:   "Chuyên viên Văn phòng Sở",
		plan.KindPress:        "Phóng viên Ban Thời sự",
		plan.KindFront:        "Chuyên viên Ban Phong trào",
		plan.KindOrganisation: "Chuyên viên Văn phòng",
		plan.KindParty:        "Chuyên viên",
		plan.KindDistrict:     "Chuyên viên Phòng Lao động - Thương binh và Xã hội",
	}[x.body.Kind]
	if position == "" {
		position = "Công chức Văn hóa - Xã hội"
	}
	// Offices write addresses as given name and initials: huongnt.
	local := strings.ToLower(ascii(given + initial(family) + initial(middle)))
	return Preparer{
		Name:     family + " " + middle + " " + given,
		Position: position,
		Phone:    fmt.Sprintf("09%08d", x.d.intn(100_000_000)),
		Email:    local + "@" + x.body.ID + ".example",
	}
}

func (x *example) signer() Signer {
	family, middle, given := x.person()
	head := map[plan.BodyKind]string{
		plan.KindDepartment: "Giám đốc",
		plan.KindPress:      "Tổng Biên tập",
		plan.KindParty:      "Trưởng ban",
	}[x.body.Kind]
	switch {
	case strings.HasPrefix(x.body.Name, "Thành đoàn"):
		head = "Bí thư"
	case head == "":
		head = "Chủ tịch"
	}
	if x.d.intn(3) == 0 {
		head = "Phó " + head
	}
	return Signer{Name: family + " " + middle + " " + given, Position: head}
}

// reference numbers the report as its issuer would: "245/BC-SYT", or the
// Party form "12-BC/BTGDVTU" for a Party commission. It is empty when the
// body's name gives no abbreviation.
func (x *example) reference() string {
	abbr := abbreviation(x.body.Name)
	num := fmt.Sprintf("%02d", x.d.between(1, 400))
	ref := num + "/BC-" + abbr
	if x.body.Kind == plan.KindParty {
		ref = num + "-BC/" + abbr
	}
	if _, err := plan.ParseSymbol(ref); err != nil {
		return ""
	}
	return ref
}

// abbreviation makes an issuer's abbreviation from its name, as documents
// do: the initials of its words without "và" and the city's name, in
// capitals without diacritics except Đ ("Sở Giáo dục và Đào tạo" → SGDĐT);
// a people's committee is UBND.
func abbreviation(name string) string {
	if strings.HasPrefix(name, "UBND ") {
		return "UBND"
	}
	if i := strings.IndexByte(name, '('); i > 0 {
		name = name[:i]
	}
	for _, suffix := range []string{" thành phố Hà Nội", " Hà Nội"} {
		name = strings.TrimSuffix(strings.TrimSpace(name), suffix)
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch {
		case w == "và":
		case len(w) > 1 && strings.ToUpper(w) == w && ascii(w) == w: // an acronym: UBND
			b.WriteString(w)
		default:
			b.WriteString(strings.ToUpper(initial(w)))
		}
	}
	return b.String()
}

// initial is the first letter of word w without diacritics ("Đ" stays
// "Đ", as symbols write it), or "" when w does not start with a letter.
func initial(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r == 'Đ' || r == 'đ':
		return string(r)
	case unicode.IsLetter(r):
		return ascii(string(r))
	}
	return ""
}

// ascii drops the diacritics of s and maps đ to d.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Mn, r):
		case r < 0x80:
			b.WriteRune(r)
		}
	}
	return b.String()
}
