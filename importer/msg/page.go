package msg

import (
	"fmt"
	"maps"
	"slices"
)

// The words of leadimport serve's page (importer/web/static): its
// headings, buttons, labels and hints. The page asks the server for them
// (GET /api/texts) in the language it shows, and puts each where its key
// is named: data-t="key" in index.html, t("key") in app.js.
//
// Each text is a PageText, a key; each language keeps their words in a
// table beside its serve cases (pageEN, pageSV), in this file's order,
// and a test holds every table to every key and app.js to the keys it
// uses. A text the page completes names the parts it puts in within
// braces, {n}: the page fills them in as text, never as HTML, and every
// language names the same ones. A count that changes the words (1 row,
// 2 rows) is two texts.

// Page is a text of serve's page, said in a language.
type Page struct {
	message
	Text PageText
}

// PageText is the key of one of the page's texts, as the page names it.
type PageText string

// PageTexts lists the keys of every text of the page.
func PageTexts() []PageText { return slices.Sorted(maps.Keys(pageEN)) }

// in is t in one language's words; a text a language lacks shows as its
// key, never in another language's words (a test holds every language to
// every text).
func (t PageText) in(words map[PageText]string) string {
	if w := words[t]; w != "" {
		return w
	}
	return fmt.Sprintf("!(msg.PageText %s)", string(t))
}

// The page's head, its steps and the language switch.
const (
	PageSkip       PageText = "skip"       // the link past the head to the content, for the keyboard
	PageTagline    PageText = "tagline"    // beside the name leadimport
	PageStepsLabel PageText = "stepsLabel" // names the row of steps, for a screen reader
	PageNavFile    PageText = "navFile"    // the steps, as links: 1
	PageNavMatch   PageText = "navMatch"   // 2
	PageNavCheck   PageText = "navCheck"   // 3
	PageNavSend    PageText = "navSend"    // 4
	PageNavReport  PageText = "navReport"  // 5
	PageNavHistory PageText = "navHistory" // 6
	PageSwitchTo   PageText = "switchTo"   // the switch to the other language, named in that language
)

// Step 1: the file.
const (
	PageHFile          PageText = "hFile"
	PageFileIntro      PageText = "fileIntro"
	PageDropHere       PageText = "dropHere"
	PageOr             PageText = "or" // between "drop the file here" and the button that chooses one
	PageChooseFile     PageText = "chooseFile"
	PageReading        PageText = "reading"   // {name}: the file's name
	PageReadDone       PageText = "readDone"  // {name}
	PageNotSheet       PageText = "notSheet"  // {name}: a file dropped that is no spreadsheet
	PageHDetected      PageText = "hDetected" // what was found in the file, and can be changed
	PageFileName       PageText = "fileName"
	PageRowsCount      PageText = "rowsCount"
	PageSheet          PageText = "sheet"
	PageHeaderRow      PageText = "headerRow"
	PageEncoding       PageText = "encoding"
	PageDelimiter      PageText = "delimiter"
	PageDetected       PageText = "detected"   // the choice of encoding or delimiter that leaves it to leadimport
	PageTab            PageText = "tab"        // the tab character, as a delimiter
	PageDelimComma     PageText = "delimComma" // the delimiters offered
	PageDelimSemicolon PageText = "delimSemicolon"
	PageDelimPipe      PageText = "delimPipe"
	PageDelimColon     PageText = "delimColon"
	PageDetectedAs     PageText = "detectedAs" // {value}: the encoding or delimiter leadimport found
	PageReread         PageText = "reread"
)

// Step 2: matching the columns to fields, and the constants.
const (
	PageHMatch          PageText = "hMatch"
	PageMatchIntro      PageText = "matchIntro"
	PageRemembered      PageText = "remembered"     // when the server does not say it in words of its own
	PageEndpointLegend  PageText = "endpointLegend" // the choice of what the sheet's people asked for: the mapping's endpoint
	PageEpFinalPrice    PageText = "epFinalPrice"   // FinalPriceWatched: to be told the final price
	PageEpFinalHint     PageText = "epFinalHint"
	PageEpInterest      PageText = "epInterest" // Interest: an interest registration
	PageEpInterestHint  PageText = "epInterestHint"
	PageNoTwin          PageText = "noTwin"        // {field} a column filled, {endpoint} chosen now, which has no such field
	PageConstDropped    PageText = "constDropped"  // {field}, {endpoint}: the same of a constant
	PageStatusDropped   PageText = "statusDropped" // {status}, {endpoint}: a status the endpoint chosen now does not take
	PageMatchCaption    PageText = "matchCaption"
	PageThColumn        PageText = "thColumn"
	PageThExamples      PageText = "thExamples"
	PageThField         PageText = "thField"
	PageNotSent         PageText = "notSent"     // the choice of no field: the column is not sent
	PageFieldFor        PageText = "fieldFor"    // {column}: names a column's drop-down, for a screen reader
	PageNoExamples      PageText = "noExamples"  // a column with no value
	PageGroupPerson     PageText = "groupPerson" // the drop-down's two groups of fields
	PageGroupLead       PageText = "groupLead"
	PageGroupHome       PageText = "groupHome" // an interest registration's present home (presentAccommodation)
	PageConstantsLegend PageText = "constantsLegend"
	PageConstantsIntro  PageText = "constantsIntro"
	PageCustomerID      PageText = "customerId"
	PageEstateID        PageText = "estateId"
	PageRequired        PageText = "required"
	PageCustomerIDHint  PageText = "customerIdHint"
	PageEstateIDHint    PageText = "estateIdHint"
	PageFromColumn      PageText = "fromColumn" // {column}: a column gives the id; the field is for rows where it is empty
	PageStatus          PageText = "status"
	PageNone            PageText = "none"
	PageStInterested    PageText = "stInterested"     // the statuses of a prospective buyer
	PageStVeryInterest  PageText = "stVeryInterested" // an interest registration's only
	PageStAssigned      PageText = "stAssigned"
	PageStNotInterested PageText = "stNotInterested"
	PageReferrer        PageText = "referrer"
	PageReferrerExample PageText = "referrerExample" // shown in the empty referrer field
	PageNeedCustomer    PageText = "needCustomer"
	PageNeedEstate      PageText = "needEstate"
	PagePlaceholderID   PageText = "placeholderId" // {id}: as written, e.g. M0000
	PageMappingProblems PageText = "mappingProblems"
	PageLineProblem     PageText = "lineProblem" // {line} of the mapping sent, {problem}: the server's words
	PageCheckButton     PageText = "checkButton"
	PageChecking        PageText = "checking"
)

// The fields a column may fill, as the drop-down names them (the UTM tags
// are named by their own names). A field of both endpoints is named by
// its FinalPriceWatched name (GET /api/fields gives each field's text).
const (
	PageFieldFirstName    PageText = "field.person.firstName"
	PageFieldLastName     PageText = "field.person.lastName"
	PageFieldFullName     PageText = "field.person.fullName"
	PageFieldPersonnummer PageText = "field.person.socialSecurityNumber"
	PageFieldForeign      PageText = "field.person.isForeignSocialSecurityNumber"
	PageFieldEmail        PageText = "field.person.email.emailAddress"
	PageFieldEmail2       PageText = "field.person.email.emailAddress2"
	PageFieldCell         PageText = "field.person.telephone.cell"
	PageFieldHome         PageText = "field.person.telephone.home"
	PageFieldWork         PageText = "field.person.telephone.work"
	PageFieldOther        PageText = "field.person.telephone.other"
	PageFieldStreet       PageText = "field.person.address.streetAddress"
	PageFieldZip          PageText = "field.person.address.zipCode"
	PageFieldCity         PageText = "field.person.address.city"
	PageFieldEstateID     PageText = "field.estateId"
	PageFieldCustomerID   PageText = "field.customerId"
	PageFieldBuyerStatus  PageText = "field.prospectiveBuyerStatus"
	PageFieldMessage      PageText = "field.message"
	PageFieldLeadSource   PageText = "field.leadSourceId"
	PageFieldReferrer     PageText = "field.marketing.referrer"
	PageFieldAssignment   PageText = "field.assignmentSourceId" // Interest's only, as are the fields below
	PageFieldConsentDate  PageText = "field.gdprApprovalDate"
	PageFieldHomeType     PageText = "field.presentAccommodation.estateType"
	PageFieldHomeSpace    PageText = "field.presentAccommodation.livingSpace"
	PageFieldHomeRooms    PageText = "field.presentAccommodation.numberOfRooms"
	PageFieldHomePrice    PageText = "field.presentAccommodation.price"
	PageFieldHomeOther    PageText = "field.presentAccommodation.other"
)

// Step 3: the check, and fixing rows.
const (
	PageHCheck         PageText = "hCheck"
	PageSummaryValid   PageText = "summaryValid"   // {valid} of {total} rows can be sent; then one of the two below
	PageSummaryInvalid PageText = "summaryInvalid" // {invalid}: the rest of the sentence, in red
	PageSummaryEnd     PageText = "summaryEnd"     // the end of the sentence when no row is invalid
	PageHReasons       PageText = "hReasons"
	PageNoReasons      PageText = "noReasons"
	PageReasonRow      PageText = "reasonRow"  // after a reason: it is on one row
	PageReasonRows     PageText = "reasonRows" // {n} rows
	PageHPerColumn     PageText = "hPerColumn"
	PageColValid       PageText = "colValid" // the per-column table's counts
	PageColChanged     PageText = "colChanged"
	PageColInvalid     PageText = "colInvalid"
	PageColEmpty       PageText = "colEmpty"
	PageColWarnings    PageText = "colWarnings"
	PageHRows          PageText = "hRows"
	PageRowsIntro      PageText = "rowsIntro"
	PageShow           PageText = "show" // which rows to show: ...
	PageShowProblems   PageText = "showProblems"
	PageShowAll        PageText = "showAll"
	PageRowsCaption    PageText = "rowsCaption"
	PageThRow          PageText = "thRow"
	PageThStatus       PageText = "thStatus"
	PageFix            PageText = "fix"
	PageFixRow         PageText = "fixRow" // {row}: the Fix button, for a screen reader
	PageSave           PageText = "save"
	PageCancel         PageText = "cancel"
	PageSaveRow        PageText = "saveRow"   // {row}
	PageCancelRow      PageText = "cancelRow" // {row}
	PageCellLabel      PageText = "cellLabel" // {column}, {row}: a cell being fixed, for a screen reader
	PageEditedOnPage   PageText = "editedOnPage"
	PageCellCut        PageText = "cellCut"
	PageCutReplace     PageText = "cutReplace"
	PageEmpty          PageText = "empty"  // a change that empties a cell: 070 → (empty)
	PageSentAs         PageText = "sentAs" // after a change sent as another field: 08-123 → +468123 (sent as {field})
	PageSaving         PageText = "saving"
	PageRowSaved       PageText = "rowSaved" // {row}
	PageNoProblemRows  PageText = "noProblemRows"
	PageShowingRows    PageText = "showingRows" // {shown} of {total}
	PageMoreRows       PageText = "moreRows"
	PageRecheck        PageText = "recheck"
	PageStale          PageText = "stale"
)

// A row's status, on its badge (the status words of importer/status).
const (
	PageStSent      PageText = "st.sent"
	PageStValid     PageText = "st.valid"
	PageStSkipped   PageText = "st.skipped"
	PageStDuplicate PageText = "st.duplicate"
	PageStInvalid   PageText = "st.invalid"
	PageStFailed    PageText = "st.failed"
	PageStNotSent   PageText = "st.not_sent"
)

// Step 4: sending.
const (
	PageHSend         PageText = "hSend"
	PageCredIntro     PageText = "credIntro"
	PageUsername      PageText = "username"
	PagePassword      PageText = "password"
	PageCredRefused   PageText = "credRefused"
	PageCredSave      PageText = "credSave"
	PageCredSubmit    PageText = "credSubmit"
	PageCredSaved     PageText = "credSaved"
	PageSendLead      PageText = "sendLead"      // the send button, for one row
	PageSendLeadTo    PageText = "sendLeadTo"    // {where}: whereCustomer and whereEstate, joined by a comma
	PageSendLeads     PageText = "sendLeads"     // {n} rows
	PageSendLeadsTo   PageText = "sendLeadsTo"   // {n}, {where}
	PageWhereCustomer PageText = "whereCustomer" // {customer}: one id, or a list
	PageWhereEstate   PageText = "whereEstate"   // {estate}
	PageAndMore       PageText = "andMore"       // {list} of the first two ids, and {n} more
	PageNothingToSend PageText = "nothingToSend"
	PageSendNote      PageText = "sendNote"
	PageReportFormat  PageText = "reportFormat"
	PageFmtXlsx       PageText = "fmtXlsx"
	PageFmtCsv        PageText = "fmtCsv"
	PageStop          PageText = "stop"
	PageRetry         PageText = "retry"
	PagePSent         PageText = "pSent" // the counters while sending
	PagePFailed       PageText = "pFailed"
	PagePSkipped      PageText = "pSkipped"
	PagePRemaining    PageText = "pRemaining"
	PagePRate         PageText = "pRate"
	PageProgress      PageText = "progress" // {done} of {total}
	PageStarting      PageText = "starting"
	PageStopping      PageText = "stopping"
	PageStoppedLabel  PageText = "stoppedLabel"
	PageDoneSent      PageText = "doneSent"    // {sent}: the start of the sentence at the end of a send
	PageDoneFailed    PageText = "doneFailed"  // {failed}: its next part, when some failed
	PageDoneSkipped   PageText = "doneSkipped" // {skipped}: its next part, when some were sent before
	PageDoneEnd       PageText = "doneEnd"     // its end
	PageStoppedDone   PageText = "stoppedDone" // {sent}
)

// Step 5: the report; 6: the history; and what the page says when the
// server does not answer.
const (
	PageHReport      PageText = "hReport"
	PageReportIntro  PageText = "reportIntro"
	PageDlXlsx       PageText = "dlXlsx"
	PageDlCsv        PageText = "dlCsv"
	PageDlMapping    PageText = "dlMapping"
	PageAnother      PageText = "another"
	PageHHistory     PageText = "hHistory"
	PageHWhen        PageText = "hWhen"
	PageHInputs      PageText = "hInputs"
	PageHCounts      PageText = "hCounts"
	PageHReportCol   PageText = "hReportCol"
	PageHistoryEmpty PageText = "historyEmpty"
	PageRefresh      PageText = "refresh"
	PageOpenReport   PageText = "openReport"
	PageFooter       PageText = "footer"
	PageNetwork      PageText = "network"
	PageUnauthorized PageText = "unauthorized"
	PageServerError  PageText = "serverError" // {status}: an HTTP status without words of its own
)

// A run's counts in the history, after their number: 17 sent.
const (
	PageCountSent      PageText = "stN.sent"
	PageCountValid     PageText = "stN.valid"
	PageCountSkipped   PageText = "stN.skipped"
	PageCountDuplicate PageText = "stN.duplicate"
	PageCountInvalid   PageText = "stN.invalid"
	PageCountFailed    PageText = "stN.failed"
	PageCountNotSent   PageText = "stN.not_sent"
)
