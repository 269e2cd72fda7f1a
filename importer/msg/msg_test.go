package msg

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"sv": Swedish, "SV": Swedish, "en": English} {
		got, err := ParseLang(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseLang("de")
	require.EqualError(t, err, "--lang de: use sv or en")
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "sv_SE.UTF-8"}, Swedish},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_GB"}, English},
		{map[string]string{"LANG": "en_US", "LC_ALL": "sv_FI"}, Swedish},
		{map[string]string{}, English},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, LangFromEnv(func(k string) string { return tc.env[k] }), "%v", tc.env)
	}
}

func TestSay(t *testing.T) {
	interrupted := Error(Interrupted{})
	tests := []struct {
		name   string
		m      Message
		en, sv string
	}{
		{"no arguments", Required{}, "is required", "krävs"},
		{"an argument", CheckDigit{Want: 1}, "check digit should be 1", "kontrollsiffran ska vara 1"},
		{"two", TooLong{Len: 41, Max: 40}, "is 41 characters, at most 40 allowed", "har 41 tecken, högst 40 är tillåtna"},
		{"a message inside", FirstName{Problem: TooLong{Len: 41, Max: 40}},
			"first name is 41 characters, at most 40 allowed", "förnamnet har 41 tecken, högst 40 är tillåtna"},
		{"a flag", NoSuchDate{Date: "19460292", Coordination: true},
			"no such date: 19460292 (a samordningsnummer, whose day has 60 added)",
			"datumet finns inte: 19460292 (ett samordningsnummer, där dagen har 60 tillagt)"},
		{"without it", NoSuchDate{Date: "19460230"}, "no such date: 19460230", "datumet finns inte: 19460230"},
		{"an error inside", NotSent{Err: interrupted}, "not sent: interrupted", "inte skickad: avbruten"},
		{"Connect's words inside", AfterAttempts{Err: errors.New("500 Internal Server Error: boom"), Attempts: 5},
			"500 Internal Server Error: boom (after 5 attempts)", "500 Internal Server Error: boom (efter 5 försök)"},
		{"two errors inside", NotRetried{Err: Error(NoAnswer{Within: 30 * time.Second, Err: context.DeadlineExceeded}), Why: interrupted},
			"no answer within 30s: context deadline exceeded (not retried: interrupted)",
			"inget svar inom 30s: context deadline exceeded (inget nytt försök: avbruten)"},
		{"a time", SentBefore{At: time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC), Run: 3},
			"sent before, on 2026-11-26 10:15 (run 3): not sent again; --force sends it anyway",
			"skickad förut, 2026-11-26 10:15 (körning 3): skickas inte igen; --force skickar den ändå"},
		{"a byte", UndefinedByte{Column: "A", Byte: 0x81},
			`characters the encoding cannot represent: the cell in column A holds byte 0x81, which windows-1252 does not define, so the file is in another encoding: save it from Excel as "CSV UTF-8" (File > Save As) and try again`,
			`tecken som kodningen inte kan återge: cellen i kolumn A innehåller byten 0x81, som windows-1252 inte definierar, så filen har en annan kodning: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`},
		{"the parts of an address", MailDomainTypo{Address: "anna@gmial.com", Likely: "gmail.com"},
			"gmial.com looks like a typo of gmail.com (anna@gmail.com?); sent as written",
			"gmial.com ser ut som ett skrivfel för gmail.com (anna@gmail.com?); skickas som det är skrivet"},
		{"Connect's words beside", Forbidden{Status: "403 Forbidden", Connect: "denied"},
			"403 Forbidden: no access to this customer or function group (denied)",
			"403 Forbidden: ingen behörighet till kunden eller funktionsgruppen (denied)"},
		{"verbatim", Verbatim{Text: "Connect's own words stay"}, "Connect's own words stay", "Connect's own words stay"},
		{"nothing", nil, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.en, English.Say(tc.m))
			assert.Equal(t, tc.sv, Swedish.Say(tc.m))
			assert.Equal(t, tc.en, Lang("").Say(tc.m), "the zero Lang is English")
		})
	}
}

func TestError(t *testing.T) {
	errKind := errors.New("kind")
	cause := &fs.PathError{Op: "write", Path: "ledger.db", Err: fs.ErrPermission}
	err := Error(NotSent{Err: Error(LedgerWrite{Err: cause})}, errKind)

	assert.EqualError(t, err, "not sent: cannot write the ledger: write ledger.db: permission denied")
	assert.Equal(t, "inte skickad: liggaren går inte att skriva till: write ledger.db: permission denied", Swedish.Error(err),
		"leadimport's words in Swedish, the operating system's as they are")
	assert.ErrorIs(t, err, errKind)
	assert.ErrorIs(t, err, fs.ErrPermission)
	var pe *fs.PathError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "ledger.db", pe.Path)
	assert.Equal(t, NotSent{Err: Error(LedgerWrite{Err: cause})}, Of(err))
}

func TestOf(t *testing.T) {
	interrupted := Error(Interrupted{})
	tests := []struct {
		name string
		err  error
		want Message
		sv   string
	}{
		{"nil", nil, nil, ""},
		{"a message", interrupted, Interrupted{}, "avbruten"},
		{"not leadimport's", os.ErrNotExist, Verbatim{Text: "file does not exist"}, "file does not exist"},
		{"wrapped by fmt: its words are English, and stay", fmt.Errorf("open x: %w", interrupted),
			Verbatim{Text: "open x: interrupted"}, "open x: interrupted"},
		{"joined", errors.Join(interrupted, os.ErrNotExist),
			Joined{Parts: []Message{Interrupted{}, Verbatim{Text: "file does not exist"}}}, "avbruten\nfile does not exist"},
		{"two %w: more than its parts", fmt.Errorf("%w, then %w", interrupted, os.ErrNotExist),
			Verbatim{Text: "interrupted, then file does not exist"}, "interrupted, then file does not exist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Of(tc.err))
			assert.Equal(t, tc.sv, Swedish.Error(tc.err))
		})
	}
}

func TestErrorIsComparable(t *testing.T) {
	// A sentinel made by Error is found by errors.Is, as main's
	// errInterrupted is, through context.Cause and wrapping alike.
	sentinel := Error(Interrupted{})
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(sentinel)
	assert.ErrorIs(t, Error(NotSent{Err: context.Cause(ctx)}), sentinel)
	assert.NotErrorIs(t, Error(Interrupted{}), sentinel, "another error of the same message is another error")
}
