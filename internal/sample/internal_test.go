package sample

import "testing"

func TestAbbreviation(t *testing.T) {
	for name, want := range map[string]string{
		"Sở Y tế":                                             "SYT",
		"Sở Giáo dục và Đào tạo":                              "SGDĐT",
		"Hội Chữ thập đỏ thành phố Hà Nội":                    "HCTĐ",
		"Văn phòng UBND thành phố Hà Nội":                     "VPUBND",
		"UBND phường Ba Đình":                                 "UBND",
		"Liên đoàn Lao động thành phố Hà Nội":                 "LĐLĐ",
		"Thành đoàn Hà Nội (Đoàn TNCS Hồ Chí Minh thành phố)": "TĐ",
	} {
		if got := abbreviation(name); got != want {
			t.Errorf("abbreviation(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	for n, want := range map[int64]string{
		460_000_000_000: "460 tỷ đồng", 452_340_000_000: "452,3 tỷ đồng", 1_950_000_000: "2 tỷ đồng",
		850_000_000: "850 triệu đồng", 12_000: "12.000 đồng",
	} {
		if got := money(n); got != want {
			t.Errorf("money(%d) = %q, want %q", n, got, want)
		}
	}
}
