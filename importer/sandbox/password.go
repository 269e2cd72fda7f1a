package sandbox

import (
	"crypto/rand"
	"encoding/base64"
)

// GeneratePassword returns 24 URL-safe characters (144 random bits) for
// a sandbox started without a password: even a local server should not
// take leads from whoever finds its port.
func GeneratePassword() string {
	b := make([]byte, 18)
	// crypto/rand.Read never returns an error: it crashes the program
	// rather than hand out predictable bytes.
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
