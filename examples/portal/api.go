package main

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/reportapi"
)

// apiError is the JSON body of every 4xx/5xx answer of the API: the issues
// in the same shape the report package gives them, which the widget maps
// to its fields. reportapi declares it, with the answers it shares with
// planreport serve.
type apiError = reportapi.Errors

func writeJSON(w http.ResponseWriter, status int, v any) { reportapi.WriteJSON(w, status, v) }

func writeIssue(w http.ResponseWriter, status int, code diag.Code, vi, en string, params ...any) {
	reportapi.WriteIssue(w, status, code, vi, en, params...)
}

// postReport is POST /api/reports: strict parse and validation with the
// report package, then a new stored version.
//
//	201 {"id", "body", "period", "reportDate", "version", "receivedAt", "vi", "en", "document", …} and Location
//	413 over the size limit or the body's byte quota; 415 not application/json;
//	400 a bad Idempotency-Key; 401 not signed in; 403 another body's report;
//	422 {"errors": [...]}; 429 over the body's version quota
//
// A retry is not a new version: with an Idempotency-Key header used
// before by the same submitter, or with the same bytes as the version that
// counts now, the answer is that version's 201, the same as the first time
// (with Idempotent-Replayed: true).
func (s *server) postReport(w http.ResponseWriter, r *http.Request) {
	// 415, 413 or 400 as planreport serve answers; then the portal's own
	// header; then 422 as it answers.
	data, ok := reportapi.Read(w, r, s.checker.MaxBytes())
	if !ok {
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if !validKey(key) {
		writeIssue(w, http.StatusBadRequest, diag.InvalidIdempotencyKey,
			fmt.Sprintf("Tiêu đề Idempotency-Key phải gồm 1 đến %d ký tự ASCII in được (ví dụ một UUID).", maxKeyLen),
			fmt.Sprintf("The Idempotency-Key header must be 1 to %d printable ASCII characters (a UUID, for example).", maxKeyLen))
		return
	}
	rep, ok := reportapi.Parse(w, s.checker, data)
	if !ok {
		return
	}
	me := who(r)
	if rep.Body != me.Body {
		writeJSON(w, http.StatusForbidden, apiError{Errors: diag.List{diag.New("/body", diag.NotYourBody,
			fmt.Sprintf("Tài khoản này chỉ gửi được báo cáo của %s.", s.bodyName(me.Body)),
			fmt.Sprintf("This account may only file the reports of %s (%s).", s.bodyName(me.Body), me.Body))}})
		return
	}
	at := s.now() // the receipt time; the checker read the same clock to refuse a report dated later
	sub, existing, err := s.store.Add(r.Context(), NewVersion{
		Body: rep.Body, Period: rep.Period.Plan().String(), ReportDate: rep.ReportDate.String(),
		Report: data, ContentType: r.Header.Get("Content-Type"), ReceivedAt: at,
		Submitter: s.submitter(r), IdempotencyKey: key,
	})
	var qe *QuotaError
	switch {
	case errors.As(err, &qe):
		s.overQuota(w, rep.Body, qe)
		return
	case errors.Is(err, ErrKeyReused):
		writeIssue(w, http.StatusUnprocessableEntity, diag.IdempotencyKeyReused,
			"Khóa Idempotency-Key này đã dùng cho một báo cáo khác. Dùng khóa mới cho mỗi lần gửi báo cáo mới.",
			"This Idempotency-Key was used for another report. Use a new key for each new submission.")
		return
	}
	if err != nil {
		log.Printf("storing a report of %s: %v", rep.Body, err)
		writeIssue(w, http.StatusServiceUnavailable, diag.StorageError, "Chưa lưu được báo cáo; hãy gửi lại sau ít phút. Bản nháp vẫn được giữ.", "The report could not be stored; send it again in a few minutes. Your draft is kept.")
		return
	}
	if !existing {
		s.audit(r, "report_filed", me.ID, me.ID, filedDetail(sub, me.token))
	}
	w.Header().Set("Location", fmt.Sprintf("/api/reports/%d", sub.ID))
	if existing {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	writeJSON(w, http.StatusCreated, accepted{sub, Reference(sub), s.receipt(sub, diag.VI), s.receipt(sub, diag.EN), fmt.Sprintf("/api/reports/%d/document", sub.ID)})
}

// maxKeyLen is the longest Idempotency-Key accepted.
const maxKeyLen = 255

// validKey reports whether key is empty (no key) or a usable
// Idempotency-Key: printable ASCII, not too long.
func validKey(key string) bool {
	if len(key) > maxKeyLen {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			return false
		}
	}
	return true
}

// submitter names who sent r, for idempotency and duplicates: the
// signed-in account (auth.go).
func (s *server) submitter(r *http.Request) string {
	if p := who(r); p != nil {
		return submitterOf(p.ID)
	}
	return ""
}

// overQuota answers a version refused by the quota of its body and
// period: 429 when the count of versions ran out, 413 when the bytes did.
func (s *server) overQuota(w http.ResponseWriter, id string, qe *QuotaError) {
	body, english := id, id
	if b, err := s.reg.Body(id); err == nil {
		body, english = b.Name, b.English
	}
	if qe.Versions() {
		w.Header().Set("Retry-After", "86400")
		writeIssue(w, http.StatusTooManyRequests, diag.QuotaVersions,
			fmt.Sprintf("%s đã gửi %d bản báo cáo cho kỳ này, bằng giới hạn của cổng. Liên hệ Hội Chữ thập đỏ Thành phố nếu cần gửi thêm.", body, qe.Used.Versions),
			fmt.Sprintf("%s has sent %d versions of its report for this period, the portal's limit. Contact the City Red Cross if you need to send more.", english, qe.Used.Versions),
			"used", qe.Used.Versions, "max", qe.Quota.MaxVersions)
		return
	}
	writeIssue(w, http.StatusRequestEntityTooLarge, diag.QuotaBytes,
		fmt.Sprintf("Các bản báo cáo của %s cho kỳ này đã dùng %d byte; bản này (%d byte) vượt giới hạn %d byte của cổng. Xóa khoảng trắng thừa hoặc liên hệ Hội Chữ thập đỏ Thành phố.", body, qe.Used.Bytes, qe.Size, qe.Quota.MaxBytes),
		fmt.Sprintf("The versions %s sent for this period take %d bytes; this one (%d bytes) goes over the portal's limit of %d bytes. Remove extra white space or contact the City Red Cross.", english, qe.Used.Bytes, qe.Size, qe.Quota.MaxBytes),
		"used", qe.Used.Bytes, "size", qe.Size, "max", qe.Quota.MaxBytes)
}

// accepted is the 201 answer: the stored version, its reference and a
// receipt the form shows to the person who sent it, and where its document
// is (form.Receipt lists the members the form reads).
type accepted struct {
	Submission
	Reference string `json:"reference"`
	VI        string `json:"vi"`
	EN        string `json:"en"`
	// Document is where the version's official report (.docx) is; the
	// form's confirmation links it.
	Document string `json:"document"`
}

// Reference is the reference a person quotes about a stored version.
func Reference(sub Submission) string { return fmt.Sprintf("KH164-%06d", sub.ID) }

// receipt says what was received, in language l.
func (s *server) receipt(sub Submission, l diag.Lang) string {
	name := sub.Body
	if b, err := s.reg.Body(sub.Body); err == nil {
		name = b.Name
		if l == diag.EN {
			name = b.English
		}
	}
	at := sub.ReceivedAt.In(hanoi)
	if l == diag.EN {
		return fmt.Sprintf("Received: the report of %s, version %d, at %s. Sending again makes version %d.", name, sub.Version, at.Format("15:04 on 2 January 2006"), sub.Version+1)
	}
	return fmt.Sprintf("Đã nhận báo cáo của %s, bản %d, lúc %s. Gửi lại sẽ tạo bản %d.", name, sub.Version, at.Format("15:04 ngày 02/01/2006"), sub.Version+1)
}

// getReport is GET /api/reports/{id}: one stored version, its bytes
// exactly as received (a BOM included) with the Content-Type it was sent
// with; what the portal knows about it is in KH164-* headers and in
// GET /api/reports/{id}/meta.
func (s *server) getReport(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeIssue(w, http.StatusNotFound, diag.NotFound, "Không có báo cáo với mã này.", "There is no report with this ID.")
		return
	}
	sub, err := s.store.Get(r.Context(), id)
	if me := who(r); err == nil && me.Role == RoleReporter && sub.Body != me.Body {
		err = ErrNotFound // another body's report: as if there were none
	}
	if errors.Is(err, ErrNotFound) {
		writeIssue(w, http.StatusNotFound, diag.NotFound, "Không có báo cáo với mã này.", "There is no report with this ID.")
		return
	}
	if err != nil {
		log.Printf("reading report %d: %v", id, err)
		writeIssue(w, http.StatusServiceUnavailable, diag.StorageError, "Chưa đọc được báo cáo; hãy thử lại sau ít phút.", "The report could not be read; try again in a few minutes.")
		return
	}
	filed, err := s.filers(r.Context(), []Submission{sub})
	if err != nil {
		log.Printf("naming the filer of report %d: %v", id, err)
		writeIssue(w, http.StatusServiceUnavailable, diag.StorageError, "Chưa đọc được báo cáo; hãy thử lại sau ít phút.", "The report could not be read; try again in a few minutes.")
		return
	}
	if strings.HasSuffix(r.URL.Path, "/meta") {
		writeJSON(w, http.StatusOK, struct {
			Submission
			FiledBy string `json:"filedBy,omitempty"` // the filer's name and username
		}{sub, filed[0].Filer})
		return
	}
	h := w.Header()
	ctype := sub.ContentType
	if ctype == "" {
		ctype = "application/json"
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s-%s-ban-%d.json"`, sub.Body, sub.Period, sub.Version))
	h.Set("ETag", `"`+sub.SHA256+`"`)
	h.Set("KH164-Body", sub.Body)
	h.Set("KH164-Period", sub.Period)
	h.Set("KH164-Version", strconv.Itoa(sub.Version))
	h.Set("KH164-Received-At", sub.ReceivedAt.Format(time.RFC3339Nano))
	// Versions never change, but they hold personal data: no cache keeps
	// them (a shared office computer keeps nothing after sign-out).
	h.Set("Cache-Control", "no-store")
	w.Write(sub.Report)
}
