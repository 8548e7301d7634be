package reportapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/kh164/kh164/report"
	"github.com/kh164/kh164/reportapi"
)

// A backend's own handler for reports: Check answers 415, 413 or 422 as the
// portal does, and returns the report when it is valid.
func ExampleCheck() {
	c := report.Default()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rep, data, ok := reportapi.Check(w, r, c)
		if !ok {
			return
		}
		// Store data, the bytes as received, then answer.
		reportapi.WriteJSON(w, http.StatusCreated, map[string]any{"body": rep.Body, "bytes": len(data)})
	})
	ts := httptest.NewServer(h)
	defer ts.Close()

	resp, _ := http.Post(ts.URL, "application/json", strings.NewReader(`{"schemaVersion": 1, "body": "so-y-te"}`))
	var answer reportapi.Errors
	json.NewDecoder(resp.Body).Decode(&answer)
	fmt.Println(resp.StatusCode)
	is := answer.Errors[0]
	fmt.Printf("%s %d:%d %s\n%s\n%s\n", is.Path, is.Line, is.Column, is.Code, is.VI, is.EN)
	// Output:
	// 422
	// /plan 1:1 required
	// Nhập số, ký hiệu kế hoạch 164/KH-UBND vào trường plan.
	// Enter the plan number and symbol, 164/KH-UBND, in the plan member.
}

// The validation service of planreport serve, in a Go program.
func ExampleService() {
	svc := &reportapi.Service{} // report.Default(), today's date
	ts := httptest.NewServer(svc.Handler())
	defer ts.Close()

	resp, _ := http.Post(ts.URL+"/validate", "text/plain", strings.NewReader("{}"))
	fmt.Println(resp.StatusCode)
	// Output: 415
}
