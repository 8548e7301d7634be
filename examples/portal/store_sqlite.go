package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteDialect is the embedded default: one file, reports.db, in the data
// folder, in WAL mode with synchronous=FULL so that an acknowledged
// version survives kill -9 and power loss.
var sqliteDialect = dialect{
	name: "SQLite",
	schema: []string{
		`CREATE TABLE IF NOT EXISTS submissions (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	body         TEXT    NOT NULL,
	period       TEXT    NOT NULL,
	report_date  TEXT    NOT NULL,
	version      INTEGER NOT NULL,
	received_at  TEXT    NOT NULL,
	report       BLOB    NOT NULL,
	content_type TEXT    NOT NULL DEFAULT 'application/json',
	size         INTEGER NOT NULL DEFAULT 0,
	sha256       TEXT    NOT NULL DEFAULT '',
	submitter    TEXT    NOT NULL DEFAULT '',
	idem_key     TEXT    NOT NULL DEFAULT '',
	UNIQUE (body, period, version)
)`,
		// A database of an earlier portal lacks the columns after report.
		`ALTER TABLE submissions ADD COLUMN content_type TEXT NOT NULL DEFAULT 'application/json'`,
		`ALTER TABLE submissions ADD COLUMN size INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE submissions ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE submissions ADD COLUMN submitter TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE submissions ADD COLUMN idem_key TEXT NOT NULL DEFAULT ''`,
		`CREATE UNIQUE INDEX IF NOT EXISTS submissions_idem_key ON submissions (submitter, idem_key) WHERE idem_key <> ''`,
		`CREATE INDEX IF NOT EXISTS submissions_period ON submissions (period, body, version)`,
		// Add's usage query reads this index only.
		`CREATE INDEX IF NOT EXISTS submissions_usage ON submissions (body, period, version, size)`,
		`CREATE TRIGGER IF NOT EXISTS submissions_no_update BEFORE UPDATE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never changed'); END`,
		`CREATE TRIGGER IF NOT EXISTS submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END`,
	},
	uniqueViolation: func(err error) bool {
		var e *sqlite.Error
		return errors.As(err, &e) && (e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
	},
}

// sqliteDSN is the data source name of the database in dir.
func sqliteDSN(dir string) string {
	return "file:" + filepath.Join(dir, "reports.db") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
}

func openSQLite(ctx context.Context, dir string, o StoreOptions) (*sqlStore, error) {
	if err := prepareDataDir(dir); err != nil { // 0700, reports.db 0600 (filing.go)
		return nil, err
	}
	db, err := sql.Open("sqlite", sqliteDSN(dir))
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer anyway, and it makes the
	// version numbering race-free without retries.
	db.SetMaxOpenConns(1)
	s := &sqlStore{db: db, d: sqliteDialect, quota: o.Quota}
	for _, stmt := range s.d.schema {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			if strings.HasPrefix(stmt, "ALTER TABLE") && strings.Contains(err.Error(), "duplicate column") {
				continue
			}
			db.Close()
			return nil, fmt.Errorf("preparing %s: %w", dir, err)
		}
	}
	// The backup reads on a connection of its own, so that submissions
	// go on while VACUUM INTO copies a snapshot.
	s.backup = func(ctx context.Context, to string) error { return backupSQLite(ctx, dir, to) }
	return s, nil
}

// backupSQLite writes a consistent copy of the database in dir to the file
// to (which must not exist) with VACUUM INTO: a snapshot of the last
// commit, taken while writers go on.
func backupSQLite(ctx context.Context, dir, to string) error {
	if _, err := os.Stat(filepath.Join(dir, "reports.db")); err != nil {
		return fmt.Errorf("no portal database in %s: %w", dir, err)
	}
	// The copy holds personal data and password hashes: create it for the
	// service's user only (0600), and atomically refuse an existing file.
	// VACUUM INTO writes into an empty file.
	f, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: choose a new file for the backup", to)
	}
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", sqliteDSN(dir))
	if err != nil {
		os.Remove(to)
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, to); err != nil {
		os.Remove(to)
		return fmt.Errorf("backing up %s: %w", dir, err)
	}
	return nil
}

// openSQLiteFile opens an SQLite database file (a backup, say) on its own.
func openSQLiteFile(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
}
