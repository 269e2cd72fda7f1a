package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// interestSheet is an open house's interest registrations: a consent
// date in three ways Swedes write one, the present home's kind, rooms
// and living space.
const interestSheet = "testdata/intresse.csv"

// TestFields: GET /api/fields gives each endpoint's vocabulary as the
// page offers it, every field with its group, the text that names it and
// its name in the other endpoint; ?endpoint= gives one, and an endpoint
// leadimport does not know is 400 naming the ones it does.
func TestFields(t *testing.T) {
	h := newHarness(t)
	var all fieldsAnswer
	decode(t, h.do("GET", "/api/fields", nil, ""), http.StatusOK, &all)
	assert.Equal(t, "FinalPriceWatched", all.Default)
	require.Len(t, all.Endpoints, 2)
	final, interest := all.Endpoints[0], all.Endpoints[1]
	require.Equal(t, "FinalPriceWatched", final.Name)
	require.Equal(t, "Interest", interest.Name)
	assert.Equal(t, []string{"Interested", "Assigned", "NotInterested"}, final.Statuses)
	assert.Equal(t, []string{"Interested", "VeryInterested", "Assigned", "NotInterested"}, interest.Statuses)

	find := func(ep endpointView, name string) fieldView {
		t.Helper()
		i := slices.IndexFunc(ep.Fields, func(f fieldView) bool { return f.Name == name })
		require.GreaterOrEqual(t, i, 0, "%s has %s", ep.Name, name)
		return ep.Fields[i]
	}
	tests := []struct {
		ep    endpointView
		name  string
		group string
		text  msg.PageText
		names map[string]string
	}{
		{final, "person.firstName", "person", "field.person.firstName",
			map[string]string{"FinalPriceWatched": "person.firstName", "Interest": "firstName"}},
		{interest, "firstName", "person", "field.person.firstName",
			map[string]string{"FinalPriceWatched": "person.firstName", "Interest": "firstName"}},
		{interest, "telephone.cell", "person", "field.person.telephone.cell",
			map[string]string{"FinalPriceWatched": "person.telephone.cell", "Interest": "telephone.cell"}},
		{interest, "status", "lead", "field.prospectiveBuyerStatus",
			map[string]string{"FinalPriceWatched": "prospectiveBuyerStatus", "Interest": "status"}},
		{final, "message", "lead", "field.message",
			map[string]string{"FinalPriceWatched": "message", "Interest": "contactMessage"}},
		{interest, "gdprApprovalDate", "lead", "field.gdprApprovalDate", map[string]string{"Interest": "gdprApprovalDate"}},
		{interest, "assignmentSourceId", "lead", "field.assignmentSourceId", map[string]string{"Interest": "assignmentSourceId"}},
		{interest, "presentAccommodation.numberOfRooms", "home", "field.presentAccommodation.numberOfRooms",
			map[string]string{"Interest": "presentAccommodation.numberOfRooms"}},
		{final, "marketing.utmTags.NAME", "lead", "",
			map[string]string{"FinalPriceWatched": "marketing.utmTags.NAME", "Interest": "marketing.utmTags.NAME"}},
	}
	for _, tt := range tests {
		f := find(tt.ep, tt.name)
		assert.Equal(t, tt.group, f.Group, tt.name)
		assert.Equal(t, tt.text, f.Text, tt.name)
		assert.Equal(t, tt.names, f.Names, tt.name)
	}
	assert.True(t, find(interest, "lastName").Required)
	assert.False(t, find(interest, "gdprApprovalDate").Required)

	for _, ep := range all.Endpoints {
		// Every field of the vocabulary, once, each named in the language
		// of the page; the groups in the drop-down's order.
		var names []string
		for _, f := range mapping.Vocabulary(ep.Name) {
			names = append(names, f.Name)
		}
		var got, groups []string
		for _, f := range ep.Fields {
			got = append(got, f.Name)
			if len(groups) == 0 || groups[len(groups)-1] != f.Group {
				groups = append(groups, f.Group)
			}
			if f.Text != "" {
				assert.NotContains(t, msg.Swedish.Say(msg.Page{Text: f.Text}), "!(", f.Name)
			}
		}
		assert.ElementsMatch(t, names, got, ep.Name)
		assert.True(t, slices.IsSortedFunc(groups, func(a, b string) int {
			return slices.Index(fieldGroups, a) - slices.Index(fieldGroups, b)
		}), "%s: groups %v", ep.Name, groups)
		assert.Len(t, slices.Compact(slices.Clone(groups)), len(groups), "%s: each group once", ep.Name)
	}

	var one fieldsAnswer
	decode(t, h.do("GET", "/api/fields?endpoint=Interest", nil, ""), http.StatusOK, &one)
	require.Len(t, one.Endpoints, 1)
	assert.Equal(t, interest, one.Endpoints[0])

	var e apiError
	decode(t, h.do("GET", "/api/fields?endpoint=Intrest&lang=sv", nil, ""), http.StatusBadRequest, &e)
	assert.Contains(t, e.Error, `"Intrest"`)
	assert.Contains(t, e.Error, "FinalPriceWatched, Interest")

	resp, err := h.ts.Client().Get(h.ts.URL + "/api/fields")
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}

// TestInterestMappingFromThePage: the mapping the page writes when
// Intresseanmälan is chosen (endpoint: Interest, the consent date and the
// present home matched) is confirmed, its rows are valid, and the next
// sheet with the same headers is proposed it, endpoint and all; the
// consent date matched under FinalPriceWatched is refused on its line,
// saying which endpoint has it.
func TestInterestMappingFromThePage(t *testing.T) {
	h := newHarness(t)
	v := h.upload(interestSheet)
	require.Equal(t, 3, v.Input.Rows)

	columns := "columns:\n" +
		"  Förnamn: firstName\n" +
		"  Efternamn: lastName\n" +
		"  E-post: email.emailAddress\n" +
		"  Mobil: telephone.cell\n" +
		"  Samtycke: gdprApprovalDate\n" +
		"  Boende idag: presentAccommodation.estateType\n" +
		"  Antal rum: presentAccommodation.numberOfRooms\n" +
		"  Boarea: presentAccommodation.livingSpace\n" +
		"  Kommentar: contactMessage\n" +
		"constants:\n" +
		"  customerId: M1001\n" +
		"  estateId: OBJ1234\n" +
		"  status: VeryInterested\n"

	var bad struct {
		Problems []problem `json:"problems"`
	}
	decode(t, h.putMapping(v.ID, "version: 1\nendpoint: FinalPriceWatched\n"+columns), http.StatusUnprocessableEntity, &bad)
	var consent *problem
	for i, p := range bad.Problems {
		if strings.Contains(p.Message, "gdprApprovalDate") {
			consent = &bad.Problems[i]
		}
	}
	require.NotNil(t, consent, "problems: %v", bad.Problems)
	assert.Equal(t, 8, consent.Line, "the page shows it beside the Samtycke column")
	assert.Contains(t, consent.Message, "Interest")

	var ok mappingView
	decode(t, h.putMapping(v.ID, "version: 1\nendpoint: Interest\n"+columns), http.StatusOK, &ok)
	assert.Contains(t, ok.Columns, fieldOf{Header: "Samtycke", Field: "gdprApprovalDate"})
	assert.Contains(t, ok.Constants, constantView{Field: "status", Value: "VeryInterested"})

	var c checkView
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusOK, &c)
	assert.Equal(t, 3, c.Counts["valid"], "rows: %+v", c.Page)
	var consentChanges []string
	for _, r := range c.Page {
		for _, ch := range r.Changes {
			if ch.Field == "gdprApprovalDate" {
				consentChanges = append(consentChanges, ch.From+" → "+ch.To)
			}
		}
	}
	assert.ElementsMatch(t, []string{"14/6/2025 → 2025-06-14", "14.06.2025 → 2025-06-14"}, consentChanges)

	again := h.upload(interestSheet)
	assert.NotEmpty(t, again.Remembered)
	assert.Contains(t, again.Mapping, "endpoint: Interest\n", "the page starts with Intresseanmälan chosen")
	assert.Contains(t, again.Mapping, `"Samtycke": gdprApprovalDate`)
}
