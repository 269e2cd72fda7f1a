package importer

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// TestSpaceOutAfterAGroupCommit: between a worker's turn at the limiter
// and its request, the ledger's commit (Pending) holds every write queued
// while the commit before it was under way, and lets them go together.
// spaceOut sends them one interval apart again: no second holds more
// requests than the rate, and the run keeps its rate. At --rate 500 with
// eight workers, a commit of 16 ms now and then made a second of 508
// without it. On synctest's fake clock.
func TestSpaceOutAfterAGroupCommit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const perSecond, workers, requests = 500, 8, 1001
		s := &sender{limiter: rate.NewLimiter(perSecond, 1), now: time.Now, sleep: Sleep}
		ctx := context.Background()

		// commit is the ledger's writer: it takes every write queued
		// while its last commit was under way. A commit takes 1 ms, and
		// every 50th 16 ms (the log's sync).
		commit := make(chan chan struct{})
		go func() {
			n := 0
			for first := range commit {
				batch := []chan struct{}{first}
			more:
				for {
					select {
					case w := <-commit:
						batch = append(batch, w)
					default:
						break more
					}
				}
				if n++; n%50 == 0 {
					time.Sleep(16 * time.Millisecond)
				} else {
					time.Sleep(time.Millisecond)
				}
				for _, w := range batch {
					close(w)
				}
			}
		}()

		var mu sync.Mutex
		var sent []time.Time
		jobs := make(chan struct{}, requests)
		for range requests {
			jobs <- struct{}{}
		}
		close(jobs)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for range jobs {
					require.NoError(t, s.waitTurn(ctx))
					done := make(chan struct{})
					commit <- done
					<-done
					s.spaceOut(ctx)
					mu.Lock()
					sent = append(sent, time.Now())
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		close(commit)

		require.Len(t, sent, requests)
		assert.Equal(t, perSecond, maxInWindow(sent, time.Second))
		for i := 1; i < len(sent); i++ {
			require.GreaterOrEqual(t, sent[i].Sub(sent[i-1]), 2*time.Millisecond, "request %d", i)
		}
		took := sent[len(sent)-1].Sub(sent[0])
		assert.InDelta(t, float64(requests-1)/perSecond, took.Seconds(), 0.01*float64(requests-1)/perSecond, "the rate kept within 1%%")
	})
}
