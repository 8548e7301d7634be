package reportapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/report"
)

// Errors is the JSON body of every 4xx answer: the issues, in the shape
// the report package gives them.
type Errors struct {
	Errors diag.List `json:"errors"`
}

// WriteJSON answers status with v as JSON (UTF-8, HTML characters not
// escaped).
func WriteJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// WriteIssues answers status with {"errors": l}.
func WriteIssues(w http.ResponseWriter, status int, l diag.List) {
	WriteJSON(w, status, Errors{l})
}

// WriteIssue answers status with one issue about the whole request, with
// the parameters (alternating name, value) its message mentions.
func WriteIssue(w http.ResponseWriter, status int, code, vi, en string, params ...any) {
	WriteIssues(w, status, diag.List{diag.New("", code, vi, en, params...)})
}

// Read reads the body of a report POST: it must be application/json and at
// most limit bytes. When it is not, Read has answered (415, 413 or 400) and
// returns false.
func Read(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		WriteIssue(w, http.StatusUnsupportedMediaType, "unsupported_media_type",
			"Báo cáo phải gửi dưới dạng JSON (Content-Type: application/json).",
			"Send the report as JSON (Content-Type: application/json).")
		return nil, false
	}
	if r.ContentLength > limit {
		tooLarge(w, limit)
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		WriteIssue(w, http.StatusBadRequest, "read_error", "Không nhận được trọn vẹn báo cáo: "+err.Error(), "The report was not received whole: "+err.Error())
		return nil, false
	}
	if int64(len(data)) > limit {
		tooLarge(w, limit)
		return nil, false
	}
	return data, true
}

func tooLarge(w http.ResponseWriter, limit int64) {
	WriteIssue(w, http.StatusRequestEntityTooLarge, "too_large",
		fmt.Sprintf("Báo cáo vượt quá %s byte. Rút gọn các đoạn văn dài rồi gửi lại.", report.GroupDigits(limit, ".")),
		fmt.Sprintf("The report is over %s bytes. Shorten the long texts and send it again.", report.GroupDigits(limit, ",")))
}

// Check reads the report of a POST (Read, with the checker's size limit)
// and parses it (Parse). It returns the report and the bytes as received;
// when the report cannot be accepted, Check has answered (415, 413, 400,
// or 422 with the issues) and returns false. A server that checks more of
// the request between the two (a header, who sent it) calls Read and
// Parse itself.
func Check(w http.ResponseWriter, r *http.Request, c *report.Checker) (*report.Report, []byte, bool) {
	data, ok := Read(w, r, c.MaxBytes())
	if !ok {
		return nil, nil, false
	}
	rep, ok := Parse(w, c, data)
	return rep, data, ok
}

// Parse parses and validates the bytes of a report strictly with c. When
// the report is invalid, Parse has answered 422 with the issues (every one
// with its JSON Pointer, line and column) and returns false.
func Parse(w http.ResponseWriter, c *report.Checker, data []byte) (*report.Report, bool) {
	rep, err := c.Parse("", data)
	if err != nil {
		var l diag.List
		if !errors.As(err, &l) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return nil, false
		}
		WriteIssues(w, http.StatusUnprocessableEntity, l)
		return nil, false
	}
	return rep, true
}

// The limits of a server that receives reports (NewServer).
const (
	ReadHeaderTimeout = 10 * time.Second // a client must send its headers in this time
	ReadTimeout       = time.Minute      // and the whole request in this one (1 MiB on a slow link)
)

// NewServer returns an http.Server for h with the timeouts above. Listen
// on localhost unless a proxy in front of it sets its own limits.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: ReadHeaderTimeout, ReadTimeout: ReadTimeout}
}
