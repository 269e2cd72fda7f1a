package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// The Swedish messages connect-api.md quotes from Connect's help pages.
const (
	msgNoPerson  = "En kontaktperson måste anges"
	msgNoContact = "Epostadress, telefonnummer eller mobilnummer måste anges"
)

// The names of the calls' action parameters, which start ASP.NET's
// ModelState keys. FinalPriceWatched's is connect-api.md's example;
// the interest call's is not documented, and the importer drops it.
const (
	paramFinalPrice = "application"
	paramInterest   = "interest"
)

// judgeFinalPriceWatched decodes raw as a FinalPriceWatched body and
// applies mapping's rules. It returns the body, or the 400 answer saying
// what is wrong in ASP.NET Web API's ModelState shape.
func judgeFinalPriceWatched(raw []byte) (any, *errorBody) {
	var body mapping.FinalPriceWatched
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, undecodable(err, paramFinalPrice)
	}

	// A missing person decodes to an empty one; Connect tells the two
	// apart and says only that the person is missing.
	var probe struct {
		Person json.RawMessage `json:"person"`
	}
	_ = json.Unmarshal(raw, &probe) // raw decoded above, so this cannot fail
	hasPerson := len(probe.Person) > 0 && string(probe.Person) != "null"

	ms := map[string][]string{}
	if !hasPerson {
		ms["application.Person"] = []string{msgNoPerson}
	}
	for _, p := range body.Check() {
		if !hasPerson && (p.Field == "" || strings.HasPrefix(p.Field, "person.")) {
			continue
		}
		key := "application.Person" // a rule across the person's fields
		if p.Field != "" {
			key = modelStateKey(paramFinalPrice, p.Field)
		}
		ms[key] = append(ms[key], message(p, &body.Person, "person."))
	}
	if len(ms) > 0 {
		return nil, invalid(ms)
	}
	return &body, nil
}

// judgeInterest decodes raw as an interest registration's flat body and
// applies mapping's rules (Interest.Check), as judgeFinalPriceWatched
// does. Fields the call does not know are ignored, as there.
func judgeInterest(raw []byte) (any, *errorBody) {
	var body mapping.Interest
	if err := json.Unmarshal(raw, &body); err != nil {
		if ms := notNumbers(raw); len(ms) > 0 {
			return nil, invalid(ms)
		}
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			// mapping.Interest embeds Person, whose Go name
			// encoding/json puts in the path: the body has none.
			typeErr.Field = strings.TrimPrefix(typeErr.Field, "Person.")
		}
		return nil, undecodable(err, paramInterest)
	}
	ms := map[string][]string{}
	for _, p := range body.Check() {
		key := paramInterest // a rule across the body's fields
		if p.Field != "" {
			key = modelStateKey(paramInterest, p.Field)
		}
		ms[key] = append(ms[key], message(p, &body.Person, ""))
	}
	if len(ms) > 0 {
		return nil, invalid(ms)
	}
	return &body, nil
}

// undecodable is the answer to a body that does not decode: a value of
// the wrong JSON type is a field's problem, anything else the body's.
func undecodable(err error, param string) *errorBody {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return invalid(map[string][]string{
			modelStateKey(param, typeErr.Field): {fmt.Sprintf("Expected %s, got a JSON %s.", describe(typeErr.Type), typeErr.Value)},
		})
	}
	return &errorBody{Message: "The request body is not valid JSON: " + err.Error()}
}

// accommodationNumbers are presentAccommodation's numbers, as JSON names them.
var accommodationNumbers = []string{"livingSpace", "numberOfRooms", "price"}

// notNumbers finds presentAccommodation's numbers that are JSON strings
// holding no number ("3,5", "4,5 mkr"): encoding/json takes a string
// that holds a number ("4500000"), as Connect's decoder does, and
// refuses any other without saying which field it was. They are said
// as Interest.Check says a number that is not one.
func notNumbers(raw []byte) map[string][]string {
	var probe struct {
		PresentAccommodation map[string]json.RawMessage `json:"presentAccommodation"`
	}
	if json.Unmarshal(raw, &probe) != nil {
		return nil
	}
	ms := map[string][]string{}
	for _, name := range accommodationNumbers {
		var s string
		if json.Unmarshal(probe.PresentAccommodation[name], &s) != nil {
			continue // absent, or not a string
		}
		var n json.Number
		if json.Unmarshal(probe.PresentAccommodation[name], &n) == nil {
			continue // a number in a string
		}
		p := mapping.Problem{Field: "presentAccommodation." + name, Value: s, Message: msg.NotNumber{}}
		ms[modelStateKey(paramInterest, p.Field)] = []string{message(p, nil, "")}
	}
	return ms
}

func invalid(ms map[string][]string) *errorBody {
	return &errorBody{Message: "The request is invalid.", ModelState: ms}
}

// message words a problem as Connect would, in Swedish where
// connect-api.md quotes Connect. Which rule failed is read from the body
// itself, not from the problem's English text. The person's fields are
// named with prefix: "person." in FinalPriceWatched, "" in the flat
// interest body. person may be nil for a problem of another field.
func message(p mapping.Problem, person *mapping.Person, prefix string) string {
	switch {
	case person == nil:
	case p.Field == prefix+"firstName" && person.FirstName == "":
		return "Förnamn krävs"
	case p.Field == prefix+"lastName" && person.LastName == "":
		return "Efternamn krävs"
	case p.Field == "" && !reachable(person):
		return msgNoContact
	}
	name := p.Field[strings.LastIndexByte(p.Field, '.')+1:]
	if name == "" {
		return msg.English.Say(p.Message)
	}
	return upperFirst(name) + " " + msg.English.Say(p.Message)
}

// reachable is true when the person has an e-mail address or a number.
func reachable(p *mapping.Person) bool {
	return (p.Email != nil && (p.Email.EmailAddress != "" || p.Email.EmailAddress2 != "")) ||
		(p.Telephone != nil && *p.Telephone != mapping.Telephone{})
}

// modelStateKey turns a JSON path such as "person.email.emailAddress"
// into ASP.NET's key "application.Person.Email.EmailAddress": the action
// parameter's name, then the C# property names.
func modelStateKey(param, path string) string {
	if path == "" {
		return param
	}
	segs := strings.Split(path, ".")
	for i, s := range segs {
		segs[i] = upperFirst(s)
	}
	return param + "." + strings.Join(segs, ".")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// describe names a Go type in JSON's words.
func describe(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	if t == reflect.TypeFor[json.Number]() {
		return "a number"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.Kind().String()
}
