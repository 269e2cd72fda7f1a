package msg

// What leadimport serve says: its banner on the console, and the answers
// of its /api/ that a person reads on the page (in --lang, Swedish by
// default). A value from a sheet is never in them.

// The server's lines on the console.
type (
	// ServeOpen: the address to open, with the token of this start.
	ServeOpen struct {
		message
		URL string
	}
	// ServeNotLoopback: --addr names an address other machines reach.
	ServeNotLoopback struct {
		message
		Addr string
	}
	// ServeAddrFlag: --addr is not host:port.
	ServeAddrFlag struct {
		message
		Addr string
	}
	// ServeAddrEvery: --addr names no host (0.0.0.0, ::, :PORT), every
	// address of the machine, which requests could not name as their
	// Host.
	ServeAddrEvery struct {
		message
		Addr string
	}
	// ServeTokenShort: LEADIMPORT_SERVE_TOKEN is too short to be a secret.
	ServeTokenShort struct {
		message
		Min int
	}
	// MaxUploadFlag: --max-upload below 1 MiB or above 1 TiB.
	MaxUploadFlag struct{ message }
	// ServeStopped: the server shut down, its uploads removed.
	ServeStopped struct{ message }
	// ServeNoBrowser: --open could not start the browser.
	ServeNoBrowser struct {
		message
		Err error
	}
)

func (m ServeNoBrowser) Cause() error { return m.Err }

// The answers of the API a request is refused with.
type (
	// WebUnauthorized: a request without this start's token.
	WebUnauthorized struct{ message }
	// WebBadHost: a Host header that is not this machine (DNS rebinding).
	WebBadHost struct {
		message
		Host string
	}
	// WebForeignOrigin: a state-changing request from another site.
	WebForeignOrigin struct{ message }
	// WebTooLarge: an upload over --max-upload.
	WebTooLarge struct {
		message
		MiB int64
	}
	// WebNoFile: an upload without the form field file.
	WebNoFile struct{ message }
	// WebBadRequest: a body or parameter this endpoint does not take.
	WebBadRequest struct {
		message
		Detail string
	}
	// WebBadLang: a ?lang= that names no language the page speaks.
	WebBadLang struct {
		message
		Lang string
	}
	// WebNoImport: an id the server does not know (removed, or from
	// before it started again).
	WebNoImport struct{ message }
	// WebStopping: a request that would start something while the
	// server stops.
	WebStopping struct{ message }
	// WebNoRow: a row number that is no data row of the sheet.
	WebNoRow struct {
		message
		Row int
	}
	// WebNoColumn: a cell edit for a header the sheet lacks.
	WebNoColumn struct {
		message
		Header string
	}
	// WebBusy: the import is being sent.
	WebBusy struct{ message }
	// WebNoMapping: the mapping is not confirmed yet.
	WebNoMapping struct{ message }
	// WebSentAlready: the import was sent; a new upload sends again.
	WebSentAlready struct{ message }
	// WebNoReport: no report was written yet, or not in that format.
	WebNoReport struct {
		message
		Format  string // asked for
		Written string // the format written, "" before a send
	}
	// WebNeedCredentials: no credentials in the environment or the file.
	WebNeedCredentials struct{ message }
	// WebNothingToSend: no row is valid: nothing to send.
	WebNothingToSend struct{ message }
)

// EditedOnPage is the warning on a cell a person corrected on serve's
// page: the value in the report and sent is the page's, not the file's.
type EditedOnPage struct{ message }

// RememberedMapping: init (and the page) propose the mapping confirmed
// earlier for a sheet with the same headers.
type RememberedMapping struct {
	message
	Path string // where it is kept
}
