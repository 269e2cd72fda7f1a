package main

import (
	"os"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestServeStopsOnHangup: closing serve's terminal window (SIGHUP) stops
// it as Ctrl-C does, so that its uploads are removed; run and check keep
// the default (a hangup ends them, as any command).
func TestServeStopsOnHangup(t *testing.T) {
	assert.Contains(t, stopSignals([]string{"serve", "--open"}), os.Signal(syscall.SIGHUP))
	assert.NotContains(t, stopSignals([]string{"run"}), os.Signal(syscall.SIGHUP))
	assert.Contains(t, stopSignals(nil), os.Signal(syscall.SIGTERM))
	assert.False(t, forces(syscall.SIGHUP), "the terminal's hangup and the shell's: serve still removes its uploads")
	assert.True(t, forces(os.Interrupt), "Ctrl-C twice")
}
