package plan

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/kh164/kh164/diag"
)

// Settings are the facts the plan or the public record leave open. Each has
// a documented default (DefaultSettings); a portal that knows better sets it.
type Settings struct {
	// HalfYearDue is the deadline of the City Red Cross's half-year report.
	// The plan asks for it ("6 tháng, năm (trước 15/12)") but names a date
	// only for the annual one. Default 20/6: the half-year data window ends
	// on 14/6.
	HalfYearDue MonthDay
	// PressMerger is the first day of the merged "Cơ quan Báo và Phát thanh,
	// Truyền hình Hà Nội" (Quyết định 1115-QĐ/TU of 30/01/2026; the day it
	// took effect is unconfirmed). Default 2026-02-01.
	PressMerger Date
	// PartyMerger is the first day of "Ban Tuyên giáo và Dân vận Thành ủy"
	// (unconfirmed; early 2025). Default 2025-03-01.
	PartyMerger Date
}

// DefaultSettings returns the documented defaults.
func DefaultSettings() Settings {
	return Settings{
		HalfYearDue: MonthDay{time.June, 20},
		PressMerger: D(2026, time.February, 1),
		PartyMerger: D(2025, time.March, 1),
	}
}

func (s Settings) check() error {
	var l diag.List
	if s.HalfYearDue.Month < 1 || s.HalfYearDue.Month > 12 || s.HalfYearDue.Day < 1 || s.HalfYearDue.Day > daysIn(s.HalfYearDue.Month, 2024) {
		l = append(l, diag.New("/halfYearDue", diag.InvalidSetting, "Hạn báo cáo 6 tháng không phải là một ngày trong năm.", "The half-year deadline is not a day of the year."))
	}
	for _, d := range []struct {
		path string
		date Date
	}{{"/pressMerger", s.PressMerger}, {"/partyMerger", s.PartyMerger}} {
		if !d.date.valid() || d.date.Year < FirstYear {
			l = append(l, diag.New(d.path, diag.InvalidSetting,
				fmt.Sprintf("Ngày sáp nhập %s phải là một ngày từ năm %d.", d.date, FirstYear),
				fmt.Sprintf("Merger date %s must be a real date from %d on.", d.date, FirstYear)))
		}
	}
	return l.Err()
}

// Registry answers the questions a portal asks of the plan: who exists and
// must report on a date, which tasks a body answers for, when a report is
// due. It holds the built-in bodies and the units a portal registered. A
// Registry is immutable and safe for concurrent use.
type Registry struct {
	settings Settings
	bodies   []Body
	byID     map[string]int
	preds    map[string][]int // body ID → indexes of the bodies it succeeded
}

// New returns a registry with the given settings and commune-level units
// (see ParseUnits). On any problem it returns a diag.List and no registry.
func New(s Settings, units ...Unit) (*Registry, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	bodies := builtin(s)
	if err := checkUnits(units, bodies); err != nil {
		return nil, err
	}
	sorted := slices.Clone(units)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Group < sorted[j].Group })
	for _, u := range sorted {
		bodies = append(bodies, u.body())
	}
	r := &Registry{settings: s, bodies: bodies, byID: make(map[string]int, len(bodies)), preds: map[string][]int{}}
	for i, b := range bodies {
		r.byID[b.ID] = i
	}
	for i, b := range bodies {
		for _, s := range b.Successors {
			r.preds[s] = append(r.preds[s], i)
		}
	}
	return r, nil
}

var defaultRegistry = sync.OnceValue(func() *Registry {
	r, err := New(DefaultSettings())
	if err != nil {
		panic(err)
	}
	return r
})

// Default returns the registry of built-in bodies with DefaultSettings.
func Default() *Registry { return defaultRegistry() }

// WithUnits returns a new registry with r's settings and the given units.
func (r *Registry) WithUnits(units ...Unit) (*Registry, error) { return New(r.settings, units...) }

// Settings returns the registry's settings.
func (r *Registry) Settings() Settings { return r.settings }

// Bodies returns every body, whatever its dates: the built-in ones in the
// order of section III, then the registered units by group.
func (r *Registry) Bodies() []Body { return slices.Clone(r.bodies) }

// Body returns the body with the given ID.
func (r *Registry) Body(id string) (Body, error) {
	if i, ok := r.byID[id]; ok {
		return r.bodies[i], nil
	}
	ids := make([]string, len(r.bodies))
	for i, b := range r.bodies {
		ids[i] = b.ID
	}
	return Body{}, unknown("body", id, ids)
}

// Predecessors returns the bodies id succeeded directly.
func (r *Registry) Predecessors(id string) []Body {
	var out []Body
	for _, i := range r.preds[id] {
		out = append(out, r.bodies[i])
	}
	return out
}

// Tasks returns the tasks body id answers for on date on, in the plan's
// order: those of its own group and those it inherited from the bodies it
// succeeded that no longer exist on that date. It fails if the body does not
// exist on that date.
func (r *Registry) Tasks(id string, on Date) ([]Task, error) {
	b, err := r.Body(id)
	if err != nil {
		return nil, err
	}
	if !b.ExistsOn(on) {
		return nil, r.notInForce(b, on)
	}
	return r.tasks(b, on), nil
}

func (r *Registry) tasks(b Body, on Date) []Task {
	seen := map[string]bool{}
	var out []Task
	var walk func(b Body, on Date)
	walk = func(b Body, on Date) {
		for _, t := range idx().tasks {
			if t.Group == b.Group && !seen[t.ID] {
				seen[t.ID] = true
				out = append(out, t)
			}
		}
		for _, i := range r.preds[b.ID] {
			p := r.bodies[i]
			if !p.Until.IsZero() && p.Until.Before(on) {
				walk(p, p.Until)
			}
		}
	}
	walk(b, on)
	sort.Slice(out, func(i, j int) bool { return idx().taskAt[out[i].ID] < idx().taskAt[out[j].ID] })
	return out
}

// notInForce explains that b does not exist on d, and who took over.
func (r *Registry) notInForce(b Body, d Date) error {
	if !b.From.IsZero() && d.Before(b.From) {
		return diag.List{diag.New("", diag.BodyNotYetInForce,
			fmt.Sprintf("%s chỉ hoạt động từ ngày %s; ngày %s chưa có cơ quan này. Chọn ngày từ %s.", b.Name, b.From.Vietnamese(), d.Vietnamese(), b.From.Vietnamese()),
			fmt.Sprintf("%s exists only from %s; it did not exist on %s. Choose a date from %s on.", b.English, b.From, d, b.From),
			"body", b.ID, "date", d.String(), "from", b.From.String())}
	}
	vi := fmt.Sprintf("%s đã thôi hoạt động từ ngày %s.", b.Name, b.Until.AddDays(1).Vietnamese())
	en := fmt.Sprintf("%s ceased to exist after %s.", b.English, b.Until)
	if s, err := r.Successor(b.ID, d); err == nil {
		vi += fmt.Sprintf(" Nhiệm vụ của cơ quan này do %s (mã %s) thực hiện và báo cáo.", s.Name, s.ID)
		en += fmt.Sprintf(" Its tasks passed to %s (ID %s), which reports on them.", s.English, s.ID)
	} else if b.Kind == KindDistrict {
		vi += " Nhiệm vụ chuyển cho UBND các xã, phường mới do cổng thông tin đăng ký."
		en += " Its tasks passed to the new communes and wards that the portal registers."
	}
	return diag.List{diag.New("", diag.BodyNoLongerInForce, vi, en,
		"body", b.ID, "date", d.String(), "until", b.Until.String())}
}

// Successor follows the chain of successors from body id to the one body
// that exists on date on (id itself if it exists then). It fails if there is
// none or more than one.
func (r *Registry) Successor(id string, on Date) (Body, error) {
	b, err := r.Body(id)
	if err != nil {
		return Body{}, err
	}
	for range len(r.bodies) {
		if b.ExistsOn(on) {
			return b, nil
		}
		if len(b.Successors) != 1 {
			break
		}
		b = r.bodies[r.byID[b.Successors[0]]]
	}
	return Body{}, diag.List{diag.New("", diag.NoSingleSuccessor,
		fmt.Sprintf("Ngày %s không có một cơ quan duy nhất kế thừa %s.", on.Vietnamese(), id),
		fmt.Sprintf("On %s no single body succeeds %s.", on, id), "body", id, "date", on.String())}
}

// Reporters returns the bodies that exist on date on and answer for at
// least one task then: those that must report on their results.
func (r *Registry) Reporters(on Date) []Body {
	var out []Body
	for _, b := range r.bodies {
		if b.ExistsOn(on) && len(r.tasks(b, on)) > 0 {
			out = append(out, b)
		}
	}
	return out
}
