package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// The fields a column may fill are the mapping's endpoint's: the page
// asks for them (GET /api/fields) rather than knowing them, so that
// switching between FinalPriceWatched (the person wants the final price)
// and Interest (an interest registration) offers that endpoint's
// vocabulary, and carries each matched column over to the field's name in
// the other one (names).

// fieldsAnswer is GET /api/fields's body.
type fieldsAnswer struct {
	Default   string         `json:"default"` // the endpoint of a mapping that names none
	Endpoints []endpointView `json:"endpoints"`
}

// endpointView is one endpoint's vocabulary as the page offers it.
type endpointView struct {
	Name string `json:"name"` // as a mapping's endpoint: names it
	// Statuses are the statuses its leads are sent with, by Connect's
	// names: the page's choice of a status for every row.
	Statuses []string    `json:"statuses"`
	Fields   []fieldView `json:"fields"`
}

// fieldView is one field of an endpoint, in the order the page offers
// them: the person's, then the lead's, then the person's present home's.
type fieldView struct {
	Name string `json:"name"` // as the mapping file names it in this endpoint
	// Group is person, lead or home (Interest's presentAccommodation.*).
	Group string `json:"group"`
	// Text is the key of the page's text that names it (GET /api/texts):
	// the same for a field in both endpoints; "" for the UTM tags,
	// marketing.utmTags.NAME, named by their own names.
	Text     msg.PageText `json:"text,omitempty"`
	Required bool         `json:"required"`
	// Names is its name in every endpoint that has it, this one's too:
	// {"FinalPriceWatched": "person.firstName", "Interest": "firstName"}.
	Names map[string]string `json:"names"`
}

// fieldGroups are the groups of fields, in the page's order.
var fieldGroups = []string{"person", "lead", "home"}

// vocabularies are the fields of every endpoint.
func vocabularies() fieldsAnswer {
	a := fieldsAnswer{Default: mapping.EndpointFinalPriceWatched}
	for _, ep := range mapping.Endpoints {
		v := endpointView{Name: ep, Statuses: mapping.Statuses(ep), Fields: []fieldView{}}
		for _, f := range mapping.Vocabulary(ep) {
			fv := fieldView{Name: f.Name, Required: f.Required, Names: map[string]string{}}
			for _, other := range mapping.Endpoints {
				if n := mapping.FieldIn(f.Name, ep, other); n != "" {
					fv.Names[other] = n
				}
			}
			// A field both endpoints have is named as FinalPriceWatched
			// names it, person.firstName and firstName alike.
			named := cmp.Or(fv.Names[mapping.EndpointFinalPriceWatched], f.Name)
			switch {
			case strings.HasPrefix(named, "person."):
				fv.Group = "person"
			case strings.HasPrefix(f.Name, "presentAccommodation."):
				fv.Group = "home"
			default:
				fv.Group = "lead"
			}
			if !strings.HasPrefix(f.Name, "marketing.utmTags.") {
				fv.Text = msg.PageText("field." + named)
			}
			v.Fields = append(v.Fields, fv)
		}
		slices.SortStableFunc(v.Fields, func(a, b fieldView) int {
			return slices.Index(fieldGroups, a.Group) - slices.Index(fieldGroups, b.Group)
		})
		a.Endpoints = append(a.Endpoints, v)
	}
	return a
}

// fields answers GET /api/fields: every endpoint's fields, or with
// ?endpoint=Interest that one's; an endpoint leadimport does not know is
// 400, naming the ones it does.
func (s *Server) fields(w http.ResponseWriter, r *http.Request) {
	a := s.vocab
	if q := r.URL.Query(); q.Has("endpoint") {
		ep := q.Get("endpoint")
		i := slices.IndexFunc(a.Endpoints, func(v endpointView) bool { return v.Name == ep })
		if i < 0 {
			s.fail(w, r, http.StatusBadRequest, msg.UnsupportedEndpoint{
				Value: msg.Verbatim{Text: strconv.Quote(ep)}, Endpoints: mapping.Endpoints})
			return
		}
		a.Endpoints = a.Endpoints[i : i+1]
	}
	writeJSON(w, http.StatusOK, a)
}
