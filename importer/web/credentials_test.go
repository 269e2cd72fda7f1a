package web

import (
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCredentialsGivenOnThePage: without credentials a send waits for
// them; given once (and saved, 0600), the password never comes back; a
// wrong one stops the send with one sentence, not a failure per row.
func TestCredentialsGivenOnThePage(t *testing.T) {
	h := newHarness(t)
	clear(h.env)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)

	var e apiError
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send?lang=sv", nil, ""), http.StatusConflict, &e)
	assert.Contains(t, e.Error, "lösenord", "in Swedish when asked")
	var c credentialsView
	decode(t, h.do("GET", "/api/credentials", nil, ""), http.StatusOK, &c)
	assert.False(t, c.Have)

	const wrong = "not-the-Password-42"
	resp := h.do("POST", "/api/credentials", strings.NewReader(`{"username":"sandbox","password":"`+wrong+`","save":true}`), "application/json")
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(raw))
	assert.NotContains(t, string(raw), wrong)
	assert.Contains(t, string(raw), `"saved":true`)
	info, err := os.Stat(h.srv.cfg.Send.Credentials)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	data, err := os.ReadFile(h.srv.cfg.Send.Credentials)
	require.NoError(t, err)
	assert.Equal(t, "sandbox:"+wrong+"\n", string(data), "as run --credentials reads it")

	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end := h.waitEnd(v.ID)
	assert.Equal(t, "stopped", end.State)
	assert.Contains(t, end.Error, "401", "one sentence for the whole send")
	assert.Zero(t, end.Counts["sent"])
	assert.LessOrEqual(t, end.Counts["failed"], 2, "only the requests under way (two workers); the rest not sent")
	assert.NotContains(t, h.log.String(), wrong)
}

// TestNoAccessIsOneSentence: Connect refusing the customer (403) is said
// once for the send, not only as a failure on every row.
func TestNoAccessIsOneSentence(t *testing.T) {
	h := newHarness(t)
	h.sandbox.Customers = []string{"M9999"}
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end := h.waitEnd(v.ID)
	assert.Equal(t, "done", end.State)
	assert.Equal(t, 16, end.Counts["failed"])
	assert.Equal(t, "no access to customer M1001: not sent, after 3 requests for it in a row were refused (403)", end.Error)
}

// TestRefusedCredentialsAreReplacedOnThePage: a wrong password saved in
// the credentials file stops a send with credentialsRefused; the right
// one given on the page is used for the next send, and saved in place of
// the wrong one.
func TestRefusedCredentialsAreReplacedOnThePage(t *testing.T) {
	h := newHarness(t)
	clear(h.env)
	const wrong = "old-Wrong-pass-1"
	require.NoError(t, os.WriteFile(h.srv.cfg.Send.Credentials, []byte("sandbox:"+wrong+"\n"), 0o600))

	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end := h.waitEnd(v.ID)
	assert.Equal(t, "stopped", end.State)
	assert.True(t, end.CredentialsRefused, "the page offers the form again, whatever the source")
	var c credentialsView
	decode(t, h.do("GET", "/api/credentials", nil, ""), http.StatusOK, &c)
	assert.Equal(t, "file", c.From)
	assert.True(t, c.Refused)

	resp := h.do("POST", "/api/credentials", strings.NewReader(`{"username":"sandbox","password":"`+sandboxPass+`","save":true}`), "application/json")
	c = credentialsView{}
	decode(t, resp, http.StatusOK, &c)
	assert.Equal(t, "page", c.From)
	assert.False(t, c.Refused)
	assert.True(t, c.Saved)
	data, err := os.ReadFile(h.srv.cfg.Send.Credentials)
	require.NoError(t, err)
	assert.Equal(t, "sandbox:"+sandboxPass+"\n", string(data), "saved in place of the wrong one")
	info, err := os.Stat(h.srv.cfg.Send.Credentials)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	w := h.upload(openHouse)
	decode(t, h.putMapping(w.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+w.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end = h.waitEnd(w.ID)
	assert.Equal(t, "done", end.State, end.Error)
	assert.False(t, end.CredentialsRefused)
	assert.Equal(t, 16, end.Counts["sent"])
}

// TestCredentialsComeAsRunTakesThem: the ones given on the page first;
// then a named credentials file before the environment, as run
// --credentials; the default file only after the environment.
func TestCredentialsComeAsRunTakesThem(t *testing.T) {
	for _, tc := range []struct {
		name             string
		named, env, file bool
		page             bool
		want             string
	}{
		{"the environment before the default file", false, true, true, false, "environment"},
		{"a named file before the environment", true, true, true, false, "file"},
		{"the environment when the named file is missing", true, true, false, false, "environment"},
		{"the default file alone", false, false, true, false, "file"},
		{"the page before both", true, true, true, true, "page"},
		{"none", false, false, false, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.Send.CredentialsNamed = tc.named })
			clear(h.env)
			if tc.env {
				h.env["VITEC_USERNAME"], h.env["VITEC_PASSWORD"] = "environment-user", "env-Pass-123"
			}
			if tc.file {
				require.NoError(t, os.WriteFile(h.srv.cfg.Send.Credentials, []byte("file-user:file-Pass-123\n"), 0o600))
			}
			if tc.page {
				decode(t, h.do("POST", "/api/credentials", strings.NewReader(`{"username":"page-user","password":"page-Pass-123"}`), "application/json"), http.StatusOK, nil)
			}
			c, from := h.srv.findCredentials()
			assert.Equal(t, tc.want, from)
			if from != "" {
				assert.Equal(t, from+"-user", c.Username)
			}
		})
	}
}

// TestSendAgainAfterStopped: an import whose send stopped (the password
// refused) is sent again, the same import, once the right credentials
// are given; one sent to the end is not (409), nor one being sent.
func TestSendAgainAfterStopped(t *testing.T) {
	h := newHarness(t)
	clear(h.env)
	decode(t, h.do("POST", "/api/credentials", strings.NewReader(`{"username":"sandbox","password":"not-Right-42"}`), "application/json"), http.StatusOK, nil)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end := h.waitEnd(v.ID)
	require.Equal(t, "stopped", end.State)
	require.True(t, end.CredentialsRefused)

	decode(t, h.do("POST", "/api/credentials", strings.NewReader(`{"username":"sandbox","password":"`+sandboxPass+`"}`), "application/json"), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	end = h.waitEnd(v.ID)
	assert.Equal(t, "done", end.State, end.Error)
	assert.False(t, end.CredentialsRefused)
	assert.Equal(t, 16, end.Counts["sent"])

	var e apiError
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusConflict, &e)
	assert.Contains(t, e.Error, "sent already")
}
