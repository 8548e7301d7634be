package plan

import "strings"

// Entry is what Lookup finds: any item of the plan by its ID.
type Entry struct {
	Kind    string `json:"kind"` // section, part, group, clause, task, body, activity, campaign, reference, indicator, duty
	ID      string `json:"id"`
	Text    string `json:"text"` // Vietnamese text or name
	English string `json:"english"`
}

// Lookup finds any item by its ID: a section ("II"), a part ("I.1") or
// assignee group ("III.6"), a clause ("I.1.2", "preamble"), a task
// ("III.6.1"), a body ("so-y-te"), an activity content ("blood_donation"),
// a campaign, a cited document ("44-KL/TW"), an indicator ("blood_units")
// or a duty ("results"). An unknown ID gives a diag.List with code
// unknown_id and the nearest known IDs.
func (r *Registry) Lookup(id string) (Entry, error) {
	entries := r.entries()
	ids := make([]string, len(entries))
	for i, e := range entries {
		if e.ID == id {
			return e, nil
		}
		ids[i] = e.ID
	}
	return Entry{}, unknown("id", id, ids)
}

// entries lists every item Lookup knows, in the document's order, then
// the registry's bodies and the plan's other catalogues.
func (r *Registry) entries() []Entry {
	var out []Entry
	out = append(out, Entry{"clause", preamble.ID, preamble.Text, preamble.English})
	for _, s := range sections {
		out = append(out, Entry{"section", s.ID, s.Title, s.English})
		for _, p := range s.Parts {
			kind, clause := "part", "clause"
			if s.ID == "III" {
				kind, clause = "group", "task"
			}
			out = append(out, Entry{kind, p.ID, p.Title, p.English})
			for _, c := range p.Clauses {
				out = append(out, Entry{clause, c.ID, c.Text, c.English})
			}
		}
	}
	out = append(out, Entry{"clause", closing.ID, closing.Text, closing.English})
	for _, b := range r.bodies {
		out = append(out, Entry{"body", b.ID, b.Name, b.English})
	}
	for _, a := range activities {
		out = append(out, Entry{"activity", a.ID, a.Name, a.English})
	}
	for _, c := range campaigns {
		out = append(out, Entry{"campaign", c.ID, c.Name, c.English})
	}
	for _, ref := range references {
		out = append(out, Entry{"reference", ref.ID, strings.TrimSpace(ref.Kind + " " + ref.ID), ref.English})
	}
	for _, in := range indicators {
		out = append(out, Entry{"indicator", in.Code, in.Name, in.English})
	}
	for _, d := range duties {
		out = append(out, Entry{"duty", d.ID, d.VI, d.EN})
	}
	return out
}
