package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
)

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// addFilingColumns adds the filing columns (account, address, SHA-256) to a
// submissions table made before the portal had accounts. Adding a column
// changes no row: the versions stored before keep their bytes, with
// account 0 and no hash.
func addFilingColumns(db *sql.DB) error {
	rows, err := db.Query(`SELECT name FROM pragma_table_info('submissions')`)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		have[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range []struct{ name, def string }{
		{"account_id", "INTEGER NOT NULL DEFAULT 0"},
		{"remote", "TEXT NOT NULL DEFAULT ''"},
		{"sha256", "TEXT NOT NULL DEFAULT ''"},
	} {
		if !have[c.name] {
			if _, err := db.Exec(`ALTER TABLE submissions ADD COLUMN ` + c.name + ` ` + c.def); err != nil {
				return err
			}
		}
	}
	return nil
}

// prepareDataDir makes the data folder readable by the service only (mode
// 0700) and creates the database file with mode 0600 before SQLite does,
// so that SQLite's journal and WAL files, which take the database file's
// mode, are 0600 too. A folder or file made earlier with wider modes is
// narrowed.
func prepareDataDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	for _, name := range []string{"reports.db", "reports.db-wal", "reports.db-shm"} {
		p := filepath.Join(dir, name)
		if name == "reports.db" {
			f, err := os.OpenFile(p, os.O_RDONLY|os.O_CREATE, 0o600)
			if err != nil {
				return err
			}
			f.Close()
		}
		if err := os.Chmod(p, 0o600); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
