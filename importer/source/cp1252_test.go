package source

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// cp1252Reference decodes as cp1252Decoder did before it went eight
// bytes at a time: a byte at a time, the undefined ones as themselves.
func cp1252Reference(src []byte) []byte {
	var out []byte
	for _, b := range src {
		r := charmap.Windows1252.DecodeByte(b)
		if b < utf8.RuneSelf || r == utf8.RuneError {
			out = append(out, b)
			continue
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// decodeInSteps runs cp1252Decoder over src with a dst of n bytes at a
// time, as transform.Reader may call it.
func decodeInSteps(t testing.TB, src []byte, n int) []byte {
	var out []byte
	dst := make([]byte, n)
	for len(src) > 0 {
		nDst, nSrc, err := cp1252Decoder{}.Transform(dst, src, true)
		if err != nil {
			require.ErrorIs(t, err, transform.ErrShortDst)
			require.True(t, nDst > 0 || nSrc > 0 || n < 3, "no progress with %d bytes of room", n)
			if nDst == 0 && nSrc == 0 {
				dst = make([]byte, 3) // room for any character
				continue
			}
		}
		out = append(out, dst[:nDst]...)
		src = src[nSrc:]
	}
	return out
}

// TestCP1252Decoder: every byte, and random text in any room, decodes as
// the byte-at-a-time decoder did.
func TestCP1252Decoder(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	rnd := rand.New(rand.NewPCG(7, 8))
	texts := [][]byte{all, []byte("Åsa;Öberg;Källa\r\n"), bytes.Repeat([]byte("ascii only text "), 9)}
	for range 500 {
		b := make([]byte, rnd.IntN(100))
		for i := range b {
			if rnd.IntN(4) == 0 {
				b[i] = byte(0x80 + rnd.IntN(128))
			} else {
				b[i] = byte(rnd.IntN(128))
			}
		}
		texts = append(texts, b)
	}
	for _, text := range texts {
		want := cp1252Reference(text)
		for _, n := range []int{1, 2, 3, 7, 8, 9, 64, 4096} {
			require.Equal(t, want, decodeInSteps(t, text, n), "%q with %d bytes of room", text, n)
		}
	}
}

// FuzzCP1252: any bytes decode as the byte-at-a-time decoder did.
func FuzzCP1252(f *testing.F) {
	f.Add([]byte("Åsa;\x81;\xe5\xe4\xf6 ascii ascii"), uint8(8))
	f.Fuzz(func(t *testing.T, src []byte, n uint8) {
		require.Equal(t, cp1252Reference(src), decodeInSteps(t, src, int(n%80)+1))
	})
}

// BenchmarkCP1252 decodes 64 KiB of a Windows-1252 CSV of Swedish leads.
func BenchmarkCP1252(b *testing.B) {
	line := []byte("K12345;\xc5sa;\xd6berg12345;;Storgatan 45;11120;Stockholm;08-123 45 67;070-123 45 67;person12345@Example.se;2019-01-01;Visning;Kund;Vill ha slutpris\r\n")
	src := bytes.Repeat(line, 64<<10/len(line))
	dst := make([]byte, 2*len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, err := (cp1252Decoder{}).Transform(dst, src, true); err != nil {
			b.Fatal(err)
		}
	}
}
