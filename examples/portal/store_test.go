package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// The store's tests run against SQLite and, when KH164_POSTGRES_URL names
// a PostgreSQL server (.ci/postgres starts one), against PostgreSQL: each
// test gets a new database there. KH164_REQUIRE_POSTGRES=1 makes a
// missing server a failure instead of a skip.

// backend is one database the store runs on.
type backend struct {
	name string
	// newDB returns the -db of a new, empty database.
	newDB func(t testing.TB) string
}

var pgCount atomic.Int64

func backends() []backend {
	return []backend{
		{"sqlite", func(t testing.TB) string { return t.TempDir() }},
		{"postgres", newPostgresDB},
	}
}

// newPostgresDB creates a database on the server of KH164_POSTGRES_URL
// for one test, dropped when it ends, and returns its URL.
func newPostgresDB(t testing.TB) string {
	t.Helper()
	admin := os.Getenv("KH164_POSTGRES_URL")
	if admin == "" {
		if os.Getenv("KH164_REQUIRE_POSTGRES") == "1" {
			t.Fatal("KH164_REQUIRE_POSTGRES=1 but KH164_POSTGRES_URL is not set (eval \"$(.ci/postgres start)\")")
		}
		t.Skip("no PostgreSQL: set KH164_POSTGRES_URL (eval \"$(.ci/postgres start)\")")
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("KH164_POSTGRES_URL: %v", err)
	}
	name := fmt.Sprintf("kh164_test_%d_%d", os.Getpid(), pgCount.Add(1))
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating a test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	u.Path = "/" + name
	return u.String()
}

// forBackends runs f as a subtest on each backend.
func forBackends(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// openTestStore opens the store db (a folder or a URL) for a test, with
// the default quota, closed when the test ends.
func openTestStore(t testing.TB, db string) Store {
	t.Helper()
	return openTestStoreQuota(t, db, DefaultQuota)
}

func openTestStoreQuota(t testing.TB, db string, q Quota) Store {
	t.Helper()
	s, err := OpenStore(context.Background(), db, StoreOptions{Quota: q})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// storedVersions returns every stored version for period, with its bytes.
func storedVersions(t testing.TB, s Store, period string) ([]Submission, error) {
	t.Helper()
	subs, err := s.List(context.Background(), period)
	if err != nil {
		return nil, err
	}
	for i := range subs {
		if subs[i], err = s.Get(context.Background(), subs[i].ID); err != nil {
			return nil, err
		}
	}
	return subs, nil
}

func TestStore(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		db := b.newDB(t)
		s := openTestStoreQuota(t, db, Quota{MaxVersions: 3, MaxBytes: 100})
		ctx := t.Context()
		at := time.Date(2026, 11, 18, 9, 0, 0, 123456789, time.UTC)
		add := func(body, period, report, key string) (Submission, bool, error) {
			return s.Add(ctx, NewVersion{Body: body, Period: period, ReportDate: "2026-11-18", Report: []byte(report),
				ContentType: "application/json; charset=utf-8", ReceivedAt: at, IdempotencyKey: key})
		}
		bom := "\uFEFF{\"a\":1}"
		v1, existing, err := add("so-y-te", "annual-2026", bom, "")
		if err != nil || existing || v1.Version != 1 || v1.Size != int64(len(bom)) || v1.SHA256 != digest([]byte(bom)) {
			t.Fatalf("first Add: %+v %v %v", v1, existing, err)
		}
		// The same bytes again: a retry, the same version.
		again, existing, err := add("so-y-te", "annual-2026", bom, "")
		if err != nil || !existing || again.ID != v1.ID {
			t.Fatalf("same bytes again: %+v %v %v", again, existing, err)
		}
		v2, _, err := add("so-y-te", "annual-2026", `{"a":2}`, "k-1")
		if err != nil || v2.Version != 2 {
			t.Fatalf("second version: %+v %v", v2, err)
		}
		// The same key: the version it made, whatever came since.
		v3, _, err := add("so-y-te", "annual-2026", `{"a":1}`, "")
		if err != nil || v3.Version != 3 {
			t.Fatalf("version 1's bytes after version 2 are a new version: %+v %v", v3, err)
		}
		if got, existing, err := add("so-y-te", "annual-2026", `{"a":2}`, "k-1"); err != nil || !existing || got.ID != v2.ID {
			t.Fatalf("key k-1 again: %+v %v %v", got, existing, err)
		}
		if _, _, err := add("so-y-te", "annual-2026", `{"a":9}`, "k-1"); !errors.Is(err, ErrKeyReused) {
			t.Fatalf("key k-1 with other bytes: %v", err)
		}
		// Quota: 3 versions.
		var qe *QuotaError
		if _, _, err := add("so-y-te", "annual-2026", `{"a":4}`, ""); !errors.As(err, &qe) || !qe.Versions() {
			t.Fatalf("a fourth version: %v", err)
		}
		// Quota: 100 bytes, padding counts.
		if _, _, err := add("so-noi-vu", "annual-2026", `{"a":1}`+strings.Repeat(" ", 100), ""); !errors.As(err, &qe) || qe.Versions() {
			t.Fatalf("over the bytes: %v", err)
		}
		if _, _, err := add("so-noi-vu", "half-year-2026", `{"b":1}`, ""); err != nil {
			t.Fatal(err)
		}
		// Reads: bytes as received, with their type.
		got, err := s.Get(ctx, v1.ID)
		if err != nil || string(got.Report) != bom || got.ContentType != "application/json; charset=utf-8" || !got.ReceivedAt.Equal(at) {
			t.Fatalf("Get: %+v %q %v", got, got.Report, err)
		}
		if _, err := s.Get(ctx, 999999); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Get of an unknown ID: %v", err)
		}
		list, err := s.List(ctx, "annual-2026")
		if err != nil || len(list) != 3 || list[0].Report != nil {
			t.Fatalf("List: %d versions, %v", len(list), err)
		}
		vs, _ := s.Versions(ctx, "so-y-te", "annual-2026")
		if len(vs) != 3 || vs[2].Version != 3 {
			t.Fatalf("Versions: %+v", vs)
		}
		var counting []Submission
		if err := s.Counting(ctx, "annual-2026", func(sub Submission) error { counting = append(counting, sub); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(counting) != 1 || counting[0].ID != v3.ID || !bytes.Equal(counting[0].Report, []byte(`{"a":1}`)) {
			t.Fatalf("Counting: %+v", counting)
		}
		if u, err := s.Usage(ctx, "so-y-te", "annual-2026"); err != nil || u.Versions != 3 || u.Bytes != int64(len(bom)+14) {
			t.Fatalf("Usage: %+v %v", u, err)
		}
		if n, err := s.Count(ctx); err != nil || n != 4 {
			t.Fatalf("Count: %d %v", n, err)
		}
		// Nothing is ever changed or deleted, whoever asks.
		raw := s.(*sqlStore)
		for _, q := range []string{`UPDATE submissions SET report = report`, `DELETE FROM submissions`} {
			if _, err := raw.db.ExecContext(ctx, q); err == nil {
				t.Errorf("%s: allowed", q)
			}
		}
		// A backup is a store of its own (SQLite); PostgreSQL has pg_dump.
		copyFile := filepath.Join(t.TempDir(), "copy.db")
		switch err := s.Backup(ctx, copyFile); {
		case b.name == "postgres":
			if !errors.Is(err, ErrBackupExternal) {
				t.Errorf("Backup on PostgreSQL: %v", err)
			}
		case err != nil:
			t.Fatal(err)
		default:
			// It holds personal data and password hashes: the service's only.
			if fi, err := os.Stat(copyFile); err != nil {
				t.Error(err)
			} else if fi.Mode().Perm() != 0o600 {
				t.Errorf("the backup's mode is %v, want 0600", fi.Mode().Perm())
			}
			restored := t.TempDir()
			os.Rename(copyFile, filepath.Join(restored, "reports.db"))
			if n, err := openTestStore(t, restored).Count(ctx); err != nil || n != 4 {
				t.Errorf("the backup holds %d versions, %v", n, err)
			}
			if err := s.Backup(ctx, filepath.Join(restored, "reports.db")); err == nil {
				t.Error("Backup overwrote an existing file")
			}
		}
		// And it is all there after a restart.
		s.Close()
		s2 := openTestStore(t, db)
		if n, err := s2.Count(ctx); err != nil || n != 4 {
			t.Fatalf("after reopening: %d %v", n, err)
		}
	})
}
