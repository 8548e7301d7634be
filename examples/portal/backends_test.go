package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
)

// forEachBackend runs test on a store of each backend: SQLite in a
// temporary folder, and PostgreSQL in a new database of the server
// KH164_POSTGRES_URL names (.ci/postgres starts one). Without that
// variable the PostgreSQL run skips, unless KH164_REQUIRE_POSTGRES=1.
func forEachBackend(t *testing.T, test func(t *testing.T, store Store)) {
	t.Run("sqlite", func(t *testing.T) { test(t, openTestStore(t, t.TempDir())) })
	t.Run("postgres", func(t *testing.T) { test(t, openPostgresTestStore(t)) })
}

// openPostgresTestStore opens a store on a new, empty PostgreSQL
// database, dropped when the test ends.
func openPostgresTestStore(t *testing.T) Store {
	t.Helper()
	base := os.Getenv("KH164_POSTGRES_URL")
	if base == "" {
		if os.Getenv("KH164_REQUIRE_POSTGRES") == "1" {
			t.Fatal("KH164_REQUIRE_POSTGRES=1 but KH164_POSTGRES_URL is not set (eval \"$(.ci/postgres start)\")")
		}
		t.Skip("no PostgreSQL: set KH164_POSTGRES_URL (eval \"$(.ci/postgres start)\")")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	rand.Read(b[:])
	name := "kh164_accounts_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	store, err := OpenStore(t.Context(), u.String(), StoreOptions{Quota: DefaultQuota})
	if err != nil {
		t.Fatal(err)
	}
	return store
}
