package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// postgresDialect is for deployments: the same table, the same rules
// (never updated, never deleted, enforced by triggers), on a PostgreSQL
// server named by a URL.
var postgresDialect = dialect{
	name:   "PostgreSQL",
	dollar: true,
	schema: []string{
		`CREATE TABLE IF NOT EXISTS submissions (
	id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	body         TEXT    NOT NULL,
	period       TEXT    NOT NULL,
	report_date  TEXT    NOT NULL,
	version      INTEGER NOT NULL,
	received_at  TEXT    NOT NULL,
	report       BYTEA   NOT NULL,
	content_type TEXT    NOT NULL DEFAULT 'application/json',
	size         BIGINT  NOT NULL DEFAULT 0,
	sha256       TEXT    NOT NULL DEFAULT '',
	submitter    TEXT    NOT NULL DEFAULT '',
	idem_key     TEXT    NOT NULL DEFAULT '',
	UNIQUE (body, period, version)
)`,
		`CREATE UNIQUE INDEX IF NOT EXISTS submissions_idem_key ON submissions (submitter, idem_key) WHERE idem_key <> ''`,
		`CREATE INDEX IF NOT EXISTS submissions_period ON submissions (period, body, version)`,
		// Add's usage query reads this index only.
		`CREATE INDEX IF NOT EXISTS submissions_usage ON submissions (body, period, version, size)`,
		`CREATE OR REPLACE FUNCTION kh164_submissions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'submissions are never changed or deleted'; END $$`,
		`CREATE OR REPLACE TRIGGER submissions_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON submissions
FOR EACH STATEMENT EXECUTE FUNCTION kh164_submissions_immutable()`,
	},
	// One report's versions are numbered one after another: a transaction
	// lock on the body and period serialises them (and their quota).
	lock: `SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`,
	uniqueViolation: func(err error) bool {
		var e *pgconn.PgError
		return errors.As(err, &e) && e.Code == "23505"
	},
}

func openPostgres(ctx context.Context, url string, o StoreOptions) (*sqlStore, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	s := &sqlStore{db: db, d: postgresDialect, quota: o.Quota}
	// Several portals may start on one database at once: the schema is
	// prepared under a lock.
	conn, err := db.Conn(ctx)
	if err == nil {
		defer conn.Close()
		_, err = conn.ExecContext(ctx, `SELECT pg_advisory_lock(164)`)
		if err == nil {
			defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(164)`)
			for _, stmt := range s.d.schema {
				if _, err = conn.ExecContext(ctx, stmt); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("preparing the PostgreSQL database: %w", err)
	}
	return s, nil
}
