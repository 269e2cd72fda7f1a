package msg

// The report's fixed words: the XLSX report's sheet names and its
// summary sheet's labels.

// ReportSheet names the XLSX report's first sheet, one line per row.
type ReportSheet struct{ message }

// SummarySheet names the sheet that sums the run up.
type SummarySheet struct{ message }

// The summary sheet's labels.
type (
	SummaryStatus   struct{ message }
	SummaryRows     struct{ message }
	SummaryTotal    struct{ message }
	SummaryInput    struct{ message }
	SummaryMapping  struct{ message }
	SummaryStarted  struct{ message }
	SummaryFinished struct{ message }
	SummaryCommand  struct{ message }
)
