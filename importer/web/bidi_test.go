package web_test

// A small WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/),
// the protocol Firefox speaks natively, for the page's Firefox tests
// (firefox_test.go). It holds its own client end of a WebSocket (RFC 6455):
// text messages on loopback are all BiDi needs, and a test file keeps it
// out of the binary and out of go.mod.
//
// A command gets an id, and its answer is matched by that id; an error
// answer is a Go error holding BiDi's error code and text; events go to
// one function, or nowhere. Every wait is bounded by the caller's context.

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// WebSocket opcodes.
const (
	wsContinuation = 0x0
	wsText         = 0x1
	wsBinary       = 0x2
	wsClose        = 0x8
	wsPing         = 0x9
	wsPong         = 0xA
)

// wsMaxMessage bounds one message from the browser: a screenshot of the
// whole page, in base64, is the biggest, a few MB.
const wsMaxMessage = 64 << 20

// wsConn is one end of a WebSocket. The client masks what it writes, as
// RFC 6455 asks of a client; a server (the fake browser of the client's
// own test) does not.
type wsConn struct {
	conn   net.Conn
	r      *bufio.Reader
	client bool
	wmu    sync.Mutex // one frame written at a time
}

// dialWebSocket opens a WebSocket to addr, a ws:// address.
func dialWebSocket(ctx context.Context, addr string) (*wsConn, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	if u.Scheme != "ws" {
		return nil, fmt.Errorf("dial %s: only ws:// addresses", addr)
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", u.Host)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	// The handshake ends when ctx does.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	var nonce [16]byte
	rand.Read(nonce[:])
	key := base64.StdEncoding.EncodeToString(nonce[:])
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", u.RequestURI(), u.Host, key)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err == nil && resp.StatusCode != http.StatusSwitchingProtocols {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		err = fmt.Errorf("the server answered %s: %s", resp.Status, strings.TrimSpace(string(body)))
	}
	if err == nil && resp.Header.Get("Sec-WebSocket-Accept") != wsAccept(key) {
		err = errors.New("the server's Sec-WebSocket-Accept is wrong")
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	return &wsConn{conn: conn, r: r, client: true}, nil
}

// wsAccept is the server's answer to the client's key.
func wsAccept(key string) string {
	h := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(h[:])
}

// write sends one message in one frame.
func (w *wsConn) write(opcode byte, payload []byte) error {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	frame := make([]byte, 0, 14+len(payload))
	frame = append(frame, 0x80|opcode) // FIN: the whole message
	var maskBit byte
	if w.client {
		maskBit = 0x80
	}
	switch n := len(payload); {
	case n < 126:
		frame = append(frame, maskBit|byte(n))
	case n <= 0xFFFF:
		frame = binary.BigEndian.AppendUint16(append(frame, maskBit|126), uint16(n))
	default:
		frame = binary.BigEndian.AppendUint64(append(frame, maskBit|127), uint64(n))
	}
	start := len(frame)
	if w.client {
		var mask [4]byte
		rand.Read(mask[:])
		frame = append(frame, mask[:]...)
		start = len(frame)
		frame = append(frame, payload...)
		for i := range payload {
			frame[start+i] ^= mask[i%4]
		}
	} else {
		frame = append(frame, payload...)
	}
	_, err := w.conn.Write(frame)
	return err
}

// read returns the next text or binary message, whole, answering pings
// on the way. A close from the other end is io.EOF.
func (w *wsConn) read() ([]byte, error) {
	var msg []byte
	started := false
	for {
		var h [2]byte
		if _, err := io.ReadFull(w.r, h[:]); err != nil {
			return nil, err
		}
		fin, opcode := h[0]&0x80 != 0, h[0]&0x0F
		n := uint64(h[1] & 0x7F)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(w.r, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(w.r, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		var mask []byte
		if h[1]&0x80 != 0 {
			mask = make([]byte, 4)
			if _, err := io.ReadFull(w.r, mask); err != nil {
				return nil, err
			}
		}
		if opcode >= wsClose {
			if n > 125 || !fin {
				return nil, errors.New("websocket: a control frame longer than 125 bytes or in pieces")
			}
			p := make([]byte, n)
			if _, err := io.ReadFull(w.r, p); err != nil {
				return nil, err
			}
			unmask(p, mask, 0)
			switch opcode {
			case wsClose:
				w.write(wsClose, p[:min(2, len(p))]) // the same status back
				return nil, io.EOF
			case wsPing:
				if err := w.write(wsPong, p); err != nil {
					return nil, err
				}
			}
			continue
		}
		if (opcode == wsContinuation) != started {
			return nil, fmt.Errorf("websocket: frame of opcode %d out of order", opcode)
		}
		if uint64(len(msg))+n > wsMaxMessage {
			return nil, fmt.Errorf("websocket: a message over %d bytes", wsMaxMessage)
		}
		started = true
		at := len(msg)
		msg = append(msg, make([]byte, n)...)
		if _, err := io.ReadFull(w.r, msg[at:]); err != nil {
			return nil, err
		}
		unmask(msg[at:], mask, 0)
		if fin {
			return msg, nil
		}
	}
}

func unmask(p, mask []byte, offset int) {
	if mask == nil {
		return
	}
	for i := range p {
		p[i] ^= mask[(offset+i)%4]
	}
}

// close says goodbye and closes the connection.
func (w *wsConn) close() error {
	w.write(wsClose, []byte{0x03, 0xE8}) // 1000: normal closure
	return w.conn.Close()
}

// bidiError is a command's error answer: its code ("no such element") and
// the browser's text.
type bidiError struct {
	Method  string
	Code    string
	Message string
}

func (e *bidiError) Error() string {
	return fmt.Sprintf("%s: %s: %s", e.Method, e.Code, e.Message)
}

// bidiAnswer is what a command got back.
type bidiAnswer struct {
	result json.RawMessage
	err    error
}

// bidiConn is a WebDriver BiDi connection: commands, each answered by id,
// and events.
type bidiConn struct {
	ws      *wsConn
	onEvent func(method string, params json.RawMessage) // on the reading goroutine; may be nil
	lastID  atomic.Int64

	mu      sync.Mutex
	waiting map[int64]chan bidiAnswer

	done chan struct{} // closed when reading stopped
	err  error         // why; set before done is closed
}

// dialBiDi connects to a browser's BiDi address (ws://HOST:PORT/session).
func dialBiDi(ctx context.Context, addr string, onEvent func(string, json.RawMessage)) (*bidiConn, error) {
	ws, err := dialWebSocket(ctx, addr)
	if err != nil {
		return nil, err
	}
	return newBiDi(ws, onEvent), nil
}

func newBiDi(ws *wsConn, onEvent func(string, json.RawMessage)) *bidiConn {
	b := &bidiConn{ws: ws, onEvent: onEvent, waiting: map[int64]chan bidiAnswer{}, done: make(chan struct{})}
	go b.readLoop()
	return b
}

func (b *bidiConn) readLoop() {
	defer close(b.done)
	for {
		data, err := b.ws.read()
		if err != nil {
			b.err = err
			return
		}
		var m struct {
			Type    string          `json:"type"`
			ID      *int64          `json:"id"`
			Method  string          `json:"method"`
			Params  json.RawMessage `json:"params"`
			Result  json.RawMessage `json:"result"`
			Error   string          `json:"error"`
			Message string          `json:"message"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			b.err = fmt.Errorf("a message from the browser that is not JSON: %w", err)
			b.ws.conn.Close()
			return
		}
		switch {
		case m.Type == "event":
			if b.onEvent != nil {
				b.onEvent(m.Method, m.Params)
			}
		case m.ID != nil:
			b.mu.Lock()
			ch := b.waiting[*m.ID]
			delete(b.waiting, *m.ID)
			b.mu.Unlock()
			if ch == nil {
				continue // its caller gave up
			}
			if m.Type == "error" {
				ch <- bidiAnswer{err: &bidiError{Code: m.Error, Message: m.Message}}
			} else {
				ch <- bidiAnswer{result: m.Result}
			}
		}
		// An error without an id answers a message the browser could not
		// read as a command: its sender waits on, bounded by its context.
	}
}

// call sends a command and decodes its result into result (when not nil).
func (b *bidiConn) call(ctx context.Context, method string, params, result any) error {
	if params == nil {
		params = struct{}{}
	}
	id := b.lastID.Add(1)
	msg, err := json.Marshal(struct {
		ID     int64  `json:"id"`
		Method string `json:"method"`
		Params any    `json:"params"`
	}{id, method, params})
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	ch := make(chan bidiAnswer, 1)
	b.mu.Lock()
	b.waiting[id] = ch
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.waiting, id)
		b.mu.Unlock()
	}()
	stop := context.AfterFunc(ctx, func() { b.ws.conn.SetWriteDeadline(time.Unix(1, 0)) })
	err = b.ws.write(wsText, msg)
	if !stop() {
		b.ws.conn.SetWriteDeadline(time.Time{})
	}
	if err != nil {
		return fmt.Errorf("%s: %w", method, errors.Join(ctx.Err(), err))
	}
	select {
	case a := <-ch:
		if a.err != nil {
			var be *bidiError
			if errors.As(a.err, &be) {
				be.Method = method
			}
			return a.err
		}
		if result != nil {
			if err := json.Unmarshal(a.result, result); err != nil {
				return fmt.Errorf("%s: the answer: %w", method, err)
			}
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	case <-b.done:
		return fmt.Errorf("%s: the connection to the browser ended: %w", method, b.err)
	}
}

// close closes the connection and waits for its reader to stop.
func (b *bidiConn) close() {
	b.ws.close()
	<-b.done
}

// fakeBrowser is a WebDriver BiDi server for the client's own test: it
// answers "echo" with its params, "fail" with an error, sends an event
// before answering "event", a message of two frames (bigger than 64 KiB)
// for "big", pings the client before answering "ping", and never answers
// "hang".
func fakeBrowser(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") != "" {
			http.Error(w, "an Origin header is refused, as Firefox does", http.StatusBadRequest)
			return
		}
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		fmt.Fprintf(rw, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n",
			wsAccept(r.Header.Get("Sec-WebSocket-Key")))
		rw.Flush()
		ws := &wsConn{conn: conn, r: rw.Reader}
		for {
			data, err := ws.read()
			if err != nil {
				return
			}
			var cmd struct {
				ID     int64           `json:"id"`
				Method string          `json:"method"`
				Params json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(data, &cmd); err != nil {
				return
			}
			answer := fmt.Sprintf(`{"type":"success","id":%d,"result":%s}`, cmd.ID, cmd.Params)
			switch cmd.Method {
			case "fail":
				answer = fmt.Sprintf(`{"type":"error","id":%d,"error":"no such element","message":"no element #nothing","stacktrace":""}`, cmd.ID)
			case "event":
				ws.write(wsText, []byte(`{"type":"event","method":"log.entryAdded","params":{"text":"hello"}}`))
			case "big":
				big := fmt.Sprintf(`{"type":"success","id":%d,"result":{"data":"%s"}}`, cmd.ID, strings.Repeat("x", 100_000))
				half := len(big) / 2
				// Two frames, the first without FIN: a text frame, then a continuation.
				frame := func(first byte, p string) []byte {
					return append(binary.BigEndian.AppendUint16([]byte{first, 126}, uint16(len(p))), p...)
				}
				conn.Write(append(frame(wsText, big[:half]), frame(0x80|wsContinuation, big[half:])...))
				continue
			case "ping":
				ws.write(wsPing, []byte("are you there"))
			case "hang":
				continue
			}
			ws.write(wsText, []byte(answer))
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/session"
}

// TestBiDiClient tests the client the Firefox tests use against a fake
// browser, so that it is tested where no Firefox is installed.
func TestBiDiClient(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	events := make(chan string, 1)
	b, err := dialBiDi(ctx, fakeBrowser(t), func(method string, params json.RawMessage) {
		events <- method + " " + string(params)
	})
	require.NoError(t, err)
	defer b.close()

	var echo struct{ Context string }
	require.NoError(t, b.call(ctx, "echo", map[string]any{"context": "tab-1"}, &echo))
	assert.Equal(t, "tab-1", echo.Context)

	err = b.call(ctx, "fail", nil, nil)
	var be *bidiError
	require.ErrorAs(t, err, &be)
	assert.Equal(t, "fail: no such element: no element #nothing", err.Error(), "the method, BiDi's code and its text")

	require.NoError(t, b.call(ctx, "event", map[string]any{}, nil))
	assert.Equal(t, `log.entryAdded {"text":"hello"}`, <-events)

	var big struct{ Data string }
	require.NoError(t, b.call(ctx, "big", nil, &big))
	assert.Len(t, big.Data, 100_000, "a message of two frames, read whole")

	require.NoError(t, b.call(ctx, "ping", nil, nil), "a ping is answered and the answer still comes")

	// Answers are matched by id: calls at once each get their own.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			var got struct{ N int }
			assert.NoError(t, b.call(ctx, "echo", map[string]any{"n": i}, &got))
			assert.Equal(t, i, got.N)
		})
	}
	wg.Wait()

	short, cancelShort := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancelShort()
	require.ErrorIs(t, b.call(short, "hang", nil, nil), context.DeadlineExceeded, "a command never answered ends with its context")
	require.NoError(t, b.call(ctx, "echo", nil, nil), "and the connection still serves")
}
