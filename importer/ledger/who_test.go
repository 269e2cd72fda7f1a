package ledger

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupPerson: a person's lead is the one sent last for any of its
// keys; one attempted and not sent does not hide it, and a person the
// ledger never saw has none. It is found through the run's filter of
// keys too, once the filter holds the persons of earlier runs.
func TestLookupPerson(t *testing.T) {
	l := newLedger(t)
	pnr := l.Person("FinalPriceWatched", "M1001", "OBJ1", "personnummer", "19800102-2386")
	mail := l.Person("FinalPriceWatched", "M1001", "OBJ1", "email", "asa@example.se")
	other := l.Person("FinalPriceWatched", "M1001", "OBJ2", "personnummer", "19800102-2386")
	assert.NotEqual(t, pnr, other, "the same person on another estate is another lead")
	assert.NotEqual(t, Key(""), pnr)

	r1 := begin(t, l, "in.csv")
	a := l.Key("lead a")
	fieldsA := l.Fields("Åsa\x00Öberg", "19800102-2386", "asa@example.se")
	require.NoError(t, r1.Pending(a, "in.csv", 2, &Who{Persons: []Key{pnr, mail}, Fields: fieldsA}))
	require.NoError(t, r1.Sent(a, "CON1", 200))
	require.NoError(t, r1.Finish(nil, 0, time.Now()))

	r2 := begin(t, l, "in.csv")
	r2.scanner.Wait() // the filter holds the first run's persons
	require.True(t, r2.known.ready.Load())
	e, found, err := l.LookupPerson([]Key{mail})
	require.NoError(t, err)
	require.True(t, found, "by its second key")
	assert.Equal(t, a, e.Key)
	assert.Equal(t, "CON1", e.ContactID)
	assert.Equal(t, fieldsA, e.Fields)
	_, found, err = l.LookupPerson([]Key{other})
	require.NoError(t, err)
	assert.False(t, found)

	b := l.Key("lead b") // the same person, forced and refused
	require.NoError(t, r2.Pending(b, "in.csv", 2, &Who{Persons: []Key{pnr}, Fields: l.Fields("x", "y", "z")}))
	require.NoError(t, r2.Failed(b, 400))
	e, found, err = l.LookupPerson([]Key{pnr})
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, a, e.Key, "a lead not sent does not hide the one sent")

	c := l.Key("lead c") // sent later
	require.NoError(t, r2.Pending(c, "in.csv", 2, &Who{Persons: []Key{pnr}, Fields: l.Fields("x", "y", "z")}))
	require.NoError(t, r2.Sent(c, "CON2", 200))
	require.NoError(t, r2.Sync())
	e, found, err = l.LookupPerson([]Key{pnr, mail})
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, c, e.Key, "the lead sent last, by the strongest key")
}

func TestFieldsChanged(t *testing.T) {
	l := newLedger(t)
	was := l.Fields("Åsa\x00Öberg", "19800102-2386", "asa@example.se", "")
	assert.Len(t, was, 4*fieldSize)
	assert.Empty(t, was.Changed(l.Fields("Åsa\x00Öberg", "19800102-2386", "asa@example.se", "")))
	assert.Equal(t, []int{0, 3}, was.Changed(l.Fields("Åsa\x00Berg", "19800102-2386", "asa@example.se", "+46701740605")))
	assert.Equal(t, []int{1, 2}, l.Fields("a", "b", "c").Changed(l.Fields("a", "c", "b")), "a value is keyed with its place")
	assert.Equal(t, []int{0, 1}, Fields(nil).Changed(l.Fields("a", "b")), "a field one lacks differs")
	assert.NotEqual(t, was, newLedger(t).Fields("Åsa\x00Öberg", "19800102-2386", "asa@example.se", ""),
		"keyed under each ledger's own secret")
}

// TestMigrateFromVersion1 opens a copy of a ledger written by leadimport
// before the ledger kept whom a lead is for (testdata/ledger-v1): it is
// brought to the current version, its leads and runs read as before (an
// old lead has no fields and no person), it takes new leads with their
// persons, and opened again it is as it was left.
func TestMigrateFromVersion1(t *testing.T) {
	old, err := os.ReadFile("../../testdata/ledger-v1/ledger.db")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ledger.db")
	require.NoError(t, os.WriteFile(path, old, 0o600))

	l, err := Open(path)
	require.NoError(t, err)
	assert.Equal(t, schemaVersion, userVersion(t, l))
	runs, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, runs, 1, "the old run")
	assert.Equal(t, map[string]int{"sent": 2}, runs[0].Counts)
	oldKeys := leadKeys(t, l)
	require.Len(t, oldKeys, 2)
	for _, k := range oldKeys {
		e, found, err := l.Lookup(k)
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, StatusSent, e.Status)
		assert.Nil(t, e.Fields, "kept before fields were")
	}

	r := begin(t, l, "in.csv")
	k, p := l.Key("a new lead"), l.Person("FinalPriceWatched", "M1001", "OBJ1234", "email", "ny@example.se")
	require.NoError(t, r.Pending(k, "in.csv", 2, &Who{Persons: []Key{p}, Fields: l.Fields("Ny\x00Person")}))
	require.NoError(t, r.Sent(k, "CON3", 200))
	require.NoError(t, r.Finish(map[string]int{"sent": 1}, 0, time.Now()))
	require.NoError(t, l.Close())

	l, err = Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, schemaVersion, userVersion(t, l))
	assert.Len(t, leadKeys(t, l), 3)
	e, found, err := l.LookupPerson([]Key{p})
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, k, e.Key)
	assert.Equal(t, l.Fields("Ny\x00Person"), e.Fields)
}

func userVersion(t *testing.T, l *Ledger) int {
	t.Helper()
	var v int
	require.NoError(t, l.db.QueryRow("PRAGMA user_version").Scan(&v))
	return v
}

func leadKeys(t *testing.T, l *Ledger) []Key {
	t.Helper()
	rows, err := l.db.Query("SELECT key FROM leads")
	require.NoError(t, err)
	defer rows.Close()
	var keys []Key
	for rows.Next() {
		var k string
		require.NoError(t, rows.Scan(&k))
		keys = append(keys, Key(k))
	}
	require.NoError(t, rows.Err())
	return keys
}
