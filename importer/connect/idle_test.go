package connect

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closeNotingConn tells when the transport closes it.
type closeNotingConn struct {
	net.Conn
	once   sync.Once
	closed chan struct{}
}

func (c *closeNotingConn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// TestPostServerClosedIdleConnection: a server that closes a kept-alive
// connection just as a request is to go on it never saw the request;
// net/http does not try a POST again, and says "http: server closed idle
// connection". That attempt may be retried, and Connect cannot have it.
// The server closes the connection once the transport has taken it for
// the second request, and the transport notices before it writes.
func TestPostServerClosedIdleConnection(t *testing.T) {
	var (
		mu      sync.Mutex
		srvConn net.Conn
		reqs    int
	)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		reqs++
		mu.Unlock()
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = io.WriteString(w, `"CON1"`)
	}))
	srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateNew {
			mu.Lock()
			srvConn = c
			mu.Unlock()
		}
	}
	srv.Start()
	defer srv.Close()

	conns := make(chan *closeNotingConn, 2)
	hc := NewHTTPClient(1)
	tr := hc.Transport.(*http.Transport)
	dial := tr.DialContext
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		nc := &closeNotingConn{Conn: c, closed: make(chan struct{})}
		conns <- nc
		return nc, nil
	}
	c, err := New(srv.URL, "api-user", testPassword, "leadimport/test", hc)
	require.NoError(t, err)

	_, err = c.Post(context.Background(), "p", []byte(`{}`))
	require.NoError(t, err, "the first request opens the connection")
	client := <-conns

	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			if !info.Reused {
				return
			}
			mu.Lock()
			_ = srvConn.Close()
			mu.Unlock()
			select {
			case <-client.closed: // the transport saw the server's close
			case <-time.After(5 * time.Second):
				t.Error("the transport did not notice the server's close")
			}
		},
	})
	_, err = c.Post(ctx, "p", []byte(`{}`))
	require.Error(t, err)
	t.Logf("error text: %v", err)
	assert.True(t, Retryable(err), "nothing was written: another attempt is safe")
	assert.False(t, MayHaveArrived(err))
	assert.ErrorIs(t, err, ErrNotWritten)
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, 1, reqs, "the server saw only the first request")
}

// TestKindsIdleClosedIsNotWritten: net/http calls WroteRequest once the
// request is in the connection's buffer, so an idle connection the server
// had closed looks written; its own error says the server never read it.
func TestKindsIdleClosedIsNotWritten(t *testing.T) {
	var tr attemptTrace
	tr.gotConn.Store(true)
	tr.wrote.Store(true)
	assert.Equal(t, []error{ErrNotWritten, errConnLost}, tr.kinds(errors.New("Post \"http://127.0.0.1/x\": http: server closed idle connection")))
	assert.Equal(t, []error{ErrUnanswered}, tr.kinds(errors.New("read: connection reset by peer")))
}
