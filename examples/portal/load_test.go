package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

var (
	loadFor     = flag.Duration("load-duration", 60*time.Second, "how long BenchmarkLoad submits to each store")
	loadClients = flag.Int("load-clients", 32, "concurrent clients of BenchmarkLoad")
)

// BenchmarkLoad runs the portal's binary on each store and has
// -load-clients clients post valid reports (each a new version) over
// loopback for -load-duration, whole HTTP requests, and prints the
// requests per second and the 50th and 99th percentile latencies:
//
//	go test ./examples/portal -run '^$' -bench Load -benchtime 1x [-load-duration 60s]
//
// PostgreSQL is measured when KH164_POSTGRES_URL is set.
func BenchmarkLoad(b *testing.B) {
	reports := exampleReports(b)
	for _, be := range backends() {
		b.Run(be.name, func(b *testing.B) {
			p := startPortal(b, be.newDB(b), "-quota-versions", "0", "-quota-bytes", "0")
			for b.Loop() {
				ctx, cancel := context.WithTimeout(context.Background(), *loadFor)
				var mu sync.Mutex
				var lat []time.Duration
				failed := 0
				var wg sync.WaitGroup
				start := time.Now()
				for c := range *loadClients {
					wg.Add(1)
					go func() {
						defer wg.Done()
						client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
						var mine []time.Duration
						bad := 0
						for n := c; ctx.Err() == nil; n += *loadClients {
							data := distinct(reports[n%len(reports)], n)
							t0 := time.Now()
							req, _ := http.NewRequest("POST", p.url+"/api/reports", bytes.NewReader(data))
							req.Header.Set("Content-Type", "application/json")
							req.Header.Set("Authorization", "Bearer "+tokenOf(p.url, data))
							resp, err := client.Do(req)
							if err != nil {
								if ctx.Err() == nil {
									bad++
								}
								continue
							}
							resp.Body.Close()
							if resp.StatusCode != http.StatusCreated {
								bad++
								continue
							}
							mine = append(mine, time.Since(t0))
						}
						mu.Lock()
						lat = append(lat, mine...)
						failed += bad
						mu.Unlock()
					}()
				}
				wg.Wait()
				cancel()
				elapsed := time.Since(start)
				if len(lat) == 0 {
					b.Fatalf("no request succeeded:\n%s", p.log())
				}
				slices.Sort(lat)
				pct := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
				rps := float64(len(lat)) / elapsed.Seconds()
				b.ReportMetric(rps, "req/s")
				b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(failed), "failed")
				fmt.Printf("load %s: %d valid POSTs in %s by %d clients: %.0f req/s, p50 %s, p99 %s, %d failed\n",
					be.name, len(lat), elapsed.Round(time.Millisecond), *loadClients, rps, pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), failed)
			}
		})
	}
}
