package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// benchRows is the size of the generated file `make bench` checks.
const benchRows = 1_000_000

// writeBenchCSV writes n rows shaped like a legacy export: semicolons,
// personnummer (Skatteverket's test numbers), e-mail, phones, addresses.
// Every row is another person: past the test numbers (each used once) a
// row has none, as many in a migration do; a number given to two names
// would make both rows invalid.
func writeBenchCSV(b *testing.B, path string, n int) {
	b.Helper()
	pins := slices.Compact(slices.Sorted(slices.Values(testPins(b))))
	f, err := os.Create(path)
	require.NoError(b, err)
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprint(w, "\ufeffFörnamn;Efternamn;Personnummer;E-post;Mobil\r\n")
	for i := range n {
		pin := ""
		if i < len(pins) {
			pin = pins[i][:8] + "-" + pins[i][8:]
		}
		fmt.Fprintf(w, "Åsa;Öberg%d;%s;person%d@Example.se;070-%03d %02d %02d\r\n", i, pin, i, i%1000, i%100, i%97)
	}
	require.NoError(b, w.Flush())
	require.NoError(b, f.Close())
}

// BenchmarkCheckCSV runs `leadimport check` over a generated 1,000,000-row
// CSV and reports rows per second and the command's peak RSS, beside a
// bare encoding/csv read of the same file in this process, so the figures
// can be read as a ratio on a shared machine.
func BenchmarkCheckCSV(b *testing.B) {
	dir := b.TempDir()
	input := filepath.Join(dir, "bench.csv")
	writeBenchCSV(b, input, benchRows)
	m := filepath.Join(dir, "mapping.yaml")
	require.NoError(b, os.WriteFile(m, []byte(e2eMapping), 0o600))

	b.Run("bare-encoding-csv", func(b *testing.B) {
		for b.Loop() {
			start := time.Now()
			f, err := os.Open(input)
			require.NoError(b, err)
			r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
			r.Comma, r.ReuseRecord, r.FieldsPerRecord = ';', true, -1
			n := 0
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				require.NoError(b, err)
				n++
			}
			f.Close()
			b.ReportMetric(float64(n-1)/time.Since(start).Seconds(), "rows/s")
		}
	})
	// The test binary is leadimport itself when started with asMain set.
	self, err := os.Executable()
	require.NoError(b, err)
	check := func(bin string) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command(bin, "check", "--mapping", m, "--report", filepath.Join(dir, "report.csv"), input)
				cmd.Env = append(os.Environ(), asMain+"=1")
				cmd.Stderr = os.Stderr
				start := time.Now()
				err := cmd.Run()
				elapsed := time.Since(start)
				require.NoError(b, err, "every generated row is valid, so check exits 0")
				rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
				b.ReportMetric(float64(benchRows)/elapsed.Seconds(), "rows/s")
				b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
			}
		}
	}
	b.Run("leadimport-check", check(self))
	// make bench-baseline REV=… builds an earlier commit's binary and
	// names it here, so that a change is measured beside what it changed,
	// in the same run, on the same file.
	if base := os.Getenv("LEADIMPORT_BENCH_BASELINE"); base != "" {
		b.Run("baseline-check", check(base))
	}
}
