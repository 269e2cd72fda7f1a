package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
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
	f, err := os.Open(path)
	if err != nil {
		return Credentials{}, fmt.Errorf("read credentials: %w", err)
	}
	defer f.Close()
	if runtime.GOOS != "windows" {
		st, err := f.Stat()
		if err != nil {
			return Credentials{}, fmt.Errorf("read credentials: %w", err)
		}
		if perm := st.Mode().Perm(); perm&0o077 != 0 {
			return Credentials{}, fmt.Errorf("credentials file %s can be read by others (mode %04o): run `chmod 600 %s` and try again", path, perm, path)
		}
	}
	return parseCredentials(f, path)
}

func parseCredentials(r io.Reader, path string) (Credentials, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return Credentials{}, fmt.Errorf("read credentials: %w", err)
	}
	line = strings.TrimRight(strings.TrimPrefix(line, "\ufeff"), "\r\n")
	user, pass, ok := strings.Cut(line, ":")
	if !ok || strings.TrimSpace(user) == "" || pass == "" {
		return Credentials{}, fmt.Errorf("credentials file %s: the first line must be user:password", path)
	}
	return Credentials{Username: strings.TrimSpace(user), Password: pass}, nil
}
