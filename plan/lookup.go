package plan

import "fmt"

// Entry is what Lookup finds: any item of the plan by its ID.
type Entry struct {
	Kind    string `json:"kind"` // clause, task, group, body, activity, campaign, reference, indicator, duty
	ID      string `json:"id"`
	Text    string `json:"text"` // Vietnamese text or name
	English string `json:"english"`
}

// Lookup finds any item by its ID: a clause ("I.1.2", "preamble"), a task
// ("III.6.1"), an assignee group ("III.6"), a body ("so-y-te"), an activity
// content ("blood_donation"), a campaign, a cited document ("44-KL/TW"), an
// indicator ("blood_units") or a duty ("results"). An unknown ID gives a
// diag.List with code unknown_id and the nearest known IDs.
func (r *Registry) Lookup(id string) (Entry, error) {
	x := idx()
	if t, ok := x.taskAt[id]; ok {
		task := x.tasks[t]
		return Entry{"task", id, task.Text, task.English}, nil
	}
	if c, ok := x.clauses[id]; ok {
		return Entry{"clause", id, c.Text, c.English}, nil
	}
	if p, ok := x.parts[id]; ok {
		kind := "part"
		if len(id) > 4 && id[:4] == "III." {
			kind = "group"
		}
		return Entry{kind, id, p.Title, p.English}, nil
	}
	var known []string
	for _, s := range sections {
		if s.ID == id {
			return Entry{"section", id, s.Title, s.English}, nil
		}
		known = append(known, s.ID)
	}
	for _, b := range r.bodies {
		if b.ID == id {
			return Entry{"body", id, b.Name, b.English}, nil
		}
		known = append(known, b.ID)
	}
	for _, a := range activities {
		if a.ID == id {
			return Entry{"activity", id, a.Name, a.English}, nil
		}
		known = append(known, a.ID)
	}
	for _, c := range campaigns {
		if c.ID == id {
			return Entry{"campaign", id, c.Name, c.English}, nil
		}
		known = append(known, c.ID)
	}
	for _, ref := range references {
		if ref.ID == id {
			return Entry{"reference", id, fmt.Sprintf("%s %s", ref.Kind, ref.ID), ref.English}, nil
		}
		known = append(known, ref.ID)
	}
	for _, in := range indicators {
		if in.Code == id {
			return Entry{"indicator", id, in.Name, in.English}, nil
		}
		known = append(known, in.Code)
	}
	for _, d := range duties {
		if d.ID == id {
			return Entry{"duty", id, d.VI, d.EN}, nil
		}
		known = append(known, d.ID)
	}
	for k := range x.clauses {
		known = append(known, k)
	}
	for k := range x.parts {
		known = append(known, k)
	}
	return Entry{}, unknown("id", id, known)
}
