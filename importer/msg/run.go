package msg

import "time"

// What a run says of itself, beside its rows (importer): why it cannot
// start, where its reports go, how it ended, where --archive-dir put each
// input, the credentials file and the history of runs.

// SendingTo: where a run sends, said before anything is: Connect's base
// URL, where it came from when that was the environment (FromEnv names
// the variable), and the user (never the password).
type SendingTo struct {
	message
	URL, FromEnv, User string
}

// ServeSendsTo: where serve's sends go, said when it starts: Connect's
// base URL (FromEnv as for SendingTo), and the user of the credentials
// found and where they were found (environment, file), or "" for both
// when there are none yet (the page asks for them).
type ServeSendsTo struct {
	message
	URL, FromEnv, User, CredentialsFrom string
}

// SendingForCustomer: the first lead of an input for a customer id.
type SendingForCustomer struct {
	message
	Input, Customer string
}

// ManyCustomers: an input's leads are for more customer ids than the
// log names.
type ManyCustomers struct {
	message
	Input string
	Named int
}

// Unreachable: not one request of the run got an answer from Connect at
// URL.
type Unreachable struct {
	message
	URL string
}

// RetryLater: Rows failed for a reason that may pass; the next run sends
// them.
type RetryLater struct {
	message
	Rows int
}

// ByReason heads the summary's count of why rows were invalid or failed.
type ByReason struct{ message }

// OtherReasons counts together the reasons the summary does not list.
type OtherReasons struct{ message }

// MappingTaken: of several mappings, the one an input took.
type MappingTaken struct {
	message
	Input, Mapping string
}

// NoMappingFits: none of several mappings fits the input; Why says, for
// each, why not.
type NoMappingFits struct {
	message
	Input string
	Why   []Message
}

// WithMapping is why the input does not fit the mapping named, when the
// reason does not name it itself.
type WithMapping struct {
	message
	Mapping string
	Err     error
}

func (m WithMapping) Cause() error { return m.Err }

// MappingsTie: several mappings fit the input equally well.
type MappingsTie struct {
	message
	Input    string
	Mappings []string
}

// NoInputGiven: a run was given no input file.
type NoInputGiven struct{ message }

// DoesNotFit: an input's header does not fit the mapping; Err lists why,
// a line each.
type DoesNotFit struct {
	message
	Input string
	Err   error
}

func (m DoesNotFit) Cause() error { return m.Err }

// TooManyColumns: an input's header has more columns than leadimport
// reads.
type TooManyColumns struct {
	message
	Input        string
	Columns, Max int
}

// ReadInput: an input could not be read through for its checksum.
type ReadInput struct {
	message
	Path string
	Err  error
}

func (m ReadInput) Cause() error { return m.Err }

// RowsNotRead: an input broke off at Err; the rows after it were not read.
type RowsNotRead struct {
	message
	Err error
}

func (m RowsNotRead) Cause() error { return m.Err }

// OpenInExcel: Lock is the lock file Excel keeps beside Workbook while
// the workbook is open, so the rows changed since its last save are not
// in the file. Workbook is "" when the lock file is alone (Excel left it
// behind, or the workbook is elsewhere).
type OpenInExcel struct {
	message
	Workbook, Lock string
}

// FileKind is what a path is when it is not a regular file.
type FileKind int

// The kinds of file that are not regular files.
const (
	KindOther FileKind = iota
	KindFIFO
	KindSocket
	KindDevice
	KindFolder
	KindLink
)

// NotRegular: Path is not a regular file but a Kind, which leadimport
// neither reads nor writes (a FIFO would block it forever).
type NotRegular struct {
	message
	Path string
	Kind FileKind
}

// SkippedInFolder: Path, found in an input folder, is a Kind and not a
// regular file: it is left out (a link in a folder is not followed).
type SkippedInFolder struct {
	message
	Path string
	Kind FileKind
}

// ReadFolder: a folder given as input could not be listed.
type ReadFolder struct {
	message
	Path string
	Err  error
}

func (m ReadFolder) Cause() error { return m.Err }

// BurstZero: the rate limiter given to a run lets no request go.
type BurstZero struct {
	message
	Burst int
}

// ConnectAnswered is a refusal as the log says it: Connect's status and
// the fields it objected to, not its words, which may quote personal data
// (the report has them).
type ConnectAnswered struct {
	message
	Status     int
	StatusText string // http.StatusText's
	Fields     []string
}

// ReportOneFile: --report names one file for several inputs.
type ReportOneFile struct {
	message
	Report string
	Inputs int
}

// ReportIsInput: --report names one of the inputs.
type ReportIsInput struct {
	message
	Report, Input string
}

// SamePath: two of the files a run is given are one: Flag's Path is
// Other's OtherPath (Other "input" is one of the inputs). Writing one
// would destroy the other.
type SamePath struct {
	message
	Flag, Path, Other, OtherPath string
}

// ReportDir: the directory --report asks for cannot be made.
type ReportDir struct {
	message
	Err error
}

func (m ReportDir) Cause() error { return m.Err }

// CreateReport: a report file cannot be created.
type CreateReport struct {
	message
	Err error
}

func (m CreateReport) Cause() error { return m.Err }

// WriteReport: writing a report failed.
type WriteReport struct {
	message
	Path string
	Err  error
}

func (m WriteReport) Cause() error { return m.Err }

// AReport describes an input that is an earlier run's report: Of is what
// the reader found.
type AReport struct {
	message
	Of Message
}

// Count is how many rows ended with one status (the status as the tool
// writes it: it is vocabulary, the same in every language).
type Count struct {
	Status string
	Rows   int
}

// RunDone is a run's closing line: its counts per status, how long it
// took and, when it sent, how many requests at what rate.
type RunDone struct {
	message
	Counts   []Count
	Elapsed  time.Duration
	Requests int
	// Throttled is how many of the requests Connect answered 429.
	Throttled int
}

// ReportAt names a report the run wrote.
type ReportAt struct {
	message
	Path string
}

// ProblemsAt names the report of the rows that need a person.
type ProblemsAt struct {
	message
	Path string
}

// StoppedEarly: the run stopped before every row was tried.
type StoppedEarly struct {
	message
	Err error
}

func (m StoppedEarly) Cause() error { return m.Err }

// LedgerEndFailed: the ledger could not record that the run ended.
type LedgerEndFailed struct {
	message
	Err error
}

func (m LedgerEndFailed) Cause() error { return m.Err }

// PerColumn heads check's table of how each column's values fared.
type PerColumn struct {
	message
	Input string
}

// The words heading check's table of columns (the counts per column) and
// history's table of runs; the statuses among them are vocabulary, the
// same in every language.
type (
	HeadColumn   struct{ message }
	HeadValid    struct{ message }
	HeadChanged  struct{ message }
	HeadInvalid  struct{ message }
	HeadEmpty    struct{ message }
	HeadWarnings struct{ message }
	HeadField    struct{ message }
	HeadRun      struct{ message }
	HeadStarted  struct{ message }
	HeadTook     struct{ message }
	HeadExit     struct{ message }
	HeadEndpoint struct{ message }
	HeadInputs   struct{ message }
	HeadReason   struct{ message }
)

// RunningOrDied: a run in the history that has not ended: it is running,
// or it died.
type RunningOrDied struct{ message }

// NoRuns: the history has no runs yet.
type NoRuns struct{ message }

// LeftAfterExit: --archive-dir left an input in place because the run
// ended with Code (2 or 3).
type LeftAfterExit struct {
	message
	Code int
}

// LeftMayPass: --archive-dir left an input in place because its only
// failures may pass.
type LeftMayPass struct {
	message
	Rows int
}

// NotSettled: Input, found in a folder, was last written Age ago, less
// than --settle: it may still be being written, and is left for the next
// run, unread.
type NotSettled struct {
	message
	Input       string
	Age, Settle time.Duration
}

// ChangedWhileRead: Input changed (size or time) while it was read: it is
// still being written, and is left for the next run. Sent: some of its
// rows were sent before the change was seen (the ledger keeps them).
type ChangedWhileRead struct {
	message
	Input string
	Sent  bool
}

// ToFix: an input with rows to fix, moved to failed/.
type ToFix struct{ message }

// LeftNotMoved: an input could not be moved, so it stays.
type LeftNotMoved struct {
	message
	Err error
}

func (m LeftNotMoved) Cause() error { return m.Err }

// ArchiveFailed: an input could not be moved into the archive.
type ArchiveFailed struct {
	message
	Input string
	Err   error
}

func (m ArchiveFailed) Cause() error { return m.Err }

// PathExists: the archive already holds a file of that name.
type PathExists struct {
	message
	Path string
}

// ReadCredentials: the credentials file could not be read.
type ReadCredentials struct {
	message
	Err error
}

func (m ReadCredentials) Cause() error { return m.Err }

// CredentialsOpen: the credentials file may be read by others.
type CredentialsOpen struct {
	message
	Path string
	Mode uint32 // its permission bits
}

// CredentialsFormat: the credentials file's first line is not
// user:password.
type CredentialsFormat struct {
	message
	Path string
}

// SaveCredentials: the credentials given on serve's page could not be
// saved in the credentials file.
type SaveCredentials struct {
	message
	Path string
	Err  error
}

func (m SaveCredentials) Cause() error { return m.Err }
