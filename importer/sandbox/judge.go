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

// judge decodes raw as a FinalPriceWatched body and applies mapping's
// rules. It returns the body, or the 400 answer saying what is wrong in
// ASP.NET Web API's ModelState shape.
func judge(raw []byte) (*mapping.FinalPriceWatched, *errorBody) {
	var body mapping.FinalPriceWatched
	if err := json.Unmarshal(raw, &body); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return nil, invalid(map[string][]string{
				modelStateKey(typeErr.Field): {fmt.Sprintf("Expected %s, got a JSON %s.", describe(typeErr.Type), typeErr.Value)},
			})
		}
		return nil, &errorBody{Message: "The request body is not valid JSON: " + err.Error()}
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
			key = modelStateKey(p.Field)
		}
		ms[key] = append(ms[key], message(p, &body.Person))
	}
	if len(ms) > 0 {
		return nil, invalid(ms)
	}
	return &body, nil
}

func invalid(ms map[string][]string) *errorBody {
	return &errorBody{Message: "The request is invalid.", ModelState: ms}
}

// message words a problem as Connect would, in Swedish where
// connect-api.md quotes Connect. Which rule failed is read from the body
// itself, not from the problem's English text.
func message(p mapping.Problem, person *mapping.Person) string {
	switch {
	case p.Field == "person.firstName" && person.FirstName == "":
		return "Förnamn krävs"
	case p.Field == "person.lastName" && person.LastName == "":
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
func modelStateKey(path string) string {
	if path == "" {
		return "application"
	}
	segs := strings.Split(path, ".")
	for i, s := range segs {
		segs[i] = upperFirst(s)
	}
	return "application." + strings.Join(segs, ".")
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
