package sandbox

import (
	"math"
	"strconv"
	"strings"

	"leadimport/importer/msg"
)

// Faults are the probabilities, each in [0,1] and together at most 1,
// that a lead request (of either call) is answered with a fault instead of
// by the normal path. The zero value injects nothing.
//
// ParseFaults reads them from the flag form
//
//	429=0.05,500=0.05,503=0.02,reset=0.02,slow=0.01
type Faults struct {
	// TooManyRequests (429) and ServiceUnavailable (503) come with
	// Retry-After: 1, as a gateway that wants the client back would send.
	TooManyRequests     float64 // 429
	InternalServerError float64 // 500
	BadGateway          float64 // 502
	ServiceUnavailable  float64 // 503
	GatewayTimeout      float64 // 504
	// Reset closes the connection without an answer; the lead is not
	// accepted.
	Reset float64
	// Slow accepts and records the lead, then waits Server.SlowDelay
	// before answering: the client gives up on a lead that was accepted.
	Slow float64
}

// faultKind is one kind of fault: its name in the flag form, its status
// (0 for reset and slow) and where Faults keeps its probability.
type faultKind struct {
	name   string
	status int
	prob   func(*Faults) *float64
}

// Kind names in the flag form.
const (
	kindReset = "reset"
	kindSlow  = "slow"
	// kindRateLimit is not a fault but counts in Stats.ByKind beside them.
	kindRateLimit = "ratelimit"
)

// faultKinds is in the canonical (sorted) order: String writes them in
// it and the dice walk it, so a Seed gives the same faults whatever
// order the flag named them in.
var faultKinds = []faultKind{
	{"429", 429, func(f *Faults) *float64 { return &f.TooManyRequests }},
	{"500", 500, func(f *Faults) *float64 { return &f.InternalServerError }},
	{"502", 502, func(f *Faults) *float64 { return &f.BadGateway }},
	{"503", 503, func(f *Faults) *float64 { return &f.ServiceUnavailable }},
	{"504", 504, func(f *Faults) *float64 { return &f.GatewayTimeout }},
	{kindReset, 0, func(f *Faults) *float64 { return &f.Reset }},
	{kindSlow, 0, func(f *Faults) *float64 { return &f.Slow }},
}

// sumSlack lets probabilities that add up to 1 on paper, such as
// 0.1+0.2+0.7, pass despite floating-point rounding.
const sumSlack = 1e-9

// ParseFaults reads the flag form kind=probability,... with kinds 429,
// 500, 502, 503, 504, reset and slow, each at most once. An empty string
// gives no faults.
func ParseFaults(s string) (Faults, error) {
	var f Faults
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		name, value, ok := strings.Cut(part, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok {
			return Faults{}, faultError(part, msg.FaultWithoutProbability{})
		}
		k, found := lookupKind(name)
		if !found {
			return Faults{}, faultError(part, msg.UnknownFaultKind{Kind: name})
		}
		if seen[name] {
			return Faults{}, faultError(part, msg.FaultKindTwice{Kind: name})
		}
		seen[name] = true
		p, err := strconv.ParseFloat(value, 64)
		// The negated test also refuses NaN.
		if err != nil || !(p >= 0 && p <= 1) {
			return Faults{}, faultError(part, msg.BadProbability{Value: value})
		}
		*k.prob(&f) = p
	}
	if sum := f.sum(); sum > 1+sumSlack {
		return Faults{}, msg.Error(msg.FaultsOverOne{Faults: s, Sum: sum})
	}
	return f, nil
}

func faultError(part string, why msg.Message) error {
	names := make([]string, len(faultKinds))
	for i, k := range faultKinds {
		names[i] = k.name
	}
	return msg.Error(msg.InFault{Fault: part, Problem: why, Kinds: names})
}

func lookupKind(name string) (faultKind, bool) {
	for _, k := range faultKinds {
		if k.name == name {
			return k, true
		}
	}
	return faultKind{}, false
}

// String gives the flag form, kinds in sorted order and zero ones left
// out, so that ParseFaults(f.String()) == f.
func (f Faults) String() string {
	var parts []string
	for _, k := range faultKinds {
		if p := *k.prob(&f); p != 0 {
			parts = append(parts, k.name+"="+strconv.FormatFloat(p, 'g', -1, 64))
		}
	}
	return strings.Join(parts, ",")
}

// IsZero reports whether f injects nothing.
func (f Faults) IsZero() bool { return f == Faults{} }

func (f Faults) sum() float64 {
	var sum float64
	for _, k := range faultKinds {
		sum += *k.prob(&f)
	}
	return sum
}

// pick maps a roll in [0,1) to a fault kind, or to none when the roll
// falls beyond every kind's share. Negative probabilities, possible
// only in a Faults built by hand, count as zero.
func (f Faults) pick(roll float64) (faultKind, bool) {
	var upTo float64
	for _, k := range faultKinds {
		upTo += math.Max(*k.prob(&f), 0)
		if roll < upTo {
			return k, true
		}
	}
	return faultKind{}, false
}
