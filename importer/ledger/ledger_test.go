package ledger

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenCreatesPrivateFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Log("unix modes are not meaningful on Windows; checking only that Open works")
	}
	dir := filepath.Join(t.TempDir(), "state", "leadimport")
	path := filepath.Join(dir, "ledger.db")
	l, err := Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, path, l.Path())

	// Make SQLite create the WAL and shared-memory files, and the lock file.
	r := begin(t, l, "a.csv")
	require.NoError(t, r.Pending(l.Key("x"), "a.csv", 2, nil))
	if runtime.GOOS == "windows" {
		return
	}

	for _, d := range []string{dir, filepath.Dir(dir)} {
		fi, err := os.Stat(d)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm(), d)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm", path + ".lock"} {
		fi, err := os.Stat(f)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), f)
	}
}

func TestSecretPersists(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.db")

	l, err := Open(path)
	require.NoError(t, err)
	first := l.Key("endpoint", "body")
	require.NoError(t, l.Close())

	l, err = Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, first, l.Key("endpoint", "body"), "reopening must keep the secret")

	other, err := Open(filepath.Join(dir, "other.db"))
	require.NoError(t, err)
	defer other.Close()
	assert.NotEqual(t, first, other.Key("endpoint", "body"), "another ledger must have another secret")
}

func TestKey(t *testing.T) {
	l := newLedger(t)
	tests := []struct {
		name string
		a, b []string
	}{
		{name: "boundary moves", a: []string{"ab", "c"}, b: []string{"a", "bc"}},
		{name: "empty part is a part", a: []string{"a", ""}, b: []string{"a"}},
		{name: "no parts vs one empty", a: nil, b: []string{""}},
		{name: "empty part position", a: []string{"", "a"}, b: []string{"a", ""}},
		{name: "order", a: []string{"a", "b"}, b: []string{"b", "a"}},
		{name: "concatenation", a: []string{"abc"}, b: []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.NotEqual(t, l.Key(tt.a...), l.Key(tt.b...))
		})
	}
	t.Run("deterministic hex", func(t *testing.T) {
		k := l.Key("a", "b")
		assert.Equal(t, k, l.Key("a", "b"))
		assert.Regexp(t, `^[0-9a-f]{64}$`, string(k))
	})
}

func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    error
	}{
		{
			name: "a CSV file",
			prepare: func(t *testing.T, path string) {
				require.NoError(t, os.WriteFile(path, []byte("name;email\nTolvan;t@example.se\n"), 0o600))
			},
			want: ErrNotDatabase,
		},
		{
			name: "another program's database",
			prepare: func(t *testing.T, path string) {
				db, err := sql.Open("sqlite", path)
				require.NoError(t, err)
				defer db.Close()
				_, err = db.Exec("CREATE TABLE contacts (name TEXT)")
				require.NoError(t, err)
			},
			want: ErrNotLedger,
		},
		{
			name: "a newer ledger",
			prepare: func(t *testing.T, path string) {
				l, err := Open(path)
				require.NoError(t, err)
				_, err = l.db.Exec("PRAGMA user_version = 99")
				require.NoError(t, err)
				require.NoError(t, l.Close())
			},
			want: ErrNewerLedger,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "leads.csv")
			tt.prepare(t, path)
			before, err := os.ReadFile(path)
			require.NoError(t, err)

			l, err := Open(path)
			require.ErrorIs(t, err, tt.want)
			assert.Nil(t, l)
			assert.Contains(t, err.Error(), path, "the message names the file")

			after, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(before, after), "a refused file is left as it was")
		})
	}
}

func TestOpenOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a ?b#c%20d", "ledger.db")
	l, err := Open(path)
	require.NoError(t, err)
	k := l.Key("x")
	require.NoError(t, l.Close())

	_, err = os.Stat(path)
	require.NoError(t, err, "the file is created under the exact name given")
	l, err = Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, k, l.Key("x"))
}

// TestOpenNewTogether: runs that open a new ledger at the same moment
// all get it, and one secret: a run that finds the file another has just
// made, still empty, waits for its tables rather than refusing it as an
// empty ledger.
func TestOpenNewTogether(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	const n = 8
	var wg sync.WaitGroup
	start := make(chan struct{})
	ledgers := make([]*Ledger, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			<-start
			ledgers[i], errs[i] = Open(path)
		})
	}
	close(start)
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i], "open %d", i)
		defer ledgers[i].Close()
	}
	for i := 1; i < n; i++ {
		assert.Equal(t, ledgers[0].Key("a"), ledgers[i].Key("a"), "one secret")
	}
}
