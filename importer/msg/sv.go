package msg

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// swedish says every message in Swedish, in the same order as english.
// Field names and the tool's own words (customerId, --force, the
// statuses) stay as they are: they are what the user types or reads
// elsewhere.
var swedish = []entry{
	// Said the same in every language.
	say(func(m Verbatim, _ Lang) string { return m.Text }),
	say(func(m Joined, l Lang) string { return lines(m.Parts, l) }),

	// A row's cells (mapping).
	say(func(Required, Lang) string { return "krävs" }),
	say(func(m TooLong, _ Lang) string {
		return fmt.Sprintf("har %d tecken, högst %d är tillåtna", m.Len, m.Max)
	}),
	say(func(m ControlCharacter, _ Lang) string {
		return fmt.Sprintf("innehåller ett osynligt styrtecken (%s): ta bort det i cellen, eller hela värdet och skriv det igen", controlName(m.Code))
	}),
	say(func(NoContact, Lang) string { return "ingen e-post eller telefon: minst en av dem krävs" }),
	say(func(NotBuyerStatus, Lang) string {
		return "ska vara Anvisad, Intresserad eller Ej intresserad (Assigned, Interested, NotInterested)"
	}),
	say(func(NotInterestStatus, Lang) string {
		return "ska vara Intresserad, Mycket intresserad, Anvisad eller Ej intresserad (Interested, VeryInterested, Assigned, NotInterested)"
	}),
	say(func(NotDate, Lang) string {
		return "är inget datum: skriv 2026-11-28, 28/11/2026, 28.11.2026 eller 28 nov 2026, eller gör cellen till en datumcell"
	}),
	say(func(m DateInFuture, _ Lang) string {
		return fmt.Sprintf("är efter i dag (%s): ett samtycke kan inte ges i framtiden; kontrollera årtalet", m.Today)
	}),
	say(func(m DateTooEarly, _ Lang) string {
		return fmt.Sprintf("är före %s: kontrollera årtalet", m.Earliest)
	}),
	say(func(m NotNumber, _ Lang) string {
		if m.Unit != "" {
			return fmt.Sprintf("är inget tal: skriv ut det, t.ex. %s (en enhet, %s, får stå efter)", m.Example, m.Unit)
		}
		if m.Example == "" { // a body's value, judged without its field's example (the sandbox)
			return "är inget tal"
		}
		return fmt.Sprintf("är inget tal: skriv ut det, t.ex. %s", m.Example)
	}),
	say(func(m BornLongAgo, _ Lang) string {
		return fmt.Sprintf("säger att personen är född %d (%d år); kontrollera årtalet", m.Year, m.Age)
	}),
	say(func(m MailDomainTypo, _ Lang) string {
		domain, meant := m.parts()
		return fmt.Sprintf("%s ser ut som ett skrivfel för %s (%s?); skickas som det är skrivet", domain, m.Likely, meant)
	}),
	say(func(PlaceholderID, Lang) string {
		return "är en platshållare, inget id: skriv dit det riktiga från Vitec Express"
	}),
	say(func(NoCustomerID, Lang) string { return "customerId är tomt på den här raden" }),
	say(func(NoEstateID, Lang) string { return "estateId är tomt på den här raden" }),
	say(func(m FirstName, l Lang) string { return "förnamnet " + l.Say(m.Problem) }),
	say(func(m LastName, l Lang) string { return "efternamnet " + l.Say(m.Problem) }),
	say(func(NotBool, Lang) string {
		return "ska vara ja eller nej (true/false, yes/no, 1/0 och x för ja går också)"
	}),
	say(func(m SeveralEmails, _ Lang) string {
		return "ska vara en e-postadress, inte flera; lägg en andra i " + m.Second
	}),
	say(func(EmailSpaces, Lang) string { return "en e-postadress har inga mellanslag" }),
	say(func(NotEmail, Lang) string { return "är ingen e-postadress som anna@example.se" }),
	say(func(NotEmailDomain, Lang) string { return "delen efter @ ska vara en domän som example.se" }),
	say(func(PhoneCharacters, Lang) string {
		return "ett telefonnummer får bara innehålla siffror, mellanslag och + - ( ) / ."
	}),
	say(func(PhoneTooShort, Lang) string { return "ett telefonnummer behöver minst 5 siffror" }),
	say(func(NoCountryCode, Lang) string {
		return "är inget giltigt telefonnummer: inget land har koden efter + eller 00 (Sverige har +46)"
	}),
	say(func(NotPhone, Lang) string { return "är inget giltigt telefonnummer" }),
	say(func(NotSwedishPhone, Lang) string { return "är inget giltigt svenskt telefonnummer" }),
	say(func(m NotPhoneInRegion, _ Lang) string { return "är inget giltigt telefonnummer för " + m.Region }),
	say(func(m CellNotMobile, _ Lang) string {
		kind := map[PhoneKind]string{FixedLine: "är ett fast nummer, inte ett mobilnummer",
			TollFree: "är ett avgiftsfritt nummer (020), inte ett mobilnummer", PremiumRate: "är ett betalnummer, inte ett mobilnummer",
			SharedCost: "är ett nummer med delad kostnad (077), inte ett mobilnummer", Voicemail: "är ett nummer till en röstbrevlåda, inte ett mobilnummer",
			PersonalNumber: "är ett personligt nummer (075), som kan gå till en mobil eller inte: kontrollera det"}[m.Kind]
		if kind == "" {
			kind = "är inget mobilnummer"
		}
		if m.HomeTaken {
			return kind + ": ett sms når det inte (inte flyttat: raden har ett hemnummer)"
		}
		return kind + ": ett sms når det inte (normalize phone.cell: move skickar det som hemnummer)"
	}),
	say(func(m SentAs, _ Lang) string { return "skickas som " + m.Field }),
	say(func(NotPostcode, Lang) string { return "är inget svenskt postnummer (fem siffror, t.ex. 123 45)" }),
	say(func(OneFirstOneLast, Lang) string {
		return `behöver ett förnamn och ett efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`
	}),
	say(func(FirstAndLast, Lang) string {
		return `behöver både förnamn och efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`
	}),

	// Cells that mean empty, and lenient fields (mapping).
	say(func(Emptied, Lang) string { return "tomt" }),
	say(func(m LeftOut, l Lang) string {
		return l.Say(m.Problem) + "; skickas utan värdet (validation: lenient)"
	}),
	say(func(m EmptyNotList, l Lang) string {
		return `input.empty ska vara en lista med de texter som betyder en tom cell, t.ex. ["-", saknas, N/A], eller [] för inga; inte ` + l.Say(m.Value)
	}),
	say(func(m EmptyEntryNotText, l Lang) string {
		return `input.empty: varje post ska vara en text, t.ex. "-" eller saknas (sätt - ? och andra tecken inom citattecken), inte ` + l.Say(m.Value)
	}),
	say(func(m ValidationNotLines, l Lang) string {
		return "validation ska vara strict eller lenient, eller rader `fält: strict|lenient`, t.ex. `person.telephone.cell: lenient`, inte " + l.Say(m.Value)
	}),
	say(func(m BadValidation, l Lang) string {
		s := "validation"
		if m.Key != "" {
			s += "." + m.Key
		}
		s += " " + l.Say(m.Value) + " är inget värde den tar"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; använd strict (standard) eller lenient"
	}),
	say(func(m RequiredNotLenient, _ Lang) string {
		return m.Field + " krävs på varje rad och kan därför inte vara lenient; ta bort raden"
	}),

	// Why a number is not a personnummer (mapping).
	say(func(InterimNumber, Lang) string {
		return "ser ut som ett reservnummer (en bokstav bland de fyra sista), inte ett personnummer"
	}),
	say(func(OrganisationNumber, Lang) string {
		return "ser ut som ett organisationsnummer, inte ett personnummer"
	}),
	say(func(m NoSuchDate, _ Lang) string {
		if m.Coordination {
			return "datumet finns inte: " + m.Date + " (ett samordningsnummer, där dagen har 60 tillagt)"
		}
		return "datumet finns inte: " + m.Date
	}),
	say(func(ZeroSerial, Lang) string { return "inget personnummer har 000 efter datumet" }),
	say(func(m CheckDigit, _ Lang) string { return fmt.Sprintf("kontrollsiffran ska vara %d", m.Want) }),
	say(func(PersonnummerFormat, Lang) string { return "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN)" }),
	say(func(PersonnummerSpace, Lang) string {
		return "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN); skriv - mellan datumet och de fyra sista, inte ett mellanslag"
	}),

	// The mapping file, and how it meets an input and --set (mapping).
	say(func(m InMapping, l Lang) string { return m.where(l.Say(m.Problem)) }),
	say(func(m NoMappings, _ Lang) string {
		return "ingen mappningsfil (*.yaml) i mappen " + m.Folder
	}),
	say(func(m OpenMapping, l Lang) string { return "mappningsfilen går inte att öppna: " + l.Error(m.Err) }),
	say(func(m ReadMapping, l Lang) string {
		return "mappningsfilen " + m.Name + " går inte att läsa: " + l.Error(m.Err)
	}),
	say(func(m MappingTooLarge, _ Lang) string {
		return fmt.Sprintf("är större än %d byte: är det verkligen mappningsfilen?", m.Max)
	}),
	say(func(m NotYAML, _ Lang) string { return "ogiltig YAML: " + m.Detail }),
	say(func(m MappingEmpty, _ Lang) string { return "är tom; en mappningsfil börjar så här:\n" + m.Example }),
	say(func(m MappingNotKeys, _ Lang) string {
		return "ska vara en YAML-mappning av nycklar till värden; en mappningsfil börjar så här:\n" + m.Example
	}),
	say(func(m KeyTwice, _ Lang) string {
		return fmt.Sprintf("%q anges två gånger (först på rad %d); behåll en", m.Key, m.First)
	}),
	say(func(m UnknownKey, _ Lang) string {
		s := fmt.Sprintf("okänd nyckel %q", m.Key)
		if m.Section != "" {
			s += " under " + m.Section
		}
		if m.Suggest != "" {
			return s + fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; nycklarna är " + strings.Join(m.Keys, ", ")
	}),
	say(func(NoVersion, Lang) string { return "version saknas; lägg till `version: 1` överst" }),
	say(func(NoColumns, Lang) string {
		return "columns saknas; lägg till `columns:` med en rad `Rubrik: fält` per kolumn i indata, t.ex. `Förnamn: person.firstName`"
	}),
	say(func(m UnsupportedVersion, l Lang) string {
		return "version " + l.Say(m.Value) + " stöds inte: den här leadimport läser version 1; skriv `version: 1`"
	}),
	say(func(m UnsupportedEndpoint, l Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("endpoint %s känner leadimport inte till (menade du %s?); de som finns är %s, den första förvald", l.Say(m.Value), m.Suggest, strings.Join(m.Endpoints, ", "))
		}
		return fmt.Sprintf("endpoint %s känner leadimport inte till; de som finns är %s, den första förvald", l.Say(m.Value), strings.Join(m.Endpoints, ", "))
	}),
	say(func(SetEndpoint, Lang) string {
		return "--set kan inte ändra endpoint: den avgör vilka fält som finns; skriv `endpoint:` i mappningsfilen"
	}),
	say(func(EmptyValue, Lang) string { return "(tomt)" }),
	say(func(MappingValue, Lang) string { return "(en mappning)" }),
	say(func(ListValue, Lang) string { return "(en lista)" }),
	say(func(ColumnsEmpty, Lang) string {
		return "columns är tom; lägg till en rad `Rubrik: fält` per kolumn i indata, t.ex. `Förnamn: person.firstName`"
	}),
	say(func(m ColumnsNotLines, l Lang) string {
		return "columns ska vara rader `Rubrik: fält`, t.ex. `Förnamn: person.firstName`, inte " + l.Say(m.Value)
	}),
	say(func(ColumnWithoutHeader, Lang) string {
		return "en kolumn behöver en rubrik före kolonet, t.ex. `Förnamn: person.firstName`"
	}),
	say(func(m HeaderTwice, _ Lang) string {
		return fmt.Sprintf("kolumnen %q är samma rubrik som %q på rad %d (rubriker jämförs utan hänsyn till versaler och mellanslag runt om); behåll en", m.Header, m.First, m.Line)
	}),
	say(func(m FieldNotName, l Lang) string {
		return fmt.Sprintf("kolumnen %q: fältet ska vara ett namn som person.firstName, inte %s", m.Header, l.Say(m.Value))
	}),
	say(func(m UnknownField, _ Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("okänt fält %q (menade du %q?)", m.Field, m.Suggest)
		}
		return fmt.Sprintf("okänt fält %q; fälten är %s", m.Field, strings.Join(m.Fields, ", "))
	}),
	say(func(m FieldOfOtherEndpoint, _ Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("fältet %q hör till %s; mappningens endpoint är %s, där det heter %q", m.Field, m.Other, m.Endpoint, m.Suggest)
		}
		return fmt.Sprintf("fältet %q finns bara i %s; mappningens endpoint är %s, som saknar det (eller skriv `endpoint: %s`)", m.Field, m.Other, m.Endpoint, m.Other)
	}),
	say(func(m BadUTMTag, _ Lang) string {
		return fmt.Sprintf("okänt fält %q: en UTM-tagg skrivs marketing.utmTags.NAMN, med ett NAMN utan mellanslag, t.ex. marketing.utmTags.utm_source", m.Field)
	}),
	say(func(m FieldTwice, _ Lang) string {
		return fmt.Sprintf("%s fylls av både %q (rad %d) och %q (rad %d); mappa en av dem till ett annat fält eller ta bort den", m.Field, m.First, m.FirstLine, m.Header, m.Line)
	}),
	say(func(m ConstantsNotLines, l Lang) string {
		return "constants ska vara rader `fält: värde`, t.ex. `customerId: M1001`, inte " + l.Say(m.Value)
	}),
	say(func(m FullNameConstant, _ Lang) string {
		return fmt.Sprintf("%s kan bara komma från en kolumn; ange %s och %s som konstanter i stället", m.Full, m.First, m.Last)
	}),
	say(func(m ConstantTwice, _ Lang) string {
		return fmt.Sprintf("konstanten %s anges två gånger (först på rad %d); behåll en", m.Field, m.First)
	}),
	say(func(m ConstantEmpty, _ Lang) string {
		return fmt.Sprintf("konstanten %s saknar värde; ange ett, t.ex. `%s: %s`, eller ta bort raden", m.Field, m.Field, m.Example)
	}),
	say(func(m InputNotLines, l Lang) string {
		return "input ska innehålla rader `sheet:`, `headerRow:`, `encoding:`, `delimiter:` eller `empty:`, inte " + l.Say(m.Value)
	}),
	say(func(InputSheetEmpty, Lang) string {
		return "input.sheet är tomt; ange bladet som ska läsas, eller ta bort raden för att läsa det första"
	}),
	say(func(m BadHeaderRow, l Lang) string {
		return "input.headerRow " + l.Say(m.Value) + " ska vara ett positivt heltal (1 är första raden), eller utelämnas för att använda första raden som inte är tom"
	}),
	say(func(m BadInputEncoding, l Lang) string {
		return "input.encoding " + l.Say(m.Value) + " är ingen teckenkodning som leadimport läser; använd någon av " + strings.Join(m.Encodings, ", ") + ", eller ta bort raden så känns den av automatiskt"
	}),
	say(func(m BadInputDelimiter, l Lang) string {
		return "input.delimiter " + l.Say(m.Value) + `: använd ett tecken som skiljer cellerna åt, t.ex. ",", ";", "|", ":" eller tab (inte en bokstav, siffra, ett mellanslag eller citattecken), eller ta bort raden så känns den av automatiskt`
	}),
	say(func(m NormalizeNotLines, l Lang) string {
		return "normalize ska innehålla rader `" + strings.Join(m.Keys, ":`, `") + ":`, t.ex. `phone: national`, inte " + l.Say(m.Value)
	}),
	say(func(m BadNormalize, l Lang) string {
		s := "normalize." + m.Key + " " + l.Say(m.Value) + " är inget värde den tar"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; använd " + strings.Join(m.Values, ", ") + " (standard är " + first(m.Values) + ")"
	}),
	say(func(m FullNameAndPart, _ Lang) string {
		return fmt.Sprintf("kolumnen %q fyller %s, men %q (rad %d) ger redan för- och efternamnet; mappa antingen %s eller %s och %s", m.Header, m.Field, m.FullHeader, m.FullLine, m.Full, m.First, m.Last)
	}),
	say(func(m ConstantAndFullName, _ Lang) string {
		return fmt.Sprintf("konstanten %s krockar med kolumnen %q (rad %d), som ger för- och efternamnet; ta bort en av dem", m.Field, m.FullHeader, m.FullLine)
	}),
	say(func(m ColumnNotInInput, _ Lang) string {
		list := "(inga: är rubrikraden tom?)"
		if len(m.Headers) > 0 {
			list = strings.Join(m.Headers, ", ")
		}
		if m.Hidden > 0 {
			list += " (" + plural(m.Hidden, "cell", "celler") + " visas inte: inget känt rubriknamn, så kanske uppgifter om en person; står rubrikerna på en annan rad? se --header-row)"
		}
		return fmt.Sprintf("kolumnen %q finns inte i indata; dess rubriker är: %s", m.Header, list)
	}),
	say(func(m ColumnTwiceInInput, _ Lang) string {
		return fmt.Sprintf("kolumnen %q finns %d gånger i indata (kolumn %s); byt namn på alla utom en där, så att det är tydligt vilken som ska läsas", m.Header, len(m.Columns), numbers(m.Columns, " och "))
	}),
	say(func(m BadConstant, l Lang) string {
		return fmt.Sprintf("konstanten %s %q: %s", m.Field, m.Value, l.Say(m.Problem))
	}),
	say(func(m SetValue, l Lang) string { return "--set " + m.Field + "=" + m.Value + ": " + l.Say(m.Problem) }),
	say(func(m SetFullName, _ Lang) string {
		return "--set " + m.Field + ": " + m.Field + " kan bara komma från en kolumn; sätt " + m.First + " och " + m.Last + " i stället"
	}),
	say(func(m SetEmpty, _ Lang) string {
		return fmt.Sprintf("--set %s=: värdet är tomt; ange ett, t.ex. --set %s=%s", m.Field, m.Field, m.Example)
	}),
	say(func(m NotGiven, _ Lang) string {
		return fmt.Sprintf("%s saknas: mappa en kolumn till det, lägg till `%s: %s` under constants, eller ange --set %s=%s", m.Field, m.Field, m.Example, m.Field, m.Example)
	}),
	say(func(m NothingGivesName, _ Lang) string {
		return fmt.Sprintf("inget ger %s, som varje lead behöver: mappa en kolumn till det, eller mappa en kolumn till %s", m.Field, m.FullName)
	}),
	say(func(m NothingGivesContact, _ Lang) string {
		return fmt.Sprintf("inget ger en e-postadress eller ett telefonnummer, och varje lead behöver ett av dem: mappa en kolumn till %s eller %s (eller ett annat telefonfält)", m.Email, m.Cell)
	}),

	// The row as a whole, and sending it (importer).
	say(func(m ExtraCells, _ Lang) string {
		return fmt.Sprintf("%d celler men rubrikraden har %d: rätta raden eller rubrikraden; värden efter sista kolumnen", m.Cells, m.Header)
	}),
	say(func(m SamePerson, _ Lang) string {
		return fmt.Sprintf("samma person som rad %d: bara den raden skickas", m.Row)
	}),
	say(func(m SentBefore, _ Lang) string {
		return fmt.Sprintf("skickad förut, %s (körning %d): skickas inte igen; --force skickar den ändå", m.At.Format("2006-01-02 15:04"), m.Run)
	}),
	say(func(ReportSaysSent, Lang) string {
		return "rapporten säger att den är skickad: skickas inte igen; töm dess statuscell för att skicka den ändå"
	}),
	say(func(m NotSent, l Lang) string { return "inte skickad: " + l.Error(m.Err) }),
	say(func(m NotChecked, l Lang) string { return "inte kontrollerad: " + l.Error(m.Err) }),
	say(func(Interrupted, Lang) string { return "avbruten" }),
	say(func(m AfterAttempts, l Lang) string {
		return fmt.Sprintf("%s (efter %d försök)", l.Error(m.Err), m.Attempts)
	}),
	say(func(m NotRetried, l Lang) string {
		return l.Error(m.Err) + " (inget nytt försök: " + l.Error(m.Why) + ")"
	}),
	say(func(m NoAnswer, l Lang) string { return "inget svar inom " + m.Within.String() + ": " + l.Error(m.Err) }),
	say(func(m UnansweredTwice, l Lang) string {
		if m.Again {
			return l.Error(m.Err) + " (förfrågan gick iväg utan att något svar kom, som i en tidigare körning: inget nytt försök, eftersom varje försök kan ha nått Connect; sök upp leadet där)"
		}
		return fmt.Sprintf("%s (två gånger gick förfrågan iväg utan att något svar kom, på %d försök: inget nytt försök i den här körningen, eftersom var och en kan ha nått Connect)", l.Error(m.Err), m.Attempts)
	}),
	say(func(m CustomerRefused, _ Lang) string {
		return fmt.Sprintf("ingen behörighet till kunden %s: inte skickad, efter att %d förfrågningar i rad för den nekats (403)", m.Customer, m.Refusals)
	}),
	say(func(m ConnectDown, _ Lang) string {
		return fmt.Sprintf("Connect verkar vara nere: %d rader i rad misslyckades trots nya försök (--max-failures %d); kör igen senare, eller höj --max-failures", m.Failures, m.Max)
	}),
	say(func(m SameRefusal, l Lang) string {
		return fmt.Sprintf("Connect nekade %d rader i rad med samma svar, som ingen rads innehåll förklarar: %s; kontrollera --base-url och mappningens endpoint", m.Rows, l.Error(m.Answer))
	}),
	say(func(m Throttled, _ Lang) string {
		return fmt.Sprintf("Connect har inte svarat annat än 429 Too Many Requests på %s (--max-throttle %s): kör igen senare, eller höj --max-throttle", m.For.Round(time.Second), m.Max)
	}),
	say(func(CredentialsRefused, Lang) string {
		return "Connect nekade användarnamnet eller lösenordet (401): kontrollera VITEC_USERNAME och VITEC_PASSWORD, eller filen med inloggningsuppgifter"
	}),
	say(func(m TooManyInvalid, _ Lang) string {
		return fmt.Sprintf("för många ogiltiga rader: %d rader är ogiltiga, fler än --max-invalid %d; inget skickades (stämmer mappningen? leadimport check visar varje rad)", m.Invalid, m.Max)
	}),
	say(func(m CannotEncode, l Lang) string { return "leadet går inte att koda: " + l.Error(m.Err) }),
	say(func(m LedgerRead, l Lang) string { return "liggaren går inte att läsa: " + l.Error(m.Err) }),
	say(func(m LedgerWrite, l Lang) string { return "liggaren går inte att skriva till: " + l.Error(m.Err) }),
	say(func(m ReportWrite, l Lang) string {
		return "rapporten " + m.Path + " går inte att skriva till: " + l.Error(m.Err)
	}),
	say(func(EarlierUnconfirmed, Lang) string {
		return "obs: skickad igen eftersom en tidigare körnings försök är obekräftat (den körningen stannade innan Connect svarade), så Connect kan ha registrerat leadet två gånger"
	}),
	say(func(m NotAContactID, _ Lang) string {
		return fmt.Sprintf("svaret, %d, är ett lyckat svar men inget kontakt-id som Connect ger (är --base-url Connects adress?): leadet kan finnas i Connect eller inte; sök upp det där innan raden skickas igen", m.Status)
	}),
	say(func(m NotNoContent, _ Lang) string {
		return fmt.Sprintf("svaret, %d, är ett lyckat svar men inte det 204 utan innehåll som Connect ger för en intresseanmälan (är --base-url Connects adress?): leadet kan finnas i Connect eller inte; sök upp det där innan raden skickas igen", m.Status)
	}),
	say(func(m AcceptedNoBody, _ Lang) string {
		return fmt.Sprintf("%d: mottaget, svar utan innehåll", m.Status)
	}),
	say(func(MayHaveIt, Lang) string {
		return "obs: ett försök fick inget svar, så Connect kan ha registrerat leadet; nästa körning skickar det igen"
	}),
	say(func(MaybeTwice, Lang) string {
		return "obs: nytt försök efter ett obekräftat (det fick inget svar), så Connect kan ha registrerat leadet två gånger"
	}),

	// Rows that are the same person but disagree on who that is, and a
	// lead sent before whose row has changed since (importer).
	say(func(m SameButOther, _ Lang) string {
		row := fmt.Sprintf("rad %d", m.Row)
		if m.Row == 0 {
			row = "en annan rad"
		}
		return fmt.Sprintf("samma %s som %s, men %s: kontrollera båda raderna",
			words(m.Identity, identitiesSV[:]), row, words(m.Field, anotherFieldSV[:]))
	}),
	say(func(m SameAsDisagreeing, _ Lang) string {
		rows := fmt.Sprintf("rad %d och %d", m.A, m.B)
		if m.A == 0 {
			rows = "två andra rader"
		}
		return fmt.Sprintf("samma %s som %s, som har %s: kontrollera raderna",
			words(m.Identity, identitiesSV[:]), rows, words(m.Field, differentFieldsSV[:]))
	}),
	say(func(m ChangedSinceSent, _ Lang) string {
		changed := make([]string, len(m.Fields))
		for i, f := range m.Fields {
			changed[i] = words(f, theFieldSV[:])
		}
		return fmt.Sprintf("skickad förut, %s (körning %d), och ändrad sedan dess%s: skickas inte igen; kontrollera raden, --force skickar den ändå",
			m.At.Format("2006-01-02 15:04"), m.Run, aside(andList(changed, "och")))
	}),
	say(func(m ComparingRows, l Lang) string {
		return "raderna går inte att jämföra för att hitta samma person: " + l.Error(m.Err)
	}),

	// A row the reader could not read (importer/source).
	say(func(m InRow, l Lang) string { return fmt.Sprintf("%s: rad %d: %s", m.File, m.Row, l.Error(m.Err)) }),
	say(func(m UnclosedQuote, _ Lang) string {
		return `ett citattecken stängs aldrig: cellen i kolumn ` + m.Column + ` öppnar ett citattecken (") som filen aldrig stänger, så varje rad efter den skulle läsas in i den cellen: rätta citattecknen på den här raden`
	}),
	say(func(StrayQuote, Lang) string {
		return `börjar med ett citattecken (") som aldrig stängs, så citattecknet lästes som en del av texten och raderna efter som rader: kontrollera cellen`
	}),
	say(func(EditedOnPage, Lang) string {
		return "ändrad på sidan i leadimport serve; i filen står något annat"
	}),
	say(func(m UnreadableRow, l Lang) string {
		return fmt.Sprintf("raden går inte att läsa: %s (rad %d, tecken %d i texten): kontrollera citattecknen på raden", l.Error(m.Err), m.Line, m.Column)
	}),
	say(func(m TooManyCells, _ Lang) string {
		return fmt.Sprintf("för stor: raden har %d celler, fler än de 16 384 kolumner Excel har", m.Cells)
	}),
	say(func(m CellPastLastColumn, _ Lang) string {
		return "för stor: raden har en cell i kolumn " + m.Column + ", efter de 16 384 kolumner Excel har"
	}),
	say(func(m CellTooLong, _ Lang) string {
		return fmt.Sprintf("för stor: cellen i kolumn %s har %d tecken, fler än de 32 767 Excel tillåter i en cell", m.Column, m.Len)
	}),
	say(func(m UndefinedByte, _ Lang) string {
		return fmt.Sprintf(`tecken som kodningen inte kan återge: cellen i kolumn %s innehåller byten 0x%02X, som windows-1252 inte definierar, så filen har en annan kodning: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`, m.Column, m.Byte)
	}),
	say(func(m BrokenCharacter, _ Lang) string {
		return fmt.Sprintf(`tecken som kodningen inte kan återge: cellen i kolumn %s innehåller ett trasigt %s-tecken, så filen är skadad: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`, m.Column, m.Encoding)
	}),
	say(func(m NotUTF8, _ Lang) string {
		if m.Detected {
			return `byte som inte är UTF-8 i kolumn ` + m.Column + `, fast början av filen är UTF-8: rätta cellen, eller om Excel sparade filen som vanlig "CSV", ange input.encoding eller --encoding windows-1252`
		}
		return `byte som inte är UTF-8 i kolumn ` + m.Column + `: ange input.encoding eller --encoding windows-1252 om Excel sparade filen som vanlig "CSV"`
	}),

	// A file the reader cannot read, and what it found in one it can (importer/source).
	say(func(m InFile, l Lang) string { return m.File + ": " + l.Error(m.Err) }),
	say(func(m CannotOpen, l Lang) string { return "går inte att öppna: " + l.Error(m.Err) }),
	say(func(m CannotReadIt, l Lang) string { return "går inte att läsa: " + l.Error(m.Err) }),
	say(func(m ReadFailed, l Lang) string { return "läsfel: " + l.Error(m.Err) }),
	say(func(m ReadAfterRow, l Lang) string {
		return fmt.Sprintf("läsfel efter rad %d: %s", m.Row, l.Error(m.Err))
	}),
	say(func(m UnsupportedFile, _ Lang) string {
		what := fmt.Sprintf("%q-filer", m.Ext)
		if m.Ext == "" {
			what = "en fil utan filändelse"
		}
		return "okänd filtyp: " + what + " går inte att läsa: spara filen som .xlsx eller CSV (leadimport läser .csv, .txt, .tsv, .xlsx och .xlsm)"
	}),
	say(func(m UnknownEncoding, _ Lang) string {
		return fmt.Sprintf("okänd teckenkodning %q: använd någon av utf-8, utf-16le, utf-16be, utf-16 (filens BOM avgör), windows-1252 (även cp1252; latin1 och iso-8859-1 läses som windows-1252)", m.Encoding)
	}),
	say(func(m EncodingUnclear, _ Lang) string {
		return fmt.Sprintf("teckenkodningen går inte att avgöra: början av filen har %d tecken i UTF-8 men också %d byte som inte är UTF-8 (den första på rad %d), så den kan vara UTF-8 med en skadad cell eller windows-1252: titta på filen och ange sedan --encoding utf-8 (rader med byte som inte är UTF-8 blir då ogiltiga) eller --encoding windows-1252, eller input.encoding i mappningen; valen är utf-8, utf-16le, utf-16be, utf-16, windows-1252",
			m.UTF8Chars, m.BadBytes, m.BadLine)
	}),
	say(func(m BadDelimiter, _ Lang) string {
		return fmt.Sprintf("avgränsaren %q går inte att använda: använd ett tecken som ',', ';', '|', ':' eller tabb", m.Delimiter)
	}),
	say(func(m RowOverMiB, _ Lang) string {
		why := "en rad som aldrig tar slut"
		if m.Quote {
			why = `ett citattecken (") som aldrig stängs`
		}
		return fmt.Sprintf("rad %d: för stor: raden är över 1 MiB text, troligen %s: rätta filen i en textredigerare, eller spara den igen från Excel", m.Row, why)
	}),
	say(func(m WorkbookNamedCSV, _ Lang) string {
		return "filen är inte vad namnet säger: det är en Excel-arbetsbok (.xlsx) med filändelsen " + m.Ext + ": byt filändelse till .xlsx"
	}),
	say(func(m XLSNamedCSV, _ Lang) string {
		return "filen är inte vad namnet säger: det är en Excel .xls-fil eller en lösenordsskyddad arbetsbok med filändelsen " + m.Ext + `: öppna den i Excel och spara den som .xlsx eller "CSV UTF-8"`
	}),
	say(func(m TextNamedXLSX, _ Lang) string {
		return "filen är inte vad namnet säger: det är en textfil (CSV) med filändelsen " + m.Ext + ": byt namn på den till " + m.Stem + ".csv"
	}),
	say(func(m UnreadableContainer, l Lang) string {
		return "ingen läsbar Excel .xlsx-fil (en Office-behållare som inte går att läsa: " + l.Error(m.Err) + "): öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(Encrypted, Lang) string {
		return "det här är en lösenordsskyddad Excel-fil: spara den utan lösenord och försök igen"
	}),
	say(func(LegacyXLS, Lang) string {
		return "det här är en gammal .xls-fil från Excel 97–2003: öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(OtherOfficeFile, Lang) string {
		return "ingen läsbar Excel .xlsx-fil (en Office-fil av annat slag, till exempel ett Word-dokument): öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(NoWorkbookPart, Lang) string {
		return "ingen läsbar Excel .xlsx-fil (den innehåller ingen arbetsbok; det kan vara en Word- eller PowerPoint-fil): öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(EmptyWorkbookFile, Lang) string {
		return "ingen läsbar Excel .xlsx-fil (filen är tom): kopiera eller ladda ner den igen"
	}),
	say(func(NotZip, Lang) string {
		return "ingen läsbar Excel .xlsx-fil (den är ingen zip-fil, vilket varje .xlsx är): öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(m NotXLSX, l Lang) string {
		return "ingen läsbar Excel .xlsx-fil (" + l.Error(m.Err) + "): öppna den i Excel och spara den som .xlsx eller CSV"
	}),
	say(func(m Incomplete, l Lang) string {
		return "filen är ofullständig (avkortad) eller skadad (" + l.Error(m.Err) + "): kopiera eller ladda ner den igen, eller öppna den i Excel och spara den igen"
	}),
	say(func(m ZipBomb, _ Lang) string {
		return fmt.Sprintf("blir mer än %d MiB uppackad: vägras som en möjlig zip-bomb; om det är en riktig arbetsbok, spara dess rader som CSV", m.MiB)
	}),
	say(func(m SheetAfterRow, l Lang) string {
		return fmt.Sprintf("bladet %q efter rad %d: %s", m.Sheet, m.Row, l.Error(m.Err))
	}),
	say(func(NoSheets, Lang) string { return "inget blad att läsa: arbetsboken har inga blad" }),
	say(func(m AllSheetsHidden, _ Lang) string {
		return "inget blad att läsa: alla blad är dolda; filen har: " + sheetList(m.Sheets, " (dolt)") + ": ange ett av dem med inställningen sheet"
	}),
	say(func(m NoSuchSheet, _ Lang) string {
		return fmt.Sprintf("bladet %q finns inte; filen har: %s", m.Sheet, sheetList(m.Sheets, " (dolt)"))
	}),
	say(func(m ChartSheet, _ Lang) string {
		if len(m.Worksheets) == 0 {
			return fmt.Sprintf("bladet %q är ett diagram, utan rader att läsa, och arbetsboken har inget synligt kalkylblad", m.Sheet)
		}
		return fmt.Sprintf("bladet %q är ett diagram, utan rader att läsa: ange ett kalkylblad: %s", m.Sheet, sheetList(m.Worksheets, " (dolt)"))
	}),
	say(func(m HeaderRowNegative, _ Lang) string {
		return fmt.Sprintf("ingen rubrikrad hittades: rubrikrad %d: raderna numreras från 1 (0 väljer den första raden som inte är tom)", m.Row)
	}),
	say(func(m HeaderRowBlank, _ Lang) string {
		return fmt.Sprintf("ingen rubrikrad hittades: rad %d är tom: ange raden med kolumnnamnen som rubrikrad", m.Row)
	}),
	say(func(m NoHeaderRow, l Lang) string { return "ingen rubrikrad hittades: " + l.Say(m.Why) }),
	say(func(EmptyFile, Lang) string { return "filen är tom" }),
	say(func(m EmptySheet, _ Lang) string { return fmt.Sprintf("bladet %q är tomt", m.Sheet) }),
	say(func(m HeaderPastEnd, _ Lang) string {
		return fmt.Sprintf("ingen rubrikrad hittades: sista raden är %d, före rubrikrad %d: ange raden med kolumnnamnen som rubrikrad", m.Last, m.Want)
	}),
	say(func(m PartMissing, _ Lang) string { return "delen " + m.Part + " saknas" }),
	say(func(m PartTooLarge, _ Lang) string {
		return fmt.Sprintf("delen %s är större än %d MiB", m.Part, m.MiB)
	}),
	say(func(m TooManySharedStrings, _ Lang) string {
		return fmt.Sprintf("dess tabell över delade texter har fler än %d poster, fler än bladen har celler: en sådan fil skriver inte Excel; öppna den i Excel och spara den igen, eller spara bladet som CSV", m.Max)
	}),
	say(func(m SharedStringsTooLarge, _ Lang) string {
		return fmt.Sprintf("dess delade texter tar mer än %d MiB minne: spara bladet som CSV (UTF-8), som läses allteftersom", m.MiB)
	}),
	say(func(XMLTooDeep, Lang) string { return "XML som är nästlad för djupt" }),
	say(func(XMLTokenTooLong, Lang) string { return "ett XML-element eller en text på mer än 4 MiB" }),
	say(func(m PastLastRow, _ Lang) string {
		return fmt.Sprintf("rad %d ligger efter Excels sista rad, %d", m.Row, m.Max)
	}),
	say(func(m SharedStringsMissing, _ Lang) string {
		return fmt.Sprintf("%s: bladet %q: %s utan en text som arbetsboken har (en delad sträng saknas; den första är %s), lästa som tomma som Excel visar dem: kontrollera dem i Excel",
			m.File, m.Sheet, plural(m.Count, "textcell", "textceller"), m.Cell)
	}),
	say(func(m CSVFound, _ Lang) string {
		enc, delim := m.Encoding, fmt.Sprintf("'%c'", m.Delimiter)
		if m.BOM {
			enc += " med BOM"
		}
		if m.Delimiter == '\t' {
			delim = "tabb"
		}
		return fmt.Sprintf("%s: %s, %s, rubriker på rad %d, %s", m.File, enc, delim, m.HeaderRow, plural(m.Columns, "kolumn", "kolumner"))
	}),
	say(func(m XLSXFound, _ Lang) string {
		return fmt.Sprintf("%s: bladet %q, rubriker på rad %d, %s", m.File, m.Sheet, m.HeaderRow, plural(m.Columns, "kolumn", "kolumner"))
	}),

	// A request Connect refused, or that never got an answer (importer/connect).
	say(func(m Unauthorized, _ Lang) string {
		return m.Status + ": Connect nekade användarnamnet eller lösenordet"
	}),
	say(func(m Forbidden, _ Lang) string {
		return m.Status + ": ingen behörighet till kunden eller funktionsgruppen" + aside(m.Connect)
	}),
	say(func(m SendFailed, l Lang) string { return "connect: sändningen misslyckades: " + l.Error(m.Err) }),
	say(func(m BuildRequest, l Lang) string {
		return "connect: förfrågan för " + m.Path + " går inte att skapa: " + l.Error(m.Err)
	}),

	// The client's settings, refused by New (importer/connect).
	say(func(NoUsername, Lang) string { return "connect: inget användarnamn angivet" }),
	say(func(ColonInUsername, Lang) string { return "connect: användarnamnet får inte innehålla ':'" }),
	say(func(NoPassword, Lang) string { return "connect: inget lösenord angivet" }),
	say(func(m BaseURLUnparsable, l Lang) string {
		return "connect: basadressen är ingen giltig URL: " + l.Error(m.Err)
	}),
	say(func(BaseURLUnparsableSecret, Lang) string {
		return "connect: basadressen är ingen giltig URL och får inte innehålla användarnamn eller lösenord; ange bara t.ex. https://connect.maklare.vitec.net"
	}),
	say(func(BaseURLUserInfo, Lang) string {
		return "connect: basadressen får inte innehålla användarnamn eller lösenord; ange dem för sig"
	}),
	say(func(m BaseURLNoHost, _ Lang) string {
		return fmt.Sprintf("connect: basadressen %q saknar värdnamn; väntade t.ex. https://connect.maklare.vitec.net", m.URL)
	}),
	say(func(m BaseURLQuery, _ Lang) string {
		return fmt.Sprintf("connect: basadressen %q får inte ha någon frågedel eller fragment (? eller #)", m.URL)
	}),
	say(func(m BaseURLScheme, _ Lang) string {
		return fmt.Sprintf("connect: basadressen %q måste börja med https://", m.URL)
	}),
	say(func(m PlainHTTP, _ Lang) string {
		return "connect: vägrar okrypterad http till " + m.Host + ": lösenordet skulle skickas okrypterat över nätverket; använd https (http går bara till 127.0.0.1, ::1 eller localhost)"
	}),
	say(func(NoBaseURL, Lang) string { return "connect: klienten har ingen basadress; skapa den med New" }),

	// The ledger (importer/ledger).
	say(func(m LedgerBusy, _ Lang) string {
		var b strings.Builder
		b.WriteString("en annan körning av leadimport använder liggaren " + m.Path)
		if m.PID != 0 {
			fmt.Fprintf(&b, ": pid %d", m.PID)
			if m.Host != "" {
				b.WriteString(" på " + m.Host)
			}
			if !m.Started.IsZero() {
				b.WriteString(", startad " + m.Started.Format("2006-01-02 15:04"))
			}
			switch len(m.Inputs) {
			case 0:
			case 1:
				b.WriteString(", indatafil " + m.Inputs[0])
			default:
				b.WriteString(", indatafiler " + strings.Join(m.Inputs, ", "))
			}
		}
		b.WriteString("; vänta tills den är klar")
		return b.String()
	}),
	say(func(m NoStateDir, _ Lang) string {
		if len(m.Unset) == 2 {
			return "ingen tillståndskatalog för liggaren: varken " + m.Unset[0] + " eller " + m.Unset[1] + " är satt"
		}
		return "ingen tillståndskatalog för liggaren: " + strings.Join(m.Unset, ", ") + " är inte satt"
	}),
	say(func(NoLedgerPath, Lang) string { return "liggaren går inte att öppna: sökvägen är tom" }),
	say(func(m OpenLedger, l Lang) string {
		return "liggaren " + m.Path + " går inte att öppna: " + l.Error(m.Err)
	}),
	say(func(m LockLedger, l Lang) string {
		return "liggaren " + m.Path + " går inte att låsa: " + l.Error(m.Err)
	}),
	say(func(m NotDatabase, l Lang) string { return "ingen SQLite-databas: " + l.Error(m.Err) }),
	say(func(NotLedger, Lang) string { return "en SQLite-databas, men ingen liggare från leadimport" }),
	say(func(EmptyLedger, Lang) string {
		return "filen är tom (eller en databas utan tabeller): den är ingen liggare som minns vad som skickats, och att ta den för en ny skulle skicka varje lead igen; om en ny liggare är vad du vill ha, kör med --new-ledger"
	}),
	say(func(NoLedgerFile, Lang) string {
		return "filen finns inte: ingen körning har antecknat något där (kontrollera --ledger)"
	}),
	say(func(m NewerLedger, _ Lang) string {
		return fmt.Sprintf("liggaren är skriven av en nyare leadimport (schema %d, den här känner till %d)", m.Schema, m.Knows)
	}),
	say(func(RunReleased, Lang) string { return "körningen i liggaren är redan avslutad" }),
	say(func(m LedgerFailed, l Lang) string { return m.Step.in(&ledgerStepsSV) + ": " + l.Error(m.Err) }),
	say(func(m SecretSize, _ Lang) string { return fmt.Sprintf("%d byte, ska vara %d", m.Len, m.Want) }),
	say(func(m RunUnreadable, l Lang) string {
		if m.Column == "" {
			return fmt.Sprintf("körning %d: %s", m.Run, l.Error(m.Err))
		}
		return fmt.Sprintf("körning %d, %s: %s", m.Run, m.Column, l.Error(m.Err))
	}),
	say(func(m RollbackFailed, l Lang) string {
		return "liggarens transaktion gick inte att rulla tillbaka: " + l.Error(m.Err)
	}),
	say(func(m CannotRemove, l Lang) string { return m.Path + " går inte att ta bort: " + l.Error(m.Err) }),

	// The report's own words, and its writer's failures (importer/report).
	say(func(ReportSheet, Lang) string { return "Rapport" }),
	say(func(SummarySheet, Lang) string { return "Sammanfattning" }),
	say(func(SummaryStatus, Lang) string { return "status" }),
	say(func(SummaryRows, Lang) string { return "rader" }),
	say(func(SummaryTotal, Lang) string { return "totalt" }),
	say(func(SummaryInput, Lang) string { return "indata" }),
	say(func(SummaryMapping, Lang) string { return "mappning" }),
	say(func(SummaryStarted, Lang) string { return "start" }),
	say(func(SummaryFinished, Lang) string { return "slut" }),
	say(func(SummaryCommand, Lang) string { return "kommando" }),
	say(func(m UnknownReportFormat, _ Lang) string {
		return fmt.Sprintf("rapporten %s: filändelsen %q säger inte vilket format den ska ha; ge den namnet .csv, .xlsx eller .jsonl", m.Path, m.Ext)
	}),
	say(func(m ReportFailed, l Lang) string { return "rapporten kunde inte skrivas: " + l.Error(m.Err) }),

	// A row's cells beyond the input's header, in a CSV or XLSX report (importer/report).
	say(func(m CellsAtLineEnd, _ Lang) string {
		return "rapporten har cellerna efter sista kolumnen sist på raden, efter " + m.After +
			": flytta tillbaka texten dit den hör hemma och töm dem"
	}),

	// The console beside the log (importer/console).
	say(func(m UnknownLogFormat, _ Lang) string {
		return "--log-format " + m.Format + ": använd text eller json"
	}),
	say(func(m BarTitle, _ Lang) string {
		return fmt.Sprintf("%s (%d misslyckade, %d ogiltiga)", m.Input, m.Failed, m.Invalid)
	}),
	say(func(BarUnit, Lang) string { return "rader" }),

	// The sandbox's --fail-rate (importer/sandbox).
	say(func(m InFault, l Lang) string {
		return fmt.Sprintf("felet %q: %s (felsorter: %s)", m.Fault, l.Say(m.Problem), strings.Join(m.Kinds, ", "))
	}),
	say(func(FaultWithoutProbability, Lang) string { return "skriv felsort=sannolikhet" }),
	say(func(m UnknownFaultKind, _ Lang) string { return fmt.Sprintf("okänd felsort %q", m.Kind) }),
	say(func(m FaultKindTwice, _ Lang) string { return "felsorten " + m.Kind + " anges två gånger" }),
	say(func(m BadProbability, _ Lang) string {
		return fmt.Sprintf("sannolikheten %q är inget tal från 0 till 1", m.Value)
	}),
	say(func(m FaultsOverOne, _ Lang) string {
		return fmt.Sprintf("felen %q: sannolikheterna blir sammanlagt %g, mer än 1", m.Faults, m.Sum)
	}),

	// A run, beside its rows (importer).
	say(func(m SendingTo, _ Lang) string {
		from := ""
		if m.FromEnv != "" {
			from = " (från " + m.FromEnv + ")"
		}
		return fmt.Sprintf("skickar till Connect på %s%s som användare %q", m.URL, from, m.User)
	}),
	say(func(m ServeSendsTo, _ Lang) string {
		from := ""
		if m.FromEnv != "" {
			from = " (från " + m.FromEnv + ")"
		}
		switch m.CredentialsFrom {
		case "":
			return fmt.Sprintf("skickar till Connect på %s%s; inga inloggningsuppgifter ännu: sidan frågar efter dem", m.URL, from)
		case "file":
			return fmt.Sprintf("skickar till Connect på %s%s som användare %q (från inloggningsfilen)", m.URL, from, m.User)
		}
		return fmt.Sprintf("skickar till Connect på %s%s som användare %q (från VITEC_USERNAME)", m.URL, from, m.User)
	}),
	say(func(m SendingForCustomer, _ Lang) string { return m.Input + ": leads för kunden " + m.Customer }),
	say(func(m ManyCustomers, _ Lang) string {
		return fmt.Sprintf("%s: leads för fler kunder än de %d som nämnts; resten nämns inte", m.Input, m.Named)
	}),
	say(func(m Unreachable, _ Lang) string {
		return "Connect på " + m.URL + " gick inte att nå: inget skickades; filerna ligger kvar i inkorgen"
	}),
	say(func(m RetryLater, _ Lang) string {
		return plural(m.Rows, "rad", "rader") + " kunde inte skickas av ett skäl som kan gå över (inget svar, 429, 5xx): nästa körning skickar dem"
	}),
	say(func(ByReason, Lang) string {
		return "varför rader är ogiltiga eller misslyckades, det vanligaste först:"
	}),
	say(func(OtherReasons, Lang) string { return "andra skäl" }),
	say(func(m MappingTaken, _ Lang) string { return m.Input + ": mappningen " + m.Mapping }),
	say(func(m NoMappingFits, l Lang) string {
		return m.Input + " passar ingen av mappningarna:\n" + lines(m.Why, l)
	}),
	say(func(m WithMapping, l Lang) string { return m.Mapping + ": " + l.Error(m.Err) }),
	say(func(m MappingsTie, _ Lang) string {
		return m.Input + " passar " + andList(m.Mappings, "och") + " lika bra: behåll en, eller ge en av dem en kolumn till som de andra saknar"
	}),
	say(func(NoInputGiven, Lang) string { return "ingen indatafil angiven" }),
	say(func(m DoesNotFit, l Lang) string { return m.Input + " passar inte mappningen:\n" + l.Error(m.Err) }),
	say(func(m TooManyColumns, _ Lang) string {
		return fmt.Sprintf("%s har %d kolumner, fler än de %d som leadimport läser: ta bort kolumnerna som mappningen inte använder, eller spara bara dem", m.Input, m.Columns, m.Max)
	}),
	say(func(m ReadInput, l Lang) string { return m.Path + " går inte att läsa: " + l.Error(m.Err) }),
	say(func(m RowsNotRead, l Lang) string { return l.Error(m.Err) + "; raderna efter det lästes inte" }),
	say(func(m OpenInExcel, _ Lang) string {
		lock := filepath.Base(m.Lock)
		if m.Workbook == "" {
			return m.Lock + " är låsfilen som Excel lägger bredvid en arbetsbok som är öppen, ingen arbetsbok, och dess arbetsbok ligger inte bredvid: ange arbetsboken själv"
		}
		return m.Workbook + " är öppen i Excel (dess låsfil " + lock + " ligger här): spara och stäng den först, annars läses inte de rader du ändrat sedan den sparades senast"
	}),
	say(func(m NotRegular, _ Lang) string {
		return m.Path + " är " + kindSV(m.Kind) + ", ingen vanlig fil: leadimport läser och skriver bara vanliga filer"
	}),
	say(func(m SkippedInFolder, _ Lang) string {
		if m.Kind == KindLink {
			return m.Path + " är en symbolisk länk: den hoppas över, eftersom länkar i en indatamapp inte följs (ange den på kommandoraden för att läsa den)"
		}
		return m.Path + " är " + kindSV(m.Kind) + ", ingen vanlig fil: den hoppas över"
	}),
	say(func(m ReadFolder, l Lang) string {
		return "mappen " + m.Path + " går inte att läsa: " + l.Error(m.Err)
	}),
	say(func(m BurstZero, _ Lang) string {
		return fmt.Sprintf("hastighetsbegränsarens burst är %d: ingen förfrågan kan någonsin skickas", m.Burst)
	}),
	say(func(m ConnectAnswered, _ Lang) string {
		s := fmt.Sprintf("Connect svarade %d %s", m.Status, m.StatusText)
		if len(m.Fields) > 0 {
			s += " om " + strings.Join(m.Fields, ", ")
		}
		return s + " (rapporten har dess meddelande)"
	}),
	say(func(m ReportOneFile, _ Lang) string {
		return fmt.Sprintf("--report %s anger en fil, men det finns %d indatafiler: ange en mapp i stället", m.Report, m.Inputs)
	}),
	say(func(m ReportIsInput, _ Lang) string {
		return fmt.Sprintf("--report %s är indatafilen %s: ge rapporten ett annat namn", m.Report, m.Input)
	}),
	say(func(m SamePath, _ Lang) string {
		other := m.Other
		if other == "input" {
			other = "indatafilen"
		}
		return m.Flag + " " + m.Path + " är samma fil som " + other + " " + m.OtherPath + ": ge var och en en egen fil (inget har skrivits)"
	}),
	say(func(m ReportDir, l Lang) string { return "rapportmappen går inte att skapa: " + l.Error(m.Err) }),
	say(func(m CreateReport, l Lang) string { return "rapporten går inte att skapa: " + l.Error(m.Err) }),
	say(func(m WriteReport, l Lang) string {
		return "rapporten " + m.Path + " går inte att skriva: " + l.Error(m.Err)
	}),
	say(func(m AReport, l Lang) string {
		return l.Say(m.Of) + " (en rapport: rader som den säger är skickade hoppas över)"
	}),
	say(func(m RunDone, _ Lang) string {
		var b strings.Builder
		b.WriteString(countList(m.Counts, "inga rader"))
		fmt.Fprintf(&b, " på %s", m.Elapsed.Round(time.Millisecond))
		if m.Requests > 0 && m.Elapsed > 0 {
			rate := strings.Replace(fmt.Sprintf("%.1f", float64(m.Requests)/m.Elapsed.Seconds()), ".", ",", 1)
			fmt.Fprintf(&b, ", %d förfrågningar (%s/s)", m.Requests, rate)
		}
		if m.Throttled > 0 {
			fmt.Fprintf(&b, ", %d besvarade med 429 Too Many Requests", m.Throttled)
		}
		return b.String()
	}),
	say(func(m ReportAt, _ Lang) string { return "rapport: " + m.Path }),
	say(func(m ProblemsAt, _ Lang) string { return "rader att rätta: " + m.Path }),
	say(func(m StoppedEarly, l Lang) string { return "avbröts i förtid: " + l.Error(m.Err) }),
	say(func(m LedgerEndFailed, l Lang) string {
		return "liggaren kunde inte anteckna att körningen slutade: " + l.Error(m.Err)
	}),
	say(func(m PerColumn, _ Lang) string { return m.Input + ", per kolumn:" }),
	say(func(HeadColumn, Lang) string { return "kolumn" }),
	say(func(HeadValid, Lang) string { return "giltiga" }),
	say(func(HeadChanged, Lang) string { return "ändrade" }),
	say(func(HeadInvalid, Lang) string { return "ogiltiga" }),
	say(func(HeadEmpty, Lang) string { return "tomma" }),
	say(func(HeadWarnings, Lang) string { return "varningar" }),
	say(func(HeadField, Lang) string { return "fält" }),
	say(func(HeadRun, Lang) string { return "KÖRNING" }),
	say(func(HeadStarted, Lang) string { return "START" }),
	say(func(HeadTook, Lang) string { return "TID" }),
	say(func(HeadExit, Lang) string { return "SLUTKOD" }),
	say(func(HeadEndpoint, Lang) string { return "ANROP" }),
	say(func(HeadInputs, Lang) string { return "INDATA" }),
	say(func(HeadReason, Lang) string { return "VARFÖR (PÅ ENGELSKA)" }),
	say(func(RunningOrDied, Lang) string { return "pågår eller dog" }),
	say(func(NoRuns, Lang) string { return "inga körningar antecknade ännu" }),
	say(func(m LeftAfterExit, _ Lang) string {
		return fmt.Sprintf("ligger kvar: körningen slutade med slutkod %d, så nästa körning försöker igen", m.Code)
	}),
	say(func(m LeftMayPass, _ Lang) string {
		return fmt.Sprintf("ligger kvar: %d rader misslyckades av ett skäl som kan gå över (inget svar, 429, 5xx), så nästa körning skickar dem igen", m.Rows)
	}),
	say(func(m NotSettled, _ Lang) string {
		return fmt.Sprintf("%s skrevs för %s sedan, mindre än --settle %s: den kan fortfarande skrivas; den ligger kvar till nästa körning, oläst", m.Input, m.Age.Round(time.Second), m.Settle)
	}),
	say(func(m ChangedWhileRead, _ Lang) string {
		if m.Sent {
			return m.Input + " ändrades medan den lästes: den skrivs fortfarande; den ligger kvar till nästa körning, som skickar det som tillkommer (de skickade raderna finns i liggaren och skickas inte igen)"
		}
		return m.Input + " ändrades medan den lästes: den skrivs fortfarande; den ligger kvar till nästa körning, inget av den skickat"
	}),
	say(func(ToFix, Lang) string { return "rader är ogiltiga eller nekades: se rapporten" }),
	say(func(m LeftNotMoved, l Lang) string { return "ligger kvar: " + l.Error(m.Err) }),
	say(func(m ArchiveFailed, l Lang) string { return m.Input + " går inte att arkivera: " + l.Error(m.Err) }),
	say(func(m PathExists, _ Lang) string { return m.Path + " finns redan" }),
	say(func(m ReadCredentials, l Lang) string {
		return "inloggningsuppgifterna går inte att läsa: " + l.Error(m.Err)
	}),
	say(func(m CredentialsOpen, _ Lang) string {
		return fmt.Sprintf("filen med inloggningsuppgifter %s kan läsas av andra (läge %04o): kör `chmod 600 %s` och försök igen", m.Path, m.Mode, m.Path)
	}),
	say(func(m CredentialsFormat, _ Lang) string {
		return "filen med inloggningsuppgifter " + m.Path + ": första raden ska vara användare:lösenord"
	}),
	say(func(m SaveCredentials, l Lang) string {
		return "inloggningsuppgifterna gick inte att spara i " + m.Path + ": " + l.Error(m.Err)
	}),

	// The command line (package main).
	say(func(m UnknownCommand, _ Lang) string { return fmt.Sprintf("okänt kommando %q", m.Command) }),
	say(func(m NoHelp, _ Lang) string {
		return fmt.Sprintf("ingen hjälp om %q; prova exit-codes, mapping eller ett kommando", m.Topic)
	}),
	say(func(m UnexpectedArgument, _ Lang) string { return fmt.Sprintf("oväntat argument %q", m.Arg) }),
	say(func(m BadLang, _ Lang) string { return "--lang " + m.Lang + ": använd sv eller en" }),
	say(func(QuietAndVerbose, Lang) string {
		return "--quiet och --verbose säger emot varandra: ange en av dem"
	}),
	say(func(m MappingRequired, _ Lang) string {
		return "--mapping FIL krävs (se leadimport " + m.Command + " --help)"
	}),
	say(func(m NoInputFile, _ Lang) string {
		return "ingen indatafil angiven: leadimport " + m.Command + " --mapping " + m.Mapping + " FIL..."
	}),
	say(func(WorkersTooFew, Lang) string { return "--workers måste vara minst 1" }),
	say(func(m WorkersTooMany, _ Lang) string {
		return fmt.Sprintf("--workers får vara högst %d: fler skulle bara köa vid hastighetsgränsen och hos Connect", m.Max)
	}),
	say(func(RateNegative, Lang) string { return "--rate måste vara 0 (ingen gräns) eller mer" }),
	say(func(RetriesNegative, Lang) string { return "--retries måste vara 0 eller mer" }),
	say(func(MaxFailuresNegative, Lang) string {
		return "--max-failures måste vara 0 (avbryt aldrig) eller mer"
	}),
	say(func(MaxThrottleNegative, Lang) string {
		return "--max-throttle måste vara 0 (avbryt aldrig) eller mer"
	}),
	say(func(MaxInvalidTooLow, Lang) string { return "--max-invalid måste vara 0 eller mer (-1: ingen gräns)" }),
	say(func(HeaderRowFlag, Lang) string { return "--header-row måste vara ett radnummer, 1 eller mer" }),
	say(func(RateLimitNegative, Lang) string { return "--rate-limit måste vara 0 (ingen gräns) eller mer" }),
	say(func(SettleNegative, Lang) string { return "--settle måste vara 0 (av) eller mer" }),
	say(func(m EncodingFlag, _ Lang) string {
		return "--encoding " + m.Given + ": använd någon av " + strings.Join(m.Known, ", ")
	}),
	say(func(m EndpointFlag, _ Lang) string {
		return "--endpoint " + m.Given + ": använd någon av " + strings.Join(m.Known, ", ")
	}),
	say(func(m DelimiterFlag, _ Lang) string {
		return fmt.Sprintf("--delimiter %q: ange ett tecken som skiljer cellerna åt, t.ex. , ; | : eller tab (inte en bokstav, siffra, ett mellanslag eller citattecken)", m.Given)
	}),
	say(func(SetWant, Lang) string { return "skriv FÄLT=VÄRDE, t.ex. estateId=OBJ1234" }),
	say(func(NoCredentials, Lang) string {
		return "inga inloggningsuppgifter till Connect: sätt VITEC_USERNAME och VITEC_PASSWORD, eller ange --credentials FIL (en rad användare:lösenord, chmod 600)"
	}),
	say(func(m NoLedgerPlace, l Lang) string {
		return l.Error(m.Err) + ": ange var liggaren ska ligga med --ledger FIL"
	}),
	say(func(NoSpreadsheets, Lang) string { return "inga kalkylblad att importera" }),
	say(func(m RefusedNotRecorded, l Lang) string {
		return "körningen registreras inte i liggaren, så historiken visar den inte: " + l.Error(m.Err)
	}),
	say(func(Interrupting, Lang) string {
		return "avbruten: gör klart det som pågår (avbryt igen för att sluta direkt)"
	}),
	say(func(OneInputFile, Lang) string { return "ange en indatafil: leadimport init [-o FIL] INDATA" }),
	say(func(m WriteMapping, l Lang) string { return "mappningen går inte att skriva: " + l.Error(m.Err) }),
	say(func(m WroteMapping, _ Lang) string {
		return fmt.Sprintf("skrev %s: %d kolumner placerade, %d inte; granska den, sedan: leadimport check --mapping %s %s",
			m.Path, m.Placed, m.Unplaced, m.Path, m.Input)
	}),
	say(func(m ProposedInterest, _ Lang) string {
		by := "rubriken " + quotedList(m.Headers, "och")
		if len(m.Headers) > 1 {
			by = "rubrikerna " + quotedList(m.Headers, "och")
		}
		return fmt.Sprintf("mappningen gäller intresseanmälningar (endpoint: Interest), eftersom %s säger det; om personerna bara bad om slutpriset: leadimport init --endpoint FinalPriceWatched %s", by, m.Input)
	}),
	say(func(m InitFits, _ Lang) string {
		return fmt.Sprintf("%s passar redan mappningen %s: prova den med  leadimport check --mapping %s %s", m.Input, m.Mapping, m.Given, m.Input)
	}),
	say(func(m RememberedMapping, _ Lang) string {
		return "de här rubrikerna har fått en mappning bekräftad förut: den föreslås som den var (sparad i " + m.Path + "; ta bort filen för att glömma den)"
	}),
	say(func(m FillInIDs, _ Lang) string {
		where := "mappningen"
		if m.Mapping != "" {
			where = m.Mapping
		}
		what := "de är platshållare"
		if len(m.Fields) == 1 {
			what = "det är en platshållare"
		}
		return fmt.Sprintf("fyll i %s i %s: %s, som check och run inte godtar", andList(m.Fields, "och"), where, what)
	}),
	say(func(m AddrNotLoopback, _ Lang) string {
		return "--addr " + m.Addr + ": ange en loopback-adress som 127.0.0.1:8089; sandlådan talar okrypterad HTTP och ska inte nås från andra datorer"
	}),
	say(func(m FailRateFlag, l Lang) string { return "--fail-rate: " + l.Error(m.Err) }),
	say(func(m SandboxListening, _ Lang) string { return "sandlådan: lyssnar på http://" + m.Addr }),
	say(func(m SandboxFaults, _ Lang) string {
		return fmt.Sprintf("sandlådan: lägger in fel %s (--seed %d)", m.Faults, m.Seed)
	}),
	say(func(m SandboxRateLimit, _ Lang) string {
		return fmt.Sprintf("sandlådan: högst %g förfrågningar i sekunden, sedan 429", m.Rate)
	}),
	say(func(m SandboxPassword, _ Lang) string {
		return fmt.Sprintf("sandlådan: användare %q, lösenord %s", m.User, m.Password)
	}),
	say(func(m SandboxPasswordFromEnv, _ Lang) string {
		return fmt.Sprintf("sandlådan: användare %q, lösenord från LEADIMPORT_SANDBOX_PASSWORD", m.User)
	}),
	say(func(m SandboxStopped, _ Lang) string {
		return fmt.Sprintf("sandlådan: stoppad efter att ha tagit emot %d leads", m.Accepted)
	}),
	say(func(m ServeOpen, _ Lang) string { return "leadimport serve: öppna " + m.URL }),
	say(func(m ServeNotLoopback, _ Lang) string {
		return "--addr " + m.Addr + " är ingen loopback-adress: andra datorer når sidan, över okrypterad HTTP; den som har länken med dess nyckel kan skicka leads"
	}),
	say(func(m ServeAddrFlag, _ Lang) string {
		return "--addr " + m.Addr + ": ange värd:port, t.ex. 127.0.0.1:0 (en ledig port på den här datorn)"
	}),
	say(func(m ServeAddrEvery, _ Lang) string {
		return "--addr " + m.Addr + ": ange den enda adress att lyssna på, t.ex. 192.168.1.10:8080 (datorns adress i kontorets nät), inte alla adresser"
	}),
	say(func(m ServeTokenShort, _ Lang) string {
		return fmt.Sprintf("LEADIMPORT_SERVE_TOKEN måste vara minst %d tecken: den är sidans hemlighet", m.Min)
	}),
	say(func(MaxUploadFlag, Lang) string {
		return "--max-upload måste vara 1 (MiB) eller mer, och högst 1048576 (1 TiB)"
	}),
	say(func(ServeStopped, Lang) string {
		return "leadimport serve: stoppad; de uppladdade filerna är borttagna"
	}),
	say(func(m ServeNoBrowser, l Lang) string {
		return "det gick inte att öppna en webbläsare (" + l.Error(m.Err) + "): öppna adressen ovan själv"
	}),
	say(func(WebUnauthorized, Lang) string {
		return "öppna sidan med länken som leadimport serve skrev ut när den startade (den innehåller nyckeln)"
	}),
	say(func(m WebBadHost, _ Lang) string {
		return fmt.Sprintf("en begäran till %q nekades: öppna sidan på adressen som leadimport serve skrev ut", m.Host)
	}),
	say(func(WebForeignOrigin, Lang) string { return "en begäran från en annan webbplats nekades" }),
	say(func(m WebTooLarge, _ Lang) string {
		return fmt.Sprintf("filen är större än %d MiB, det mesta sidan tar emot (leadimport serve --max-upload)", m.MiB)
	}),
	say(func(WebNoFile, Lang) string { return "ingen fil: välj ett blad (CSV, TXT, TSV, XLSX eller XLSM)" }),
	say(func(m WebBadRequest, _ Lang) string { return "begäran går inte att läsa: " + m.Detail }),
	say(func(m WebBadLang, _ Lang) string {
		return fmt.Sprintf("lang=%q: sidan talar sv (svenska) och en (engelska); be om ett av dem", m.Lang)
	}),
	say(func(WebNoImport, Lang) string {
		return "den här importen finns inte längre (den är klar, eller leadimport serve har startats om): släpp bladet igen"
	}),
	say(func(WebStopping, Lang) string {
		return "leadimport serve håller på att stängas: inget mer skickas; starta den igen och släpp bladet igen"
	}),
	say(func(m WebNoRow, _ Lang) string { return fmt.Sprintf("rad %d är ingen rad i bladets tabell", m.Row) }),
	say(func(m WebNoColumn, _ Lang) string { return fmt.Sprintf("bladet har ingen kolumn %q", m.Header) }),
	say(func(WebBusy, Lang) string {
		return "importen skickas just nu: vänta tills den är klar, eller stoppa den"
	}),
	say(func(WebNoMapping, Lang) string { return "bekräfta först hur kolumnerna matchas" }),
	say(func(WebSentAlready, Lang) string {
		return "den här importen är redan skickad; släpp bladet igen för att skicka igen (rader som skickats hoppas över)"
	}),
	say(func(m WebNoReport, _ Lang) string {
		if m.Written == "" {
			return "det finns ingen rapport än: den skrivs när importen skickas"
		}
		return fmt.Sprintf("rapporten skrevs som %s, inte %s", strings.ToUpper(m.Written), strings.ToUpper(m.Format))
	}),
	say(func(WebNeedCredentials, Lang) string {
		return "leadimport har inget användarnamn och lösenord till Connect än: ange dem för att skicka"
	}),
	say(func(WebNothingToSend, Lang) string { return "ingen rad är giltig: det finns inget att skicka" }),
	say(func(m Page, _ Lang) string { return m.Text.in(pageSV) }),
}

// pageSV are the words of serve's page (page.go), in Swedish.
var pageSV = map[PageText]string{
	PageSkip:       "Hoppa till innehållet",
	PageTagline:    "Skicka intresseanmälningar till Vitec",
	PageStepsLabel: "Steg",
	PageNavFile:    "Fil",
	PageNavMatch:   "Matcha",
	PageNavCheck:   "Kontrollera",
	PageNavSend:    "Skicka",
	PageNavReport:  "Rapport",
	PageNavHistory: "Historik",
	PageSwitchTo:   "English",

	PageHFile:          "Välj kalkylbladet",
	PageFileIntro:      "Dra filen med anmälningarna hit, eller välj den. Excel (.xlsx, .xlsm) och CSV (.csv, .txt, .tsv) går bra. Filen ändras aldrig.",
	PageDropHere:       "Släpp filen här",
	PageOr:             "eller",
	PageChooseFile:     "Välj fil …",
	PageReading:        "Läser {name} …",
	PageReadDone:       "{name} är inläst.",
	PageNotSheet:       "{name} är inget kalkylblad som går att läsa: välj en .xlsx-, .xlsm-, .csv-, .txt- eller .tsv-fil.",
	PageHDetected:      "Det här hittades i filen",
	PageFileName:       "Fil",
	PageRowsCount:      "Rader",
	PageSheet:          "Blad",
	PageHeaderRow:      "Rubrikrad",
	PageEncoding:       "Teckenkodning",
	PageDelimiter:      "Avgränsare",
	PageDetected:       "Hittad automatiskt",
	PageTab:            "tabb",
	PageDelimComma:     ", (komma)",
	PageDelimSemicolon: "; (semikolon)",
	PageDelimPipe:      "| (lodstreck)",
	PageDelimColon:     ": (kolon)",
	PageDetectedAs:     "hittad: {value}",
	PageReread:         "Läs filen igen med de här valen",

	PageHMatch:          "Matcha kolumnerna",
	PageMatchIntro:      "Välj för varje kolumn vilket fält i Vitec den fyller. Förslaget kommer från kolumnernas rubriker och värden; kontrollera det.",
	PageRemembered:      "Matchningen känns igen: den sparades förra gången ett blad med samma rubriker lästes in.",
	PageEndpointLegend:  "Vad vill besökarna?",
	PageEpFinalPrice:    "Slutpris",
	PageEpFinalHint:     "Få veta vad objektet såldes för (FinalPriceWatched)",
	PageEpInterest:      "Intresseanmälan",
	PageEpInterestHint:  "Anmäla intresse för objektet, med samtyckesdatum och nuvarande boende (Interest)",
	PageNoTwin:          "{endpoint} har inget fält {field}: kolumnen skickas inte. Välj ett annat fält om den ska med.",
	PageConstDropped:    "{endpoint} har inget fält {field}: värdet för alla rader togs bort.",
	PageStatusDropped:   "{endpoint} har ingen status {status}: statusen för alla rader togs bort.",
	PageMatchCaption:    "Kolumnerna i filen och fälten de fyller",
	PageThColumn:        "Kolumn i filen",
	PageThExamples:      "Exempel",
	PageThField:         "Fyller fältet",
	PageNotSent:         "— skickas inte —",
	PageFieldFor:        "Fält för kolumnen {column}",
	PageNoExamples:      "(tom)",
	PageGroupPerson:     "Personen",
	PageGroupLead:       "Anmälan",
	PageGroupHome:       "Nuvarande boende",
	PageConstantsLegend: "Samma för alla rader",
	PageConstantsIntro:  "Uppgifter som inte står i filen. En ifylld cell i en matchad kolumn går före det som står här.",
	PageCustomerID:      "Kund-id",
	PageEstateID:        "Objekt-id",
	PageRequired:        "(krävs)",
	PageCustomerIDHint:  "Byråns kund-id i Vitec, t.ex. M1001",
	PageEstateIDHint:    "Objektets id i Vitec, t.ex. OBJ1234",
	PageFromColumn:      "Kolumnen {column} ger värdet; det här gäller bara rader där den är tom.",
	PageStatus:          "Status",
	PageNone:            "(ingen)",
	PageStInterested:    "Intresserad",
	PageStVeryInterest:  "Mycket intresserad",
	PageStAssigned:      "Anvisad",
	PageStNotInterested: "Ej intresserad",
	PageReferrer:        "Varifrån (referrer)",
	PageReferrerExample: "visning",
	PageNeedCustomer:    "Fyll i byråns kund-id, t.ex. M1001.",
	PageNeedEstate:      "Fyll i objektets id, t.ex. OBJ1234, eller matcha en kolumn till Objekt-id.",
	PagePlaceholderID:   "{id} är en platshållare, inte ett riktigt id.",
	PageMappingProblems: "Matchningen behöver rättas:",
	PageLineProblem:     "rad {line}: {problem}",
	PageCheckButton:     "Kontrollera raderna",
	PageChecking:        "Kontrollerar …",

	PageFieldFirstName:    "Förnamn",
	PageFieldLastName:     "Efternamn",
	PageFieldFullName:     "Hela namnet (delas i för- och efternamn)",
	PageFieldPersonnummer: "Personnummer",
	PageFieldForeign:      "Utländskt personnummer (ja/nej)",
	PageFieldEmail:        "E-post",
	PageFieldEmail2:       "E-post 2",
	PageFieldCell:         "Mobil",
	PageFieldHome:         "Telefon hem",
	PageFieldWork:         "Telefon arbete",
	PageFieldOther:        "Telefon annan",
	PageFieldStreet:       "Gatuadress",
	PageFieldZip:          "Postnummer",
	PageFieldCity:         "Ort",
	PageFieldEstateID:     "Objekt-id",
	PageFieldCustomerID:   "Kund-id",
	PageFieldBuyerStatus:  "Status (spekulant)",
	PageFieldMessage:      "Meddelande",
	PageFieldLeadSource:   "Leadkälla (id)",
	PageFieldReferrer:     "Varifrån (referrer)",
	PageFieldAssignment:   "Tilldelningskälla (id)",
	PageFieldConsentDate:  "Samtyckesdatum (GDPR)",
	PageFieldHomeType:     "Nuvarande boende: typ",
	PageFieldHomeSpace:    "Nuvarande boende: boarea (m²)",
	PageFieldHomeRooms:    "Nuvarande boende: antal rum",
	PageFieldHomePrice:    "Nuvarande boende: värde (kr)",
	PageFieldHomeOther:    "Nuvarande boende: övrigt",

	PageHCheck:         "Kontrollera och rätta",
	PageSummaryValid:   "{valid} av {total} rader kan skickas",
	PageSummaryInvalid: ", {invalid} har fel som måste rättas först.",
	PageSummaryEnd:     ".",
	PageHReasons:       "Vad som är fel",
	PageNoReasons:      "Inga fel: alla rader kan skickas.",
	PageReasonRow:      "1 rad",
	PageReasonRows:     "{n} rader",
	PageHPerColumn:     "Per kolumn",
	PageColValid:       "giltiga",
	PageColChanged:     "ändrade",
	PageColInvalid:     "ogiltiga",
	PageColEmpty:       "tomma",
	PageColWarnings:    "varningar",
	PageHRows:          "Raderna",
	PageRowsIntro:      "Rader med fel står först. Röda celler är fel och gula ser misstänkta ut; skälet står bredvid. Tryck på ”Rätta” för att ändra en rad här; filen ändras inte, men det rättade värdet skickas och står i rapporten.",
	PageShow:           "Visa:",
	PageShowProblems:   "rader med fel eller varningar",
	PageShowAll:        "alla rader",
	PageRowsCaption:    "Raderna i filen, med fel och ändringar",
	PageThRow:          "Rad",
	PageThStatus:       "Status",
	PageFix:            "Rätta",
	PageFixRow:         "Rätta rad {row}",
	PageSave:           "Spara",
	PageCancel:         "Avbryt",
	PageSaveRow:        "Spara rad {row}",
	PageCancelRow:      "Avbryt rättningen av rad {row}",
	PageCellLabel:      "{column}, rad {row}",
	PageEditedOnPage:   "rättad här",
	PageCellCut:        "Cellen är längre än vad som visas här.",
	PageCutReplace:     "Cellen är för lång för att visas hel: det du skriver ersätter hela cellen.",
	PageEmpty:          "tomt",
	PageSentAs:         "skickas som {field}",
	PageSaving:         "Sparar …",
	PageRowSaved:       "Rad {row} är rättad och kontrollerad igen.",
	PageNoProblemRows:  "Inga rader med fel eller varningar.",
	PageShowingRows:    "Visar {shown} av {total} rader.",
	PageMoreRows:       "Visa fler rader",
	PageRecheck:        "Kontrollera igen",
	PageStale:          "Du har ändrat matchningen: kontrollera igen innan du skickar.",

	PageStSent:      "skickad",
	PageStValid:     "giltig",
	PageStSkipped:   "redan skickad",
	PageStDuplicate: "dubblett",
	PageStInvalid:   "fel",
	PageStFailed:    "misslyckad",
	PageStNotSent:   "inte skickad",

	PageHSend:         "Skicka till Vitec",
	PageCredIntro:     "Ange användarnamn och lösenord för Vitec Express Connect. Lösenordet visas aldrig igen.",
	PageUsername:      "Användarnamn",
	PagePassword:      "Lösenord",
	PageCredRefused:   "Vitec tog inte emot användarnamnet eller lösenordet. Skriv in dem igen: de används i stället för de förra.",
	PageCredSave:      "Spara i inloggningsfilen på den här datorn (bara du kan läsa den; det som sparats där förut ersätts)",
	PageCredSubmit:    "Använd inloggningen",
	PageCredSaved:     "Inloggningen används nu.",
	PageSendLead:      "Skicka 1 lead till Connect",
	PageSendLeadTo:    "Skicka 1 lead till Connect ({where})",
	PageSendLeads:     "Skicka {n} leads till Connect",
	PageSendLeadsTo:   "Skicka {n} leads till Connect ({where})",
	PageWhereCustomer: "kund {customer}",
	PageWhereEstate:   "objekt {estate}",
	PageAndMore:       "{list} och {n} till",
	PageNothingToSend: "Det finns inga giltiga rader att skicka.",
	PageSendNote:      "Rader som redan har skickats tidigare skickas inte igen.",
	PageReportFormat:  "Rapporten som",
	PageFmtXlsx:       "Excel (.xlsx)",
	PageFmtCsv:        "CSV (.csv)",
	PageStop:          "Stoppa",
	PageRetry:         "Försök igen",
	PagePSent:         "Skickade",
	PagePFailed:       "Misslyckade",
	PagePSkipped:      "Redan skickade",
	PagePRemaining:    "Kvar",
	PagePRate:         "Per sekund",
	PageProgress:      "{done} av {total} klara",
	PageStarting:      "Startar …",
	PageStopping:      "Stoppar: pågående förfrågningar får bli klara …",
	PageStoppedLabel:  "Stoppat",
	PageDoneSent:      "Klart: {sent} skickade",
	PageDoneFailed:    ", {failed} misslyckades",
	PageDoneSkipped:   ", {skipped} var redan skickade",
	PageDoneEnd:       ".",
	PageStoppedDone:   "Stoppat. {sent} skickades; resten är inte skickade och står i rapporten.",

	PageHReport:      "Rapport",
	PageReportIntro:  "Rapporten har en rad för varje rad i filen: skickad, eller varför inte. Öppna den i Excel.",
	PageDlXlsx:       "Ladda ner rapporten (Excel)",
	PageDlCsv:        "Ladda ner rapporten (CSV)",
	PageDlMapping:    "Matchningen som YAML (för körning varje natt)",
	PageAnother:      "Skicka en fil till",
	PageHHistory:     "Tidigare körningar",
	PageHWhen:        "När",
	PageHInputs:      "Fil",
	PageHCounts:      "Resultat",
	PageHReportCol:   "Rapport",
	PageHistoryEmpty: "Inga körningar ännu.",
	PageRefresh:      "Uppdatera",
	PageOpenReport:   "Ladda ner",
	PageFooter:       "Allt stannar på den här datorn tills du trycker på Skicka.",
	PageNetwork:      "Sidan når inte leadimport. Körs programmet fortfarande? Starta det igen och ladda om sidan.",
	PageUnauthorized: "Sidan har inte längre tillgång till leadimport. Öppna adressen som leadimport skrev ut när det startade.",
	PageServerError:  "Något gick fel i leadimport (fel {status}). Försök igen.",

	PageCountSent:      "skickade",
	PageCountValid:     "giltiga",
	PageCountSkipped:   "redan skickade",
	PageCountDuplicate: "dubbletter",
	PageCountInvalid:   "med fel",
	PageCountFailed:    "misslyckade",
	PageCountNotSent:   "inte skickade",
}

// identitiesSV say each Identity in Swedish, after "samma".
var identitiesSV = [numIdentities]string{
	ByPersonnummer:  "personnummer",
	ByForeignNumber: "utländska id-nummer",
	ByEmail:         "e-postadress",
	ByNameAndPhone:  "namn och telefonnummer",
}

// anotherFieldSV, differentFieldsSV and theFieldSV say each PersonField
// as "men en annan …", "som har olika …" and a definite form want it.
var (
	anotherFieldSV = [numPersonFields]string{
		FieldName: "ett annat namn", FieldPersonnummer: "ett annat personnummer", FieldEmail: "en annan e-postadress",
		FieldPhone: "ett annat telefonnummer", FieldAddress: "en annan adress", FieldMessage: "ett annat meddelande",
		FieldOther: "andra uppgifter",
	}
	differentFieldsSV = [numPersonFields]string{
		FieldName: "olika namn", FieldPersonnummer: "olika personnummer", FieldEmail: "olika e-postadresser",
		FieldPhone: "olika telefonnummer", FieldAddress: "olika adresser", FieldMessage: "olika meddelanden",
		FieldOther: "olika övriga uppgifter",
	}
	theFieldSV = [numPersonFields]string{
		FieldName: "namnet", FieldPersonnummer: "personnumret", FieldEmail: "e-postadressen",
		FieldPhone: "telefonnumret", FieldAddress: "adressen", FieldMessage: "meddelandet",
		FieldOther: "övriga uppgifter",
	}
)

// ledgerStepsSV say each LedgerStep in Swedish, as ledgerStepsEN do in
// English.
var ledgerStepsSV = [numLedgerSteps]string{
	LookUpLead:        "leadet går inte att slå upp",
	ReadHistory:       "historiken går inte att läsa",
	BeginRun:          "körningen går inte att påbörja",
	FinishRun:         "körningen går inte att avsluta",
	RecordPending:     "leadet går inte att registrera som väntande",
	RecordSent:        "leadet går inte att registrera som skickat",
	RecordFailed:      "leadet går inte att registrera som misslyckat",
	SyncLedger:        "liggaren går inte att synkronisera",
	CloseWriter:       "liggarens skrivanslutning går inte att stänga",
	ReleaseLock:       "liggarens lås går inte att släppa",
	SetWAL:            "WAL-läget går inte att slå på",
	CreateSchema:      "liggarens tabeller går inte att skapa",
	MigrateSchema:     "liggaren går inte att uppdatera till den här versionen",
	StoreSecret:       "liggarens hemliga nyckel går inte att spara",
	MarkLedger:        "filen går inte att märka som liggare",
	ReadSecret:        "liggarens hemliga nyckel går inte att läsa",
	PrepareStatements: "liggarens frågor går inte att förbereda",
	RecordRefused:     "den avvisade körningen går inte att registrera",
}

// kindSV is what a file of kind k is, with its article, in Swedish.
func kindSV(k FileKind) string {
	switch k {
	case KindFIFO:
		return "en namngiven pipe (FIFO)"
	case KindSocket:
		return "en socket"
	case KindDevice:
		return "en enhetsfil"
	case KindFolder:
		return "en mapp"
	case KindLink:
		return "en symbolisk länk"
	}
	return "en specialfil"
}
