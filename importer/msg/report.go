package msg

// What the report writer says when it cannot write a report.

// UnknownReportFormat: the report's name ends in an extension that names
// no format the writer has.
type UnknownReportFormat struct {
	message
	Path string
	Ext  string // as the name writes it, e.g. ".xls"
}

// ReportFailed: the writer could not write the report; Err is the file's
// or the format library's.
type ReportFailed struct {
	message
	Err error
}

func (m ReportFailed) Cause() error { return m.Err }
