package msg

// What the sandbox says of a --fail-rate it cannot read. What it answers
// a client is Connect's words, in English as Connect writes them, and no
// message of this package.

// InFault is what is wrong with one kind=probability of --fail-rate, and
// the kinds there are.
type InFault struct {
	message
	Fault   string // as written
	Problem Message
	Kinds   []string // 429, 500, …, reset, slow
}

// FaultWithoutProbability: a fault without "=".
type FaultWithoutProbability struct{ message }

// UnknownFaultKind: a kind the sandbox does not inject.
type UnknownFaultKind struct {
	message
	Kind string
}

// FaultKindTwice: a kind given twice.
type FaultKindTwice struct {
	message
	Kind string
}

// BadProbability: a probability that is not a number from 0 to 1.
type BadProbability struct {
	message
	Value string // as written
}

// FaultsOverOne: the probabilities add up to more than 1.
type FaultsOverOne struct {
	message
	Faults string // the flag's value
	Sum    float64
}
