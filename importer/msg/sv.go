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
func swedish(m Message, l Lang) string {
	switch m := m.(type) {
	// Said the same in every language.
	case Verbatim:
		return m.Text
	case Joined:
		return lines(m.Parts, l)

	// A row's cells (mapping).
	case Required:
		return "krävs"
	case TooLong:
		return fmt.Sprintf("har %d tecken, högst %d är tillåtna", m.Len, m.Max)
	case ControlCharacter:
		return fmt.Sprintf("innehåller ett osynligt styrtecken (%s): ta bort det i cellen, eller hela värdet och skriv det igen", controlName(m.Code))
	case NoContact:
		return "ingen e-post eller telefon: minst en av dem krävs"
	case NotBuyerStatus:
		return "ska vara Anvisad, Intresserad eller Ej intresserad (Assigned, Interested, NotInterested)"
	case NotInterestStatus:
		return "ska vara Intresserad, Mycket intresserad, Anvisad eller Ej intresserad (Interested, VeryInterested, Assigned, NotInterested)"
	case NotDate:
		return "är inget datum: skriv 2026-11-28, 28/11/2026, 28.11.2026 eller 28 nov 2026, eller gör cellen till en datumcell"
	case DateInFuture:
		return fmt.Sprintf("är efter i dag (%s): ett samtycke kan inte ges i framtiden; kontrollera årtalet", m.Today)
	case DateTooEarly:
		return fmt.Sprintf("är före %s: kontrollera årtalet", m.Earliest)
	case NotNumber:
		if m.Unit != "" {
			return fmt.Sprintf("är inget tal: skriv ut det, t.ex. %s (en enhet, %s, får stå efter)", m.Example, m.Unit)
		}
		if m.Example == "" { // a body's value, judged without its field's example (the sandbox)
			return "är inget tal"
		}
		return fmt.Sprintf("är inget tal: skriv ut det, t.ex. %s", m.Example)
	case BornLongAgo:
		return fmt.Sprintf("säger att personen är född %d (%d år); kontrollera årtalet", m.Year, m.Age)
	case MailDomainTypo:
		domain, meant := m.parts()
		return fmt.Sprintf("%s ser ut som ett skrivfel för %s (%s?); skickas som det är skrivet", domain, m.Likely, meant)
	case PlaceholderID:
		return "är en platshållare, inget id: skriv dit det riktiga från Vitec Express"
	case NoCustomerID:
		return "customerId är tomt på den här raden"
	case NoEstateID:
		return "estateId är tomt på den här raden"
	case FirstName:
		return "förnamnet " + l.Say(m.Problem)
	case LastName:
		return "efternamnet " + l.Say(m.Problem)
	case NotBool:
		return "ska vara ja eller nej (true/false, yes/no, 1/0 och x för ja går också)"
	case SeveralEmails:
		return "ska vara en e-postadress, inte flera; lägg en andra i " + m.Second
	case EmailSpaces:
		return "en e-postadress har inga mellanslag"
	case NotEmail:
		return "är ingen e-postadress som anna@example.se"
	case NotEmailDomain:
		return "delen efter @ ska vara en domän som example.se"
	case PhoneCharacters:
		return "ett telefonnummer får bara innehålla siffror, mellanslag och + - ( ) / ."
	case PhoneTooShort:
		return "ett telefonnummer behöver minst 5 siffror"
	case NoCountryCode:
		return "är inget giltigt telefonnummer: inget land har koden efter + eller 00 (Sverige har +46)"
	case NotPhone:
		return "är inget giltigt telefonnummer"
	case NotSwedishPhone:
		return "är inget giltigt svenskt telefonnummer"
	case NotPhoneInRegion:
		return "är inget giltigt telefonnummer för " + m.Region
	case CellNotMobile:
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
	case SentAs:
		return "skickas som " + m.Field
	case NotPostcode:
		return "är inget svenskt postnummer (fem siffror, t.ex. 123 45)"
	case OneFirstOneLast:
		return `behöver ett förnamn och ett efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`
	case FirstAndLast:
		return `behöver både förnamn och efternamn: skriv "Anna Svensson" eller "Svensson, Anna"`

	// Cells that mean empty, and lenient fields (mapping).
	case Emptied:
		return "tomt"
	case LeftOut:
		return l.Say(m.Problem) + "; skickas utan värdet (validation: lenient)"
	case EmptyNotList:
		return `input.empty ska vara en lista med de texter som betyder en tom cell, t.ex. ["-", saknas, N/A], eller [] för inga; inte ` + l.Say(m.Value)
	case EmptyEntryNotText:
		return `input.empty: varje post ska vara en text, t.ex. "-" eller saknas (sätt - ? och andra tecken inom citattecken), inte ` + l.Say(m.Value)
	case ValidationNotLines:
		return "validation ska vara strict eller lenient, eller rader `fält: strict|lenient`, t.ex. `person.telephone.cell: lenient`, inte " + l.Say(m.Value)
	case BadValidation:
		s := "validation"
		if m.Key != "" {
			s += "." + m.Key
		}
		s += " " + l.Say(m.Value) + " är inget värde den tar"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; använd strict (standard) eller lenient"
	case RequiredNotLenient:
		return m.Field + " krävs på varje rad och kan därför inte vara lenient; ta bort raden"

	// Why a number is not a personnummer (mapping).
	case InterimNumber:
		return "ser ut som ett reservnummer (en bokstav bland de fyra sista), inte ett personnummer"
	case OrganisationNumber:
		return "ser ut som ett organisationsnummer, inte ett personnummer"
	case NoSuchDate:
		if m.Coordination {
			return "datumet finns inte: " + m.Date + " (ett samordningsnummer, där dagen har 60 tillagt)"
		}
		return "datumet finns inte: " + m.Date
	case ZeroSerial:
		return "inget personnummer har 000 efter datumet"
	case CheckDigit:
		return fmt.Sprintf("kontrollsiffran ska vara %d", m.Want)
	case PersonnummerFormat:
		return "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN)"
	case PersonnummerSpace:
		return "ska vara 10 eller 12 siffror (ÅÅÅÅMMDD-NNNN); skriv - mellan datumet och de fyra sista, inte ett mellanslag"

	// The mapping file, and how it meets an input and --set (mapping).
	case InMapping:
		return m.where(l.Say(m.Problem))
	case NoMappings:
		return "ingen mappningsfil (*.yaml) i mappen " + m.Folder
	case OpenMapping:
		return "mappningsfilen går inte att öppna: " + l.Error(m.Err)
	case ReadMapping:
		return "mappningsfilen " + m.Name + " går inte att läsa: " + l.Error(m.Err)
	case MappingTooLarge:
		return fmt.Sprintf("är större än %d byte: är det verkligen mappningsfilen?", m.Max)
	case NotYAML:
		s := "ogiltig YAML: " + m.Detail
		switch m.Hint {
		case YAMLTab:
			s += ": dra in med mellanslag, inte tabbar, och sätt citattecken kring ett värde som börjar med @ eller `"
		case YAMLNotText:
			s += ": är det mappningsfilen? En sådan är text (leadimport init gör en)"
		}
		return s
	case MappingEmpty:
		return "är tom; en mappningsfil börjar så här:\n" + m.Example
	case MappingNotKeys:
		return "ska vara en YAML-mappning av nycklar till värden; en mappningsfil börjar så här:\n" + m.Example
	case KeyTwice:
		return fmt.Sprintf("%q anges två gånger (först på rad %d); behåll en", m.Key, m.First)
	case UnknownKey:
		s := fmt.Sprintf("okänd nyckel %q", m.Key)
		if m.Section != "" {
			s += " under " + m.Section
		}
		if m.Suggest != "" {
			return s + fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; nycklarna är " + strings.Join(m.Keys, ", ")
	case NoVersion:
		return "version saknas; lägg till `version: 1` överst"
	case NoColumns:
		return "columns saknas; lägg till `columns:` med en rad `Rubrik: fält` per kolumn i indata, t.ex. `Förnamn: person.firstName`"
	case UnsupportedVersion:
		return "version " + l.Say(m.Value) + " stöds inte: den här leadimport läser version 1; skriv `version: 1`"
	case UnsupportedEndpoint:
		if m.Suggest != "" {
			return fmt.Sprintf("endpoint %s känner leadimport inte till (menade du %s?); de som finns är %s, den första förvald", l.Say(m.Value), m.Suggest, strings.Join(m.Endpoints, ", "))
		}
		return fmt.Sprintf("endpoint %s känner leadimport inte till; de som finns är %s, den första förvald", l.Say(m.Value), strings.Join(m.Endpoints, ", "))
	case SetEndpoint:
		return "--set kan inte ändra endpoint: den avgör vilka fält som finns; skriv `endpoint:` i mappningsfilen"
	case EmptyValue:
		return "(tomt)"
	case MappingValue:
		return "(en mappning)"
	case ListValue:
		return "(en lista)"
	case ColumnsEmpty:
		return "columns är tom; lägg till en rad `Rubrik: fält` per kolumn i indata, t.ex. `Förnamn: person.firstName`"
	case ColumnsNotLines:
		return "columns ska vara rader `Rubrik: fält`, t.ex. `Förnamn: person.firstName`, inte " + l.Say(m.Value)
	case ColumnWithoutHeader:
		return "en kolumn behöver en rubrik före kolonet, t.ex. `Förnamn: person.firstName`"
	case HeaderTwice:
		return fmt.Sprintf("kolumnen %q är samma rubrik som %q på rad %d (rubriker jämförs utan hänsyn till versaler och mellanslag runt om); behåll en", m.Header, m.First, m.Line)
	case FieldNotName:
		return fmt.Sprintf("kolumnen %q: fältet ska vara ett namn som person.firstName, inte %s", m.Header, l.Say(m.Value))
	case UnknownField:
		if m.Suggest != "" {
			return fmt.Sprintf("okänt fält %q (menade du %q?)", m.Field, m.Suggest)
		}
		return fmt.Sprintf("okänt fält %q; fälten är %s", m.Field, strings.Join(m.Fields, ", "))
	case FieldOfOtherEndpoint:
		if m.Suggest != "" {
			return fmt.Sprintf("fältet %q hör till %s; mappningens endpoint är %s, där det heter %q", m.Field, m.Other, m.Endpoint, m.Suggest)
		}
		return fmt.Sprintf("fältet %q finns bara i %s; mappningens endpoint är %s, som saknar det (eller skriv `endpoint: %s`)", m.Field, m.Other, m.Endpoint, m.Other)
	case BadUTMTag:
		return fmt.Sprintf("okänt fält %q: en UTM-tagg skrivs marketing.utmTags.NAMN, med ett NAMN utan mellanslag, t.ex. marketing.utmTags.utm_source", m.Field)
	case FieldTwice:
		return fmt.Sprintf("%s fylls av både %q (rad %d) och %q (rad %d); mappa en av dem till ett annat fält eller ta bort den", m.Field, m.First, m.FirstLine, m.Header, m.Line)
	case ConstantsNotLines:
		return "constants ska vara rader `fält: värde`, t.ex. `customerId: M1001`, inte " + l.Say(m.Value)
	case FullNameConstant:
		return fmt.Sprintf("%s kan bara komma från en kolumn; ange %s och %s som konstanter i stället", m.Full, m.First, m.Last)
	case ConstantTwice:
		return fmt.Sprintf("konstanten %s anges två gånger (först på rad %d); behåll en", m.Field, m.First)
	case ConstantEmpty:
		return fmt.Sprintf("konstanten %s saknar värde; ange ett, t.ex. `%s: %s`, eller ta bort raden", m.Field, m.Field, m.Example)
	case InputNotLines:
		return "input ska innehålla rader `sheet:`, `headerRow:`, `encoding:`, `delimiter:` eller `empty:`, inte " + l.Say(m.Value)
	case InputSheetEmpty:
		return "input.sheet är tomt; ange bladet som ska läsas, eller ta bort raden för att läsa det första"
	case BadHeaderRow:
		return "input.headerRow " + l.Say(m.Value) + " ska vara ett positivt heltal (1 är första raden), eller utelämnas för att använda första raden som inte är tom"
	case BadInputEncoding:
		return "input.encoding " + l.Say(m.Value) + " är ingen teckenkodning som leadimport läser; använd någon av " + strings.Join(m.Encodings, ", ") + ", eller ta bort raden så känns den av automatiskt"
	case BadInputDelimiter:
		return "input.delimiter " + l.Say(m.Value) + `: använd ett tecken som skiljer cellerna åt, t.ex. ",", ";", "|", ":" eller tab (inte en bokstav, siffra, ett mellanslag eller citattecken), eller ta bort raden så känns den av automatiskt`
	case NormalizeNotLines:
		return "normalize ska innehålla rader `" + strings.Join(m.Keys, ":`, `") + ":`, t.ex. `phone: national`, inte " + l.Say(m.Value)
	case BadNormalize:
		s := "normalize." + m.Key + " " + l.Say(m.Value) + " är inget värde den tar"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (menade du %q?)", m.Suggest)
		}
		return s + "; använd " + strings.Join(m.Values, ", ") + " (standard är " + first(m.Values) + ")"
	case FullNameAndPart:
		return fmt.Sprintf("kolumnen %q fyller %s, men %q (rad %d) ger redan för- och efternamnet; mappa antingen %s eller %s och %s", m.Header, m.Field, m.FullHeader, m.FullLine, m.Full, m.First, m.Last)
	case ConstantAndFullName:
		return fmt.Sprintf("konstanten %s krockar med kolumnen %q (rad %d), som ger för- och efternamnet; ta bort en av dem", m.Field, m.FullHeader, m.FullLine)
	case ColumnNotInInput:
		list := "(inga: är rubrikraden tom?)"
		if len(m.Headers) > 0 {
			list = strings.Join(m.Headers, ", ")
		}
		if m.Hidden > 0 {
			list += " (" + plural(m.Hidden, "cell", "celler") + " visas inte: inget känt rubriknamn, så kanske uppgifter om en person; står rubrikerna på en annan rad? se --header-row)"
		}
		return fmt.Sprintf("kolumnen %q finns inte i indata; dess rubriker är: %s", m.Header, list)
	case ColumnTwiceInInput:
		return fmt.Sprintf("kolumnen %q finns %d gånger i indata (kolumn %s); byt namn på alla utom en där, så att det är tydligt vilken som ska läsas", m.Header, len(m.Columns), numbers(m.Columns, " och "))
	case BadConstant:
		return fmt.Sprintf("konstanten %s %q: %s", m.Field, m.Value, l.Say(m.Problem))
	case SetValue:
		return "--set " + m.Field + "=" + m.Value + ": " + l.Say(m.Problem)
	case SetFullName:
		return "--set " + m.Field + ": " + m.Field + " kan bara komma från en kolumn; sätt " + m.First + " och " + m.Last + " i stället"
	case SetEmpty:
		return fmt.Sprintf("--set %s=: värdet är tomt; ange ett, t.ex. --set %s=%s", m.Field, m.Field, m.Example)
	case NotGiven:
		return fmt.Sprintf("%s saknas: mappa en kolumn till det, lägg till `%s: %s` under constants, eller ange --set %s=%s", m.Field, m.Field, m.Example, m.Field, m.Example)
	case NothingGivesName:
		return fmt.Sprintf("inget ger %s, som varje lead behöver: mappa en kolumn till det, eller mappa en kolumn till %s", m.Field, m.FullName)
	case NothingGivesContact:
		return fmt.Sprintf("inget ger en e-postadress eller ett telefonnummer, och varje lead behöver ett av dem: mappa en kolumn till %s eller %s (eller ett annat telefonfält)", m.Email, m.Cell)

	// The row as a whole, and sending it (importer).
	case ExtraCells:
		return fmt.Sprintf("%d celler men rubrikraden har %d: rätta raden eller rubrikraden; värden efter sista kolumnen", m.Cells, m.Header)
	case SamePerson:
		return fmt.Sprintf("samma person som rad %d: bara den raden skickas", m.Row)
	case SentBefore:
		return fmt.Sprintf("skickad förut, %s (körning %d): skickas inte igen; --force skickar den ändå", m.At.Format("2006-01-02 15:04"), m.Run)
	case ReportSaysSent:
		return "rapporten säger att den är skickad: skickas inte igen; töm dess statuscell för att skicka den ändå"
	case NotSent:
		return "inte skickad: " + l.Error(m.Err)
	case NotChecked:
		return "inte kontrollerad: " + l.Error(m.Err)
	case Interrupted:
		return "avbruten"
	case AfterAttempts:
		return fmt.Sprintf("%s (efter %d försök)", l.Error(m.Err), m.Attempts)
	case NotRetried:
		return l.Error(m.Err) + " (inget nytt försök: " + l.Error(m.Why) + ")"
	case NoAnswer:
		return "inget svar inom " + m.Within.String() + ": " + l.Error(m.Err)
	case UnansweredTwice:
		if m.Again {
			return l.Error(m.Err) + " (förfrågan gick iväg utan att något svar kom, som i en tidigare körning: inget nytt försök, eftersom varje försök kan ha nått Connect; sök upp leadet där)"
		}
		return fmt.Sprintf("%s (två gånger gick förfrågan iväg utan att något svar kom, på %d försök: inget nytt försök i den här körningen, eftersom var och en kan ha nått Connect)", l.Error(m.Err), m.Attempts)
	case CustomerRefused:
		return fmt.Sprintf("ingen behörighet till kunden %s: inte skickad, efter att %d förfrågningar i rad för den nekats (403)", m.Customer, m.Refusals)
	case ConnectDown:
		return fmt.Sprintf("Connect verkar vara nere: %d rader i rad misslyckades trots nya försök (--max-failures %d); kör igen senare, eller höj --max-failures", m.Failures, m.Max)
	case SameRefusal:
		return fmt.Sprintf("Connect nekade %d rader i rad med samma svar, som ingen rads innehåll förklarar: %s; kontrollera --base-url och mappningens endpoint", m.Rows, l.Error(m.Answer))
	case Throttled:
		return fmt.Sprintf("Connect har inte svarat annat än 429 Too Many Requests på %s (--max-throttle %s): kör igen senare, eller höj --max-throttle", m.For.Round(time.Second), m.Max)
	case CredentialsRefused:
		return "Connect nekade användarnamnet eller lösenordet (401): kontrollera VITEC_USERNAME och VITEC_PASSWORD, eller filen med inloggningsuppgifter"
	case TooManyInvalid:
		return fmt.Sprintf("för många ogiltiga rader: %d rader är ogiltiga, fler än --max-invalid %d; inget skickades (stämmer mappningen? leadimport check visar varje rad)", m.Invalid, m.Max)
	case CannotEncode:
		return "leadet går inte att koda: " + l.Error(m.Err)
	case LedgerRead:
		return "liggaren går inte att läsa: " + l.Error(m.Err)
	case LedgerWrite:
		return "liggaren går inte att skriva till: " + l.Error(m.Err)
	case ReportWrite:
		return "rapporten " + m.Path + " går inte att skriva till: " + l.Error(m.Err)
	case EarlierUnconfirmed:
		return "obs: skickad igen eftersom en tidigare körnings försök är obekräftat (den körningen stannade innan Connect svarade), så Connect kan ha registrerat leadet två gånger"
	case NotAContactID:
		return fmt.Sprintf("svaret, %d, är ett lyckat svar men inget kontakt-id som Connect ger (är --base-url Connects adress?): leadet kan finnas i Connect eller inte; sök upp det där innan raden skickas igen", m.Status)
	case NotNoContent:
		return fmt.Sprintf("svaret, %d, är ett lyckat svar men inte det 204 utan innehåll som Connect ger för en intresseanmälan (är --base-url Connects adress?): leadet kan finnas i Connect eller inte; sök upp det där innan raden skickas igen", m.Status)
	case AcceptedNoBody:
		return fmt.Sprintf("%d: mottaget, svar utan innehåll", m.Status)
	case MayHaveIt:
		return "obs: ett försök fick inget svar, så Connect kan ha registrerat leadet; nästa körning skickar det igen"
	case MaybeTwice:
		return "obs: nytt försök efter ett obekräftat (det fick inget svar), så Connect kan ha registrerat leadet två gånger"

	// Rows that are the same person but disagree on who that is, and a
	// lead sent before whose row has changed since (importer).
	case SameButOther:
		row := fmt.Sprintf("rad %d", m.Row)
		if m.Row == 0 {
			row = "en annan rad"
		}
		return fmt.Sprintf("samma %s som %s, men %s: kontrollera båda raderna",
			words(m.Identity, identitiesSV[:]), row, words(m.Field, anotherFieldSV[:]))
	case SameAsDisagreeing:
		rows := fmt.Sprintf("rad %d och %d", m.A, m.B)
		if m.A == 0 {
			rows = "två andra rader"
		}
		return fmt.Sprintf("samma %s som %s, som har %s: kontrollera raderna",
			words(m.Identity, identitiesSV[:]), rows, words(m.Field, differentFieldsSV[:]))
	case ChangedSinceSent:
		changed := make([]string, len(m.Fields))
		for i, f := range m.Fields {
			changed[i] = words(f, theFieldSV[:])
		}
		return fmt.Sprintf("skickad förut, %s (körning %d), och ändrad sedan dess%s: skickas inte igen; kontrollera raden, --force skickar den ändå",
			m.At.Format("2006-01-02 15:04"), m.Run, aside(andList(changed, "och")))
	case ComparingRows:
		return "raderna går inte att jämföra för att hitta samma person: " + l.Error(m.Err)

	// A row the reader could not read (importer/source).
	case InRow:
		return fmt.Sprintf("%s: rad %d: %s", m.File, m.Row, l.Error(m.Err))
	case UnclosedQuote:
		return `ett citattecken stängs aldrig: cellen i kolumn ` + m.Column + ` öppnar ett citattecken (") som filen aldrig stänger, så varje rad efter den skulle läsas in i den cellen: rätta citattecknen på den här raden`
	case StrayQuote:
		return `börjar med ett citattecken (") som aldrig stängs, så citattecknet lästes som en del av texten och raderna efter som rader: kontrollera cellen`
	case EditedOnPage:
		return "ändrad på sidan i leadimport serve; i filen står något annat"
	case UnreadableRow:
		return fmt.Sprintf("raden går inte att läsa: %s (rad %d, tecken %d i texten): kontrollera citattecknen på raden", l.Error(m.Err), m.Line, m.Column)
	case TooManyCells:
		return fmt.Sprintf("för stor: raden har %d celler, fler än de 16 384 kolumner Excel har", m.Cells)
	case CellPastLastColumn:
		return "för stor: raden har en cell i kolumn " + m.Column + ", efter de 16 384 kolumner Excel har"
	case CellTooLong:
		return fmt.Sprintf("för stor: cellen i kolumn %s har %d tecken, fler än de 32 767 Excel tillåter i en cell", m.Column, m.Len)
	case UndefinedByte:
		return fmt.Sprintf(`tecken som kodningen inte kan återge: cellen i kolumn %s innehåller byten 0x%02X, som windows-1252 inte definierar, så filen har en annan kodning: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`, m.Column, m.Byte)
	case BrokenCharacter:
		return fmt.Sprintf(`tecken som kodningen inte kan återge: cellen i kolumn %s innehåller ett trasigt %s-tecken, så filen är skadad: spara den från Excel som "CSV UTF-8" (Arkiv > Spara som) och försök igen`, m.Column, m.Encoding)
	case NotUTF8:
		if m.Detected {
			return `byte som inte är UTF-8 i kolumn ` + m.Column + `, fast början av filen är UTF-8: rätta cellen, eller om Excel sparade filen som vanlig "CSV", ange input.encoding eller --encoding windows-1252`
		}
		return `byte som inte är UTF-8 i kolumn ` + m.Column + `: ange input.encoding eller --encoding windows-1252 om Excel sparade filen som vanlig "CSV"`

	// A file the reader cannot read, and what it found in one it can (importer/source).
	case InFile:
		return m.File + ": " + l.Error(m.Err)
	case CannotOpen:
		return "går inte att öppna: " + l.Error(m.Err)
	case CannotReadIt:
		return "går inte att läsa: " + l.Error(m.Err)
	case ReadFailed:
		return "läsfel: " + l.Error(m.Err)
	case ReadAfterRow:
		return fmt.Sprintf("läsfel efter rad %d: %s", m.Row, l.Error(m.Err))
	case UnsupportedFile:
		what := fmt.Sprintf("%q-filer", m.Ext)
		if m.Ext == "" {
			what = "en fil utan filändelse"
		}
		return "okänd filtyp: " + what + " går inte att läsa: spara filen som .xlsx eller CSV (leadimport läser .csv, .txt, .tsv, .xlsx och .xlsm)"
	case UnknownEncoding:
		return fmt.Sprintf("okänd teckenkodning %q: använd någon av utf-8, utf-16le, utf-16be, utf-16 (filens BOM avgör), windows-1252 (även cp1252; latin1 och iso-8859-1 läses som windows-1252)", m.Encoding)
	case EncodingUnclear:
		return fmt.Sprintf("teckenkodningen går inte att avgöra: början av filen har %d tecken i UTF-8 men också %d byte som inte är UTF-8 (den första på rad %d), så den kan vara UTF-8 med en skadad cell eller windows-1252: titta på filen och ange sedan --encoding utf-8 (rader med byte som inte är UTF-8 blir då ogiltiga) eller --encoding windows-1252, eller input.encoding i mappningen; valen är utf-8, utf-16le, utf-16be, utf-16, windows-1252",
			m.UTF8Chars, m.BadBytes, m.BadLine)
	case BadDelimiter:
		return fmt.Sprintf("avgränsaren %q går inte att använda: använd ett tecken som ',', ';', '|', ':' eller tabb", m.Delimiter)
	case RowOverMiB:
		why := "en rad som aldrig tar slut"
		if m.Quote {
			why = `ett citattecken (") som aldrig stängs`
		}
		return fmt.Sprintf("rad %d: för stor: raden är över 1 MiB text, troligen %s: rätta filen i en textredigerare, eller spara den igen från Excel", m.Row, why)
	case WorkbookNamedCSV:
		return "filen är inte vad namnet säger: det är en Excel-arbetsbok (.xlsx) med filändelsen " + m.Ext + ": byt filändelse till .xlsx"
	case XLSNamedCSV:
		return "filen är inte vad namnet säger: det är en Excel .xls-fil eller en lösenordsskyddad arbetsbok med filändelsen " + m.Ext + `: öppna den i Excel och spara den som .xlsx eller "CSV UTF-8"`
	case TextNamedXLSX:
		return "filen är inte vad namnet säger: det är en textfil (CSV) med filändelsen " + m.Ext + ": byt namn på den till " + m.Stem + ".csv"
	case UnreadableContainer:
		return "ingen läsbar Excel .xlsx-fil (en Office-behållare som inte går att läsa: " + l.Error(m.Err) + "): öppna den i Excel och spara den som .xlsx eller CSV"
	case Encrypted:
		return "det här är en lösenordsskyddad Excel-fil: spara den utan lösenord och försök igen"
	case LegacyXLS:
		return "det här är en gammal .xls-fil från Excel 97–2003: öppna den i Excel och spara den som .xlsx eller CSV"
	case OtherOfficeFile:
		return "ingen läsbar Excel .xlsx-fil (en Office-fil av annat slag, till exempel ett Word-dokument): öppna den i Excel och spara den som .xlsx eller CSV"
	case NoWorkbookPart:
		return "ingen läsbar Excel .xlsx-fil (den innehåller ingen arbetsbok; det kan vara en Word- eller PowerPoint-fil): öppna den i Excel och spara den som .xlsx eller CSV"
	case EmptyWorkbookFile:
		return "ingen läsbar Excel .xlsx-fil (filen är tom): kopiera eller ladda ner den igen"
	case NotZip:
		return "ingen läsbar Excel .xlsx-fil (den är ingen zip-fil, vilket varje .xlsx är): öppna den i Excel och spara den som .xlsx eller CSV"
	case NotXLSX:
		return "ingen läsbar Excel .xlsx-fil (" + l.Error(m.Err) + "): öppna den i Excel och spara den som .xlsx eller CSV"
	case Incomplete:
		return "filen är ofullständig (avkortad) eller skadad (" + l.Error(m.Err) + "): kopiera eller ladda ner den igen, eller öppna den i Excel och spara den igen"
	case ZipBomb:
		return fmt.Sprintf("blir mer än %d MiB uppackad: vägras som en möjlig zip-bomb; om det är en riktig arbetsbok, spara dess rader som CSV", m.MiB)
	case SheetAfterRow:
		return fmt.Sprintf("bladet %q efter rad %d: %s", m.Sheet, m.Row, l.Error(m.Err))
	case NoSheets:
		return "inget blad att läsa: arbetsboken har inga blad"
	case AllSheetsHidden:
		return "inget blad att läsa: alla blad är dolda; filen har: " + sheetList(m.Sheets, " (dolt)") + ": ange ett av dem med inställningen sheet"
	case NoSuchSheet:
		return fmt.Sprintf("bladet %q finns inte; filen har: %s", m.Sheet, sheetList(m.Sheets, " (dolt)"))
	case ChartSheet:
		if len(m.Worksheets) == 0 {
			return fmt.Sprintf("bladet %q är ett diagram, utan rader att läsa, och arbetsboken har inget synligt kalkylblad", m.Sheet)
		}
		return fmt.Sprintf("bladet %q är ett diagram, utan rader att läsa: ange ett kalkylblad: %s", m.Sheet, sheetList(m.Worksheets, " (dolt)"))
	case HeaderRowNegative:
		return fmt.Sprintf("ingen rubrikrad hittades: rubrikrad %d: raderna numreras från 1 (0 väljer den första raden som inte är tom)", m.Row)
	case HeaderRowBlank:
		return fmt.Sprintf("ingen rubrikrad hittades: rad %d är tom: ange raden med kolumnnamnen som rubrikrad", m.Row)
	case NoHeaderRow:
		return "ingen rubrikrad hittades: " + l.Say(m.Why)
	case EmptyFile:
		return "filen är tom"
	case EmptySheet:
		return fmt.Sprintf("bladet %q är tomt", m.Sheet)
	case HeaderPastEnd:
		return fmt.Sprintf("ingen rubrikrad hittades: sista raden är %d, före rubrikrad %d: ange raden med kolumnnamnen som rubrikrad", m.Last, m.Want)
	case PartMissing:
		return "delen " + m.Part + " saknas"
	case PartTooLarge:
		return fmt.Sprintf("delen %s är större än %d MiB", m.Part, m.MiB)
	case TooManySharedStrings:
		return fmt.Sprintf("dess tabell över delade texter har fler än %d poster, fler än bladen har celler: en sådan fil skriver inte Excel; öppna den i Excel och spara den igen, eller spara bladet som CSV", m.Max)
	case SharedStringsTooLarge:
		return fmt.Sprintf("dess delade texter tar mer än %d MiB minne: spara bladet som CSV (UTF-8), som läses allteftersom", m.MiB)
	case XMLTooDeep:
		return "XML som är nästlad för djupt"
	case XMLTokenTooLong:
		return "ett XML-element eller en text på mer än 4 MiB"
	case TooManyRowsForXLSX:
		return fmt.Sprintf("%s har %d rader, fler än en .xlsx-rapport rymmer (%d under rubrikraden): skriv rapporten som CSV (--report NAMN.csv) eller dela filen; inget av den skickades", m.Input, m.Rows, m.Max)
	case CellTextTooLong:
		return "en cell vars text, med alla sina delar, är mer än 4 MiB"
	case PastLastRow:
		return fmt.Sprintf("rad %d ligger efter Excels sista rad, %d", m.Row, m.Max)
	case SharedStringsMissing:
		return fmt.Sprintf("%s: bladet %q: %s utan en text som arbetsboken har (en delad sträng saknas; den första är %s), lästa som tomma som Excel visar dem: kontrollera dem i Excel",
			m.File, m.Sheet, plural(m.Count, "textcell", "textceller"), m.Cell)
	case CSVFound:
		enc, delim := m.Encoding, fmt.Sprintf("'%c'", m.Delimiter)
		if m.BOM {
			enc += " med BOM"
		}
		if m.Delimiter == '\t' {
			delim = "tabb"
		}
		return fmt.Sprintf("%s: %s, %s, rubriker på rad %d, %s", m.File, enc, delim, m.HeaderRow, plural(m.Columns, "kolumn", "kolumner"))
	case XLSXFound:
		s := fmt.Sprintf("%s: bladet %q, rubriker på rad %d, %s", m.File, m.Sheet, m.HeaderRow, plural(m.Columns, "kolumn", "kolumner"))
		if m.Of > 1 {
			s += fmt.Sprintf(" (det första av %d blad: --sheet NAMN läser ett annat)", m.Of)
		}
		return s

	// A request Connect refused, or that never got an answer (importer/connect).
	case Unauthorized:
		return m.Status + ": Connect nekade användarnamnet eller lösenordet"
	case Forbidden:
		return m.Status + ": ingen behörighet till kunden eller funktionsgruppen" + aside(m.Connect)
	case SendFailed:
		return "connect: sändningen misslyckades: " + l.Error(m.Err)
	case BuildRequest:
		return "connect: förfrågan för " + m.Path + " går inte att skapa: " + l.Error(m.Err)

	// The client's settings, refused by New (importer/connect).
	case NoUsername:
		return "connect: inget användarnamn angivet"
	case ColonInUsername:
		return "connect: användarnamnet får inte innehålla ':'"
	case NoPassword:
		return "connect: inget lösenord angivet"
	case BaseURLUnparsable:
		return "connect: basadressen är ingen giltig URL: " + l.Error(m.Err)
	case BaseURLUnparsableSecret:
		return "connect: basadressen är ingen giltig URL och får inte innehålla användarnamn eller lösenord; ange bara t.ex. https://connect.maklare.vitec.net"
	case BaseURLUserInfo:
		return "connect: basadressen får inte innehålla användarnamn eller lösenord; ange dem för sig"
	case BaseURLNoHost:
		return fmt.Sprintf("connect: basadressen %q saknar värdnamn; väntade t.ex. https://connect.maklare.vitec.net", m.URL)
	case BaseURLQuery:
		return fmt.Sprintf("connect: basadressen %q får inte ha någon frågedel eller fragment (? eller #)", m.URL)
	case BaseURLScheme:
		return fmt.Sprintf("connect: basadressen %q måste börja med https://", m.URL)
	case PlainHTTP:
		return "connect: vägrar okrypterad http till " + m.Host + ": lösenordet skulle skickas okrypterat över nätverket; använd https (http går bara till 127.0.0.1, ::1 eller localhost)"
	case NoBaseURL:
		return "connect: klienten har ingen basadress; skapa den med New"

	// The ledger (importer/ledger).
	case LedgerBusy:
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
	case NoStateDir:
		if len(m.Unset) == 2 {
			return "ingen tillståndskatalog för liggaren: varken " + m.Unset[0] + " eller " + m.Unset[1] + " är satt"
		}
		return "ingen tillståndskatalog för liggaren: " + strings.Join(m.Unset, ", ") + " är inte satt"
	case NoLedgerPath:
		return "liggaren går inte att öppna: sökvägen är tom"
	case OpenLedger:
		return "liggaren " + m.Path + " går inte att öppna: " + l.Error(m.Err)
	case LockLedger:
		return "liggaren " + m.Path + " går inte att låsa: " + l.Error(m.Err)
	case NotDatabase:
		return "ingen SQLite-databas: " + l.Error(m.Err)
	case NotLedger:
		return "en SQLite-databas, men ingen liggare från leadimport"
	case EmptyLedger:
		return "filen är tom (eller en databas utan tabeller): den är ingen liggare som minns vad som skickats, och att ta den för en ny skulle skicka varje lead igen; om en ny liggare är vad du vill ha, kör med --new-ledger"
	case NoLedgerFile:
		return "filen finns inte: ingen körning har antecknat något där (kontrollera --ledger)"
	case NewerLedger:
		return fmt.Sprintf("liggaren är skriven av en nyare leadimport (schema %d, den här känner till %d)", m.Schema, m.Knows)
	case RunReleased:
		return "körningen i liggaren är redan avslutad"
	case LedgerFailed:
		return m.Step.in(&ledgerStepsSV) + ": " + l.Error(m.Err)
	case SecretSize:
		return fmt.Sprintf("%d byte, ska vara %d", m.Len, m.Want)
	case RunUnreadable:
		if m.Column == "" {
			return fmt.Sprintf("körning %d: %s", m.Run, l.Error(m.Err))
		}
		return fmt.Sprintf("körning %d, %s: %s", m.Run, m.Column, l.Error(m.Err))
	case RollbackFailed:
		return "liggarens transaktion gick inte att rulla tillbaka: " + l.Error(m.Err)
	case CannotRemove:
		return m.Path + " går inte att ta bort: " + l.Error(m.Err)

	// The report's own words, and its writer's failures (importer/report).
	case ReportSheet:
		return "Rapport"
	case SummarySheet:
		return "Sammanfattning"
	case SummaryStatus:
		return "status"
	case SummaryRows:
		return "rader"
	case SummaryTotal:
		return "totalt"
	case SummaryInput:
		return "indata"
	case SummaryMapping:
		return "mappning"
	case SummaryStarted:
		return "start"
	case SummaryFinished:
		return "slut"
	case SummaryCommand:
		return "kommando"
	case UnknownReportFormat:
		return fmt.Sprintf("rapporten %s: filändelsen %q säger inte vilket format den ska ha; ge den namnet .csv, .xlsx eller .jsonl", m.Path, m.Ext)
	case ReportFailed:
		return "rapporten kunde inte skrivas: " + l.Error(m.Err)

	// A row's cells beyond the input's header, in a CSV or XLSX report (importer/report).
	case CellsAtLineEnd:
		return "rapporten har cellerna efter sista kolumnen sist på raden, efter " + m.After +
			": flytta tillbaka texten dit den hör hemma och töm dem"

	// The console beside the log (importer/console).
	case UnknownLogFormat:
		return "--log-format " + m.Format + ": använd text eller json"
	case BarTitle:
		return fmt.Sprintf("%s (%d misslyckade, %d ogiltiga)", m.Input, m.Failed, m.Invalid)
	case BarUnit:
		return "rader"

	// The sandbox's --fail-rate (importer/sandbox).
	case InFault:
		return fmt.Sprintf("felet %q: %s (felsorter: %s)", m.Fault, l.Say(m.Problem), strings.Join(m.Kinds, ", "))
	case FaultWithoutProbability:
		return "skriv felsort=sannolikhet"
	case UnknownFaultKind:
		return fmt.Sprintf("okänd felsort %q", m.Kind)
	case FaultKindTwice:
		return "felsorten " + m.Kind + " anges två gånger"
	case BadProbability:
		return fmt.Sprintf("sannolikheten %q är inget tal från 0 till 1", m.Value)
	case FaultsOverOne:
		return fmt.Sprintf("felen %q: sannolikheterna blir sammanlagt %g, mer än 1", m.Faults, m.Sum)

	// A run, beside its rows (importer).
	case SendingTo:
		from := ""
		if m.FromEnv != "" {
			from = " (från " + m.FromEnv + ")"
		}
		return fmt.Sprintf("skickar till Connect på %s%s som användare %q", m.URL, from, m.User)
	case ServeSendsTo:
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
	case SendingForCustomer:
		return m.Input + ": leads för kunden " + m.Customer
	case ManyCustomers:
		return fmt.Sprintf("%s: leads för fler kunder än de %d som nämnts; resten nämns inte", m.Input, m.Named)
	case Unreachable:
		return "Connect på " + m.URL + " gick inte att nå: inget skickades; filerna ligger kvar i inkorgen"
	case RetryLater:
		return plural(m.Rows, "rad", "rader") + " kunde inte skickas av ett skäl som kan gå över (inget svar, 429, 5xx): nästa körning skickar dem"
	case ByReason:
		return "varför rader är ogiltiga eller misslyckades, det vanligaste först:"
	case OtherReasons:
		return "andra skäl"
	case MappingTaken:
		return m.Input + ": mappningen " + m.Mapping
	case NoMappingFits:
		return m.Input + " passar ingen av mappningarna:\n" + lines(m.Why, l)
	case WithMapping:
		return m.Mapping + ": " + l.Error(m.Err)
	case MappingsTie:
		return m.Input + " passar " + andList(m.Mappings, "och") + " lika bra: behåll en, eller ge en av dem en kolumn till som de andra saknar"
	case NoInputGiven:
		return "ingen indatafil angiven"
	case DoesNotFit:
		return m.Input + " passar inte mappningen:\n" + l.Error(m.Err)
	case TooManyColumns:
		return fmt.Sprintf("%s har %d kolumner, fler än de %d som leadimport läser: ta bort kolumnerna som mappningen inte använder, eller spara bara dem", m.Input, m.Columns, m.Max)
	case ReadInput:
		return m.Path + " går inte att läsa: " + l.Error(m.Err)
	case RowsNotRead:
		return l.Error(m.Err) + "; raderna efter det lästes inte"
	case OpenInExcel:
		lock := filepath.Base(m.Lock)
		if m.Workbook == "" {
			return m.Lock + " är låsfilen som Excel lägger bredvid en arbetsbok som är öppen, ingen arbetsbok, och dess arbetsbok ligger inte bredvid: ange arbetsboken själv"
		}
		return m.Workbook + " är öppen i Excel (dess låsfil " + lock + " ligger här): spara och stäng den först, annars läses inte de rader du ändrat sedan den sparades senast"
	case NotRegular:
		return m.Path + " är " + kindSV(m.Kind) + ", ingen vanlig fil: leadimport läser och skriver bara vanliga filer"
	case SkippedInFolder:
		if m.Kind == KindLink {
			return m.Path + " är en symbolisk länk: den hoppas över, eftersom länkar i en indatamapp inte följs (ange den på kommandoraden för att läsa den)"
		}
		return m.Path + " är " + kindSV(m.Kind) + ", ingen vanlig fil: den hoppas över"
	case ReadFolder:
		return "mappen " + m.Path + " går inte att läsa: " + l.Error(m.Err)
	case BurstZero:
		return fmt.Sprintf("hastighetsbegränsarens burst är %d: ingen förfrågan kan någonsin skickas", m.Burst)
	case ConnectAnswered:
		s := fmt.Sprintf("Connect svarade %d %s", m.Status, m.StatusText)
		if len(m.Fields) > 0 {
			s += " om " + strings.Join(m.Fields, ", ")
		}
		return s + " (rapporten har dess meddelande)"
	case ReportOneFile:
		return fmt.Sprintf("--report %s anger en fil, men det finns %d indatafiler: ange en mapp i stället", m.Report, m.Inputs)
	case ReportIsInput:
		return fmt.Sprintf("--report %s är indatafilen %s: ge rapporten ett annat namn", m.Report, m.Input)
	case SamePath:
		other := m.Other
		if other == "input" {
			other = "indatafilen"
		}
		return m.Flag + " " + m.Path + " är samma fil som " + other + " " + m.OtherPath + ": ge var och en en egen fil (inget har skrivits)"
	case ReportDir:
		return "rapportmappen går inte att skapa: " + l.Error(m.Err)
	case CreateReport:
		return "rapporten går inte att skapa: " + l.Error(m.Err)
	case WriteReport:
		return "rapporten " + m.Path + " går inte att skriva: " + l.Error(m.Err)
	case AReport:
		return l.Say(m.Of) + " (en rapport: rader som den säger är skickade hoppas över)"
	case RunDone:
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
	case ReportAt:
		return "rapport: " + m.Path
	case ProblemsAt:
		return "rader att rätta: " + m.Path
	case StoppedEarly:
		return "avbröts i förtid: " + l.Error(m.Err)
	case LedgerEndFailed:
		return "liggaren kunde inte anteckna att körningen slutade: " + l.Error(m.Err)
	case PerColumn:
		return m.Input + ", per kolumn:"
	case HeadColumn:
		return "kolumn"
	case HeadValid:
		return "giltiga"
	case HeadChanged:
		return "ändrade"
	case HeadInvalid:
		return "ogiltiga"
	case HeadEmpty:
		return "tomma"
	case HeadWarnings:
		return "varningar"
	case HeadField:
		return "fält"
	case HeadRun:
		return "KÖRNING"
	case HeadStarted:
		return "START"
	case HeadTook:
		return "TID"
	case HeadExit:
		return "SLUTKOD"
	case HeadEndpoint:
		return "ANROP"
	case HeadInputs:
		return "INDATA"
	case HeadReason:
		return "VARFÖR (PÅ ENGELSKA)"
	case RunningOrDied:
		return "pågår eller dog"
	case NoRuns:
		return "inga körningar antecknade ännu"
	case LeftAfterExit:
		return fmt.Sprintf("ligger kvar: körningen slutade med slutkod %d, så nästa körning försöker igen", m.Code)
	case LeftMayPass:
		return fmt.Sprintf("ligger kvar: %d rader misslyckades av ett skäl som kan gå över (inget svar, 429, 5xx), så nästa körning skickar dem igen", m.Rows)
	case NotSettled:
		return fmt.Sprintf("%s skrevs för %s sedan, mindre än --settle %s: den kan fortfarande skrivas; den ligger kvar till nästa körning, oläst", m.Input, m.Age.Round(time.Second), m.Settle)
	case ChangedWhileRead:
		if m.Sent {
			return m.Input + " ändrades medan den lästes: den skrivs fortfarande; den ligger kvar till nästa körning, som skickar det som tillkommer (de skickade raderna finns i liggaren och skickas inte igen)"
		}
		return m.Input + " ändrades medan den lästes: den skrivs fortfarande; den ligger kvar till nästa körning, inget av den skickat"
	case ToFix:
		return "rader är ogiltiga eller nekades: se rapporten"
	case LeftNotMoved:
		return "ligger kvar: " + l.Error(m.Err)
	case ArchiveFailed:
		return m.Input + " går inte att arkivera: " + l.Error(m.Err)
	case PathExists:
		return m.Path + " finns redan"
	case ReadCredentials:
		return "inloggningsuppgifterna går inte att läsa: " + l.Error(m.Err)
	case CredentialsOpen:
		return fmt.Sprintf("filen med inloggningsuppgifter %s kan läsas av andra (läge %04o): kör `chmod 600 %s` och försök igen", m.Path, m.Mode, m.Path)
	case CredentialsFormat:
		return "filen med inloggningsuppgifter " + m.Path + ": första raden ska vara användare:lösenord"
	case SaveCredentials:
		return "inloggningsuppgifterna gick inte att spara i " + m.Path + ": " + l.Error(m.Err)

	// The command line (package main).
	case UnknownCommand:
		return fmt.Sprintf("okänt kommando %q", m.Command)
	case NoHelp:
		return fmt.Sprintf("ingen hjälp om %q; prova exit-codes, mapping eller ett kommando", m.Topic)
	case UnexpectedArgument:
		return fmt.Sprintf("oväntat argument %q", m.Arg)
	case BadLang:
		return "--lang " + m.Lang + ": använd sv eller en"
	case QuietAndVerbose:
		return "--quiet och --verbose säger emot varandra: ange en av dem"
	case MappingRequired:
		return "--mapping FIL krävs (se leadimport " + m.Command + " --help)"
	case NoInputFile:
		return "ingen indatafil angiven: leadimport " + m.Command + " --mapping " + m.Mapping + " FIL..."
	case WorkersTooFew:
		return "--workers måste vara minst 1"
	case WorkersTooMany:
		return fmt.Sprintf("--workers får vara högst %d: fler skulle bara köa vid hastighetsgränsen och hos Connect", m.Max)
	case RateNegative:
		return "--rate måste vara 0 (ingen gräns) eller mer"
	case RetriesNegative:
		return "--retries måste vara 0 eller mer"
	case MaxFailuresNegative:
		return "--max-failures måste vara 0 (avbryt aldrig) eller mer"
	case MaxThrottleNegative:
		return "--max-throttle måste vara 0 (avbryt aldrig) eller mer"
	case MaxInvalidTooLow:
		return "--max-invalid måste vara 0 eller mer (-1: ingen gräns)"
	case HeaderRowFlag:
		return "--header-row måste vara ett radnummer, 1 eller mer"
	case RateLimitNegative:
		return "--rate-limit måste vara 0 (ingen gräns) eller mer"
	case SettleNegative:
		return "--settle måste vara 0 (av) eller mer"
	case EncodingFlag:
		return "--encoding " + m.Given + ": använd någon av " + strings.Join(m.Known, ", ")
	case EndpointFlag:
		return "--endpoint " + m.Given + ": använd någon av " + strings.Join(m.Known, ", ")
	case DelimiterFlag:
		return fmt.Sprintf("--delimiter %q: ange ett tecken som skiljer cellerna åt, t.ex. , ; | : eller tab (inte en bokstav, siffra, ett mellanslag eller citattecken)", m.Given)
	case SetWant:
		return "skriv FÄLT=VÄRDE, t.ex. estateId=OBJ1234"
	case NoCredentials:
		return "inga inloggningsuppgifter till Connect: sätt VITEC_USERNAME och VITEC_PASSWORD, eller ange --credentials FIL (en rad användare:lösenord, chmod 600)"
	case NoLedgerPlace:
		return l.Error(m.Err) + ": ange var liggaren ska ligga med --ledger FIL"
	case NoSpreadsheets:
		return "inga kalkylblad att importera"
	case RefusedNotRecorded:
		return "körningen registreras inte i liggaren, så historiken visar den inte: " + l.Error(m.Err)
	case Interrupting:
		return "avbruten: gör klart det som pågår (avbryt igen för att sluta direkt)"
	case OneInputFile:
		return "ange en indatafil: leadimport init [-o FIL] INDATA"
	case WriteMapping:
		return "mappningen går inte att skriva: " + l.Error(m.Err)
	case WroteMapping:
		return fmt.Sprintf("skrev %s: %d kolumner placerade, %d inte; granska den, sedan: leadimport check --mapping %s %s",
			m.Path, m.Placed, m.Unplaced, m.Path, m.Input)
	case ProposedInterest:
		by := "rubriken " + quotedList(m.Headers, "och")
		if len(m.Headers) > 1 {
			by = "rubrikerna " + quotedList(m.Headers, "och")
		}
		return fmt.Sprintf("mappningen gäller intresseanmälningar (endpoint: Interest), eftersom %s säger det; om personerna bara bad om slutpriset: leadimport init --endpoint FinalPriceWatched %s", by, m.Input)
	case InitFits:
		return fmt.Sprintf("%s passar redan mappningen %s: prova den med  leadimport check --mapping %s %s", m.Input, m.Mapping, m.Given, m.Input)
	case RememberedMapping:
		return "de här rubrikerna har fått en mappning bekräftad förut: den föreslås som den var (sparad i " + m.Path + "; ta bort filen för att glömma den)"
	case FillInIDs:
		where := "mappningen"
		if m.Mapping != "" {
			where = m.Mapping
		}
		what := "de är platshållare"
		if len(m.Fields) == 1 {
			what = "det är en platshållare"
		}
		return fmt.Sprintf("fyll i %s i %s: %s, som check och run inte godtar", andList(m.Fields, "och"), where, what)
	case AddrNotLoopback:
		return "--addr " + m.Addr + ": ange en loopback-adress som 127.0.0.1:8089; sandlådan talar okrypterad HTTP och ska inte nås från andra datorer"
	case FailRateFlag:
		return "--fail-rate: " + l.Error(m.Err)
	case SandboxListening:
		return "sandlådan: lyssnar på http://" + m.Addr
	case SandboxFaults:
		return fmt.Sprintf("sandlådan: lägger in fel %s (--seed %d)", m.Faults, m.Seed)
	case SandboxRateLimit:
		return fmt.Sprintf("sandlådan: högst %g förfrågningar i sekunden, sedan 429", m.Rate)
	case SandboxPassword:
		return fmt.Sprintf("sandlådan: användare %q, lösenord %s", m.User, m.Password)
	case SandboxPasswordFromEnv:
		return fmt.Sprintf("sandlådan: användare %q, lösenord från LEADIMPORT_SANDBOX_PASSWORD", m.User)
	case SandboxStopped:
		return fmt.Sprintf("sandlådan: stoppad efter att ha tagit emot %d leads", m.Accepted)
	case ServeOpen:
		return "leadimport serve: öppna " + m.URL
	case ServeNotLoopback:
		return "--addr " + m.Addr + " är ingen loopback-adress: andra datorer når sidan, över okrypterad HTTP; den som har länken med dess nyckel kan skicka leads"
	case ServeAddrFlag:
		return "--addr " + m.Addr + ": ange värd:port, t.ex. 127.0.0.1:0 (en ledig port på den här datorn)"
	case ServeAddrEvery:
		return "--addr " + m.Addr + ": ange den enda adress att lyssna på, t.ex. 192.168.1.10:8080 (datorns adress i kontorets nät), inte alla adresser"
	case ServeTokenShort:
		return fmt.Sprintf("LEADIMPORT_SERVE_TOKEN måste vara minst %d tecken: den är sidans hemlighet", m.Min)
	case MaxUploadFlag:
		return "--max-upload måste vara 1 (MiB) eller mer, och högst 1048576 (1 TiB)"
	case ServeStopped:
		return "leadimport serve: stoppad; de uppladdade filerna är borttagna"
	case ServeNoBrowser:
		return "det gick inte att öppna en webbläsare (" + l.Error(m.Err) + "): öppna adressen ovan själv"
	case WebUnauthorized:
		return "öppna sidan med länken som leadimport serve skrev ut när den startade (den innehåller nyckeln)"
	case WebBadHost:
		return fmt.Sprintf("en begäran till %q nekades: öppna sidan på adressen som leadimport serve skrev ut", m.Host)
	case WebForeignOrigin:
		return "en begäran från en annan webbplats nekades"
	case WebTooLarge:
		return fmt.Sprintf("filen är större än %d MiB, det mesta sidan tar emot (leadimport serve --max-upload)", m.MiB)
	case WebNoFile:
		return "ingen fil: välj ett blad (CSV, TXT, TSV, XLSX eller XLSM)"
	case WebBadRequest:
		return "begäran går inte att läsa: " + m.Detail
	case WebBadLang:
		return fmt.Sprintf("lang=%q: sidan talar sv (svenska) och en (engelska); be om ett av dem", m.Lang)
	case WebNoImport:
		return "den här importen finns inte längre (den är klar, eller leadimport serve har startats om): släpp bladet igen"
	case WebStopping:
		return "leadimport serve håller på att stängas: inget mer skickas; starta den igen och släpp bladet igen"
	case WebNoRow:
		return fmt.Sprintf("rad %d är ingen rad i bladets tabell", m.Row)
	case WebNoColumn:
		return fmt.Sprintf("bladet har ingen kolumn %q", m.Header)
	case WebBusy:
		return "importen skickas just nu: vänta tills den är klar, eller stoppa den"
	case WebNoMapping:
		return "bekräfta först hur kolumnerna matchas"
	case WebSentAlready:
		return "den här importen är redan skickad; släpp bladet igen för att skicka igen (rader som skickats hoppas över)"
	case WebNoReport:
		if m.Written == "" {
			return "det finns ingen rapport än: den skrivs när importen skickas"
		}
		return fmt.Sprintf("rapporten skrevs som %s, inte %s", strings.ToUpper(m.Written), strings.ToUpper(m.Format))
	case WebNeedCredentials:
		return "leadimport har inget användarnamn och lösenord till Connect än: ange dem för att skicka"
	case WebNothingToSend:
		return "ingen rad är giltig: det finns inget att skicka"
	case Page:
		return m.Text.in(pageSV)
	default:
		return unsaid(m)
	}
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
