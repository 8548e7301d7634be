package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kh164/kh164/diag"
	"github.com/kh164/kh164/reportapi"
)

// TestServe runs planreport serve on a free loopback port and checks that
// it answers a valid report 200 and an invalid one 422 with the issue
// objects that validate --format json prints for the same bytes.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- run(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: pw, ctx: ctx}, []string{"serve", "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve: %v", err)
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if base == "" {
		t.Fatalf("serve printed %q", line)
	}

	ex := runCmd("example", "--body", "so-y-te", "--period", "annual-2026")
	data := []byte(ex.stdout)
	bad := writeFile(t, "bad.json", bytes.Replace(data, []byte(`"email": "`), []byte(`"email": "@`), 1))
	badData, _ := os.ReadFile(bad)

	post := func(body []byte) (int, []byte) {
		resp, err := http.Post(base+"validate", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, out
	}
	if st, out := post(data); st != 200 {
		t.Fatalf("valid report: %d %s", st, out)
	}
	st, out := post(badData)
	var served reportapi.Errors
	if st != 422 || json.Unmarshal(out, &served) != nil {
		t.Fatalf("invalid report: %d %s", st, out)
	}
	r := runCmd("validate", "--format", "json", bad)
	var printed []struct{ Errors diag.List }
	if err := json.Unmarshal([]byte(r.stdout), &printed); err != nil || len(printed) != 1 {
		t.Fatalf("validate --format json: %v %s", err, r.stdout)
	}
	if !reflect.DeepEqual(served.Errors, printed[0].Errors) || len(served.Errors) == 0 || served.Errors[0].Code != "invalid_email" {
		t.Errorf("serve and validate differ:\nserve    %+v\nvalidate %+v", served.Errors, printed[0].Errors)
	}

	cancel()
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("serve exited %d", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
