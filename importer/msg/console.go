package msg

// What the console says beside the log: the progress bar's words, and a
// --log-format it does not know. The log's record names and attribute
// names are keys, not messages (see package console).

// UnknownLogFormat: --log-format is neither text nor json.
type UnknownLogFormat struct {
	message
	Format string // as given
}

// BarTitle is the progress bar's title once a row has failed or been
// invalid: the input's name and the counts so far.
type BarTitle struct {
	message
	Input           string
	Failed, Invalid int
}

// BarUnit is what the progress bar counts, as in "12 rows/s".
type BarUnit struct{ message }
