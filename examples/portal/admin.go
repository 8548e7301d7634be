package main

// The administrator's pages: accounts (create, one-time sign-in links,
// disable), API tokens (create, shown once; revoke) and the audit trail.
// Every change is recorded in the audit trail.

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/plan"
)

var usernameRule = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

const maxNameRunes = 100

// checkName normalises a person's (or a label's) name and returns its
// issue at pointer, or nil.
func checkName(pointer, v string) (string, *diag.Issue) {
	v = strings.TrimSpace(norm.NFC.String(v))
	n := utf8.RuneCountInString(v)
	bad := strings.IndexFunc(v, func(r rune) bool { return unicode.IsControl(r) }) >= 0
	if n == 0 || n > maxNameRunes || bad {
		is := diag.New(pointer, diag.InvalidName,
			fmt.Sprintf("Nhập họ tên hoặc tên gọi, từ 1 đến %d ký tự, không có ký tự điều khiển.", maxNameRunes),
			fmt.Sprintf("Type a name of 1 to %d characters, without control characters.", maxNameRunes))
		return v, &is
	}
	return v, nil
}

// adminData is what the administrator's page shows.
func (s *server) adminData(r *http.Request) (map[string]any, error) {
	accs, err := s.auth.store.accounts(r.Context())
	if err != nil {
		return nil, err
	}
	toks, err := s.auth.store.tokens(r.Context())
	if err != nil {
		return nil, err
	}
	byAccount := map[int64][]Token{}
	for _, t := range toks {
		byAccount[t.Account] = append(byAccount[t.Account], t)
	}
	return map[string]any{
		"Accounts": accs, "Tokens": byAccount, "Bodies": s.reg.Reporters(plan.DateOf(s.now())),
		"BodyName": s.bodyName, "Roles": []Role{RoleReporter, RoleCompiler, RoleAdmin},
	}, nil
}

// bodyName names a body or unit for people; the ID when unknown.
func (s *server) bodyName(id string) string {
	if b, err := s.reg.Body(id); err == nil {
		return b.Name
	}
	return id
}

// adminPage is GET /admin, and the page every admin action answers with
// (with what it made, shown once, in shown).
func (s *server) adminPage(w http.ResponseWriter, r *http.Request) {
	s.adminAnswer(w, r, http.StatusOK, nil)
}

func (s *server) adminAnswer(w http.ResponseWriter, r *http.Request, status int, extra map[string]any) {
	data, err := s.adminData(r)
	if err != nil {
		log.Printf("listing accounts: %v", err)
		s.unavailable(w, r, false)
		return
	}
	for k, v := range extra {
		data[k] = v
	}
	s.page(w, r, status, "admin.html", data)
}

// linkURL is the absolute address of a one-time link, for handing over.
func (s *server) linkURL(r *http.Request, secret string) string {
	scheme := "http"
	if s.https(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/link/" + secret
}

// createAccount is POST /admin/accounts.
func (s *server) createAccount(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	var issues diag.List
	acc := Account{
		Username: strings.ToLower(strings.TrimSpace(r.PostFormValue("username"))),
		Role:     Role(r.PostFormValue("role")),
		Body:     strings.TrimSpace(r.PostFormValue("body")),
	}
	if !usernameRule.MatchString(acc.Username) {
		issues = append(issues, diag.New("/username", diag.InvalidUsername,
			"Tên đăng nhập gồm 3–64 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, ví dụ so-y-te.1.",
			"A username has 3–64 lower-case ASCII letters, digits, '.', '-' or '_', for example so-y-te.1."))
	}
	name, is := checkName("/name", r.PostFormValue("name"))
	acc.Name = name
	if is != nil {
		issues = append(issues, *is)
	}
	switch acc.Role {
	case RoleReporter:
		if _, err := s.reg.Body(acc.Body); err != nil {
			issues = append(issues, diag.New("/body", diag.InvalidBody,
				"Chọn cơ quan, đơn vị mà tài khoản báo cáo cho.", "Choose the body or unit the account reports for."))
		}
	case RoleCompiler, RoleAdmin:
		acc.Body = ""
	default:
		issues = append(issues, diag.New("/role", diag.InvalidRole, "Chọn một vai trò trong danh sách.", "Choose a role from the list."))
	}
	if issues != nil {
		s.adminAnswer(w, r, http.StatusUnprocessableEntity, map[string]any{"Issues": issues, "Form": acc})
		return
	}
	me := who(r)
	acc, err := s.auth.store.createAccount(r.Context(), acc, s.now())
	if errors.Is(err, ErrExists) {
		s.adminAnswer(w, r, http.StatusConflict, map[string]any{"Form": acc, "Issues": diag.List{diag.New("/username", diag.UsernameTaken,
			"Đã có tài khoản với tên đăng nhập này; chọn tên khác.", "An account with this username exists; choose another.")}})
		return
	}
	if err != nil {
		log.Printf("creating an account: %v", err)
		s.unavailable(w, r, false)
		return
	}
	s.audit(r, "account_created", me.ID, acc.ID, s.describe(acc))
	s.issueLink(w, r, acc, http.StatusCreated)
}

// describe names an account in the audit trail.
func (s *server) describe(a Account) string {
	d := a.Username + " — " + a.Name + " — " + a.Role.Vietnamese()
	if a.Body != "" {
		d += ", " + s.bodyName(a.Body)
	}
	return d
}

// issueLink makes a one-time link for acc and shows it, once.
func (s *server) issueLink(w http.ResponseWriter, r *http.Request, acc Account, status int) {
	secret, err := s.auth.store.newLink(r.Context(), acc.ID, s.now(), s.auth.linkTTL)
	if err != nil {
		log.Printf("issuing a sign-in link for account %d: %v", acc.ID, err)
		s.unavailable(w, r, false)
		return
	}
	s.audit(r, "link_created", who(r).ID, acc.ID, "hết hạn "+s.now().Add(s.auth.linkTTL).In(hanoi).Format("15:04 02/01/2006"))
	s.adminAnswer(w, r, status, map[string]any{"Link": s.linkURL(r, secret), "LinkFor": acc,
		"LinkExpires": s.now().Add(s.auth.linkTTL).In(hanoi).Format("15:04 02/01/2006")})
}

// targetAccount is the account named by the {id} of the path.
func (s *server) targetAccount(w http.ResponseWriter, r *http.Request) (Account, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var acc Account
	if err == nil {
		acc, err = s.auth.store.account(r.Context(), id)
	}
	if err != nil {
		if !errors.Is(err, errNoAccount) && !errors.Is(err, strconv.ErrSyntax) && !errors.Is(err, strconv.ErrRange) {
			log.Printf("reading an account: %v", err)
		}
		s.adminAnswer(w, r, http.StatusNotFound, map[string]any{"Issues": diag.List{diag.New("", diag.NoAccount,
			"Không có tài khoản này.", "There is no such account.")}})
		return Account{}, false
	}
	return acc, true
}

// newLink is POST /admin/accounts/{id}/link: a new one-time link (a first
// or a forgotten password); earlier links of the account stop working.
func (s *server) newLinkFor(w http.ResponseWriter, r *http.Request) {
	if acc, ok := s.targetAccount(w, r); ok {
		s.issueLink(w, r, acc, http.StatusOK)
	}
}

// setDisabled is POST /admin/accounts/{id}/disable and …/enable.
func (s *server) setDisabled(disabled bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		acc, ok := s.targetAccount(w, r)
		if !ok {
			return
		}
		me := who(r)
		if acc.ID == me.ID {
			s.adminAnswer(w, r, http.StatusConflict, map[string]any{"Issues": diag.List{diag.New("", diag.OwnAccount,
				"Không thể tự khoá tài khoản của mình; hãy nhờ một quản trị viên khác.", "You cannot disable your own account; ask another administrator.")}})
			return
		}
		if err := s.auth.store.setDisabled(r.Context(), acc.ID, disabled); err != nil {
			log.Printf("disabling account %d: %v", acc.ID, err)
			s.unavailable(w, r, false)
			return
		}
		kind := "account_enabled"
		if disabled {
			kind = "account_disabled"
		}
		s.audit(r, kind, me.ID, acc.ID, acc.Username)
		http.Redirect(w, r, "/admin", http.StatusSeeOther)
	}
}

// newToken is POST /admin/accounts/{id}/tokens: an API token for a machine
// client of the account, shown once.
func (s *server) newToken(w http.ResponseWriter, r *http.Request) {
	if !s.parseForm(w, r) {
		return
	}
	acc, ok := s.targetAccount(w, r)
	if !ok {
		return
	}
	label, is := checkName("/label", r.PostFormValue("label"))
	if is != nil {
		s.adminAnswer(w, r, http.StatusUnprocessableEntity, map[string]any{"Issues": diag.List{*is}})
		return
	}
	t, secret, err := s.auth.store.newToken(r.Context(), acc.ID, label, s.now())
	if err != nil {
		log.Printf("creating a token for account %d: %v", acc.ID, err)
		s.unavailable(w, r, false)
		return
	}
	s.audit(r, "token_created", who(r).ID, acc.ID, fmt.Sprintf("mã #%d “%s”", t.ID, label))
	s.adminAnswer(w, r, http.StatusCreated, map[string]any{"Token": secret, "TokenFor": acc, "TokenLabel": label})
}

// revokeToken is POST /admin/tokens/{id}/revoke.
func (s *server) revokeToken(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var account int64
	if err == nil {
		account, err = s.auth.store.revokeToken(r.Context(), id, s.now())
	}
	if err != nil {
		if !errors.Is(err, errNoAccount) && !errors.Is(err, strconv.ErrSyntax) && !errors.Is(err, strconv.ErrRange) {
			log.Printf("revoking a token: %v", err)
		}
		s.adminAnswer(w, r, http.StatusNotFound, map[string]any{"Issues": diag.List{diag.New("", diag.NoToken,
			"Không có mã API này, hoặc mã đã bị thu hồi.", "There is no such API token, or it was revoked already.")}})
		return
	}
	s.audit(r, "token_revoked", who(r).ID, account, fmt.Sprintf("mã #%d", id))
	http.Redirect(w, r, "/admin", http.StatusSeeOther)
}

// auditPageSize is how many events the audit page shows at once.
const auditPageSize = 100

// auditPage is GET /admin/audit[?before=ID]: the audit trail, newest
// first.
func (s *server) auditPage(w http.ResponseWriter, r *http.Request) {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	events, err := s.auth.store.auditPage(r.Context(), before, auditPageSize)
	if err != nil {
		log.Printf("reading the audit trail: %v", err)
		s.unavailable(w, r, false)
		return
	}
	accs, err := s.auth.store.accounts(r.Context())
	if err != nil {
		log.Printf("listing accounts: %v", err)
		s.unavailable(w, r, false)
		return
	}
	names := map[int64]Account{}
	for _, a := range accs {
		names[a.ID] = a
	}
	var older int64
	if len(events) == auditPageSize {
		older = events[len(events)-1].ID
	}
	s.page(w, r, http.StatusOK, "audit.html", map[string]any{"Events": events, "Names": names, "Kinds": auditKinds, "Older": older})
}
