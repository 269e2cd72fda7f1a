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
