package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
)

// backupCommand is "portal backup -data DIR -to FILE": a consistent copy
// of a portal's SQLite database, taken while the portal runs (VACUUM INTO
// reads one snapshot; submissions go on). The copy is a complete SQLite
// database: to restore, stop the portal and put it in place as
// DIR/reports.db (README, Backups).
func backupCommand(args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	data := fs.String("data", "portal-data", "the portal's data folder")
	db := fs.String("db", "", "the portal's database, as given to the portal (default: the -data folder)")
	to := fs.String("to", "", "the file to write the copy to (must not exist)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: portal backup [-data DIR | -db DIR] -to FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		fs.Usage()
		return errors.New("backup: -to FILE is required")
	}
	if *db == "" {
		*db = *data
	}
	if IsPostgres(*db) {
		return fmt.Errorf("backup: %w: pg_dump --format=custom --file=FILE \"$URL\", and restore with pg_restore --dbname=\"$URL\" FILE (README, Backups)", ErrBackupExternal)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := backupSQLite(ctx, *db, *to); err != nil {
		return err
	}
	log.Printf("backup of %s written to %s", *db, *to)
	return nil
}
