// Package reportapi is the HTTP answer of report validation, the one every
// backend gives: the demo portal's POST /api/reports and `planreport serve`
// share it, and the form puts its issues on its fields.
//
// A report is POSTed as application/json, at most the checker's MaxBytes.
// The answers of Check, the same wherever it is used:
//
//	415 {"errors": [{"path": "", "code": "unsupported_media_type", "vi": …, "en": …}]}  not application/json
//	413 {"errors": [{"path": "", "code": "too_large", …}]}                              over the size limit
//	400 {"errors": [{"path": "", "code": "read_error", …}]}                             the body could not be read
//	422 {"errors": [diag.Issue…]}                                                       the report is invalid
//
// Each issue is a diag.Issue as JSON: path (a JSON Pointer), line and column
// (1-based, when known), code (report/doc.go lists them), params, and the
// message in Vietnamese (vi) and English (en). `planreport validate --format
// json` prints the same objects.
//
// Service adds the rest of a validation service (POST /validate, GET
// /schema, /plan, /bodies) and NewServer the timeouts the portal uses.
//
// In a Go backend:
//
//	http.HandleFunc("POST /reports", func(w http.ResponseWriter, r *http.Request) {
//		rep, data, ok := reportapi.Check(w, r, checker) // 415, 413, 400 or 422 answered
//		if !ok {
//			return
//		}
//		store(rep, data) // the bytes as received
//	})
package reportapi
