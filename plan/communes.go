package plan

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CommunesFrom is the first day of Hanoi's 126 commune-level units (xã,
// phường), the day after the district level ended (Nghị quyết
// 1656/NQ-UBTVQH15, 16/6/2025).
var CommunesFrom = DistrictsEnd.AddDays(1)

// Commune-level kinds, as the statistical list names them.
const (
	Ward    = "phường"
	Commune = "xã"
)

// communes are Hanoi's 126 commune-level units from 01/7/2025 (51 phường,
// 75 xã): statistical code, kind and name, in the order of "Danh mục và mã
// số các đơn vị hành chính cấp xã" issued with Công văn 1027/CTK-CSCL
// (25/6/2025) of Cục Thống kê. A test proves the list against
// ../shared/data/hanoi-communes-2025.tsv.
var communes = [...]struct{ code, kind, name string }{
	{"00070", Ward, "Hoàn Kiếm"},
	{"00082", Ward, "Cửa Nam"},
	{"00004", Ward, "Ba Đình"},
	{"00008", Ward, "Ngọc Hà"},
	{"00025", Ward, "Giảng Võ"},
	{"00256", Ward, "Hai Bà Trưng"},
	{"00283", Ward, "Vĩnh Tuy"},
	{"00292", Ward, "Bạch Mai"},
	{"00235", Ward, "Đống Đa"},
	{"00229", Ward, "Kim Liên"},
	{"00226", Ward, "Văn Miếu - Quốc Tử Giám"},
	{"00199", Ward, "Láng"},
	{"00190", Ward, "Ô Chợ Dừa"},
	{"00097", Ward, "Hồng Hà"},
	{"00328", Ward, "Lĩnh Nam"},
	{"00331", Ward, "Hoàng Mai"},
	{"00301", Ward, "Vĩnh Hưng"},
	{"00322", Ward, "Tương Mai"},
	{"00316", Ward, "Định Công"},
	{"00337", Ward, "Hoàng Liệt"},
	{"00340", Ward, "Yên Sở"},
	{"00367", Ward, "Thanh Xuân"},
	{"00364", Ward, "Khương Đình"},
	{"00352", Ward, "Phương Liệt"},
	{"00166", Ward, "Cầu Giấy"},
	{"00160", Ward, "Nghĩa Đô"},
	{"00175", Ward, "Yên Hòa"},
	{"00103", Ward, "Tây Hồ"},
	{"00091", Ward, "Phú Thượng"},
	{"00613", Ward, "Tây Tựu"},
	{"00619", Ward, "Phú Diễn"},
	{"00611", Ward, "Xuân Đỉnh"},
	{"00602", Ward, "Đông Ngạc"},
	{"00598", Ward, "Thượng Cát"},
	{"00592", Ward, "Từ Liêm"},
	{"00622", Ward, "Xuân Phương"},
	{"00634", Ward, "Tây Mỗ"},
	{"00637", Ward, "Đại Mỗ"},
	{"00145", Ward, "Long Biên"},
	{"00118", Ward, "Bồ Đề"},
	{"00127", Ward, "Việt Hưng"},
	{"00136", Ward, "Phúc Lợi"},
	{"09556", Ward, "Hà Đông"},
	{"09886", Ward, "Dương Nội"},
	{"09562", Ward, "Yên Nghĩa"},
	{"09568", Ward, "Phú Lương"},
	{"09552", Ward, "Kiến Hưng"},
	{"00640", Commune, "Thanh Trì"},
	{"00664", Commune, "Đại Thanh"},
	{"00685", Commune, "Nam Phù"},
	{"00679", Commune, "Ngọc Hồi"},
	{"00643", Ward, "Thanh Liệt"},
	{"10231", Commune, "Thượng Phúc"},
	{"10183", Commune, "Thường Tín"},
	{"10237", Commune, "Chương Dương"},
	{"10210", Commune, "Hồng Vân"},
	{"10273", Commune, "Phú Xuyên"},
	{"10279", Commune, "Phượng Dực"},
	{"10330", Commune, "Chuyên Mỹ"},
	{"10342", Commune, "Đại Xuyên"},
	{"10114", Commune, "Thanh Oai"},
	{"10126", Commune, "Bình Minh"},
	{"10144", Commune, "Tam Hưng"},
	{"10180", Commune, "Dân Hòa"},
	{"10354", Commune, "Vân Đình"},
	{"10369", Commune, "Ứng Thiên"},
	{"10417", Commune, "Hòa Xá"},
	{"10402", Commune, "Ứng Hòa"},
	{"10441", Commune, "Mỹ Đức"},
	{"10465", Commune, "Hồng Sơn"},
	{"10459", Commune, "Phúc Sơn"},
	{"10489", Commune, "Hương Sơn"},
	{"10015", Ward, "Chương Mỹ"},
	{"10030", Commune, "Phú Nghĩa"},
	{"10045", Commune, "Xuân Mai"},
	{"10081", Commune, "Trần Phú"},
	{"10096", Commune, "Hòa Phú"},
	{"10072", Commune, "Quảng Bị"},
	{"09661", Commune, "Minh Châu"},
	{"09619", Commune, "Quảng Oai"},
	{"09664", Commune, "Vật Lại"},
	{"09634", Commune, "Cổ Đô"},
	{"09676", Commune, "Bất Bạt"},
	{"09694", Commune, "Suối Hai"},
	{"09700", Commune, "Ba Vì"},
	{"09706", Commune, "Yên Bài"},
	{"09574", Ward, "Sơn Tây"},
	{"09604", Ward, "Tùng Thiện"},
	{"09616", Commune, "Đoài Phương"},
	{"09715", Commune, "Phúc Thọ"},
	{"09739", Commune, "Phúc Lộc"},
	{"09772", Commune, "Hát Môn"},
	{"09955", Commune, "Thạch Thất"},
	{"09982", Commune, "Hạ Bằng"},
	{"10003", Commune, "Tây Phương"},
	{"09988", Commune, "Hòa Lạc"},
	{"04930", Commune, "Yên Xuân"},
	{"09895", Commune, "Quốc Oai"},
	{"09931", Commune, "Hưng Đạo"},
	{"09910", Commune, "Kiều Phú"},
	{"09952", Commune, "Phú Cát"},
	{"09832", Commune, "Hoài Đức"},
	{"09856", Commune, "Dương Hòa"},
	{"09871", Commune, "Sơn Đồng"},
	{"09877", Commune, "An Khánh"},
	{"09784", Commune, "Đan Phượng"},
	{"09817", Commune, "Ô Diên"},
	{"09787", Commune, "Liên Minh"},
	{"00565", Commune, "Gia Lâm"},
	{"00562", Commune, "Thuận An"},
	{"00577", Commune, "Bát Tràng"},
	{"00541", Commune, "Phù Đổng"},
	{"00475", Commune, "Thư Lâm"},
	{"00454", Commune, "Đông Anh"},
	{"00466", Commune, "Phúc Thịnh"},
	{"00493", Commune, "Thiên Lộc"},
	{"00508", Commune, "Vĩnh Thanh"},
	{"09022", Commune, "Mê Linh"},
	{"08980", Commune, "Yên Lãng"},
	{"08995", Commune, "Tiến Thắng"},
	{"08974", Commune, "Quang Minh"},
	{"00376", Commune, "Sóc Sơn"},
	{"00430", Commune, "Đa Phúc"},
	{"00433", Commune, "Nội Bài"},
	{"00385", Commune, "Trung Giã"},
	{"00382", Commune, "Kim Anh"},
}

// communeBodies returns the 126 commune-level units as bodies of group 12,
// from CommunesFrom, in the statistical list's order. Each ID is the kind
// and name in lower-case ASCII, hyphenated: "phuong-hoan-kiem", "xa-soc-son".
func communeBodies() []Body {
	out := make([]Body, 0, len(communes))
	for _, c := range communes {
		en := "Ward"
		if c.kind == Commune {
			en = "Commune"
		}
		out = append(out, Body{ID: Slug(c.kind + " " + c.name), Code: c.code, Name: "UBND " + c.kind + " " + c.name,
			English: "People's Committee of " + unmarked(c.name) + " " + en, Kind: KindCommune, Group: 12, From: CommunesFrom})
	}
	return out
}

// Slug spells a Vietnamese name in lower-case ASCII with hyphens between
// words, as body IDs are: "Phường Hoàn Kiếm" → "phuong-hoan-kiem". Marks
// are dropped, đ becomes d, and every run of other characters one hyphen.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(unmarked(s)) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// unmarked drops the marks of Vietnamese letters and spells đ, Đ as d, D:
// "Hoàn Kiếm" → "Hoan Kiem".
func unmarked(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
