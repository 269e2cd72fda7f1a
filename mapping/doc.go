// Package mapping says what a row of a spreadsheet means as a lead for
// Vitec Express Connect: it reads the mapping file, holds the vocabulary
// of fields and the request body types, and turns each row's cells into a
// Lead, normalising values and listing every problem with them.
//
// A mapping file names, for each input header, the field it fills, and
// gives the fields that are the same on every row:
//
//	version: 1
//	columns:
//	  Förnamn: person.firstName
//	  Efternamn: person.lastName
//	  Personnummer: person.socialSecurityNumber
//	  E-post: person.email.emailAddress
//	  Objekt: estateId
//	constants:
//	  customerId: M1001
//	  prospectiveBuyerStatus: Interested
//
// Values are normalised before they are sent: names written ALL IN
// CAPITALS or all in lower case get title case ("ANNA-KARIN VON ESSEN" is
// "Anna-Karin von Essen"; mixed case is kept as written), phone numbers
// are read with libphonenumber as Swedish unless they start with + or 00
// and sent in E.164 (+46701740605), personnummer as YYYYMMDD-NNNN,
// postcodes as NNN NN (from 12345, S-123 45, SE-12345), and
// prospectiveBuyerStatus may be written in Swedish (Anvisad, Intresserad,
// Ej intresserad). A value that is not valid makes its row invalid; one
// that is valid but looks wrong (a mail domain one slip from gmail.com, a
// person over 110) gets a warning, and every value altered is listed as a
// Change. The optional normalize section changes the form that is sent,
// the default first:
//
//	normalize:
//	  phone: e164                # e164 | national (070-174 06 05; a foreign number keeps its +code) | keep
//	  socialSecurityNumber: long # long (YYYYMMDD-NNNN) | short (YYMMDD-NNNN, + from the year of the 100th birthday) | keep
//	  zipCode: swedish           # swedish (NNN NN) | keep
//
// keep sends the value as written. A kept personnummer is still checked;
// a kept phone number only for its characters and length (libphonenumber
// is not asked, and a Swedish number that lost its leading 0 in Excel
// still gets it back); a kept postcode not at all.
//
// A cell that holds only a text people write for nothing (-, –, —, .,
// ?, saknas, N/A, NULL; words in any case) is empty, in every field, as
// a blank cell is; it is listed as a Change whose To is "", which the
// report shows as `Mobil: "-" → empty`. The input section's empty list
// replaces those texts ([] for none):
//
//	input:
//	  empty: ["-", saknas, ingen uppgift]
//
// Constants and --set values are not cells, and never taken as empty.
//
// The optional validation section says what an invalid value does:
// strict, the default, makes its row invalid; lenient leaves it out of
// the lead with a warning (a msg.LeftOut), as long as the row keeps its
// names and an e-mail address or phone, for every optional field or
// field by field:
//
//	validation: lenient
//
//	validation:
//	  default: strict
//	  person.telephone.cell: lenient
//
// Parse it once, bind it to the input's header once, then map each row:
//
//	m, err := mapping.Load("mapping.yaml") // or mapping.Parse(r, name)
//	if err != nil {
//		return err // e.g. mapping.yaml:7: unknown field "person.firstname" (did you mean "person.firstName"?)
//	}
//	mp, err := m.Bind(header, mapping.Options{Sets: sets, Now: now})
//	if err != nil {
//		return err // e.g. mapping.yaml:5: column "Mobil" is not in the input; its headers are: ...
//	}
//	for _, row := range rows {
//		m := mp.Map(row.Cells)
//		if len(m.Problems) > 0 {
//			// the row is reported, not sent; each Problem names its column
//			// and says what is wrong by a message, msg.CheckDigit{Want: 1}:
//			// p.String() in English, p.In(msg.Swedish) in Swedish
//			continue
//		}
//		send(m.Lead) // m.Changes and m.Warnings go into the report
//	}
//
// For an input without a mapping yet, Propose guesses one from the header
// and the first rows, and WriteYAML writes it as a commented file to
// review (leadimport init):
//
//	p := mapping.Propose(header, rows, time.Now())
//	err := p.WriteYAML(os.Stdout, "visning.xlsx", mapping.Input{Sheet: "Anmälningar", HeaderRow: 3})
//
// A header is placed by its name (the known names are in synonyms.csv,
// one per line), by a near miss of one, or by its values: a column of
// personnummer, e-mail addresses or Swedish mobile numbers is placed
// whatever its header says. A sheet whose headers speak of consent
// ("Samtycke", "GDPR"), the present home ("Boende idag", "Antal rum") or
// the interest ("Intresse") is proposed for EndpointInterest, in its
// vocabulary, p.EndpointBy naming those headers; any other for
// FinalPriceWatched. ProposeFor proposes for a given endpoint instead.
//
// Headers match ignoring case and surrounding spaces. On a row, a
// --set value wins over everything, a non-empty cell over a constant.
// Errors in the file or in how it meets the input are *Error values
// (several joined with errors.Join), each saying what is wrong by a
// message of importer/msg, so msg.Swedish.Error(err) says them all in
// Swedish; a row's problems are data, not errors. The package reads no
// files but the one Load is given (or, for LoadAll, the mapping files of
// a folder), and keeps no state: a Mapper may be shared by goroutines.
package mapping
