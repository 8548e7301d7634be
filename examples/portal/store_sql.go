package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// dialect is what differs between the SQL databases the store runs on.
// Queries are written once, portably, with ? placeholders; rebind turns
// them into the dialect's.
type dialect struct {
	name string
	// schema creates (if missing) every table, index and trigger; each
	// statement is run on its own, in order, at open.
	schema []string
	// lock, if not empty, is run first in Add's transaction with the
	// body/period key, to serialise the versions of one report (SQLite
	// has a single connection, which serialises everything).
	lock string
	// dollar says placeholders are $1, $2… (PostgreSQL), not ?.
	dollar bool
	// uniqueViolation reports whether err is a broken UNIQUE constraint.
	uniqueViolation func(err error) bool
}

// sqlStore is the Store on a database/sql database, SQLite or PostgreSQL.
// Other persistence of the portal (accounts, sessions…) uses db through
// rebind, and adds its tables to both dialects' schema.
type sqlStore struct {
	db    *sql.DB
	d     dialect
	quota Quota
	// backup writes a consistent copy to a file (nil: ErrBackupExternal).
	backup  func(ctx context.Context, to string) error
	closers []func() error
}

// rebind turns the ? placeholders of q into the dialect's.
func (s *sqlStore) rebind(q string) string {
	if !s.d.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// Close closes the database.
func (s *sqlStore) Close() error {
	err := s.db.Close()
	for _, c := range s.closers {
		err = errors.Join(err, c())
	}
	return err
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

const columns = `id, body, period, report_date, version, received_at, content_type, size, sha256, submitter`

// Add stores a new version; see Store.
func (s *sqlStore) Add(ctx context.Context, v NewVersion) (Submission, bool, error) {
	for attempt := 0; ; attempt++ {
		sub, existing, err := s.add(ctx, v)
		if err != nil && s.d.uniqueViolation != nil && s.d.uniqueViolation(err) && attempt < 3 {
			continue // a concurrent Add took the version number or the key
		}
		return sub, existing, err
	}
}

func (s *sqlStore) add(ctx context.Context, v NewVersion) (Submission, bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Submission{}, false, err
	}
	defer tx.Rollback()
	if s.d.lock != "" {
		if _, err := tx.ExecContext(ctx, s.rebind(s.d.lock), v.Body+" "+v.Period); err != nil {
			return Submission{}, false, err
		}
	}
	sum := digest(v.Report)
	if v.IdempotencyKey != "" {
		subs, err := s.queryTx(ctx, tx, false, `WHERE submitter = ? AND idem_key = ?`, v.Submitter, v.IdempotencyKey)
		if err != nil {
			return Submission{}, false, err
		}
		if len(subs) > 0 {
			if subs[0].SHA256 != sum || subs[0].Body != v.Body || subs[0].Period != v.Period {
				return Submission{}, false, ErrKeyReused
			}
			return subs[0], true, nil
		}
	}
	// The version that counts now. The same bytes from the same
	// submitter as it are a retry, not a new version. (Sending an older
	// version again after a newer one is a new version: it counts.)
	latest, err := s.queryTx(ctx, tx, false, `WHERE body = ? AND period = ? ORDER BY version DESC LIMIT 1`, v.Body, v.Period)
	if err != nil {
		return Submission{}, false, err
	}
	next := 1
	if len(latest) == 1 {
		if latest[0].SHA256 == sum && latest[0].Submitter == v.Submitter {
			return latest[0], true, nil
		}
		next = latest[0].Version + 1
	}
	size := int64(len(v.Report))
	if q := s.quota; q.MaxVersions > 0 || q.MaxBytes > 0 {
		// Read from the index submissions_usage alone; at most
		// MaxVersions entries, or a few more when the quota was lowered.
		var used Usage
		err = tx.QueryRowContext(ctx, s.rebind(`SELECT COUNT(*), COALESCE(SUM(size), 0) FROM submissions WHERE body = ? AND period = ?`),
			v.Body, v.Period).Scan(&used.Versions, &used.Bytes)
		if err != nil {
			return Submission{}, false, err
		}
		if (q.MaxVersions > 0 && used.Versions+1 > q.MaxVersions) || (q.MaxBytes > 0 && used.Bytes+size > q.MaxBytes) {
			return Submission{}, false, &QuotaError{Quota: q, Used: used, Size: size}
		}
	}
	sub := Submission{
		Body: v.Body, Period: v.Period, ReportDate: v.ReportDate, Version: next,
		ReceivedAt: v.ReceivedAt.UTC(), ContentType: v.ContentType, Size: size, SHA256: sum,
		Submitter: v.Submitter, Report: v.Report,
	}
	err = tx.QueryRowContext(ctx, s.rebind(`INSERT INTO submissions (body, period, report_date, version, received_at, content_type, size, sha256, submitter, idem_key, report)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		sub.Body, sub.Period, sub.ReportDate, sub.Version, sub.ReceivedAt.Format(time.RFC3339Nano), sub.ContentType,
		sub.Size, sub.SHA256, sub.Submitter, v.IdempotencyKey, v.Report).Scan(&sub.ID)
	if err != nil {
		return Submission{}, false, err
	}
	return sub, false, tx.Commit()
}

// Get returns one version with its bytes.
func (s *sqlStore) Get(ctx context.Context, id int64) (Submission, error) {
	subs, err := s.queryTx(ctx, s.db, true, `WHERE id = ?`, id)
	if err != nil {
		return Submission{}, err
	}
	if len(subs) == 0 {
		return Submission{}, ErrNotFound
	}
	return subs[0], nil
}

// Versions returns the versions of body's report for period, without bytes.
func (s *sqlStore) Versions(ctx context.Context, body, period string) ([]Submission, error) {
	return s.queryTx(ctx, s.db, false, `WHERE body = ? AND period = ? ORDER BY version`, body, period)
}

// List returns every version for period, without bytes.
func (s *sqlStore) List(ctx context.Context, period string) ([]Submission, error) {
	return s.queryTx(ctx, s.db, false, `WHERE period = ? ORDER BY id`, period)
}

// Counting calls fn with each body's version received last for period,
// with its bytes, one at a time: the connection is not held while fn runs,
// and memory holds one report.
func (s *sqlStore) Counting(ctx context.Context, period string, fn func(Submission) error) error {
	subs, err := s.queryTx(ctx, s.db, false, `WHERE period = ? AND version = (SELECT MAX(l.version) FROM submissions l WHERE l.body = submissions.body AND l.period = submissions.period) ORDER BY body`, period)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		full, err := s.Get(ctx, sub.ID)
		if err != nil {
			return err
		}
		if err := fn(full); err != nil {
			return err
		}
	}
	return nil
}

// Usage returns what body has stored for period.
func (s *sqlStore) Usage(ctx context.Context, body, period string) (u Usage, err error) {
	err = s.db.QueryRowContext(ctx, s.rebind(`SELECT COUNT(*), COALESCE(SUM(size), 0) FROM submissions WHERE body = ? AND period = ?`), body, period).Scan(&u.Versions, &u.Bytes)
	return u, err
}

// Count returns how many versions are stored.
func (s *sqlStore) Count(ctx context.Context) (n int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions`).Scan(&n)
	return n, err
}

// Backup writes a consistent copy to the file to.
func (s *sqlStore) Backup(ctx context.Context, to string) error {
	if s.backup == nil {
		return ErrBackupExternal
	}
	return s.backup(ctx, to)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// collect runs query on q and scans each row with scan: the one loop over
// result rows of the portal's stores.
func collect[T any](ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryTx returns the submissions matching where, with their bytes if
// withReport.
func (s *sqlStore) queryTx(ctx context.Context, q querier, withReport bool, where string, args ...any) ([]Submission, error) {
	cols := columns
	if withReport {
		cols += ", report"
	}
	return collect(ctx, q, s.rebind(`SELECT `+cols+` FROM submissions `+where), args, func(rows *sql.Rows) (Submission, error) {
		var sub Submission
		var at string
		dst := []any{&sub.ID, &sub.Body, &sub.Period, &sub.ReportDate, &sub.Version, &at, &sub.ContentType, &sub.Size, &sub.SHA256, &sub.Submitter}
		if withReport {
			dst = append(dst, &sub.Report)
		}
		if err := rows.Scan(dst...); err != nil {
			return sub, err
		}
		var err error
		if sub.ReceivedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return sub, err
		}
		if withReport && sub.Report == nil {
			sub.Report = []byte{}
		}
		return sub, nil
	})
}
