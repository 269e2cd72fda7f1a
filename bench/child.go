package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// profiles, when set (-profiles), is the folder each child writes its
// CPU profile to, through LEADIMPORT_CPUPROFILE: make pgo merges them
// into default.pgo. The bare client, this program, ignores it.
var profiles string

// children counts the children started, to name their profiles.
var children int

// usage is what one child process cost.
type usage struct {
	wall  time.Duration
	cpu   time.Duration // user + system
	rssMB float64       // peak resident set
	start time.Time
}

// child runs a command to its end and measures it. A non-zero exit is an
// error unless allowed lists it.
func child(env []string, name string, args []string, allowed ...int) (usage, string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	if children++; profiles != "" {
		cmd.Env = append(cmd.Env, "LEADIMPORT_CPUPROFILE="+filepath.Join(profiles, fmt.Sprintf("%03d.prof", children)))
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	u := usage{start: time.Now()}
	if err := cmd.Start(); err != nil {
		return u, "", fmt.Errorf("%s: %w", name, err)
	}
	hwm := make(chan float64)
	reaped := make(chan struct{})
	go func() { hwm <- peakRSS(cmd.Process.Pid, reaped) }()
	err := cmd.Wait()
	u.wall = time.Since(u.start)
	close(reaped)
	u.rssMB = <-hwm
	if cmd.ProcessState == nil {
		return u, stderr.String(), fmt.Errorf("%s: %w", name, err)
	}
	u.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		for _, a := range allowed {
			if a == code {
				return u, stderr.String(), nil
			}
		}
		return u, stderr.String(), fmt.Errorf("%s %v: exit %d: %s", name, args, code, lastLines(stderr.String(), 5))
	}
	return u, stderr.String(), nil
}

// peakRSS follows a child's VmHWM, its resident high-water mark, until
// it is gone. wait4's ru_maxrss will not do: a child started by a big
// parent reports the parent's size (Linux keeps the high-water mark of
// the image an exec replaces), so every child after the XLSX inputs would
// seem to need 200 MB.
func peakRSS(pid int, reaped <-chan struct{}) float64 {
	path := fmt.Sprintf("/proc/%d/status", pid)
	peak := 0.0
	for {
		data, err := os.ReadFile(path)
		if err != nil {
			return peak // gone; the last reading is within 2 ms of the end
		}
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
				var kb float64
				fmt.Sscan(string(v), &kb)
				peak = max(peak, kb/1024)
			}
		}
		select {
		case <-reaped: // its pid may now be another process's
			return peak
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func lastLines(s string, n int) string {
	lines := bytes.Split(bytes.TrimSpace([]byte(s)), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
