package persons

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// row is one test row: a Person on estate OBJ1 unless it says otherwise.
type row struct {
	first, last, ssn, email, phone string
	estate                         string
	foreign, sent                  bool
}

func (r row) person() Person {
	estate := r.estate
	if estate == "" {
		estate = "OBJ1"
	}
	return Person{Endpoint: "FinalPriceWatched", Customer: "M1001", Estate: estate, FirstName: r.first, LastName: r.last,
		Personnummer: r.ssn, Foreign: r.foreign, Email: r.email, Phone: r.phone}
}

// verdicts adds rows (row i is seq i, numbered i+2 as a CSV with a
// header numbers it) and returns the verdict on each, in order.
func verdicts(t *testing.T, f *Finder, rows []row) []Verdict {
	t.Helper()
	for i, r := range rows {
		p := r.person()
		require.NoError(t, f.Add(i, i+2, &p, r.sent))
	}
	v, err := f.Verdicts()
	require.NoError(t, err)
	t.Cleanup(func() { v.Close() })
	out := make([]Verdict, len(rows))
	for i := range rows {
		out[i], err = v.At(i)
		require.NoError(t, err)
	}
	return out
}

func dup(row int) Verdict { return Verdict{Duplicate: true, SameAs: row} }

func other(id msg.Identity, row int, f msg.PersonField) Verdict {
	return Verdict{Conflict: msg.SameButOther{Identity: id, Row: row, Field: f}}
}

const (
	pin1 = "19800101-1232" // shapes only: the package does not check numbers
	pin2 = "19800101-1240"
)

func TestVerdicts(t *testing.T) {
	tests := []struct {
		name string
		rows []row
		want []Verdict
	}{
		{"one person a row", []row{
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
			{first: "Bo", last: "Ek", ssn: pin2, email: "bo@example.se"},
		}, []Verdict{{}, {}}},
		{"same personnummer, another name: both", []row{
			{first: "Linnéa", last: "Eriksson", ssn: pin1, email: "linnea@example.se"},
			{first: "Bo", last: "Ek", ssn: pin2},
			{first: "Anna-Karin", last: "Lundgren", ssn: pin1, email: "ak@example.se"},
		}, []Verdict{
			other(msg.ByPersonnummer, 4, msg.FieldName), {}, other(msg.ByPersonnummer, 2, msg.FieldName),
		}},
		{"same personnummer, an e-mail on one row only: a duplicate", []row{
			{first: "Anna", last: "Berg", ssn: pin1},
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
		}, []Verdict{{}, dup(2)}},
		{"same e-mail, another personnummer", []row{
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
			{first: "Anna", last: "Berg", ssn: pin2, email: "Anna@Example.se"},
		}, []Verdict{
			other(msg.ByEmail, 3, msg.FieldPersonnummer), other(msg.ByEmail, 2, msg.FieldPersonnummer),
		}},
		{"same person written otherwise: a duplicate", []row{
			{first: "Anna-Karin", last: "Lundgren", email: "ak@example.se", phone: "+46701234567"},
			{first: "ANNA KARIN", last: "lundgren", email: "AK@example.se", phone: "+46 70-123 45 67"},
		}, []Verdict{{}, dup(2)}},
		{"name and phone", []row{
			{first: "Cia", last: "Ek", phone: "070-765 43 21"},
			{first: "cia", last: "ek", phone: "0707654321"},
			{first: "Cia", last: "Ek", phone: "0707654321", email: "cia@example.se"}, // adds an e-mail: the same person
		}, []Verdict{{}, dup(2), dup(2)}},
		{"a row that adds a stronger key repeats the row it shares a weaker one with", []row{
			{first: "Anna", last: "Berg", email: "anna@example.se"},
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
			{first: "Anna", last: "Berg", ssn: pin1},
		}, []Verdict{{}, dup(2), dup(3)}},
		{"the same person on another estate is another lead", []row{
			{first: "Anna", last: "Berg", ssn: pin1},
			{first: "Bo", last: "Berg", ssn: pin1, estate: "OBJ2"},
		}, []Verdict{{}, {}}},
		{"a third row that agrees with the first is a conflict too", []row{
			{first: "Anna", last: "Berg", ssn: pin1},
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
			{first: "Anna", last: "Berg", ssn: pin1, email: "berg@example.se"},
		}, []Verdict{
			{Conflict: msg.SameAsDisagreeing{Identity: msg.ByPersonnummer, A: 3, B: 4, Field: msg.FieldEmail}},
			other(msg.ByPersonnummer, 4, msg.FieldEmail),
			other(msg.ByPersonnummer, 3, msg.FieldEmail),
		}},
		{"a foreign number is its own kind", []row{
			{first: "Erik", last: "Berg", ssn: "AB123456", foreign: true},
			{first: "Erik", last: "Berg", ssn: "ab123456", foreign: true, email: "erik@example.se"},
			{first: "Eva", last: "Berg", ssn: "ab123456", foreign: true},
		}, []Verdict{
			other(msg.ByForeignNumber, 4, msg.FieldName),
			{Conflict: msg.SameAsDisagreeing{Identity: msg.ByForeignNumber, A: 2, B: 4, Field: msg.FieldName}},
			other(msg.ByForeignNumber, 2, msg.FieldName),
		}},
		{"a row a report says was sent counts, but gets no verdict", []row{
			{first: "Anna", last: "Berg", ssn: pin1, sent: true},
			{first: "Anna", last: "Berg", ssn: pin1},
			{first: "Bo", last: "Ek", email: "bo@example.se", sent: true},
			{first: "Bo", last: "Ek", email: "bo@example.se", phone: "0701234567"},
			{first: "Bodil", last: "Ek", email: "bo@example.se"},
		}, []Verdict{{}, dup(2), {},
			{Conflict: msg.SameAsDisagreeing{Identity: msg.ByEmail, A: 4, B: 6, Field: msg.FieldName}},
			other(msg.ByEmail, 4, msg.FieldName)}},
		// The second row repeats the first by its strongest key; that the
		// first is a conflict by another key, which the second does not
		// have, does not make the second one.
		{"a duplicate of a row that is a conflict by another key", []row{
			{first: "Anna", last: "Berg", ssn: pin1, email: "anna@example.se"},
			{first: "Anna", last: "Berg", ssn: pin1},
			{first: "Annie", last: "Berg", email: "anna@example.se"},
		}, []Verdict{
			other(msg.ByEmail, 4, msg.FieldName),
			dup(2),
			other(msg.ByEmail, 2, msg.FieldName),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, verdicts(t, New(t.TempDir()), tc.rows))
		})
	}
}

// TestSpilled: the verdicts are the same when every sorter holds a
// handful of records in memory and the rest in the scratch file, and
// the rows come in any order (as a check's mappers add them).
func TestSpilled(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	firsts := []string{"Anna", "Bo", "Cia", "Dan"}
	var rows []row
	for range 3000 {
		r := row{first: firsts[rnd.IntN(len(firsts))], last: "Berg"}
		if rnd.IntN(2) == 0 {
			r.ssn = fmt.Sprintf("1980010%d-12%02d", rnd.IntN(10), rnd.IntN(30))
		}
		if rnd.IntN(3) > 0 {
			r.email = fmt.Sprintf("p%d@example.se", rnd.IntN(900))
		}
		if rnd.IntN(3) == 0 || r.ssn == "" && r.email == "" {
			r.phone = fmt.Sprintf("0701%06d", rnd.IntN(900))
		}
		rows = append(rows, r)
	}
	want := verdicts(t, New(t.TempDir()), rows)
	var conflicts, dups int
	for _, v := range want {
		if v.Conflict != nil {
			conflicts++
		}
		if v.Duplicate {
			dups++
		}
	}
	require.Greater(t, conflicts, 100, "the rows make conflicts")
	require.Greater(t, dups, 10, "and duplicates")

	// 7 keys in memory: sorted by comparison; 200: by their radix
	// (sortRecords), and written in the order found (sortOrder).
	for _, limit := range []int{7, 200} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			dir := t.TempDir()
			f := New(dir)
			f.mentions.limit, f.groupsLimit, f.verdictsLimit = limit, 5, 3
			order := rnd.Perm(len(rows))
			for _, i := range order {
				p := rows[i].person()
				require.NoError(t, f.Add(i, i+2, &p, false))
			}
			v, err := f.Verdicts()
			require.NoError(t, err)
			defer v.Close()
			require.NotNil(t, f.spill.f, "the records went to the scratch file")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "the scratch file is unlinked as soon as it is made")
			assert.Equal(t, conflicts, v.Conflicts())
			for i := range rows {
				got, err := v.At(i)
				require.NoError(t, err)
				assert.Equal(t, want[i], got, "row %d", i+2)
			}
		})
	}
}

// TestAtSkipsRows: rows asked for out of the verdicts' way (unreadable
// rows, invalid ones) are passed over.
func TestAtSkipsRows(t *testing.T) {
	f := New(t.TempDir())
	a, b := row{first: "Anna", last: "Berg", ssn: pin1}.person(), row{first: "Bo", last: "Berg", ssn: pin1}.person()
	require.NoError(t, f.Add(3, 5, &a, false))
	require.NoError(t, f.Add(9, 11, &b, false))
	v, err := f.Verdicts()
	require.NoError(t, err)
	defer v.Close()
	assert.Equal(t, 2, v.Conflicts())
	for seq := range 12 {
		got, err := v.At(seq)
		require.NoError(t, err)
		switch seq {
		case 3:
			assert.Equal(t, other(msg.ByPersonnummer, 11, msg.FieldName), got)
		case 9:
			assert.Equal(t, other(msg.ByPersonnummer, 5, msg.FieldName), got)
		default:
			assert.Equal(t, Verdict{}, got, "seq %d", seq)
		}
	}
}

// TestScratchHoldsNoPersonalData: what goes to disk is hashes, in a
// scratch.File (encrypted, unlinked at once).
func TestScratchHoldsNoPersonalData(t *testing.T) {
	dir := t.TempDir()
	f := New(dir)
	f.mentions.limit = 1
	p := Person{Endpoint: "FinalPriceWatched", Customer: "M1001", Estate: "OBJ1", FirstName: "Tolvan", LastName: "Tolvansson",
		Personnummer: "19121212-1212", Email: "tolvan@example.se", Phone: "0701234567"}
	for i := range 50 {
		require.NoError(t, f.Add(i, i+2, &p, false))
	}
	v, err := f.Verdicts()
	require.NoError(t, err)
	require.NotNil(t, f.spill.f, "the records went to the scratch file (package scratch encrypts it)")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "unlinked as soon as it is made")
	require.NoError(t, v.Close())
}

func TestKeys(t *testing.T) {
	var buf [3]Key
	p := row{first: "Anna", last: "Berg", ssn: pin1, email: "Anna@Example.se", phone: "+46 70-123 45 67"}.person()
	assert.Equal(t, []Key{
		{msg.ByPersonnummer, pin1}, {msg.ByEmail, "anna@example.se"}, {msg.ByNameAndPhone, "anna\x00berg\x0046701234567"},
	}, p.Keys(&buf))
	p = row{first: "Erik", last: "Berg", ssn: "AB123", foreign: true}.person()
	assert.Equal(t, []Key{{msg.ByForeignNumber, "ab123"}}, p.Keys(&buf))
	assert.Empty(t, (&Person{FirstName: "Anna"}).Keys(&buf), "no key: nothing to match by")
}

// TestAppendFolded: names and addresses are folded as unicode.ToLower
// says, a hyphen in a name as a space, and a byte that is not UTF-8 as
// U+FFFD, as ranging over the string reads it.
func TestAppendFolded(t *testing.T) {
	want := func(s string, name bool) []byte {
		var b []byte
		for _, r := range s {
			r = unicode.ToLower(r)
			if name && r == '-' {
				r = ' '
			}
			b = utf8.AppendRune(b, r)
		}
		return b
	}
	tests := []string{"", "Anna-Karin", "ÅSA ÖBERG", "Åsa", "Öberg0", "ÉLODIE Ü", "ß×÷ÿ", "ĀŁŻ Σ", "\xc3", "a\xc3\x97b", "\xff\xfeX", "Ä\xc3"}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("aZ-Å×ÞßĀΣ\u00c0\u00de\u00df\uffff")
	for range 2000 {
		var b []byte
		for range rng.IntN(12) {
			if rng.IntN(8) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
			}
		}
		tests = append(tests, string(b))
	}
	for _, s := range tests {
		for _, name := range []bool{false, true} {
			require.Equal(t, string(want(s, name)), string(appendFolded([]byte("x"), s, name)[1:]), "%q", s)
		}
	}
}
