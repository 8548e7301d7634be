package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"
)

// Store keeps every accepted submission as a new row: nothing is ever
// updated or deleted, so each correction is a new version of the body's
// report for the period.
type Store struct {
	db *sql.DB
}

// Submission is one accepted report as stored.
type Submission struct {
	ID         int64     `json:"id"`
	Body       string    `json:"body"`
	Period     string    `json:"period"`
	ReportDate string    `json:"reportDate"`
	Version    int       `json:"version"` // 1 for the body's first report for the period
	ReceivedAt time.Time `json:"receivedAt"`
	Report     []byte    `json:"-"` // the bytes as received
	Filing
}

// Filing is who sent a submission, from where, and the SHA-256 of the
// bytes: the audit trail of every version.
type Filing struct {
	Account int64  `json:"filedBy"` // the account that filed it (0 for versions stored before accounts)
	Remote  string `json:"-"`       // the client's address
	SHA256  string `json:"sha256"`  // of Report, hex
}

const schemaSQL = `
CREATE TABLE IF NOT EXISTS submissions (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	body        TEXT    NOT NULL,
	period      TEXT    NOT NULL,
	report_date TEXT    NOT NULL,
	version     INTEGER NOT NULL,
	received_at TEXT    NOT NULL,
	report      BLOB    NOT NULL,
	account_id  INTEGER NOT NULL DEFAULT 0,
	remote      TEXT    NOT NULL DEFAULT '',
	sha256      TEXT    NOT NULL DEFAULT '',
	UNIQUE (body, period, version)
);
CREATE TRIGGER IF NOT EXISTS submissions_no_update BEFORE UPDATE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never changed'); END;
CREATE TRIGGER IF NOT EXISTS submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;`

// OpenStore opens (creating if needed) the database in dir.
func OpenStore(dir string) (*Store, error) {
	if err := prepareDataDir(dir); err != nil {
		return nil, err
	}
	dsn := "file:" + filepath.Join(dir, "reports.db") + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer anyway, and it makes the
	// version numbering below race-free without retries.
	db.SetMaxOpenConns(1)
	_, err = db.Exec(schemaSQL)
	if err == nil {
		err = addFilingColumns(db)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("preparing %s: %w", dir, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Add stores a new version of body's report for period, filed as f says
// (its SHA256 is computed here).
func (s *Store) Add(ctx context.Context, body, period, reportDate string, raw []byte, at time.Time, f Filing) (Submission, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Submission{}, err
	}
	defer tx.Rollback()
	f.SHA256 = sha256Hex(raw)
	sub := Submission{Body: body, Period: period, ReportDate: reportDate, ReceivedAt: at.UTC(), Report: raw, Filing: f}
	err = tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM submissions WHERE body = ? AND period = ?`, body, period).Scan(&sub.Version)
	if err != nil {
		return Submission{}, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions (body, period, report_date, version, received_at, report, account_id, remote, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		body, period, reportDate, sub.Version, sub.ReceivedAt.Format(time.RFC3339Nano), raw, f.Account, f.Remote, f.SHA256)
	if err != nil {
		return Submission{}, err
	}
	if sub.ID, err = res.LastInsertId(); err != nil {
		return Submission{}, err
	}
	return sub, tx.Commit()
}

// ErrNotFound is returned for an unknown submission ID.
var ErrNotFound = errors.New("no such submission")

// Get returns one submission.
func (s *Store) Get(ctx context.Context, id int64) (Submission, error) {
	subs, err := s.query(ctx, `WHERE id = ?`, id)
	if err != nil {
		return Submission{}, err
	}
	if len(subs) == 0 {
		return Submission{}, ErrNotFound
	}
	return subs[0], nil
}

// ForPeriod returns every version of every report for period, oldest first.
func (s *Store) ForPeriod(ctx context.Context, period string) ([]Submission, error) {
	return s.query(ctx, `WHERE period = ? ORDER BY id`, period)
}

// Versions returns every version of body's report for period, oldest first.
func (s *Store) Versions(ctx context.Context, body, period string) ([]Submission, error) {
	return s.query(ctx, `WHERE body = ? AND period = ? ORDER BY version`, body, period)
}

// Label names a submission for people: "so-y-te, bản 2, nhận 16:00 18/11/2026".
func (sub Submission) Label() string {
	return fmt.Sprintf("%s, bản %d, nhận %s", sub.Body, sub.Version, sub.Received())
}

// Received is when the portal received the submission, in Hanoi: "16:00 18/11/2026".
func (sub Submission) Received() string { return sub.ReceivedAt.In(hanoi).Format("15:04 02/01/2006") }

// Count returns how many submissions are stored.
func (s *Store) Count(ctx context.Context) (n int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions`).Scan(&n)
	return n, err
}

func (s *Store) query(ctx context.Context, where string, args ...any) ([]Submission, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, body, period, report_date, version, received_at, report, account_id, remote, sha256 FROM submissions `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		var sub Submission
		var at string
		if err := rows.Scan(&sub.ID, &sub.Body, &sub.Period, &sub.ReportDate, &sub.Version, &at, &sub.Report, &sub.Account, &sub.Remote, &sub.SHA256); err != nil {
			return nil, err
		}
		if sub.ReceivedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, err
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}
