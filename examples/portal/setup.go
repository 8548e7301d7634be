package main

// Making the first accounts: the demo's, at first start in demo mode, and
// the first administrator of a real deployment, by command:
//
//	go run ./examples/portal admin create -username NAME -name "FULL NAME" [-data DIR] [-db URL] [-url URL]
//	go run ./examples/portal admin link   -username NAME [-data DIR] [-db URL] [-url URL]
//
// Both print a one-time sign-in link with which the person sets a
// password. The console is the operator's: these are the only places the
// portal ever prints a link, and it never prints a password or a token.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// demoAccount is an account demo mode creates.
type demoAccount struct {
	Username, Name string
	Role           Role
	Body           string
	What           string // what the newcomer does with it
}

var demoAccounts = []demoAccount{
	{"quan-tri", "Quản trị viên (demo)", RoleAdmin, "", "tạo tài khoản, cấp đường dẫn, xem nhật ký / accounts, links, audit trail"},
	{"so-y-te", "Nguyễn Thị Hoa (demo)", RoleReporter, "so-y-te", "gửi báo cáo của Sở Y tế / files Sở Y tế's report"},
	{"so-gddt", "Lê Minh Tuấn (demo)", RoleReporter, "so-gddt", "gửi báo cáo của Sở Giáo dục và Đào tạo / files another body's report"},
	{"tong-hop", "Phạm Thu Trang (demo)", RoleCompiler, "", "tổng hợp của Hội Chữ thập đỏ Thành phố / compiles"},
}

// setUpDemo creates the demo accounts when the database has no account
// at all, and prints to out a fresh one-time link for each demo account
// that has no password yet (earlier links stop working). Without demo
// mode nothing of this happens.
func setUpDemo(ctx context.Context, st *authStore, out io.Writer, base string, now time.Time, ttl time.Duration) error {
	n, err := st.countAccounts(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		for _, d := range demoAccounts {
			acc, err := st.createAccount(ctx, Account{Username: d.Username, Name: d.Name, Role: d.Role, Body: d.Body}, now)
			if err != nil {
				return err
			}
			st.record(ctx, AuditEvent{At: now, Kind: "account_created", Subject: acc.ID, Remote: "console", Detail: "demo: " + d.Username})
		}
	}
	var lines []string
	for _, d := range demoAccounts {
		acc, _, err := st.accountByUsername(ctx, d.Username)
		if errors.Is(err, errNoAccount) {
			continue
		}
		if err != nil {
			return err
		}
		if acc.Name != d.Name || acc.Role != d.Role || acc.Body != d.Body {
			continue // not the demo's: an account of the same name made otherwise
		}
		if acc.HasPassword || acc.Disabled {
			lines = append(lines, fmt.Sprintf("  %s — %s\n      (mật khẩu đã đặt: đăng nhập ở %s/signin / password set: sign in)", d.Username, d.What, base))
			continue
		}
		secret, err := st.newLink(ctx, acc.ID, now, ttl)
		if err != nil {
			return err
		}
		st.record(ctx, AuditEvent{At: now, Kind: "link_created", Subject: acc.ID, Remote: "console", Detail: "demo"})
		lines = append(lines, fmt.Sprintf("  %s — %s\n      %s/link/%s", d.Username, d.What, base, secret))
	}
	if len(lines) == 0 {
		return nil
	}
	fmt.Fprintf(out, "\nDEMO MODE (-demo=false in production). One-time sign-in links: open one, set a password, go on.\n"+
		"CHẾ ĐỘ DEMO. Đường dẫn đăng nhập một lần: mở, đặt mật khẩu, dùng tiếp.\n%s\n\n", strings.Join(lines, "\n"))
	return nil
}

// adminCommand runs "portal admin create|link …" and returns the exit
// status.
func adminCommand(args []string, stdout, stderr io.Writer) int {
	usage := func() int {
		fmt.Fprintln(stderr, `usage: portal admin create -username NAME -name "FULL NAME" [-data DIR] [-db URL] [-url URL]
       portal admin link -username NAME [-data DIR] [-db URL] [-url URL]
create makes an administrator account; link issues a new one-time sign-in link
for an existing account (a forgotten password). Both print the link.`)
		return 2
	}
	if len(args) == 0 || (args[0] != "create" && args[0] != "link") {
		return usage()
	}
	fs := flag.NewFlagSet("portal admin "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "portal-data", "the portal's data folder")
	dbURL := fs.String("db", "", "the portal's database, as its -db (default: the -data folder)")
	username := fs.String("username", "", "the account's username")
	name := fs.String("name", "", "the person's full name (create)")
	base := fs.String("url", "http://127.0.0.1:8080", "the portal's address as people reach it, for the link")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 {
		return usage()
	}
	u := strings.ToLower(strings.TrimSpace(*username))
	if !usernameRule.MatchString(u) {
		fmt.Fprintln(stderr, "portal admin: -username: 3–64 lower-case ASCII letters, digits, '.', '-' or '_'")
		return 2
	}
	if *dbURL == "" {
		*dbURL = *data
	}
	store, err := OpenStore(context.Background(), *dbURL, StoreOptions{Quota: DefaultQuota})
	if err != nil {
		fmt.Fprintln(stderr, "portal admin:", err)
		return 1
	}
	defer store.Close()
	st, err := openAuthStore(context.Background(), store)
	if err != nil {
		fmt.Fprintln(stderr, "portal admin:", err)
		return 1
	}
	ctx, now := context.Background(), time.Now()
	var acc Account
	if args[0] == "create" {
		n, is := checkName("/name", *name)
		if is != nil {
			fmt.Fprintln(stderr, "portal admin: -name:", is.EN)
			return 2
		}
		acc, err = st.createAccount(ctx, Account{Username: u, Name: n, Role: RoleAdmin}, now)
		if err == nil {
			err = st.record(ctx, AuditEvent{At: now, Kind: "account_created", Subject: acc.ID, Remote: "console",
				Detail: u + " — " + n + " — " + RoleAdmin.Vietnamese()})
		}
	} else {
		acc, _, err = st.accountByUsername(ctx, u)
	}
	if err != nil {
		fmt.Fprintf(stderr, "portal admin: %s: %v\n", u, err)
		return 1
	}
	secret, err := st.newLink(ctx, acc.ID, now, defaultLinkTTL)
	if err == nil {
		err = st.record(ctx, AuditEvent{At: now, Kind: "link_created", Subject: acc.ID, Remote: "console"})
	}
	if err != nil {
		fmt.Fprintln(stderr, "portal admin:", err)
		return 1
	}
	fmt.Fprintf(stdout, "One-time sign-in link for %s (valid until %s, once); hand it over in person:\n%s/link/%s\n",
		u, now.Add(defaultLinkTTL).In(hanoi).Format("15:04 02/01/2006"), strings.TrimRight(*base, "/"), secret)
	return 0
}

// exitOnAdminCommand runs the admin command when the arguments name it.
func exitOnAdminCommand() {
	if len(os.Args) > 1 && os.Args[1] == "admin" {
		os.Exit(adminCommand(os.Args[2:], os.Stdout, os.Stderr))
	}
}
