package ledger

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilter(t *testing.T) {
	f := newFilter()
	const n = 20_000
	for i := range n {
		f.add("in " + strconv.Itoa(i))
	}
	for i := range n {
		require.True(t, f.has("in "+strconv.Itoa(i)), "an added key is always there")
	}
	alarms := 0
	for i := range n {
		if f.has("out " + strconv.Itoa(i)) {
			alarms++
		}
	}
	assert.Less(t, alarms, n/1000, "false alarms among %d keys never added", n)
}

// TestLookupThroughFilter: a run trusts its filter of the ledger's keys
// only once it holds every earlier run's keys, and its own keys are in it
// from the moment they are written.
func TestLookupThroughFilter(t *testing.T) {
	l := newLedger(t)
	r1 := begin(t, l, "in.csv")
	var earlier []Key
	for i := range 50 {
		k := l.Key("lead", strconv.Itoa(i))
		require.NoError(t, r1.Pending(k, "in.csv", i+2, nil))
		require.NoError(t, r1.Sent(k, fmt.Sprint("contact-", i), 201, nil))
		earlier = append(earlier, k)
	}
	require.NoError(t, r1.Finish(nil, 0, "", time.Now()))
	assert.Nil(t, l.known.Load(), "no filter without a run")

	r2 := begin(t, l, "in.csv")
	require.Eventually(t, r2.known.ready.Load, 5*time.Second, time.Millisecond)
	for i, k := range earlier {
		e, found, err := l.Lookup(k)
		require.NoError(t, err)
		require.True(t, found, "key %d of the earlier run", i)
		assert.Equal(t, StatusSent, e.Status)
		assert.Equal(t, fmt.Sprint("contact-", i), e.ContactID)
	}
	mine := l.Key("lead", "new")
	_, found, err := l.Lookup(mine)
	require.NoError(t, err)
	assert.False(t, found)
	require.NoError(t, r2.Pending(mine, "in.csv", 9, nil))
	e, found, err := l.Lookup(mine)
	require.NoError(t, err)
	require.True(t, found, "a key the run wrote")
	assert.Equal(t, StatusPending, e.Status)
}

func TestKeyConcurrent(t *testing.T) {
	l := newLedger(t)
	want := l.Key("a", "b")
	done := make(chan Key)
	for range 8 {
		go func() {
			var k Key
			for range 100 {
				k = l.Key("a", "b")
			}
			done <- k
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
	assert.NotEqual(t, want, l.Key("ab"), "parts are length-prefixed")
	assert.Len(t, string(want), 64)
}

// TestLogStaysBounded: with SQLite's own checkpoints off, the
// checkpointer and the writer's cap keep the log from growing with the
// writes. Without them the log would hold every page written: some
// 11 KB a lead here, 16 MB after these 1,500 (the checkpointer alone,
// whose passes the writer never waits for, lets it grow as fast), twice
// the bound; with them it stays under 3.1 MB, the checkpointer's pass
// every 512 writes telling the writer to restart it. Each lead is two
// commits of SQLite under the race detector, the whole cost of the test.
func TestLogStaysBounded(t *testing.T) {
	l := newLedger(t)
	r := begin(t, l, "in.csv")
	r.ckptEvery, r.logCap = 512, 100
	// The log restarts only once the scan of the keys is done (it holds a
	// read snapshot), and past the cap as the checkpointer last measured
	// it. Both run beside the writer: on a loaded machine neither may have
	// run for a while, and the test is about the cap, not the scheduler.
	// So it waits for the scan, and for the checkpointer's pass after each
	// ckptEvery writes, as a run that is not starved gets them.
	r.scanner.Wait()
	passes := make(chan struct{})
	r.checkpointed = passes
	const leads = 1500
	largest := int64(0)
	for i := range leads {
		k := l.Key("lead", strconv.Itoa(i))
		require.NoError(t, r.Pending(k, "in.csv", i+2, nil))
		require.NoError(t, r.Sent(k, "contact", 201, nil))
		if i%10 == 0 {
			if st, err := os.Stat(l.Path() + "-wal"); err == nil {
				largest = max(largest, st.Size())
			}
		}
		if (i+1)%(r.ckptEvery/2) == 0 { // two writes a lead
			require.NoError(t, r.Sync())
			select {
			case <-passes:
			case <-time.After(time.Minute):
				t.Fatal("no checkpoint pass after ckptEvery writes")
			}
		}
	}
	done := make(chan struct{})
	defer close(done)
	go func() { // the passes asked for from here on
		for {
			select {
			case <-passes:
			case <-done:
				return
			}
		}
	}()
	require.NoError(t, r.Sync())
	assert.Less(t, largest, int64(8<<20), "the log's largest size")
	assert.Positive(t, largest)
	e, found, err := l.Lookup(l.Key("lead", strconv.Itoa(leads-1)))
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, StatusSent, e.Status)
	require.NoError(t, r.Finish(nil, 0, "", time.Now()))
}

// TestFailedCommitsDoNotBlockWriters: with every commit failing and more
// writers than the queue holds, each write returns (with the failure)
// rather than the writer and a writer blocked on the full queue waiting
// for each other.
func TestFailedCommitsDoNotBlockWriters(t *testing.T) {
	l := newLedger(t)
	r := begin(t, l, "in.csv")
	// Another connection holds the write lock, so that every commit
	// waits 50 ms and fails: long enough for the queue to fill.
	ctx := context.Background()
	_, err := r.w.conn.ExecContext(ctx, "PRAGMA busy_timeout = 50")
	require.NoError(t, err)
	other, err := l.db.Conn(ctx)
	require.NoError(t, err)
	_, err = other.ExecContext(ctx, "BEGIN IMMEDIATE")
	require.NoError(t, err)
	defer other.Close()
	defer other.ExecContext(ctx, "ROLLBACK")
	done := make(chan error)
	const writers = 4 * maxGroup
	for i := range writers {
		go func() {
			k := l.Key("lead", strconv.Itoa(i))
			if i%2 == 0 {
				done <- r.Sent(k, "contact", 201, nil)
				return
			}
			done <- r.Pending(k, "in.csv", i, nil)
		}()
	}
	failed := 0
	for range writers {
		select {
		case err := <-done:
			if err != nil {
				failed++
			}
		case <-time.After(10 * time.Second):
			t.Fatal("writes blocked")
		}
	}
	assert.Positive(t, failed)
	err = r.Finish(nil, 0, "", time.Now())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "locked")
}
