package main

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"testing"

	"github.com/kh164/kh164/plan"
	"github.com/kh164/kh164/report"
)

// readCounter is a Store that counts the report bytes read from it.
type readCounter struct {
	Store
	bytes atomic.Int64
}

func (c *readCounter) Get(ctx context.Context, id int64) (Submission, error) {
	sub, err := c.Store.Get(ctx, id)
	c.bytes.Add(int64(len(sub.Report)))
	return sub, err
}

func (c *readCounter) Counting(ctx context.Context, period string, fn func(Submission) error) error {
	return c.Store.Counting(ctx, period, func(sub Submission) error {
		c.bytes.Add(int64(len(sub.Report)))
		return fn(sub)
	})
}

// TestCompilationReadsOnlyWhatCounts: the compilation reads the bytes of
// at most two versions per body (the one received last, which counts,
// and the first, which decides on time or late), however many versions
// are stored.
func TestCompilationReadsOnlyWhatCounts(t *testing.T) {
	forBackends(t, func(t *testing.T, b backend) {
		store := &readCounter{Store: openTestStore(t, b.newDB(t))}
		// On 14/12 every example is dated on or before the day it is received.
		ts, _ := startOn(t, store, plan.D(2026, 12, 14))
		defer ts.Close()
		reports := exampleReports(t)
		read := func(versions int) int64 {
			store.bytes.Store(0)
			resp, err := compilerGet(t, ts.URL+"/compile?period=annual-2026&as-of=2026-12-14&format=json")
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("compile: %v %v", resp.Status, err)
			}
			var c report.Compilation
			json.NewDecoder(resp.Body).Decode(&c)
			resp.Body.Close()
			// Nothing is left out: every version but the one that counts
			// is listed as superseded, read or not.
			if want := len(reports) * (versions - 1); len(c.Superseded) != want || c.Summary.Superseded != want || c.Summary.Files != len(reports)*versions {
				t.Errorf("%d versions a body: %d superseded (summary %d, files %d), want %d", versions, len(c.Superseded), c.Summary.Superseded, c.Summary.Files, want)
			}
			for _, e := range c.Bodies {
				counting := 0
				for i, v := range e.Versions {
					if v.Counts {
						counting++
					}
					if i > 0 && v.Received.Before(e.Versions[i-1].Received) {
						t.Errorf("%s: versions out of the order received", e.Body)
					}
				}
				if len(e.Versions) != versions || counting != 1 || !e.Versions[versions-1].Counts {
					t.Errorf("%s: %d versions listed (%d counting), want %d, the last counting", e.Body, len(e.Versions), counting, versions)
				}
			}
			return store.bytes.Load()
		}
		n := 0
		submit := func(versions int) {
			for range versions {
				for _, r := range reports {
					if resp, out := postWith(t, ts.URL, distinct(r, n)); resp.StatusCode != 201 {
						t.Fatalf("POST: %d %s", resp.StatusCode, out)
					}
					n++
				}
			}
		}
		submit(3)
		few := read(3)
		submit(3)
		many := read(6)
		var most int64
		for _, r := range reports {
			most += 2 * int64(len(r)+12)
		}
		t.Logf("%d bytes read with 3 versions per body, %d with 6", few, many)
		if few != many || many > most {
			t.Errorf("the compilation read %d bytes with 3 versions a body, %d with 6 (at most %d)", few, many, most)
		}
	})
}
