package plan

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/internal/decode"
	"github.com/kh164/kh164/internal/textrule"
)

// Unit is a body a portal registers that the kit does not know: the plan
// predates later reorganisations. Hanoi's 126 commune-level units of
// 01/7/2025 are built in; a unit must not repeat one of them (nor any
// other built-in body) by code or by name. From is required; Until is
// empty while the unit exists.
type Unit struct {
	Code    string `json:"code"`              // ASCII slug: lower-case letters, digits, hyphens
	Name    string `json:"name"`              // Vietnamese name, "UBND phường Ba Đình"
	English string `json:"english,omitempty"` // English name; Name when empty
	Group   int    `json:"group"`             // section III group whose tasks it holds: 2–12
	From    Date   `json:"from"`              // first day
	Until   Date   `json:"until,omitzero"`    // last day
}

// UnitsFile is the JSON shape of a portal's units file:
//
//	{"units": [{"code": "phuong-ba-dinh", "name": "UBND phường Ba Đình",
//	            "group": 12, "from": "2025-07-01"}]}
type UnitsFile struct {
	Units []Unit `json:"units"`
}

// Rules of a unit's fields, declared once for ParseUnits and for the units
// file's JSON Schema. Names follow textrule.Line: one line, no control
// characters, no whitespace at either end.
const (
	MaxCodeLen      = 64
	MaxNameLen      = 200
	UnitCodePattern = `^[a-z0-9]+(?:-[a-z0-9]+)*$` // an ASCII slug
	MinUnitGroup    = 2                            // group 1 is the City Red Cross alone
	MaxUnitGroup    = 12                           // the last group of section III
)

var slugRE = regexp.MustCompile(UnitCodePattern)

func (u Unit) body() Body {
	en := u.English
	if en == "" {
		en = u.Name
	}
	kind := KindUnit
	return Body{ID: u.Code, Name: u.Name, English: en, Kind: kind, Group: u.Group, From: u.From, Until: u.Until, Unit: true}
}

// ParseUnits reads a units file (strict JSON, see UnitsFile) and checks
// every unit against the built-in bodies. file names the input in error
// places. Names are normalised to NFC (and must not begin or end with
// whitespace: nothing is trimmed silently). On any problem it returns a diag.List
// whose issues carry file, line, column and JSON Pointer, and no units.
func ParseUnits(file string, data []byte) ([]Unit, error) {
	var f UnitsFile
	src, errs := decode.Strict(file, data, &f, 0)
	if errs != nil {
		return nil, errs
	}
	if f.Units == nil {
		errs = append(errs, diag.New("", "missing_field", `Tệp đơn vị thiếu trường "units" (danh sách các đơn vị).`, `The units file has no "units" member (the list of units).`, "field", "units"))
		src.Place(errs)
		return nil, errs
	}
	for i := range f.Units {
		f.Units[i].Name = norm.NFC.String(f.Units[i].Name)
		f.Units[i].English = norm.NFC.String(f.Units[i].English)
	}
	if err := checkUnits(f.Units, builtin(DefaultSettings())); err != nil {
		l := err.(diag.List)
		src.Place(l)
		return nil, l
	}
	return f.Units, nil
}

// ReadUnitsFile reads and parses the units file at path.
func ReadUnitsFile(path string) ([]Unit, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseUnits(path, data)
}

// checkUnits checks units among themselves and against the built-in bodies.
func checkUnits(units []Unit, builtins []Body) error {
	var l diag.List
	add := func(i int, field, code, vi, en string, params ...any) {
		path := fmt.Sprintf("/units/%d", i)
		if field != "" {
			path += "/" + field
		}
		l = append(l, diag.New(path, code, vi, en, params...))
	}
	taken := map[string]string{}
	names := map[string]Body{}
	for _, b := range builtins {
		taken[b.ID] = "builtin"
		names[strings.ToLower(b.Name)] = b
	}
	first := map[string]int{}
	for i, u := range units {
		switch {
		case u.Code == "":
			add(i, "code", "required", fmt.Sprintf("Nhập mã đơn vị thứ %d.", i+1), fmt.Sprintf("Enter the code of unit %d.", i+1))
		case len(u.Code) > MaxCodeLen || !slugRE.MatchString(u.Code):
			add(i, "code", "invalid_code",
				fmt.Sprintf("Mã đơn vị %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, tối đa %d ký tự (ví dụ phuong-ba-dinh).", u.Code, MaxCodeLen),
				fmt.Sprintf("Unit code %q is invalid: use lower-case ASCII letters, digits and hyphens, at most %d characters (e.g. phuong-ba-dinh).", u.Code, MaxCodeLen), "code", u.Code)
		case taken[u.Code] == "builtin":
			add(i, "code", "code_taken",
				fmt.Sprintf("Mã %q đã là mã của một cơ quan trong kế hoạch. Chọn mã khác.", u.Code),
				fmt.Sprintf("Code %q already names a body of the plan. Choose another code.", u.Code), "code", u.Code)
		default:
			if j, dup := first[u.Code]; dup {
				add(i, "code", "duplicate_code",
					fmt.Sprintf("Mã %q bị trùng với đơn vị thứ %d (/units/%d). Mỗi đơn vị cần một mã riêng.", u.Code, j+1, j),
					fmt.Sprintf("Code %q is already used by unit %d (/units/%d). Each unit needs its own code.", u.Code, j+1, j), "code", u.Code, "first", fmt.Sprintf("/units/%d", j))
			} else {
				first[u.Code] = i
			}
		}
		for _, f := range []struct {
			field, value string
			required     bool
		}{{"name", u.Name, true}, {"english", u.English, false}} {
			switch n := utf8.RuneCountInString(f.value); {
			case n == 0:
				if f.required {
					add(i, f.field, "required", fmt.Sprintf("Nhập tên đơn vị %s.", u.Code), fmt.Sprintf("Enter the name of unit %s.", u.Code))
				}
			case n > MaxNameLen:
				add(i, f.field, "too_long", fmt.Sprintf("Tên đơn vị %s dài %d ký tự; tối đa %d.", u.Code, n, MaxNameLen), fmt.Sprintf("The name of unit %s has %d characters; at most %d.", u.Code, n, MaxNameLen), "max", MaxNameLen, "length", n)
			case !textrule.Line.Check(f.value):
				add(i, f.field, "invalid_text",
					fmt.Sprintf("Tên đơn vị %s phải viết trên một dòng, không có khoảng trắng ở đầu hoặc cuối và không có ký tự điều khiển.", u.Code),
					fmt.Sprintf("The name of unit %s must be one line, with no whitespace at either end and no control characters.", u.Code))
			}
		}
		if b, dup := names[strings.ToLower(u.Name)]; dup {
			add(i, "name", "name_taken",
				fmt.Sprintf("%q đã là một cơ quan, đơn vị có sẵn trong bộ công cụ (mã %s); không đăng ký lại. Xóa đơn vị này khỏi tệp.", u.Name, b.ID),
				fmt.Sprintf("%q is already a built-in body (ID %s); do not register it again. Remove this unit from the file.", u.Name, b.ID), "name", u.Name, "body", b.ID)
		}
		switch {
		case u.Group == 1:
			add(i, "group", "unknown_group", "Nhóm 1 chỉ gồm Hội Chữ thập đỏ Thành phố; đơn vị đăng ký phải thuộc nhóm 2 đến 12 (đơn vị cấp xã: nhóm 12).",
				"Group 1 is the City Red Cross alone; a registered unit belongs to a group from 2 to 12 (communes: group 12).", "group", u.Group)
		case u.Group < MinUnitGroup || u.Group > MaxUnitGroup:
			add(i, "group", "unknown_group", fmt.Sprintf("Nhóm %d không có trong mục III của kế hoạch: chọn từ 2 đến 12 (đơn vị cấp xã: nhóm 12).", u.Group),
				fmt.Sprintf("Group %d is not in section III of the plan: choose 2 to 12 (communes: group 12).", u.Group), "group", u.Group)
		}
		if u.From.IsZero() {
			add(i, "from", "required", fmt.Sprintf("Nhập ngày đơn vị %s bắt đầu hoạt động (YYYY-MM-DD).", u.Code), fmt.Sprintf("Enter the first day of unit %s (YYYY-MM-DD).", u.Code))
		} else if !u.Until.IsZero() && u.Until.Before(u.From) {
			add(i, "until", "invalid_interval",
				fmt.Sprintf("Ngày kết thúc %s trước ngày bắt đầu %s của đơn vị %s.", u.Until, u.From, u.Code),
				fmt.Sprintf("Unit %s ends on %s, before it starts on %s.", u.Code, u.Until, u.From), "from", u.From.String(), "until", u.Until.String())
		} else if u.Group == 12 && !u.From.After(DistrictsEnd) {
			add(i, "from", "overlapping_validity",
				fmt.Sprintf("Đơn vị %s nhận nhiệm vụ nhóm 12 từ %s, trong khi UBND quận, huyện, thị xã còn thực hiện các nhiệm vụ này đến %s. Đặt ngày bắt đầu từ %s.", u.Code, u.From, DistrictsEnd, DistrictsEnd.AddDays(1)),
				fmt.Sprintf("Unit %s takes group 12 tasks from %s, while the district-level committees held them until %s. Start it on %s or later.", u.Code, u.From, DistrictsEnd, DistrictsEnd.AddDays(1)),
				"from", u.From.String(), "overlaps", DistrictsEnd.String())
		}
	}
	return l.Err()
}
