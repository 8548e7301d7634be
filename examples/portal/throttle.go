package main

import (
	"slices"
	"sync"
	"time"
)

// throttle slows down guessing passwords. Each key (an account, or a
// client address) may fail freely a few times; after that each further
// attempt must wait, twice as long after each failure, up to maxWait. A
// success clears the key; an hour without failures forgets it. The table
// is bounded: at most maxKeys keys are kept, the oldest dropped first.
type throttle struct {
	free    int           // failures allowed before waiting
	base    time.Duration // the first wait
	maxWait time.Duration
	forget  time.Duration
	maxKeys int

	mu   sync.Mutex
	keys map[string]*strikes
}

type strikes struct {
	failures int
	last     time.Time // the last failure
}

// The policies: an account may fail 5 times, then waits 1 s, 2 s, 4 s…
// (15 minutes at most); an address may fail 20 times (many accounts
// behind one office's address) before the same.
func newAccountThrottle() *throttle { return newThrottle(5, time.Second, 15*time.Minute) }
func newAddressThrottle() *throttle { return newThrottle(20, time.Second, 15*time.Minute) }

func newThrottle(free int, base, maxWait time.Duration) *throttle {
	return &throttle{free: free, base: base, maxWait: maxWait, forget: time.Hour, maxKeys: 10000, keys: map[string]*strikes{}}
}

// wait returns how long key must still wait before its next attempt, at
// now; 0 when it may try.
func (t *throttle) wait(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.keys[key]
	if s == nil || s.failures < t.free {
		return 0
	}
	if now.Sub(s.last) >= t.forget {
		delete(t.keys, key)
		return 0
	}
	if w := s.last.Add(t.delay(s.failures)).Sub(now); w > 0 {
		return w
	}
	return 0
}

// delay is the wait after n failures (n ≥ free).
func (t *throttle) delay(n int) time.Duration {
	d := t.base
	for i := t.free; i < n && d < t.maxWait; i++ {
		d *= 2
	}
	return min(d, t.maxWait)
}

// fail records a failure of key at now.
func (t *throttle) fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := t.keys[key]
	if s == nil {
		if len(t.keys) >= t.maxKeys {
			t.evict(now)
		}
		s = &strikes{}
		t.keys[key] = s
	}
	s.failures++
	s.last = now
}

// succeed forgets key's failures.
func (t *throttle) succeed(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.keys, key)
}

// evict makes room: it drops the keys forgotten by now, then, if the table
// is still full, the oldest tenth.
func (t *throttle) evict(now time.Time) {
	for k, s := range t.keys {
		if now.Sub(s.last) >= t.forget {
			delete(t.keys, k)
		}
	}
	if len(t.keys) < t.maxKeys*9/10 {
		return
	}
	keys := make([]string, 0, len(t.keys))
	for k := range t.keys {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return t.keys[a].last.Compare(t.keys[b].last) })
	for _, k := range keys[:len(keys)-t.maxKeys*9/10] {
		delete(t.keys, k)
	}
}
