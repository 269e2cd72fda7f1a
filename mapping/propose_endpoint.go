package mapping

import "slices"

// interestHeaders are the known names, folded, that name an interest
// registration itself: a sheet with a column so named lists people who
// registered an interest in the estate, not only in its final price.
var interestHeaders = []string{"intresse", "intresseanmalan", "interest", "interestregistration"}

// proposeEndpoint decides which call a sheet's leads are for, from what
// its headers matched (nil for a column not to place): an interest
// registration when a header names a field only it has (a consent date,
// the present home) or the registration itself, with those headers in
// input order; FinalPriceWatched, the default, otherwise.
func proposeEndpoint(header []string, matches []*headerMatched) (endpoint, []string) {
	var by []string
	for i, m := range matches {
		if m != nil && m.named && interestSign(m.hm.known) {
			by = append(by, header[i])
		}
	}
	if len(by) == 0 {
		return epFinalPrice, nil
	}
	return epInterest, by
}

// interestSign says whether a header known as k marks an interest
// registration.
func interestSign(k knownName) bool {
	switch {
	case k.ignore:
		return false
	case k.id != fUTM && k.id.nameIn(epFinalPrice) == "":
		return true
	}
	return slices.Contains(interestHeaders, k.folded)
}

// otherName names a field by the first endpoint that has it: Interest's
// gdprApprovalDate.
func otherName(id fieldID) string {
	for ep := range numEndpoints {
		if name := id.nameIn(ep); name != "" {
			return ep.String() + "'s " + name
		}
	}
	return ""
}
