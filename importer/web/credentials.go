package web

import (
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"leadimport/importer"
	"leadimport/importer/msg"
)

// credentials are the ones to send with: the ones given on the page
// since the server started, else as run finds them (the credentials file
// when --credentials named it, else the environment's VITEC_USERNAME and
// VITEC_PASSWORD), else the credentials file's.
func (s *Server) credentials() (importer.Credentials, bool) {
	c, from := s.findCredentials()
	return c, from != ""
}

// CredentialsUser is the user of the credentials a send would take now,
// and where they come from ("environment", "file", "page"), or "" for
// both when there are none; never the password.
func (s *Server) CredentialsUser() (user, from string) {
	c, from := s.findCredentials()
	return c.Username, from
}

// findCredentials returns the credentials and where they came from
// ("page", "environment", "file"), or "" when there are none.
func (s *Server) findCredentials() (importer.Credentials, string) {
	s.mu.Lock()
	given := s.creds
	s.mu.Unlock()
	if given != nil {
		return *given, "page"
	}
	sc := s.cfg.Send
	file := func() (importer.Credentials, string) {
		if sc.Credentials != "" {
			if c, err := importer.ReadCredentials(sc.Credentials); err == nil {
				return c, "file"
			}
		}
		return importer.Credentials{}, ""
	}
	if sc.CredentialsNamed {
		if c, from := file(); from != "" {
			return c, from
		}
	}
	if sc.Getenv != nil {
		if c, err := importer.LoadCredentials("", sc.Getenv); err == nil {
			return c, "environment"
		}
	}
	return file()
}

// refused notes that Connect refused c (401): the page asks for others.
func (s *Server) refused(c importer.Credentials) {
	s.mu.Lock()
	s.refusedCreds = &c
	s.mu.Unlock()
}

// credentialsView says whether the server has credentials, and whose;
// never the password.
type credentialsView struct {
	Have  bool   `json:"have"`
	User  string `json:"user,omitempty"`
	From  string `json:"from,omitempty"` // page, environment or file
	File  string `json:"file,omitempty"` // the credentials file, where the page saves them
	Saved bool   `json:"saved,omitempty"`
	// Refused says Connect refused these credentials (401) in a send
	// since the server started: others are to be given.
	Refused bool `json:"refused,omitempty"`
	// Problem is why the credentials file could not be read, when it
	// exists (it may be readable by others).
	Problem string `json:"problem,omitempty"`
}

func (s *Server) credentialsView(r *http.Request) credentialsView {
	c, from := s.findCredentials()
	v := credentialsView{Have: from != "", User: c.Username, From: from, File: s.cfg.Send.Credentials}
	s.mu.Lock()
	v.Refused = from != "" && s.refusedCreds != nil && *s.refusedCreds == c
	s.mu.Unlock()
	if path := s.cfg.Send.Credentials; path != "" && from != "file" {
		if _, err := importer.ReadCredentials(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			v.Problem = s.lang(r).Error(err)
		}
	}
	return v
}

func (s *Server) getCredentials(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.credentialsView(r))
}

// credentialsBody is what the page sends: the user name and the
// password, and whether to save them in the credentials file (0600, in
// place of the one there), as run reads it with --credentials.
type credentialsBody struct {
	Username string `json:"username"`
	Password string `json:"password"`
	Save     bool   `json:"save"`
}

// postCredentials takes the credentials a person gave on the page. They
// are kept in memory for this start, where they come before the
// environment's and the file's (a password saved wrong, or changed since,
// is put right there), and in the credentials file when asked; the
// answer, like the log, never holds the password.
func (s *Server) postCredentials(w http.ResponseWriter, r *http.Request) {
	var body credentialsBody
	if err := readJSON(r, &body); err != nil {
		s.failErr(w, r, bodyStatus(err), err)
		return
	}
	c := importer.Credentials{Username: strings.TrimSpace(body.Username), Password: body.Password}
	if c.Username == "" || c.Password == "" || strings.ContainsAny(c.Username, ":\r\n") || strings.ContainsAny(c.Password, "\r\n") {
		s.fail(w, r, http.StatusUnprocessableEntity, msg.WebNeedCredentials{})
		return
	}
	saved := false
	if body.Save {
		path := s.cfg.Send.Credentials
		if path == "" {
			s.fail(w, r, http.StatusUnprocessableEntity, msg.NoCredentials{})
			return
		}
		if err := importer.ReplaceCredentials(path, c); err != nil {
			s.failErr(w, r, http.StatusUnprocessableEntity, err)
			return
		}
		saved = true
		s.cfg.Log.Info("credentials saved", "file", path, "user", c.Username)
	}
	s.mu.Lock()
	s.creds = &c
	s.mu.Unlock()
	v := s.credentialsView(r)
	v.Saved = saved
	writeJSON(w, http.StatusOK, v)
}
