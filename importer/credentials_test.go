package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadCredentials(t *testing.T) {
	tests := []struct {
		name    string
		content string
		mode    os.FileMode
		want    Credentials
		errHas  string
	}{
		{"user and password", "anna:s3cr:et\n", 0o600, Credentials{"anna", "s3cr:et"}, ""},
		{"CRLF and BOM", "\ufeffanna:pw\r\n", 0o400, Credentials{"anna", "pw"}, ""},
		{"readable by group", "anna:pw\n", 0o640, Credentials{}, "chmod 600"},
		{"readable by others", "anna:pw\n", 0o604, Credentials{}, "chmod 600"},
		{"no colon", "anna\n", 0o600, Credentials{}, "user:password"},
		{"empty password", "anna:\n", 0o600, Credentials{}, "user:password"},
		{"empty file", "", 0o600, Credentials{}, "user:password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "creds")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o600))
			require.NoError(t, os.Chmod(path, tt.mode))
			got, err := ReadCredentials(path)
			if tt.errHas != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.errHas)
				assert.NotContains(t, err.Error(), "pw")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSaveCredentials(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leadimport", "credentials")
	c := Credentials{Username: "anna", Password: "s3cr:et"}
	require.NoError(t, SaveCredentials(path, c))
	got, err := ReadCredentials(path)
	require.NoError(t, err)
	assert.Equal(t, c, got, "read back as run --credentials reads it")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	assert.Error(t, SaveCredentials(path, Credentials{Username: "bo", Password: "pw"}), "never over a file")
	got, _ = ReadCredentials(path)
	assert.Equal(t, c, got)
	assert.Error(t, SaveCredentials(filepath.Join(t.TempDir(), "c"), Credentials{Username: "a:b", Password: "pw"}), "a user name with a colon would not read back")
}
