package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCheckFits: the quick judgement of a body (fits) passes only bodies
// Check finds nothing wrong with, and every such body in ASCII, at each
// limit and one past it; a value longer in bytes than in characters is
// left to Check.
func TestCheckFits(t *testing.T) {
	body := func() *FinalPriceWatched {
		return &FinalPriceWatched{
			Person: Person{FirstName: "Anna", LastName: "Svensson", SocialSecurityNumber: "19850101-2382",
				Address:   &Address{StreetAddress: "Storgatan 1", ZipCode: "111 20", City: "Stockholm"},
				Email:     &Email{EmailAddress: "anna@example.se", EmailAddress2: "a@example.se"},
				Telephone: &Telephone{Home: "+4681234567", Work: "+4681234568", Cell: "+46701740605", Other: "+4681234569"}},
			ProspectiveBuyerStatus: "Interested",
		}
	}
	fields := []struct {
		name string
		max  int
		set  func(*FinalPriceWatched, string)
	}{
		{"firstName", 40, func(b *FinalPriceWatched, v string) { b.Person.FirstName = v }},
		{"lastName", 40, func(b *FinalPriceWatched, v string) { b.Person.LastName = v }},
		{"socialSecurityNumber", 20, func(b *FinalPriceWatched, v string) { b.Person.SocialSecurityNumber = v }},
		{"streetAddress", 68, func(b *FinalPriceWatched, v string) { b.Person.Address.StreetAddress = v }},
		{"zipCode", 15, func(b *FinalPriceWatched, v string) { b.Person.Address.ZipCode = v }},
		{"city", 25, func(b *FinalPriceWatched, v string) { b.Person.Address.City = v }},
		{"emailAddress", 100, func(b *FinalPriceWatched, v string) { b.Person.Email.EmailAddress = v }},
		{"emailAddress2", 100, func(b *FinalPriceWatched, v string) { b.Person.Email.EmailAddress2 = v }},
		{"home", 17, func(b *FinalPriceWatched, v string) { b.Person.Telephone.Home = v }},
		{"work", 17, func(b *FinalPriceWatched, v string) { b.Person.Telephone.Work = v }},
		{"cell", 17, func(b *FinalPriceWatched, v string) { b.Person.Telephone.Cell = v }},
		{"other", 17, func(b *FinalPriceWatched, v string) { b.Person.Telephone.Other = v }},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			for _, v := range []string{strings.Repeat("a", f.max), strings.Repeat("a", f.max+1), ""} {
				b := body()
				f.set(b, v)
				assert.Equal(t, len(b.Check()) == 0, b.fits(), "%d bytes", len(v))
			}
			b := body()
			f.set(b, strings.Repeat("å", f.max))
			assert.False(t, b.fits())
			assert.Empty(t, b.Check())
		})
	}
	others := map[string]func(*FinalPriceWatched){
		"no contact":    func(b *FinalPriceWatched) { b.Person.Email, b.Person.Telephone = nil, nil },
		"empty contact": func(b *FinalPriceWatched) { b.Person.Email, b.Person.Telephone = &Email{}, &Telephone{} },
		"no status":     func(b *FinalPriceWatched) { b.ProspectiveBuyerStatus = "" },
		"wrong status":  func(b *FinalPriceWatched) { b.ProspectiveBuyerStatus = "interested" },
		"no address":    func(b *FinalPriceWatched) { b.Person.Address = nil },
		"as it is":      func(b *FinalPriceWatched) {},
	}
	for name, change := range others {
		t.Run(name, func(t *testing.T) {
			b := body()
			change(b)
			assert.Equal(t, len(b.Check()) == 0, b.fits())
		})
	}
}
