package ledger

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPath(t *testing.T) {
	tests := []struct {
		name    string
		goos    string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{name: "linux xdg", goos: "linux", env: map[string]string{"XDG_STATE_HOME": "/xdg/state", "HOME": "/home/u"}, want: "/xdg/state/leadimport/ledger.db"},
		{name: "linux home", goos: "linux", env: map[string]string{"HOME": "/home/u"}, want: "/home/u/.local/state/leadimport/ledger.db"},
		{name: "linux relative xdg is ignored", goos: "linux", env: map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/u"}, want: "/home/u/.local/state/leadimport/ledger.db"},
		{name: "linux nothing", goos: "linux", env: map[string]string{}, wantErr: true},
		{name: "freebsd xdg", goos: "freebsd", env: map[string]string{"XDG_STATE_HOME": "/s"}, want: "/s/leadimport/ledger.db"},
		{name: "darwin", goos: "darwin", env: map[string]string{"HOME": "/Users/u", "XDG_STATE_HOME": "/xdg"}, want: "/Users/u/Library/Application Support/leadimport/ledger.db"},
		{name: "darwin no home", goos: "darwin", env: map[string]string{"XDG_STATE_HOME": "/xdg"}, wantErr: true},
		{name: "windows", goos: "windows", env: map[string]string{"LocalAppData": `C:\Users\u\AppData\Local`}, want: `C:\Users\u\AppData\Local\leadimport\ledger.db`},
		{name: "windows trailing separator", goos: "windows", env: map[string]string{"LocalAppData": `C:\Local\`}, want: `C:\Local\leadimport\ledger.db`},
		{name: "windows no LocalAppData", goos: "windows", env: map[string]string{"HOME": `C:\Users\u`}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DefaultPath(func(k string) string { return tt.env[k] }, tt.goos)
			if tt.wantErr {
				require.ErrorIs(t, err, ErrNoStateDir)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
