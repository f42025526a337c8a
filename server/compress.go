package server

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
	"github.com/labstack/echo/v4"
)

// compress gzips responses of at least minCompress bytes. Echo's own gzip
// middleware resets a compressor (clearing its 512 KiB of hash tables)
// twice on every request, even for a 200-byte JSON answer; under the
// review load test that was an eighth of the server's CPU. gzhttp buffers
// up to the minimum size and only then takes a compressor.
func compress() (echo.MiddlewareFunc, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(minCompress), gzhttp.CompressionLevel(5))
	if err != nil {
		return nil, err
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			res := c.Response()
			orig := res.Writer
			// A panic passes through to Recover, which must write to the
			// connection, not to a compressor gzhttp has put back.
			defer func() { res.Writer = orig }()
			wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				res.Writer = w
				c.SetRequest(r)
				// Errors are rendered here, while the compressing writer
				// is still open; the outer middlewares read the status.
				if err := next(c); err != nil {
					c.Error(err)
				}
			})).ServeHTTP(orig, c.Request())
			return nil
		}
	}, nil
}

// minCompress is the smallest response worth compressing: below it the
// gzip framing and CPU cost more than the bytes saved.
const minCompress = 1024
