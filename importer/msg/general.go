package msg

// Verbatim is text that is not leadimport's to translate: what Connect's
// server answered, an operating system's error. Every language says it
// as it is.
type Verbatim struct {
	message
	Text string
}

// Joined is several messages, a line each: an errors.Join.
type Joined struct {
	message
	Parts []Message
}
