package source

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

const benchRows = 100_000

// benchCSV writes a 100k-row, 8-column CSV of the kind the importer reads.
func benchCSV(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "leads.csv")
	f, err := os.Create(path)
	require.NoError(b, err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Förnamn;Efternamn;Personnummer;E-post;Telefon;Adress;Postnummer;Ort")
	for i := range benchRows {
		fmt.Fprintf(w, "Anna%d;Svensson;198001022386;anna%d@example.se;070-%07d;\"Storgatan %d, lgh 1101\";211 %02d;Malmö\n", i, i, i, i%200, i%100)
	}
	require.NoError(b, w.Flush())
	require.NoError(b, f.Close())
	return path
}

// BenchmarkCSVRead reads the file through Open and Next.
func BenchmarkCSVRead(b *testing.B) {
	path := benchCSV(b)
	total := 0
	for b.Loop() {
		r, err := Open(path, Options{})
		require.NoError(b, err)
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			require.NoError(b, err)
			total++
		}
		require.NoError(b, r.Close())
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCSVReadBaseline reads the same file with a bare encoding/csv
// loop that reuses its record: the floor that BenchmarkCSVRead's extra
// work (a slice per row, row numbers, UTF-8 and quote checks) sits on.
func BenchmarkCSVReadBaseline(b *testing.B) {
	path := benchCSV(b)
	total := 0
	for b.Loop() {
		f, err := os.Open(path)
		require.NoError(b, err)
		cr := csv.NewReader(f)
		cr.Comma = ';'
		cr.ReuseRecord = true
		for {
			_, err := cr.Read()
			if err == io.EOF {
				break
			}
			require.NoError(b, err)
			total++
		}
		require.NoError(b, f.Close())
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}
