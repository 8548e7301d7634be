package form

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/kh164/kh164/plan"
)

// DraftVersion is the version of the draft format.
const DraftVersion = 1

// draft is what is kept in the browser's storage: the values, with the
// identity of the form they belong to.
type draft struct {
	Version int       `json:"version"`
	Plan    string    `json:"plan"`
	Body    string    `json:"body"`
	Period  string    `json:"period"`
	Saved   time.Time `json:"saved"`
	Values  Values    `json:"values"`
}

// DraftKey is the storage key of the form's draft: one per plan, body and
// period, and per extra key when the host gives one (to keep apart, say,
// two people sharing a computer).
func (f *Form) DraftKey(extra string) string {
	k := "kh164-draft:" + plan.ID + ":" + f.Body.ID + ":" + f.Period.String()
	if extra != "" {
		k += ":" + extra
	}
	return k
}

// EncodeDraft serialises the values as a draft saved at the given time.
func (f *Form) EncodeDraft(v Values, saved time.Time) ([]byte, error) {
	return json.Marshal(draft{DraftVersion, plan.ID, f.Body.ID, f.Period.String(), saved.UTC(), v})
}

// DecodeDraft reads a draft of this form. It keeps the values of the
// form's fields and fails if the draft is of another version or form.
func (f *Form) DecodeDraft(data []byte) (Values, time.Time, error) {
	var d draft
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, time.Time{}, fmt.Errorf("draft: %w", err)
	}
	if d.Version != DraftVersion || d.Plan != plan.ID || d.Body != f.Body.ID || d.Period != f.Period.String() {
		return nil, time.Time{}, fmt.Errorf("draft: not a version %d draft of %s for %s, %s", DraftVersion, plan.ID, f.Body.ID, f.Period)
	}
	v := Values{}
	for k, s := range d.Values {
		if f.Field(k) != nil {
			v[k] = s
		}
	}
	return v, d.Saved, nil
}
