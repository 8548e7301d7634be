package main

import (
	"testing"
)

// openTestStore opens a store for a test: SQLite in dir.
func openTestStore(t testing.TB, dir string) Store {
	t.Helper()
	s, err := OpenStore(t.Context(), dir, StoreOptions{Quota: DefaultQuota})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// storedVersions returns every stored version for period, with its bytes.
func storedVersions(t testing.TB, s Store, period string) ([]Submission, error) {
	t.Helper()
	subs, err := s.List(t.Context(), period)
	if err != nil {
		return nil, err
	}
	for i := range subs {
		if subs[i], err = s.Get(t.Context(), subs[i].ID); err != nil {
			return nil, err
		}
	}
	return subs, nil
}
