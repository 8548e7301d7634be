package main

import (
	"context"
	"fmt"
)

// versionRow is one received version on the compile page: what, when,
// who filed it, from where, and the SHA-256 of its bytes.
type versionRow struct {
	Submission
	BodyName string
	Filer    string // the account's name and username; "" for a version stored before accounts
}

// filers names the filer of each version, for the compile page.
func (s *server) filers(ctx context.Context, subs []Submission) ([]versionRow, error) {
	accs, err := s.auth.store.accounts(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, a := range accs {
		names[submitterOf(a.ID)] = a.Name + " (" + a.Username + ")"
	}
	rows := make([]versionRow, len(subs))
	for i, sub := range subs {
		rows[i] = versionRow{Submission: sub, BodyName: s.bodyName(sub.Body), Filer: names[sub.Submitter]}
	}
	return rows, nil
}

// filedDetail describes a filing in the audit trail.
func filedDetail(sub Submission, token int64) string {
	d := fmt.Sprintf("%s, %s, bản %d (số %d), SHA-256 %s", sub.Body, sub.Period, sub.Version, sub.ID, sub.SHA256)
	if token != 0 {
		d += fmt.Sprintf(", qua mã API #%d", token)
	}
	return d
}
