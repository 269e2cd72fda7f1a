package importer

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
)

// Credentials are the Connect user name and password.
type Credentials struct {
	Username string
	Password string
}

// ReadCredentials reads a credentials file: one line `user:password`. The
// file is refused if group or others may read it, since it holds the
// password in clear.
func ReadCredentials(path string) (Credentials, error) {
	f, err := regular.Open(path) // a FIFO would block the run for good
	if errors.Is(err, regular.ErrNotRegular) {
		return Credentials{}, err
	}
	if err != nil {
		return Credentials{}, msg.Error(msg.ReadCredentials{Err: err})
	}
	defer f.Close()
	if runtime.GOOS != "windows" {
		st, err := f.Stat()
		if err != nil {
			return Credentials{}, msg.Error(msg.ReadCredentials{Err: err})
		}
		if perm := st.Mode().Perm(); perm&0o077 != 0 {
			return Credentials{}, msg.Error(msg.CredentialsOpen{Path: path, Mode: uint32(perm)})
		}
	}
	return parseCredentials(f, path)
}

func parseCredentials(r io.Reader, path string) (Credentials, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return Credentials{}, msg.Error(msg.ReadCredentials{Err: err})
	}
	line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r\n")
	user, pass, ok := strings.Cut(line, ":")
	if !ok || strings.TrimSpace(user) == "" || pass == "" {
		return Credentials{}, msg.Error(msg.CredentialsFormat{Path: path})
	}
	return Credentials{Username: strings.TrimSpace(user), Password: pass}, nil
}

// LoadCredentials takes the credentials file at path when one is named,
// else the environment (VITEC_USERNAME, VITEC_PASSWORD): run's rule, and
// serve's.
func LoadCredentials(path string, getenv func(string) string) (Credentials, error) {
	if path != "" {
		return ReadCredentials(path)
	}
	c := Credentials{Username: getenv("VITEC_USERNAME"), Password: getenv("VITEC_PASSWORD")}
	if c.Username == "" || c.Password == "" {
		return c, msg.Error(msg.NoCredentials{})
	}
	return c, nil
}

// SaveCredentials writes c to a new credentials file at path, one line
// user:password, readable only by its owner (0600), so that
// ReadCredentials takes it. It never writes over a file that exists, and
// makes the folder to it (0700) when missing.
func SaveCredentials(path string, c Credentials) error {
	if strings.ContainsAny(c.Username, ":\r\n") || strings.ContainsAny(c.Password, "\r\n") || c.Username == "" || c.Password == "" {
		return msg.Error(msg.CredentialsFormat{Path: path})
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return msg.Error(msg.SaveCredentials{Path: path, Err: err})
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return msg.Error(msg.SaveCredentials{Path: path, Err: err})
	}
	_, err = io.WriteString(f, c.Username+":"+c.Password+"\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return msg.Error(msg.SaveCredentials{Path: path, Err: err})
	}
	return nil
}
