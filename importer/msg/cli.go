package msg

// What the command line says (package main): a flag it refuses, a
// command's lines beside its log, the sandbox's banner. The usage and
// help texts are the manual, kept in English beside the README.

// UnknownCommand: the first argument names no command.
type UnknownCommand struct {
	message
	Command string
}

// NoHelp: help on a topic there is none on.
type NoHelp struct {
	message
	Topic string
}

// UnexpectedArgument: a command that takes no arguments was given one.
type UnexpectedArgument struct {
	message
	Arg string
}

// BadLang: --lang names no language leadimport speaks.
type BadLang struct {
	message
	Lang string
}

// QuietAndVerbose: both --quiet and --verbose.
type QuietAndVerbose struct{ message }

// MappingRequired: run or check without --mapping.
type MappingRequired struct {
	message
	Command string
}

// NoInputFile: run or check without an input.
type NoInputFile struct {
	message
	Command, Mapping string
}

// A run's flag out of its range.
type (
	WorkersTooFew  struct{ message }
	WorkersTooMany struct {
		message
		Max int
	}
	RateNegative        struct{ message }
	RetriesNegative     struct{ message }
	MaxFailuresNegative struct{ message }
	MaxThrottleNegative struct{ message }
	MaxInvalidTooLow    struct{ message }
	HeaderRowFlag       struct{ message }
	RateLimitNegative   struct{ message }
	SettleNegative      struct{ message }
)

// EncodingFlag: --encoding names no encoding the reader reads.
type EncodingFlag struct {
	message
	Given string
	Known []string
}

// EndpointFlag: init's --endpoint names none of the Known endpoints.
type EndpointFlag struct {
	message
	Given string
	Known []string
}

// DelimiterFlag: --delimiter is not one the reader takes.
type DelimiterFlag struct {
	message
	Given string
}

// SetWant: a --set without FIELD=VALUE.
type SetWant struct{ message }

// NoCredentials: neither the environment nor --credentials gives them.
type NoCredentials struct{ message }

// NoLedgerPlace: the ledger's default place cannot be found; Err says
// why.
type NoLedgerPlace struct {
	message
	Err error
}

func (m NoLedgerPlace) Cause() error { return m.Err }

// NoSpreadsheets: the inputs (an empty inbox) hold nothing to import.
type NoSpreadsheets struct{ message }

// RefusedNotRecorded: a run that never began in the ledger could not be
// recorded there, so history will not list it.
type RefusedNotRecorded struct {
	message
	Err error
}

func (m RefusedNotRecorded) Cause() error { return m.Err }

// Interrupting: the first interrupt; what is under way finishes.
type Interrupting struct{ message }

// OneInputFile: init takes one input.
type OneInputFile struct{ message }

// WriteMapping: init could not write the mapping it proposes.
type WriteMapping struct {
	message
	Err error
}

func (m WriteMapping) Cause() error { return m.Err }

// WroteMapping: init wrote its proposal.
type WroteMapping struct {
	message
	Path             string
	Placed, Unplaced int
	Input            string
}

// ProposedInterest: init proposes a mapping for interest registrations
// (endpoint: Interest), as the Headers of the input say.
type ProposedInterest struct {
	message
	Headers []string
	Input   string
}

// InitFits: an existing mapping (of those Given names) fits the input,
// so init proposes none.
type InitFits struct {
	message
	Input, Mapping, Given string
}

// FillInIDs: the mapping init wrote gives Fields placeholder ids, which
// check refuses until they are filled in; Mapping is "" when it went to
// stdout.
type FillInIDs struct {
	message
	Fields  []string
	Mapping string
}

// AddrNotLoopback: the sandbox is asked to listen beyond loopback.
type AddrNotLoopback struct {
	message
	Addr string
}

// FailRateFlag: --fail-rate cannot be read; Err says why.
type FailRateFlag struct {
	message
	Err error
}

func (m FailRateFlag) Cause() error { return m.Err }

// The sandbox's banner and its last line.
type (
	SandboxListening struct {
		message
		Addr string
	}
	SandboxFaults struct {
		message
		Faults string
		Seed   int64
	}
	SandboxRateLimit struct {
		message
		Rate float64
	}
	SandboxPassword struct {
		message
		User, Password string
	}
	SandboxPasswordFromEnv struct {
		message
		User string
	}
	SandboxStopped struct {
		message
		Accepted int
	}
)
