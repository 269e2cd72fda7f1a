package mapping

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldIn: a field's name in the other endpoint's vocabulary, as
// serve's page carries a matched column over when the endpoint changes.
func TestFieldIn(t *testing.T) {
	const fpw, interest = EndpointFinalPriceWatched, EndpointInterest
	tests := []struct {
		name, from, to, want string
	}{
		{"person.firstName", fpw, interest, "firstName"},
		{"firstName", interest, fpw, "person.firstName"},
		{"person.telephone.cell", fpw, interest, "telephone.cell"},
		{"prospectiveBuyerStatus", fpw, interest, "status"},
		{"status", interest, fpw, "prospectiveBuyerStatus"},
		{"message", fpw, interest, "contactMessage"},
		{"contactMessage", interest, fpw, "message"},
		{"customerId", fpw, interest, "customerId"},
		{"marketing.utmTags.utm_source", fpw, interest, "marketing.utmTags.utm_source"},
		{"gdprApprovalDate", interest, fpw, ""},
		{"presentAccommodation.numberOfRooms", interest, fpw, ""},
		{"assignmentSourceId", interest, fpw, ""},
		{"person.firstName", fpw, fpw, "person.firstName"},
		{"firstName", fpw, interest, ""}, // not a FinalPriceWatched field
		{"person.firstName", "", interest, "firstName"},
		{"person.firstName", fpw, "Elsewhere", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FieldIn(tt.name, tt.from, tt.to), "%s from %s to %s", tt.name, tt.from, tt.to)
	}

	// Every field of a vocabulary comes back to itself through the other.
	for _, from := range Endpoints {
		for _, to := range Endpoints {
			for _, f := range Vocabulary(from) {
				if there := FieldIn(f.Name, from, to); there != "" {
					assert.Equal(t, f.Name, FieldIn(there, to, from), "%s (%s) through %s", f.Name, from, to)
				}
			}
		}
	}
}

// TestStatuses: the statuses offered are the ones a lead is sent with.
func TestStatuses(t *testing.T) {
	assert.Equal(t, []string{"Interested", "Assigned", "NotInterested"}, Statuses(EndpointFinalPriceWatched))
	assert.Equal(t, Statuses(EndpointFinalPriceWatched), Statuses(""))
	assert.Equal(t, []string{"Interested", "VeryInterested", "Assigned", "NotInterested"}, Statuses(EndpointInterest))
	assert.Nil(t, Statuses("Elsewhere"))
	for _, s := range Statuses(EndpointFinalPriceWatched) {
		assert.True(t, isBuyerStatus(s), s)
	}
	for _, s := range Statuses(EndpointInterest) {
		assert.True(t, isInterestStatus(s), s)
	}
	for _, w := range interestStatusWords {
		assert.Contains(t, Statuses(EndpointInterest), w.status, "the status %s is written as %q", w.status, w.word)
	}
	for _, w := range statusWords {
		assert.Contains(t, Statuses(EndpointFinalPriceWatched), w.status, "the status %s is written as %q", w.status, w.word)
	}
}
