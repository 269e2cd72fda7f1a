package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"

	"leadimport/importer/msg"
)

// The page's own words (its headings, buttons and hints) are messages of
// the catalogue, as everything else leadimport says: the page asks for
// them in its language, GET /api/texts?lang=sv, and shows nothing until
// they are there.

// pageTexts is the answer of GET /api/texts in one language. It is made
// once: the texts are the binary's and do not change while it runs.
type pageTexts struct {
	body []byte
	etag string // the body's hash: a browser that has it asks only whether it changed
}

// textsAnswer is GET /api/texts's body: every text of the page by its key.
type textsAnswer struct {
	Lang  msg.Lang                `json:"lang"`
	Texts map[msg.PageText]string `json:"texts"`
}

// sayPage says every text of the page in every language.
func sayPage() (map[msg.Lang]pageTexts, error) {
	out := make(map[msg.Lang]pageTexts, len(msg.Langs()))
	for _, l := range msg.Langs() {
		a := textsAnswer{Lang: l, Texts: map[msg.PageText]string{}}
		for _, k := range msg.PageTexts() {
			a.Texts[k] = l.Say(msg.Page{Text: k})
		}
		body, err := jsonText(a)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		out[l] = pageTexts{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	}
	return out, nil
}

// texts answers GET /api/texts: the page's texts in ?lang= (sv or en),
// else in the server's language. A browser may keep them, and asks again
// with the ETag (a 304 when they are the same), so that a newer
// leadimport's words are never taken for an older one's.
func (s *Server) texts(w http.ResponseWriter, r *http.Request) {
	l := s.cfg.Lang
	if q := r.URL.Query(); q.Has("lang") {
		asked, err := msg.ParseLang(q.Get("lang"))
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, msg.WebBadLang{Lang: q.Get("lang")})
			return
		}
		l = asked
	}
	t, ok := s.words[l]
	if !ok { // a language without texts is a test failure in msg
		s.fail(w, r, http.StatusBadRequest, msg.WebBadLang{Lang: string(l)})
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", t.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(t.body))
}
