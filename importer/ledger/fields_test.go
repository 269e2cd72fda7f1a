package ledger

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFieldsOfTheLeadSent: a lead's fields are those of the lead sent:
// a forced attempt that is not sent leaves them, a Sent sets them.
func TestFieldsOfTheLeadSent(t *testing.T) {
	l := newLedger(t)
	k := l.Key("lead", "FinalPriceWatched", "M1001", "OBJ1", "personnummer", "19800102-2386")
	before, after := l.Fields("Åsa\x00Öberg", "asa@example.se"), l.Fields("Åsa\x00Öberg", "asa.oberg@example.se")
	fields := func() Fields {
		t.Helper()
		e, found, err := l.Lookup(k)
		require.NoError(t, err)
		require.True(t, found)
		return e.Fields
	}
	r := begin(t, l, "in.csv")
	require.NoError(t, r.Pending(k, "in.csv", 2, before))
	require.NoError(t, r.Sync())
	assert.Equal(t, before, fields(), "a Pending's, while no lead is sent")
	require.NoError(t, r.Sent(k, "CON1", 200, before))
	require.NoError(t, r.Pending(k, "in.csv", 2, after)) // --force, changed
	require.NoError(t, r.Failed(k, 400))
	assert.Equal(t, before, fields(), "the lead in Connect is still the one sent")
	require.NoError(t, r.Pending(k, "in.csv", 2, after))
	require.NoError(t, r.Sent(k, "CON2", 200, after))
	require.NoError(t, r.Sync())
	assert.Equal(t, after, fields())
	require.NoError(t, r.Sent(k, "CON3", 200, nil))
	require.NoError(t, r.Sync())
	assert.Equal(t, after, fields(), "a Sent without fields keeps them")
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
// before the ledger kept a lead's fields (testdata/ledger-v1): it is
// brought to the current version, its leads and runs read as before (an
// old lead has no fields), it takes new leads with their fields, and
// opened again it is as it was left.
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
	assert.Equal(t, []string{"FinalPriceWatched"}, runs[0].Endpoints, "the only endpoint then")
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
	k, f := l.Key("a new lead"), l.Fields("Ny\x00Person")
	require.NoError(t, r.Pending(k, "in.csv", 2, f))
	require.NoError(t, r.Sent(k, "CON3", 200, f))
	require.NoError(t, r.Finish(map[string]int{"sent": 1}, 0, "", time.Now()))
	require.NoError(t, l.Close())

	l, err = Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, schemaVersion, userVersion(t, l))
	assert.Len(t, leadKeys(t, l), 3)
	e, found, err := l.Lookup(k)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, f, e.Fields)
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
		var k []byte
		require.NoError(t, rows.Scan(&k))
		keys = append(keys, keyOf(k))
	}
	require.NoError(t, rows.Err())
	return keys
}

// TestAliases: a lead is found by its key and by each of its aliases,
// through the run's filter of keys too (once it holds the earlier runs'),
// the lead's own entry first; an alias another lead has taken stays that
// lead's.
func TestAliases(t *testing.T) {
	l := newLedger(t)
	pnr := l.Key("lead", "FinalPriceWatched", "M1001", "OBJ1", "personnummer", "19800102-2386")
	mail := l.Key("lead", "FinalPriceWatched", "M1001", "OBJ1", "email", "asa@example.se")
	other := l.Key("lead", "FinalPriceWatched", "M1001", "OBJ1", "personnummer", "19121212-1212")
	r1 := begin(t, l, "in.csv")
	require.NoError(t, r1.Pending(pnr, "in.csv", 2, nil, mail))
	require.NoError(t, r1.Sent(pnr, "CON1", 200, nil))
	require.NoError(t, r1.Pending(other, "in.csv", 3, nil, mail)) // the alias is taken
	require.NoError(t, r1.Finish(nil, 0, "", time.Now()))

	r2 := begin(t, l, "in.csv")
	r2.scanner.Wait()
	require.True(t, r2.known.ready.Load())
	for _, tc := range []struct {
		name      string
		by, found Key
		status    Status
	}{
		{"by its key", pnr, pnr, StatusSent},
		{"by an alias", mail, pnr, StatusSent},
		{"another lead, whose alias was taken", other, other, StatusPending},
	} {
		e, ok, err := l.Lookup(tc.by)
		require.NoError(t, err, tc.name)
		require.True(t, ok, tc.name)
		assert.Equal(t, tc.found, e.Key, tc.name)
		assert.Equal(t, tc.status, e.Status, tc.name)
	}
	_, ok, err := l.Lookup(l.Key("lead", "FinalPriceWatched", "M1001", "OBJ2", "email", "asa@example.se"))
	require.NoError(t, err)
	assert.False(t, ok, "another estate")
}

// TestPendingAliases: a Pending's aliases are written two to a statement
// (and an odd one alone); each is found, whatever their number, and one
// another lead has taken, among them, stays that lead's while the others
// are written.
func TestPendingAliases(t *testing.T) {
	l := newLedger(t)
	r := begin(t, l, "in.csv")
	taken := l.Key("taken")
	require.NoError(t, r.Pending(l.Key("first lead"), "in.csv", 1, nil, taken))
	for _, tc := range []struct {
		name    string
		aliases []Key
	}{
		{"none", nil},
		{"one", []Key{l.Key("1a")}},
		{"two", []Key{l.Key("2a"), l.Key("2b")}},
		{"three", []Key{l.Key("3a"), l.Key("3b"), l.Key("3c")}},
		{"four", []Key{l.Key("4a"), l.Key("4b"), l.Key("4c"), l.Key("4d")}},
		{"two, the first taken", []Key{taken, l.Key("5b")}},
		{"two, the second taken", []Key{l.Key("6a"), taken}},
		{"the same twice", []Key{l.Key("7a"), l.Key("7a")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := l.Key("lead", tc.name)
			require.NoError(t, r.Pending(k, "in.csv", 2, nil, tc.aliases...))
			for _, a := range tc.aliases {
				e, found, err := l.Lookup(a)
				require.NoError(t, err)
				require.True(t, found)
				if a == taken {
					assert.Equal(t, l.Key("first lead"), e.Key, "taken before")
				} else {
					assert.Equal(t, k, e.Key)
				}
			}
		})
	}
}

// TestMigrateFromVersion2 opens a copy of a ledger written by leadimport
// while a lead's row was kept in key order (testdata/ledger-v2): it is
// brought to the current version, leads with row ids, and keeps every
// lead (status, contact id, fields) and every alias, each still finding
// its lead; it takes new leads, and opened again it is as it was left.
func TestMigrateFromVersion2(t *testing.T) {
	old, err := os.ReadFile("../../testdata/ledger-v2/ledger.db")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ledger.db")
	require.NoError(t, os.WriteFile(path, old, 0o600))

	l, err := Open(path)
	require.NoError(t, err)
	assert.Equal(t, schemaVersion, userVersion(t, l))
	assert.Equal(t, leadsSchema(t, newLedger(t)), leadsSchema(t, l), "as a new ledger has them")
	assert.NotContains(t, leadsSchema(t, l), "WITHOUT ROWID")
	runs, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, runs, 1, "the old run")
	assert.Equal(t, map[string]int{"sent": 2}, runs[0].Counts)
	assert.Equal(t, []string{"FinalPriceWatched"}, runs[0].Endpoints, "the only endpoint then")

	leads := map[Key]Entry{}
	for _, k := range leadKeys(t, l) {
		e, found, err := l.Lookup(k)
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, StatusSent, e.Status)
		assert.Len(t, e.Fields, 7*fieldSize, "the fields sent")
		leads[k] = e
	}
	require.Len(t, leads, 2)
	contacts := []string{}
	for _, e := range leads {
		contacts = append(contacts, e.ContactID)
	}
	assert.ElementsMatch(t, []string{"CON00000001", "CON00000002"}, contacts)
	aliases := aliasesOf(t, l)
	require.Len(t, aliases, 3)
	for alias, lead := range aliases {
		e, found, err := l.Lookup(alias)
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, lead, e.Key)
		assert.Equal(t, leads[lead], e, "the lead, by its alias")
	}

	l = runAfterMigration(t, l, path, 3, 4)
	var problems int
	require.NoError(t, l.db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&problems))
	assert.Zero(t, problems, "every alias's lead is there")
}

// runAfterMigration: a ledger brought to the current version takes a new
// run's lead, with its fields and an alias; opened again, it is at the
// current version, with leads and aliases as many as said, and the new
// lead is found by its alias, as it was sent. It returns the ledger
// opened again, which the test's end closes.
func runAfterMigration(t *testing.T, l *Ledger, path string, leads, aliases int) *Ledger {
	t.Helper()
	r := begin(t, l, "in.csv")
	k, f, a := l.Key("a new lead"), l.Fields("Ny\x00Person"), l.Key("its alias")
	require.NoError(t, r.Pending(k, "in.csv", 2, f, a))
	require.NoError(t, r.Sent(k, "CON3", 200, f))
	require.NoError(t, r.Finish(map[string]int{"sent": 1}, 0, "", time.Now()))
	require.NoError(t, l.Close())

	l, err := Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	assert.Equal(t, schemaVersion, userVersion(t, l))
	assert.Len(t, leadKeys(t, l), leads)
	assert.Len(t, aliasesOf(t, l), aliases)
	e, found, err := l.Lookup(a)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, k, e.Key)
	assert.Equal(t, f, e.Fields)
	assert.Equal(t, "CON3", e.ContactID)
	return l
}

// TestMigrateFromVersion3 opens a copy of a ledger written by leadimport
// before a run kept its endpoints (testdata/ledger-v3): it is brought to
// the current version, its run shows as FinalPriceWatched's (the only
// endpoint then), its leads and aliases are as they were, and it takes a
// run with its endpoints; opened again it is as it was left.
func TestMigrateFromVersion3(t *testing.T) {
	old, err := os.ReadFile("../../testdata/ledger-v3/ledger.db")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ledger.db")
	require.NoError(t, os.WriteFile(path, old, 0o600))

	l, err := Open(path)
	require.NoError(t, err)
	assert.Equal(t, schemaVersion, userVersion(t, l))
	assert.Equal(t, runsSchema(t, newLedger(t)), runsSchema(t, l), "as a new ledger has it")
	runs, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, runs, 1, "the old run")
	assert.Equal(t, []string{"FinalPriceWatched"}, runs[0].Endpoints, "the only endpoint then")
	assert.Equal(t, map[string]int{"sent": 2}, runs[0].Counts)
	assert.Equal(t, "mapping.yaml", runs[0].Mapping)
	contacts := []string{}
	for _, k := range leadKeys(t, l) {
		e, found, err := l.Lookup(k)
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, StatusSent, e.Status)
		assert.Len(t, e.Fields, 7*fieldSize, "the fields sent")
		contacts = append(contacts, e.ContactID)
	}
	assert.ElementsMatch(t, []string{"CON00000001", "CON00000002"}, contacts)
	assert.Len(t, aliasesOf(t, l), 3)

	r, err := l.Begin(RunInfo{Command: "run", Mapping: "interest.yaml", Endpoints: []string{"Interest"},
		PID: os.Getpid(), Started: time.Now(), Inputs: []Input{{Path: "leads.csv"}}})
	require.NoError(t, err)
	k := l.Key("an interest registration")
	require.NoError(t, r.Pending(k, "leads.csv", 2, nil))
	require.NoError(t, r.Sent(k, "", 204, nil))
	require.NoError(t, r.Finish(map[string]int{"sent": 1}, 0, "", time.Now()))
	require.NoError(t, l.Close())

	l, err = Open(path)
	require.NoError(t, err)
	defer l.Close()
	assert.Equal(t, schemaVersion, userVersion(t, l))
	runs, err = l.History(0)
	require.NoError(t, err)
	require.Len(t, runs, 2)
	assert.Equal(t, []string{"Interest"}, runs[0].Endpoints)
	assert.Equal(t, []string{"FinalPriceWatched"}, runs[1].Endpoints)
	e, found, err := l.Lookup(k)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, 204, e.HTTPStatus)
	assert.Empty(t, e.ContactID, "the interest call answers without one")
}

// runsSchema is the runs table's CREATE statement, as SQLite keeps it.
func runsSchema(t *testing.T, l *Ledger) string {
	t.Helper()
	var sql string
	require.NoError(t, l.db.QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'runs'").Scan(&sql))
	return sql
}

// leadsSchema is the leads table's CREATE statement, as SQLite keeps it.
func leadsSchema(t *testing.T, l *Ledger) string {
	t.Helper()
	var sql string
	require.NoError(t, l.db.QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'leads'").Scan(&sql))
	return sql
}

// aliasesOf maps each alias in the ledger to its lead's key.
func aliasesOf(t *testing.T, l *Ledger) map[Key]Key {
	t.Helper()
	rows, err := l.db.Query("SELECT alias, key FROM aliases")
	require.NoError(t, err)
	defer rows.Close()
	m := map[Key]Key{}
	for rows.Next() {
		var a, k []byte
		require.NoError(t, rows.Scan(&a, &k))
		m[keyOf(a)] = keyOf(k)
	}
	require.NoError(t, rows.Err())
	return m
}

// TestWritesMakeNoTable: none of a run's writes makes a table of its own
// as it runs (SQLite's OpenEphemeral, which a CHECK of a value IN a list
// made at every Pending and Sent): each is done once per lead.
func TestWritesMakeNoTable(t *testing.T) {
	l := newLedger(t)
	for name, query := range map[string]string{
		"pending": pendingSQL, "pendingNew": pendingNewSQL, "sent": sentSQL, "sentUpdate": sentUpdateSQL,
		"failed": failedSQL, "alias": aliasSQL, "aliasPair": aliasPairSQL,
	} {
		params := slices.Compact(slices.Sorted(slices.Values(regexp.MustCompile(`\?[1-9]`).FindAllString(query, -1))))
		rows, err := l.db.Query("EXPLAIN "+query, make([]any, len(params))...) // each NULL
		require.NoError(t, err, name)
		cols, err := rows.Columns()
		require.NoError(t, err)
		var ops []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			ops = append(ops, fmt.Sprint(vals[1])) // addr, opcode, …
		}
		require.NoError(t, rows.Err())
		rows.Close()
		require.NotEmpty(t, ops, name)
		assert.NotContains(t, ops, "OpenEphemeral", name)
	}
}

// TestMigrateFromVersion4 opens a copy of a ledger written by leadimport
// while keys were kept as hex digits (testdata/ledger-v4): it is brought
// to the current version, with the tables a new ledger has; every lead
// (status, contact id, fields, row id) and every alias are as they were,
// their keys now their 32 bytes, the same keys still finding them; it
// takes new leads, and opened again it is as it was left.
func TestMigrateFromVersion4(t *testing.T) {
	old, err := os.ReadFile("../../testdata/ledger-v4/ledger.db")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "ledger.db")
	require.NoError(t, os.WriteFile(path, old, 0o600))
	// What the old ledger held, read from a copy of its own.
	type lead struct {
		RowID     int64
		Key       string
		ContactID string
		Fields    []byte
	}
	var before []lead
	beforeAliases := map[Key]Key{}
	{
		copied := filepath.Join(t.TempDir(), "v4.db")
		require.NoError(t, os.WriteFile(copied, old, 0o600))
		db, err := sql.Open("sqlite", copied)
		require.NoError(t, err)
		defer db.Close()
		rows, err := db.Query("SELECT rowid, key, contact_id, fields FROM leads ORDER BY rowid")
		require.NoError(t, err)
		for rows.Next() {
			var e lead
			require.NoError(t, rows.Scan(&e.RowID, &e.Key, &e.ContactID, &e.Fields))
			before = append(before, e)
		}
		require.NoError(t, rows.Err())
		rows, err = db.Query("SELECT alias, key FROM aliases")
		require.NoError(t, err)
		for rows.Next() {
			var a, k string
			require.NoError(t, rows.Scan(&a, &k))
			beforeAliases[Key(a)] = Key(k)
		}
		require.NoError(t, rows.Err())
	}
	require.Len(t, before, 2)
	require.Len(t, beforeAliases, 3)

	l, err := Open(path)
	require.NoError(t, err)
	assert.Equal(t, schemaVersion, userVersion(t, l))
	fresh := newLedger(t)
	assert.Equal(t, leadsSchema(t, fresh), leadsSchema(t, l), "as a new ledger has them")
	assert.Equal(t, aliasesSchema(t, fresh), aliasesSchema(t, l), "as a new ledger has them")
	for _, b := range before {
		var rowID int64
		var raw []byte
		require.NoError(t, l.db.QueryRow("SELECT rowid, key FROM leads WHERE rowid = ?", b.RowID).Scan(&rowID, &raw))
		assert.Len(t, raw, 32, "the key's bytes")
		assert.Equal(t, Key(b.Key), keyOf(raw))
		e, found, err := l.Lookup(Key(b.Key))
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, Key(b.Key), e.Key)
		assert.Equal(t, StatusSent, e.Status)
		assert.Equal(t, b.ContactID, e.ContactID)
		assert.Equal(t, Fields(b.Fields), e.Fields)
	}
	assert.Equal(t, beforeAliases, aliasesOf(t, l))
	for alias, k := range beforeAliases {
		e, found, err := l.Lookup(alias)
		require.NoError(t, err)
		require.True(t, found)
		assert.Equal(t, k, e.Key, "the lead, by its alias")
	}
	var problems int
	require.NoError(t, l.db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&problems))
	assert.Zero(t, problems, "every alias's lead is there")

	l = runAfterMigration(t, l, path, 3, 4)
	for _, b := range before {
		_, found, err := l.Lookup(Key(b.Key))
		require.NoError(t, err)
		assert.True(t, found)
	}
}

// aliasesSchema is the aliases table's CREATE statement, as SQLite keeps it.
func aliasesSchema(t *testing.T, l *Ledger) string {
	t.Helper()
	var sql string
	require.NoError(t, l.db.QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'aliases'").Scan(&sql))
	return sql
}
