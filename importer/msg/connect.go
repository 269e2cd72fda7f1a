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
