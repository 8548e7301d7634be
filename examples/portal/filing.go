package main

import (
	"os"
	"path/filepath"
	"strconv"
)

// submitterOf is the store's Submitter of an account's versions.
func submitterOf(account int64) string { return "account:" + strconv.FormatInt(account, 10) }

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
