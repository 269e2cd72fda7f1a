package importer

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"leadimport/importer/connect"
	"leadimport/importer/status"
)

// TestBackoffWait: the wait after n failures is Base doubled n-1 times,
// capped at Max, with ±50% jitter: it grows with every failure until the
// cap, and never stays at Base.
func TestBackoffWait(t *testing.T) {
	b := Backoff{Base: 500 * time.Millisecond, Max: 30 * time.Second}
	tests := []struct {
		failures int
		centre   time.Duration
	}{
		{1, 500 * time.Millisecond},
		{2, time.Second},
		{3, 2 * time.Second},
		{4, 4 * time.Second},
		{6, 16 * time.Second},
		{7, 30 * time.Second}, // 32 s, capped
		{40, 30 * time.Second},
		{200, 30 * time.Second}, // a shift past the int64's width
	}
	for _, tc := range tests {
		t.Run(tc.centre.String(), func(t *testing.T) {
			lo, hi := tc.centre/2, min(tc.centre*3/2, b.Max) // never over Max
			var least, most time.Duration = hi, lo
			for range 2000 {
				d := b.wait(tc.failures)
				require.GreaterOrEqual(t, d, lo)
				require.LessOrEqual(t, d, hi)
				least, most = min(least, d), max(most, d)
			}
			// Jittered: 2000 draws spread over most of the range.
			assert.Less(t, least, lo+(hi-lo)/4)
			assert.Greater(t, most, hi-(hi-lo)/4)
		})
	}
}

// TestRunBacksOffMoreEachTime: a row that keeps failing waits longer
// before each attempt, as Backoff says, on synctest's fake clock.
func TestRunBacksOffMoreEachTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		cfg := testConfig(t, writeInput(t, 1, nil), "")
		cfg.Client = posterFunc(func(context.Context, string, []byte) (connect.Response, error) {
			times = append(times, time.Now())
			if len(times) <= 5 {
				return connect.Response{}, &connect.APIError{Status: http.StatusServiceUnavailable}
			}
			return connect.Response{Status: http.StatusOK, ContactID: "CON1"}, nil
		})
		cfg.Workers, cfg.Retries = 1, 5
		cfg.Backoff = Backoff{Base: time.Second, Max: time.Minute}
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		require.Equal(t, 1, sum.Sent())
		require.Len(t, times, 6)
		for i, centre := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second} {
			gap := times[i+1].Sub(times[i])
			assert.GreaterOrEqual(t, gap, centre/2, "wait %d", i+1)
			assert.LessOrEqual(t, gap, centre*3/2, "wait %d", i+1)
		}
	})
}

// TestRunRetryAfterPausesEveryWorker: one 429 with Retry-After holds
// every worker back, not only the one that got it: no request goes until
// the pause is over. The limiter spaces the requests 100 ms apart, on
// synctest's fake clock.
func TestRunRetryAfterPausesEveryWorker(t *testing.T) {
	tests := []struct {
		name  string
		after time.Duration
	}{
		{"ten seconds", 10 * time.Second},
		{"the five-minute cap", 5 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				var times []time.Time
				start := time.Now()
				cfg := testConfig(t, writeInput(t, 12, nil), "")
				cfg.Client = posterFunc(func(context.Context, string, []byte) (connect.Response, error) {
					mu.Lock()
					defer mu.Unlock()
					times = append(times, time.Now())
					if len(times) == 1 {
						return connect.Response{}, &connect.APIError{Status: http.StatusTooManyRequests, RetryAfter: tc.after}
					}
					return connect.Response{Status: http.StatusOK, ContactID: "CON1"}, nil
				})
				cfg.Workers, cfg.Limiter = 4, rate.NewLimiter(10, 1)
				sum, err := Run(context.Background(), cfg)
				require.NoError(t, err)
				assert.Equal(t, 12, sum.Counts[status.Sent])
				require.Len(t, times, 13)
				assert.Equal(t, start, times[0], "the 429")
				for i, at := range times[1:] {
					assert.GreaterOrEqual(t, at.Sub(start), tc.after, "request %d went during the pause", i+2)
				}
				assert.Equal(t, tc.after, times[1].Sub(start), "the first request after the pause goes as it ends")
			})
		})
	}
}
