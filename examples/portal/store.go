package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Store keeps every accepted submission as a new version: nothing is ever
// updated or deleted, so each correction is a new version of the body's
// report for the period. Two implementations share one SQL code path
// (sqlStore, store_sql.go): SQLite in the data folder, the embedded
// default, and PostgreSQL for deployments (OpenStore with a postgres://
// URL).
//
// Every method is safe for concurrent use, and every read that returns
// report bytes is bounded by what the caller asks for: List and Versions
// return metadata only; Counting gives the bytes of one version per body
// (the one received last), one at a time.
type Store interface {
	// Add stores a new version of v.Body's report for v.Period, with the
	// next version number, unless an earlier version from the same
	// submitter has the same idempotency key, or the same bytes: then it
	// returns that version and existing = true. It refuses a version over
	// the quota with a *QuotaError, and a reused idempotency key with
	// other bytes with ErrKeyReused.
	Add(ctx context.Context, v NewVersion) (sub Submission, existing bool, err error)
	// Get returns one version with its bytes as received, or ErrNotFound.
	Get(ctx context.Context, id int64) (Submission, error)
	// Versions returns every version of body's report for period, oldest
	// first, without the bytes.
	Versions(ctx context.Context, body, period string) ([]Submission, error)
	// List returns every version of every report for period, oldest
	// first, without the bytes.
	List(ctx context.Context, period string) ([]Submission, error)
	// Counting calls fn, for each body, with the version of its report
	// for period received last, with its bytes, in body ID order: the
	// versions a compilation counts. It holds one report in memory at a
	// time, and stops at fn's first error, which it returns.
	Counting(ctx context.Context, period string, fn func(Submission) error) error
	// Usage is how many versions and bytes body has stored for period.
	Usage(ctx context.Context, body, period string) (Usage, error)
	// Count returns how many versions are stored in all.
	Count(ctx context.Context) (int, error)
	// Backup writes a consistent copy of the store to the file to, while
	// it is in use (SQLite: VACUUM INTO). PostgreSQL answers
	// ErrBackupExternal: use pg_dump (README, Backups).
	Backup(ctx context.Context, to string) error
	// Close closes the store.
	Close() error
}

// NewVersion is a report to store, as received.
type NewVersion struct {
	Body       string
	Period     string // plan.Period.String(): "annual-2026"
	ReportDate string // plan.Date.String()
	Report     []byte // the bytes as received, BOM and all
	// ContentType is the request's Content-Type, given back with the bytes.
	ContentType string
	ReceivedAt  time.Time
	// Submitter names who sent it (an account; "" for the anonymous
	// demo). Idempotency keys and duplicate bytes are matched per
	// submitter.
	Submitter string
	// IdempotencyKey is the request's Idempotency-Key header, or "".
	IdempotencyKey string
}

// Submission is one stored version. Report is nil where a method returns
// metadata only.
type Submission struct {
	ID          int64     `json:"id"`
	Body        string    `json:"body"`
	Period      string    `json:"period"`
	ReportDate  string    `json:"reportDate"`
	Version     int       `json:"version"` // 1 for the body's first report for the period
	ReceivedAt  time.Time `json:"receivedAt"`
	ContentType string    `json:"contentType"`
	Size        int64     `json:"size"`   // len(Report)
	SHA256      string    `json:"sha256"` // of Report, lower-case hex
	Submitter   string    `json:"-"`
	Report      []byte    `json:"-"` // the bytes as received
}

// Usage is what one body has stored for one period.
type Usage struct {
	Versions int
	Bytes    int64
}

// Quota caps what one body may store for one period; zero means no cap.
// Whitespace padding cannot grow the store beyond it: every byte received
// counts.
type Quota struct {
	MaxVersions int
	MaxBytes    int64
}

// DefaultQuota is the portal's quota per body and period: a body corrects
// its report a few times a year; 200 versions of the largest accepted
// report is 200 MiB, far beyond honest use and bounded.
var DefaultQuota = Quota{MaxVersions: 200, MaxBytes: 64 << 20}

// QuotaError is Add's answer to a version over the quota.
type QuotaError struct {
	Quota Quota
	Used  Usage
	Size  int64 // of the refused version
}

func (e *QuotaError) Error() string {
	return fmt.Sprintf("quota: %d versions, %d bytes used of %d versions, %d bytes; refused %d bytes",
		e.Used.Versions, e.Used.Bytes, e.Quota.MaxVersions, e.Quota.MaxBytes, e.Size)
}

// Versions reports whether the version count, not the bytes, is what ran out.
func (e *QuotaError) Versions() bool {
	return e.Quota.MaxVersions > 0 && e.Used.Versions >= e.Quota.MaxVersions
}

var (
	// ErrNotFound is returned for an unknown submission ID.
	ErrNotFound = errors.New("no such submission")
	// ErrKeyReused is Add's answer to an idempotency key already used by
	// the submitter for other bytes.
	ErrKeyReused = errors.New("idempotency key already used for another report")
	// ErrBackupExternal is Backup's answer where the database has its own
	// tool (PostgreSQL: pg_dump).
	ErrBackupExternal = errors.New("back up this database with its own tool (PostgreSQL: pg_dump)")
)

// StoreOptions configure OpenStore.
type StoreOptions struct {
	Quota Quota
}

// OpenStore opens (creating if needed) the store named by db: a
// postgres:// or postgresql:// URL (or a libpq key=value string starting
// "host=") for PostgreSQL, otherwise a folder holding the SQLite database
// reports.db.
func OpenStore(ctx context.Context, db string, o StoreOptions) (Store, error) {
	if IsPostgres(db) {
		return openPostgres(ctx, db, o)
	}
	return openSQLite(ctx, db, o)
}

// IsPostgres reports whether db names a PostgreSQL database.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") || strings.HasPrefix(db, "host=")
}

// Label names a submission for people: "so-y-te, bản 2, nhận 16:00 18/11/2026".
func (sub Submission) Label() string {
	return fmt.Sprintf("%s, bản %d, nhận %s", sub.Body, sub.Version, sub.Received())
}

// Received is when the portal received the submission, in Hanoi: "16:00 18/11/2026".
func (sub Submission) Received() string { return sub.ReceivedAt.In(hanoi).Format("15:04 02/01/2006") }
