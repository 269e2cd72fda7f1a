package report

import (
	"fmt"
	"regexp"
	"strings"

	"leadimport/mapping"
)

// Lang is the language of a report's messages: the error, warnings and
// changes columns and the XLSX summary. Column names and statuses stay as
// they are in every language: they are the tool's vocabulary, and what
// it reads back when a report is an input.
type Lang string

const (
	English Lang = "en"
	Swedish Lang = "sv"
)

// ParseLang reads --lang.
func ParseLang(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(s)); l {
	case English, Swedish:
		return l, nil
	}
	return "", fmt.Errorf("--lang %s: use sv or en", s)
}

// LangFromEnv is the language the environment asks for, as POSIX decides
// it (LC_ALL, then LC_MESSAGES, then LANG): Swedish for sv_SE.UTF-8 and
// the like, English otherwise.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "sv") {
				return Swedish
			}
			return English
		}
	}
	return English
}

// Message says msg, an English message of leadimport's, in l. A message
// the catalogue does not know (Connect's own words, a rare failure) stays
// as it is.
func (l Lang) Message(msg string) string {
	if l != Swedish || msg == "" {
		return msg
	}
	for _, t := range swedish {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.expand(m)
		}
	}
	return msg
}

// Problem is p with its message in l.
func (l Lang) Problem(p mapping.Problem) mapping.Problem {
	p.Message = l.Message(p.Message)
	return p
}

// word is a fixed text of a report in l: a sheet name, a label.
func (l Lang) word(en string) string {
	if l == Swedish {
		if sv, ok := swedishWords[en]; ok {
			return sv
		}
	}
	return en
}

var swedishWords = map[string]string{
	SheetReport:  "Rapport",
	SheetSummary: "Sammanfattning",
	"status":     "status",
	"rows":       "rader",
	"total":      "totalt",
	"input":      "indata",
	"mapping":    "mappning",
	"started":    "start",
	"finished":   "slut",
	"command":    "kommando",
}

// translation is one entry of a catalogue: a whole English message, with
// groups for its variable parts, and its translation, where $1, $2 …
// stand for the groups as they are and %1, %2 … for the groups
// translated in turn (a message inside a message: "not sent: <why>").
type translation struct {
	re *regexp.Regexp
	to string
}

func (t translation) expand(m []string) string {
	out := t.to
	for i := len(m) - 1; i >= 1; i-- {
		out = strings.ReplaceAll(out, fmt.Sprintf("%%%d", i), Swedish.Message(m[i]))
		out = strings.ReplaceAll(out, fmt.Sprintf("$%d", i), m[i])
	}
	return out
}

func tr(en, sv string) translation { return translation{regexp.MustCompile("^" + en + "$"), sv} }

// swedish is the Swedish catalogue: every message a report row can carry
// that leadimport itself writes. A test holds it to the messages the code
// makes.
var swedish = []translation{
	// The row's cells (mapping).
	tr(`is required`, "krävs"),
	tr(`is (\d+) characters, at most (\d+) allowed`, "har $1 tecken, högst $2 är tillåtna"),
	tr(`no e-mail or phone: at least one is required`, "ingen e-post eller telefon: minst en av dem krävs"),
	tr(`must be Assigned, Interested or NotInterested`, "ska vara Anvisad, Intresserad eller Ej intresserad (Assigned, Interested, NotInterested)"),
	tr(`says the person was born in (\d+) \((\d+) years old\); check the year`, "säger att personen är född $1 ($2 år); kontrollera årtalet"),
	tr(`(\S+) looks like a typo of (\S+) \((\S+)\?\); sent as written`, "$1 ser ut som ett skrivfel för $2 ($3?); skickas som det är skrivet"),
	tr(`customerId is empty on this row`, "customerId är tomt på den här raden"),
	tr(`estateId is empty on this row`, "estateId är tomt på den här raden"),
	tr(`first name (.+)`, "förnamnet %1"),
	tr(`last name (.+)`, "efternamnet %1"),
	tr(`must be true or false \(ja/nej, yes/no, 1/0 and x for true also work\)`, "ska vara ja eller nej (true/false, yes/no, 1/0 och x för ja går också)"),
	tr(`must be one e-mail address, not several; put a second one in person\.email\.emailAddress2`, "ska vara en e-postadress, inte flera; lägg en andra i person.email.emailAddress2"),
	tr(`an e-mail address has no spaces`, "en e-postadress har inga mellanslag"),
	tr(`is not an e-mail address like anna@example\.se`, "är ingen e-postadress som anna@example.se"),
	tr(`the part after @ must be a domain like example\.se`, "delen efter @ ska vara en domän som example.se"),
	tr(`a phone number may hold only digits, spaces and \+ - \( \) / \.`, "ett telefonnummer får bara innehålla siffror, mellanslag och + - ( ) / ."),
	tr(`a phone number needs at least 5 digits`, "ett telefonnummer behöver minst 5 siffror"),
	tr(`is not a valid phone number: no country has the code after \+ or 00 \(Sweden is \+46\)`, "är inget giltigt telefonnummer: inget land har koden efter + eller 00 (Sverige har +46)"),
	tr(`is not a valid phone number`, "är inget giltigt telefonnummer"),
	tr(`is not a valid Swedish phone number`, "är inget giltigt svenskt telefonnummer"),
	tr(`is not a valid phone number for region (\S+)`, "är inget giltigt telefonnummer för $1"),
	tr(`is not a Swedish postcode \(five digits, e\.g\. 123 45\)`, "är inget svenskt postnummer (fem siffror, t.ex. 123 45)"),
	tr(`needs one first and one last name: write it as "Anna Svensson" or "Svensson, Anna"`, `behöver ett förnamn och ett efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`),
	tr(`needs a first and a last name: write it as "Anna Svensson" or "Svensson, Anna"`, `behöver både förnamn och efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`),
	tr(`looks like an interim number \(a letter in the last four\), not a personnummer`, "ser ut som ett reservnummer (en bokstav bland de fyra sista), inte ett personnummer"),
	tr(`looks like an organisation number, not a personnummer`, "ser ut som ett organisationsnummer, inte ett personnummer"),
	tr(`no such date: (\d+) \(a samordningsnummer, whose day has 60 added\)`, "datumet finns inte: $1 (ett samordningsnummer, där dagen har 60 tillagt)"),
	tr(`no such date: (\d+)`, "datumet finns inte: $1"),
	tr(`no personnummer has 000 after the date`, "inget personnummer har 000 efter datumet"),
	tr(`check digit should be (\d)`, "kontrollsiffran ska vara $1"),
	tr(`must be 10 or 12 digits \(YYYYMMDD-NNNN\); write - between the date and the last four, not a space`, "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN); skriv - mellan datumet och de fyra sista, inte ett mellanslag"),
	tr(`must be 10 or 12 digits \(YYYYMMDD-NNNN\)`, "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN)"),
	// The row as a whole, and sending it (importer).
	tr(`(\d+) cells, header has (\d+): fix the row or the header; values beyond the last column`, "$1 celler men rubrikraden har $2: rätta raden eller rubrikraden; värden efter sista kolumnen"),
	tr(`the same person as row (\d+): only that row is sent`, "samma person som rad $1: bara den raden skickas"),
	tr(`sent before, on (.+) \(run (\d+)\): not sent again; --force sends it anyway`, "skickad förut, $1 (körning $2): skickas inte igen; --force skickar den ändå"),
	tr(`the report says it was sent: not sent again; clear its status cell to send it anyway`, "rapporten säger att den är skickad: skickas inte igen; töm dess statuscell för att skicka den ändå"),
	tr(`not sent: (.+)`, "inte skickad: %1"),
	tr(`not checked: (.+)`, "inte kontrollerad: %1"),
	tr(`interrupted`, "avbruten"),
	tr(`(.+) \(after (\d+) attempts\)`, "%1 (efter $2 försök)"),
	tr(`(.+) \(not retried: (.+)\)`, "%1 (inget nytt försök: %2)"),
	tr(`no answer within (\S+): (.+)`, "inget svar inom $1: $2"),
	tr(`no access to customer (\S+): not sent, after (\d+) requests for it in a row were refused \(403\)`, "ingen behörighet till kunden $1: inte skickad, efter att $2 förfrågningar i rad för den nekats (403)"),
	tr(`Connect seems to be down: (\d+) rows in a row failed after their retries \(--max-failures (\d+)\); run again later, or raise --max-failures`, "Connect verkar vara nere: $1 rader i rad misslyckades trots nya försök (--max-failures $2); kör igen senare, eller höj --max-failures"),
	tr(`Connect refused the user name or password \(401\): check VITEC_USERNAME and VITEC_PASSWORD, or the credentials file`, "Connect nekade användarnamnet eller lösenordet (401): kontrollera VITEC_USERNAME och VITEC_PASSWORD, eller filen med inloggningsuppgifter"),
	tr(`too many invalid rows: (\d+) rows are invalid, more than --max-invalid (\d+); nothing was sent \(is the mapping right\? leadimport check shows every row\)`, "för många ogiltiga rader: $1 rader är ogiltiga, fler än --max-invalid $2; inget skickades (stämmer mappningen? leadimport check visar varje rad)"),
	tr(`note: sent again because an earlier run's attempt is unconfirmed \(that run stopped before Connect answered\), so Connect may have recorded this lead twice`, "obs: skickad igen eftersom en tidigare körnings försök är obekräftat (den körningen stannade innan Connect svarade), så Connect kan ha registrerat leadet två gånger"),
	tr(`note: an attempt got no answer, so Connect may have recorded this lead; the next run sends it again`, "obs: ett försök fick inget svar, så Connect kan ha registrerat leadet; nästa körning skickar det igen"),
	tr(`note: retried after an unconfirmed attempt \(it got no answer\), so Connect may have recorded this lead twice`, "obs: nytt försök efter ett obekräftat (det fick inget svar), så Connect kan ha registrerat leadet två gånger"),
	// A row the reader could not read (importer/source).
	tr(`a quoted cell is never closed: the cell in column ([A-Z]+) opens a quote \(\"\) that the file never closes, so every line after it would be read into that one cell: fix the quotes on this row`,
		`ett citattecken stängs aldrig: cellen i kolumn $1 öppnar ett citattecken (") som filen aldrig stänger, så varje rad efter den skulle läsas in i den cellen: rätta citattecknen på den här raden`),
	tr(`cannot read the row: (.+) \(line (\d+), column (\d+) of the text\): check the quotes on this row`, "raden går inte att läsa: $1 (rad $2, tecken $3 i texten): kontrollera citattecknen på raden"),
	tr(`too large: the row has (\d+) cells, more than the 16,384 columns Excel has`, "för stor: raden har $1 celler, fler än de 16 384 kolumner Excel har"),
	tr(`too large: the row has a cell in column ([A-Z]+), past the 16,384 columns Excel has`, "för stor: raden har en cell i kolumn $1, efter de 16 384 kolumner Excel har"),
	tr(`too large: the cell in column ([A-Z]+) has (\d+) characters, more than the 32,767 Excel allows in a cell`, "för stor: cellen i kolumn $1 har $2 tecken, fler än de 32 767 Excel tillåter i en cell"),
	tr(`characters the encoding cannot represent: the cell in column ([A-Z]+) holds byte (0x[0-9A-F]{2}), which windows-1252 does not define, so the file is in another encoding: save it from Excel as "CSV UTF-8" \(File > Save As\) and try again`,
		`tecken som kodningen inte kan återge: cellen i kolumn $1 innehåller byten $2, som windows-1252 inte definierar, så filen har en annan kodning: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`),
	tr(`characters the encoding cannot represent: the cell in column ([A-Z]+) holds a broken (\S+) character, so the file is damaged: save it from Excel as "CSV UTF-8" \(File > Save As\) and try again`,
		`tecken som kodningen inte kan återge: cellen i kolumn $1 innehåller ett trasigt $2-tecken, så filen är skadad: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`),
	tr(`bytes that are not UTF-8 in column ([A-Z]+), though the start of the file was UTF-8: if Excel saved it as plain "CSV", set input.encoding or --encoding windows-1252`,
		`byte som inte är UTF-8 i kolumn $1, fast början av filen var UTF-8: om Excel sparade den som vanlig "CSV", ange input.encoding eller --encoding windows-1252`),
	tr(`bytes that are not UTF-8 in column ([A-Z]+): set input.encoding or --encoding windows-1252 if Excel saved the file as plain "CSV"`,
		`byte som inte är UTF-8 i kolumn $1: ange input.encoding eller --encoding windows-1252 om Excel sparade filen som vanlig "CSV"`),
	tr(`(\d{3}) Unauthorized: Connect refused the user name or password`, "$1 Unauthorized: Connect nekade användarnamnet eller lösenordet"),
	tr(`(\d{3}) Forbidden: no access to this customer or function group(.*)`, "$1 Forbidden: ingen behörighet till kunden eller funktionsgruppen$2"),
}
