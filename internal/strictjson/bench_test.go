package strictjson_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kh164/kh164/internal/strictjson"
)

type benchActivity struct {
	ID          int      `json:"id"`
	District    string   `json:"district"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	People      int64    `json:"people"`
	Done        bool     `json:"done"`
	Tags        []string `json:"tags"`
}

type benchPlan struct {
	Title      string           `json:"title"`
	Year       int              `json:"year"`
	Activities []benchActivity  `json:"activities"`
	Budget     map[string]int64 `json:"budget"`
}

// benchDoc returns a realistic plan of about 10 KB: 20 activities with
// long Vietnamese strings and a budget of 30 lines.
func benchDoc() []byte {
	districts := []string{"Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân", "Hà Đông"}
	var b strings.Builder
	b.WriteString("{\n  \"title\": \"Kế hoạch ứng phó nhân đạo thành phố Hà Nội năm 2025\",\n  \"year\": 2025,\n  \"activities\": [\n")
	for i := range 20 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    {"id": %d, "district": %q, "title": "Phân phát lương thực và nước sạch cho các hộ gia đình bị ảnh hưởng bởi lũ lụt", `+
			`"description": "Tổ chức điểm phát hàng tại nhà văn hoá phường, ưu tiên người cao tuổi, phụ nữ mang thai và trẻ em dưới năm tuổi; phối hợp với Hội Chữ thập đỏ quận %s.", `+
			`"people": %d, "done": %t, "tags": ["lương thực", "nước sạch", "ưu tiên"]}`,
			i+1, districts[i%len(districts)], districts[i%len(districts)], 1500+i*37, i%3 == 0)
	}
	b.WriteString("\n  ],\n  \"budget\": {")
	for i := range 30 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "\"khoản_%02d\": %d", i, 1000000+i*12345)
	}
	b.WriteString("}\n}\n")
	return []byte(b.String())
}

func BenchmarkDecode(b *testing.B) {
	data := benchDoc()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var p benchPlan
		if _, err := strictjson.Decode(data, &p, strictjson.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibUnmarshal(b *testing.B) {
	data := benchDoc()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var p benchPlan
		if err := json.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchDocDecodesLikeStdlib(t *testing.T) {
	data := benchDoc()
	if len(data) < 9000 || len(data) > 14000 {
		t.Errorf("benchmark document is %d bytes, want about 10 KB", len(data))
	}
	var got, want benchPlan
	if _, err := strictjson.Decode(data, &got, strictjson.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(got.Activities) != 20 || len(got.Budget) != 30 {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
