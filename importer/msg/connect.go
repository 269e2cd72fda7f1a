package msg

// What went wrong in a request to Connect. What Connect's server says
// in its answer is Verbatim.

// Unauthorized: Connect answered 401 to a request.
type Unauthorized struct {
	message
	Status string // "401 Unauthorized"
}

// Forbidden: Connect answered 403 to a request.
type Forbidden struct {
	message
	Status  string // "403 Forbidden"
	Connect string // Connect's own message, or ""
}

// SendFailed: the request did not reach Connect, or no answer came back.
type SendFailed struct {
	message
	Err error // the transport's
}

func (m SendFailed) Cause() error { return m.Err }

// BuildRequest: the request could not be made.
type BuildRequest struct {
	message
	Path string
	Err  error
}

func (m BuildRequest) Cause() error { return m.Err }

// What is wrong with the Connect client's settings (New): the base URL
// and the credentials. URLs are shown with their passwords redacted.

// NoUsername: no user name was given.
type NoUsername struct{ message }

// ColonInUsername: the user name holds a ':', which Basic auth would read
// as the start of the password.
type ColonInUsername struct{ message }

// NoPassword: no password was given.
type NoPassword struct{ message }

// BaseURLUnparsable: the base URL is not a URL; Err is net/url's reason.
type BaseURLUnparsable struct {
	message
	Err error
}

func (m BaseURLUnparsable) Cause() error { return m.Err }

// BaseURLUnparsableSecret: the base URL is not a URL and holds an @, so
// net/url's reason, which quotes part of it, may quote a password.
type BaseURLUnparsableSecret struct{ message }

// BaseURLUserInfo: the base URL holds a user name or password.
type BaseURLUserInfo struct{ message }

// BaseURLNoHost: the base URL names no host.
type BaseURLNoHost struct {
	message
	URL string
}

// BaseURLQuery: the base URL has a query or a fragment.
type BaseURLQuery struct {
	message
	URL string
}

// BaseURLScheme: the base URL is neither https nor http.
type BaseURLScheme struct {
	message
	URL string
}

// PlainHTTP: the base URL is http to a host that is not this machine.
type PlainHTTP struct {
	message
	Host string
}

// NoBaseURL: a Client made without New has no base URL.
type NoBaseURL struct{ message }
