package main

// The portal's accounts, sessions, one-time sign-in links, API tokens and
// audit trail, kept in the same database as the reports. The SQL is plain
// (text, integers, RETURNING) so that it runs on SQLite and PostgreSQL
// alike; only the table definitions and the append-only triggers differ by
// dialect. Secrets never reach the database: session IDs, link tokens and
// API tokens are stored as their SHA-256, passwords as argon2id hashes.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Role is what an account may do; see roleNames and the guide
// (../shared/guide/security.md).
type Role string

const (
	RoleReporter Role = "reporter" // files and reads its own body's (or unit's) reports
	RoleCompiler Role = "compiler" // City Red Cross staff: reads every report, compiles
	RoleAdmin    Role = "admin"    // accounts and the audit trail
)

// roleNames names the roles for people, in Vietnamese.
var roleNames = map[Role]string{
	RoleReporter: "Cán bộ báo cáo của cơ quan, đơn vị",
	RoleCompiler: "Cán bộ tổng hợp (Hội Chữ thập đỏ Thành phố)",
	RoleAdmin:    "Quản trị viên",
}

// Vietnamese names the role for people.
func (r Role) Vietnamese() string { return roleNames[r] }

// Account is one person's (or one machine client's) account.
type Account struct {
	ID          int64
	Username    string // the sign-in name: lower-case letters, digits, '.', '-', '_'
	Name        string // the person's name, shown to others (the filer's name)
	Role        Role
	Body        string // the body or unit a reporter files for; "" for other roles
	HasPassword bool
	Disabled    bool
	CreatedAt   time.Time
}

// Token is an API token as listed (the secret itself is shown once, at
// creation, and never stored).
type Token struct {
	ID        int64
	Account   int64
	Label     string
	CreatedAt time.Time
	Revoked   bool
}

// AuditEvent is one entry of the audit trail.
type AuditEvent struct {
	ID      int64
	At      time.Time
	Kind    string // see auditKinds
	Actor   int64  // the account that acted; 0 for none (a failed sign-in, the console)
	Subject int64  // the account acted upon, or 0
	Remote  string // the client's address
	Detail  string // what, for people; never a secret
}

// The kinds of audit events, and their names for people.
var auditKinds = map[string]string{
	"signin":           "Đăng nhập",
	"signin_failed":    "Đăng nhập không thành công",
	"signout":          "Đăng xuất",
	"account_created":  "Tạo tài khoản",
	"account_disabled": "Khoá tài khoản",
	"account_enabled":  "Mở khoá tài khoản",
	"link_created":     "Cấp đường dẫn đăng nhập một lần",
	"password_set":     "Đặt mật khẩu (qua đường dẫn một lần)",
	"token_created":    "Tạo mã API",
	"token_revoked":    "Thu hồi mã API",
	"report_filed":     "Gửi báo cáo",
}

// The tables of accounts, sessions, links, tokens and the audit trail, in
// each dialect of the store (store_sqlite.go, store_postgres.go): added to
// its schema, so that they are made with the submissions table, under the
// same lock.
func init() {
	sqliteDialect.schema = append(sqliteDialect.schema, authTables("INTEGER PRIMARY KEY AUTOINCREMENT")...)
	sqliteDialect.schema = append(sqliteDialect.schema,
		`CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is never changed'); END`,
		`CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is never deleted'); END`)
	postgresDialect.schema = append(postgresDialect.schema, authTables("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")...)
	postgresDialect.schema = append(postgresDialect.schema,
		`CREATE OR REPLACE FUNCTION kh164_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit trail is never changed or deleted'; END $$`,
		`CREATE OR REPLACE TRIGGER audit_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION kh164_audit_immutable()`)
}

// authTables are the tables, with id the dialect's generated key.
func authTables(id string) []string {
	return []string{
		`CREATE TABLE IF NOT EXISTS accounts (
	id         ` + id + `,
	username   TEXT    NOT NULL UNIQUE,
	name       TEXT    NOT NULL,
	role       TEXT    NOT NULL,
	body       TEXT    NOT NULL DEFAULT '',
	password   TEXT    NOT NULL DEFAULT '',
	disabled   INTEGER NOT NULL DEFAULT 0,
	created_at TEXT    NOT NULL
)`,
		`CREATE TABLE IF NOT EXISTS sessions (
	id_hash    TEXT    PRIMARY KEY,
	account_id BIGINT  NOT NULL REFERENCES accounts (id),
	created_at TEXT    NOT NULL,
	seen_at    TEXT    NOT NULL
)`,
		`CREATE TABLE IF NOT EXISTS signin_links (
	hash       TEXT    PRIMARY KEY,
	account_id BIGINT  NOT NULL REFERENCES accounts (id),
	created_at TEXT    NOT NULL,
	expires_at TEXT    NOT NULL,
	used_at    TEXT    NOT NULL DEFAULT ''
)`,
		`CREATE TABLE IF NOT EXISTS api_tokens (
	id         ` + id + `,
	account_id BIGINT  NOT NULL REFERENCES accounts (id),
	label      TEXT    NOT NULL,
	hash       TEXT    NOT NULL UNIQUE,
	created_at TEXT    NOT NULL,
	revoked_at TEXT    NOT NULL DEFAULT ''
)`,
		`CREATE TABLE IF NOT EXISTS audit (
	id      ` + id + `,
	at      TEXT    NOT NULL,
	kind    TEXT    NOT NULL,
	actor   BIGINT  NOT NULL DEFAULT 0,
	subject BIGINT  NOT NULL DEFAULT 0,
	remote  TEXT    NOT NULL DEFAULT '',
	detail  TEXT    NOT NULL DEFAULT ''
)`,
	}
}

// authStore keeps accounts, sessions, links, tokens and the audit trail,
// in the store's database.
type authStore struct {
	db *sql.DB
	st *sqlStore
}

// openAuthStore returns the accounts of store, whose tables it made at
// open (init above).
func openAuthStore(ctx context.Context, store Store) (*authStore, error) {
	for {
		u, ok := store.(interface{ unwrapStore() Store }) // a Store wrapped (tests count its reads)
		if !ok {
			break
		}
		store = u.unwrapStore()
	}
	st, ok := store.(*sqlStore)
	if !ok {
		return nil, fmt.Errorf("accounts need an SQL store, not %T", store)
	}
	var n int
	if err := st.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts`).Scan(&n); err != nil {
		return nil, fmt.Errorf("reading the accounts: %w", err)
	}
	return &authStore{db: st.db, st: st}, nil
}

// q adapts a query written with ? placeholders to the dialect.
func (a *authStore) q(query string) string { return a.st.rebind(query) }

// timeFormat is how times are stored: UTC, fixed width, so that text order
// is time order on every database.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

// newSecret returns 32 random bytes as unpadded base64url (43 characters)
// after prefix, and the SHA-256 (hex) under which it is stored.
func newSecret(prefix string) (secret, hash string) {
	var b [32]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	secret = prefix + base64.RawURLEncoding.EncodeToString(b[:])
	return secret, hashSecret(secret)
}

func hashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// ErrExists is returned when creating an account whose username is taken.
var ErrExists = errors.New("an account with this username exists")

// errNoAccount is returned for an unknown account.
var errNoAccount = errors.New("no such account")

const accountColumns = `id, username, name, role, body, password <> '', disabled, created_at`

func scanAccount(row interface{ Scan(...any) error }) (Account, error) {
	var a Account
	var created string
	var disabled int
	if err := row.Scan(&a.ID, &a.Username, &a.Name, &a.Role, &a.Body, &a.HasPassword, &disabled, &created); err != nil {
		return Account{}, err
	}
	a.Disabled = disabled != 0
	a.CreatedAt = parseTime(created)
	return a, nil
}

// createAccount adds an account without a password.
func (a *authStore) createAccount(ctx context.Context, acc Account, at time.Time) (Account, error) {
	var n int
	if err := a.db.QueryRowContext(ctx, a.q(`SELECT COUNT(*) FROM accounts WHERE username = ?`), acc.Username).Scan(&n); err != nil {
		return Account{}, err
	}
	if n > 0 {
		return Account{}, ErrExists
	}
	acc.CreatedAt = at.UTC()
	err := a.db.QueryRowContext(ctx, a.q(`INSERT INTO accounts (username, name, role, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		acc.Username, acc.Name, string(acc.Role), acc.Body, fmtTime(at)).Scan(&acc.ID)
	if err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "unique") {
			return Account{}, ErrExists
		}
		return Account{}, err
	}
	return acc, nil
}

// account returns the account with the given ID.
func (a *authStore) account(ctx context.Context, id int64) (Account, error) {
	acc, err := scanAccount(a.db.QueryRowContext(ctx, a.q(`SELECT `+accountColumns+` FROM accounts WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, errNoAccount
	}
	return acc, err
}

// accountByUsername returns the account and its password hash ("" when
// none is set).
func (a *authStore) accountByUsername(ctx context.Context, username string) (Account, string, error) {
	row := a.db.QueryRowContext(ctx, a.q(`SELECT `+accountColumns+`, password FROM accounts WHERE username = ?`), username)
	var acc Account
	var created, hash string
	var disabled int
	err := row.Scan(&acc.ID, &acc.Username, &acc.Name, &acc.Role, &acc.Body, &acc.HasPassword, &disabled, &created, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, "", errNoAccount
	}
	if err != nil {
		return Account{}, "", err
	}
	acc.Disabled = disabled != 0
	acc.CreatedAt = parseTime(created)
	return acc, hash, nil
}

// accounts lists every account, by username.
func (a *authStore) accounts(ctx context.Context) ([]Account, error) {
	return collect(ctx, a.db, `SELECT `+accountColumns+` FROM accounts ORDER BY role, body, username`, nil,
		func(rows *sql.Rows) (Account, error) { return scanAccount(rows) })
}

// countAccounts returns how many accounts exist.
func (a *authStore) countAccounts(ctx context.Context) (n int, err error) {
	err = a.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts`).Scan(&n)
	return n, err
}

// setDisabled disables or enables an account; disabling ends its sessions.
func (a *authStore) setDisabled(ctx context.Context, id int64, disabled bool) error {
	v := 0
	if disabled {
		v = 1
	}
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, a.q(`UPDATE accounts SET disabled = ? WHERE id = ?`), v, id); err != nil {
		return err
	}
	if disabled {
		if _, err := tx.ExecContext(ctx, a.q(`DELETE FROM sessions WHERE account_id = ?`), id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// newLink issues a one-time sign-in link token for the account, valid
// until at+ttl. Links issued before for the account stop working.
func (a *authStore) newLink(ctx context.Context, account int64, at time.Time, ttl time.Duration) (string, error) {
	secret, hash := newSecret("")
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, a.q(`UPDATE signin_links SET used_at = ? WHERE account_id = ? AND used_at = ''`), fmtTime(at), account); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, a.q(`INSERT INTO signin_links (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)`),
		hash, account, fmtTime(at), fmtTime(at.Add(ttl))); err != nil {
		return "", err
	}
	return secret, tx.Commit()
}

// errLinkInvalid is returned for a link that is unknown, used or expired.
var errLinkInvalid = errors.New("the sign-in link is unknown, used or expired")

// linkAccount returns the account a usable link belongs to.
func (a *authStore) linkAccount(ctx context.Context, secret string, at time.Time) (Account, error) {
	var id int64
	var expires, used string
	err := a.db.QueryRowContext(ctx, a.q(`SELECT account_id, expires_at, used_at FROM signin_links WHERE hash = ?`), hashSecret(secret)).Scan(&id, &expires, &used)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (used != "" || !at.Before(parseTime(expires)))) {
		return Account{}, errLinkInvalid
	}
	if err != nil {
		return Account{}, err
	}
	acc, err := a.account(ctx, id)
	if err == nil && acc.Disabled {
		return Account{}, errLinkInvalid
	}
	return acc, err
}

// useLink spends a usable link and sets the account's password hash, in
// one transaction: a link sets a password once.
func (a *authStore) useLink(ctx context.Context, secret, passwordHash string, at time.Time) (Account, error) {
	acc, err := a.linkAccount(ctx, secret, at)
	if err != nil {
		return Account{}, err
	}
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return Account{}, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, a.q(`UPDATE signin_links SET used_at = ? WHERE hash = ? AND used_at = ''`), fmtTime(at), hashSecret(secret))
	if err != nil {
		return Account{}, err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return Account{}, errLinkInvalid // spent meanwhile
	}
	if _, err := tx.ExecContext(ctx, a.q(`UPDATE accounts SET password = ? WHERE id = ?`), passwordHash, acc.ID); err != nil {
		return Account{}, err
	}
	// A new password ends the sessions the old one opened.
	if _, err := tx.ExecContext(ctx, a.q(`DELETE FROM sessions WHERE account_id = ?`), acc.ID); err != nil {
		return Account{}, err
	}
	acc.HasPassword = true
	return acc, tx.Commit()
}

// newSession starts a session for the account and returns its ID (the
// cookie's value); the database keeps only its SHA-256.
func (a *authStore) newSession(ctx context.Context, account int64, at time.Time) (string, error) {
	secret, hash := newSecret("")
	_, err := a.db.ExecContext(ctx, a.q(`INSERT INTO sessions (id_hash, account_id, created_at, seen_at) VALUES (?, ?, ?, ?)`),
		hash, account, fmtTime(at), fmtTime(at))
	return secret, err
}

// session returns the account of a live session and marks it seen at
// at. A session idle for idle, or older than maxAge, is ended.
func (a *authStore) session(ctx context.Context, secret string, at time.Time, idle, maxAge time.Duration) (Account, error) {
	hash := hashSecret(secret)
	var id int64
	var created, seen string
	err := a.db.QueryRowContext(ctx, a.q(`SELECT account_id, created_at, seen_at FROM sessions WHERE id_hash = ?`), hash).Scan(&id, &created, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, errNoAccount
	}
	if err != nil {
		return Account{}, err
	}
	if at.Sub(parseTime(seen)) >= idle || at.Sub(parseTime(created)) >= maxAge {
		a.endSession(ctx, secret)
		return Account{}, errNoAccount
	}
	acc, err := a.account(ctx, id)
	if err != nil {
		return Account{}, err
	}
	if acc.Disabled {
		return Account{}, errNoAccount
	}
	// Mark it seen, at most once a minute (a write per page would be waste).
	if at.Sub(parseTime(seen)) >= time.Minute {
		if _, err := a.db.ExecContext(ctx, a.q(`UPDATE sessions SET seen_at = ? WHERE id_hash = ?`), fmtTime(at), hash); err != nil {
			return Account{}, err
		}
	}
	return acc, nil
}

// endSession ends a session (sign-out, rotation, expiry).
func (a *authStore) endSession(ctx context.Context, secret string) error {
	_, err := a.db.ExecContext(ctx, a.q(`DELETE FROM sessions WHERE id_hash = ?`), hashSecret(secret))
	return err
}

// pruneSessions ends every session idle for idle or older than maxAge.
func (a *authStore) pruneSessions(ctx context.Context, at time.Time, idle, maxAge time.Duration) error {
	_, err := a.db.ExecContext(ctx, a.q(`DELETE FROM sessions WHERE seen_at < ? OR created_at < ?`), fmtTime(at.Add(-idle)), fmtTime(at.Add(-maxAge)))
	return err
}

// tokenPrefix starts every API token, so that a leaked one is easy to
// recognise (secret scanners, logs).
const tokenPrefix = "kh164_"

// newToken creates an API token for the account and returns it; only its
// SHA-256 is stored.
func (a *authStore) newToken(ctx context.Context, account int64, label string, at time.Time) (Token, string, error) {
	secret, hash := newSecret(tokenPrefix)
	t := Token{Account: account, Label: label, CreatedAt: at.UTC()}
	err := a.db.QueryRowContext(ctx, a.q(`INSERT INTO api_tokens (account_id, label, hash, created_at) VALUES (?, ?, ?, ?) RETURNING id`),
		account, label, hash, fmtTime(at)).Scan(&t.ID)
	return t, secret, err
}

// tokenAccount returns the account of a live token.
func (a *authStore) tokenAccount(ctx context.Context, secret string) (Account, Token, error) {
	var t Token
	var created, revoked string
	err := a.db.QueryRowContext(ctx, a.q(`SELECT id, account_id, label, created_at, revoked_at FROM api_tokens WHERE hash = ?`), hashSecret(secret)).
		Scan(&t.ID, &t.Account, &t.Label, &created, &revoked)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && revoked != "") {
		return Account{}, Token{}, errNoAccount
	}
	if err != nil {
		return Account{}, Token{}, err
	}
	t.CreatedAt = parseTime(created)
	acc, err := a.account(ctx, t.Account)
	if err != nil {
		return Account{}, Token{}, err
	}
	if acc.Disabled {
		return Account{}, Token{}, errNoAccount
	}
	return acc, t, nil
}

// tokens lists every token, newest first.
func (a *authStore) tokens(ctx context.Context) ([]Token, error) {
	return collect(ctx, a.db, `SELECT id, account_id, label, created_at, revoked_at FROM api_tokens ORDER BY id DESC`, nil,
		func(rows *sql.Rows) (Token, error) {
			var t Token
			var created, revoked string
			err := rows.Scan(&t.ID, &t.Account, &t.Label, &created, &revoked)
			t.CreatedAt, t.Revoked = parseTime(created), revoked != ""
			return t, err
		})
}

// revokeToken revokes a token; it returns the token's account.
func (a *authStore) revokeToken(ctx context.Context, id int64, at time.Time) (int64, error) {
	var account int64
	err := a.db.QueryRowContext(ctx, a.q(`UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = '' RETURNING account_id`), fmtTime(at), id).Scan(&account)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errNoAccount
	}
	return account, err
}

// record appends an event to the audit trail.
func (a *authStore) record(ctx context.Context, e AuditEvent) error {
	_, err := a.db.ExecContext(ctx, a.q(`INSERT INTO audit (at, kind, actor, subject, remote, detail) VALUES (?, ?, ?, ?, ?, ?)`),
		fmtTime(e.At), e.Kind, e.Actor, e.Subject, e.Remote, e.Detail)
	return err
}

// auditPage returns up to n events older than the event before (0: the
// newest), newest first.
func (a *authStore) auditPage(ctx context.Context, before int64, n int) ([]AuditEvent, error) {
	query, args := `SELECT id, at, kind, actor, subject, remote, detail FROM audit ORDER BY id DESC LIMIT ?`, []any{n}
	if before > 0 {
		query, args = `SELECT id, at, kind, actor, subject, remote, detail FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?`, []any{before, n}
	}
	return collect(ctx, a.db, a.q(query), args, func(rows *sql.Rows) (AuditEvent, error) {
		var e AuditEvent
		var at string
		err := rows.Scan(&e.ID, &at, &e.Kind, &e.Actor, &e.Subject, &e.Remote, &e.Detail)
		e.At = parseTime(at)
		return e, err
	})
}
