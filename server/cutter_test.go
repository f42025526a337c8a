package server_test

import (
	"io"
	"net"
	"sync"
	"testing"
)

// cutter is a TCP proxy in front of a test server that can cut every
// connection through it at once, as a restarted load balancer or a
// dropped network does, and refuse new ones until it is healed.
type cutter struct {
	ln      net.Listener
	backend string
	mu      sync.Mutex
	conns   map[net.Conn]bool
	refuse  bool
}

// newCutter proxies to backend ("host:port") until the test ends; URL is
// its address.
func newCutter(t *testing.T, backend string) *cutter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &cutter{ln: ln, backend: backend, conns: map[net.Conn]bool{}}
	go c.serve()
	t.Cleanup(func() { ln.Close(); c.cut(false) })
	return c
}

func (c *cutter) URL() string { return "http://" + c.ln.Addr().String() }

func (c *cutter) serve() {
	for {
		in, err := c.ln.Accept()
		if err != nil {
			return
		}
		go c.pipe(in)
	}
}

func (c *cutter) pipe(in net.Conn) {
	out, err := net.Dial("tcp", c.backend)
	if err != nil || !c.track(in, out) {
		in.Close()
		if out != nil {
			out.Close()
		}
		return
	}
	go func() { io.Copy(out, in); out.Close() }()
	io.Copy(in, out)
	in.Close()
}

// track registers a connection's two ends; false while refusing.
func (c *cutter) track(in, out net.Conn) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refuse {
		return false
	}
	c.conns[in], c.conns[out] = true, true
	return true
}

// cut closes every open connection; refuse says whether new ones are
// refused until heal.
func (c *cutter) cut(refuse bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refuse = refuse
	for conn := range c.conns {
		conn.Close()
	}
	clear(c.conns)
}

func (c *cutter) heal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.refuse = false
}
