package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strconv"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/reportapi"
)

// apiError is the JSON body of every 4xx/5xx answer of the API: the issues
// in the same shape the report package gives them, which the widget maps
// to its fields. reportapi declares it, with the answers it shares with
// planreport serve.
type apiError = reportapi.Errors

func writeJSON(w http.ResponseWriter, status int, v any) { reportapi.WriteJSON(w, status, v) }

func writeIssue(w http.ResponseWriter, status int, code diag.Code, vi, en string) {
	reportapi.WriteIssue(w, status, code, vi, en)
}

// postReport is POST /api/reports: strict parse and validation with the
// report package, then a new stored version.
//
//	201 {"id", "body", "period", "reportDate", "version", "receivedAt", "vi", "en", "document"} and Location
//	413 over the size limit; 415 not application/json; 422 {"errors": [...]}
func (s *server) postReport(w http.ResponseWriter, r *http.Request) {
	rep, data, ok := reportapi.Check(w, r, s.checker) // 415, 413, 400 or 422, as planreport serve answers
	if !ok {
		return
	}
	at := s.now() // the receipt time; the checker read the same clock to refuse a report dated later
	sub, err := s.store.Add(r.Context(), rep.Body, rep.Period.Plan().String(), rep.ReportDate.String(), data, at)
	if err != nil {
		log.Printf("storing a report of %s: %v", rep.Body, err)
		writeIssue(w, http.StatusServiceUnavailable, diag.StorageError, "Chưa lưu được báo cáo; hãy gửi lại sau ít phút. Bản nháp vẫn được giữ.", "The report could not be stored; send it again in a few minutes. Your draft is kept.")
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/reports/%d", sub.ID))
	writeJSON(w, http.StatusCreated, accepted{sub, Reference(sub), s.receipt(sub, diag.VI), s.receipt(sub, diag.EN), fmt.Sprintf("/api/reports/%d/document", sub.ID)})
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

// storedReport is GET /api/reports/{id}: one stored version, with the
// report as it was received.
func (s *server) getReport(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeIssue(w, http.StatusNotFound, diag.NotFound, "Không có báo cáo với mã này.", "There is no report with this ID.")
		return
	}
	sub, err := s.store.Get(r.Context(), id)
	if errors.Is(err, ErrNotFound) {
		writeIssue(w, http.StatusNotFound, diag.NotFound, "Không có báo cáo với mã này.", "There is no report with this ID.")
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Submission
		Report json.RawMessage `json:"report"`
	}{sub, sub.Report})
}
