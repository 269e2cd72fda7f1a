package importer

import (
	"bufio"
	"errors"
	"io"
	"leadimport/importer/msg"
	"leadimport/importer/regular"
	"runtime"
	"strings"
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
