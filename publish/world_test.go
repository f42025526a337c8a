package publish_test

import (
	"testing"

	"github.com/labstack/echo/v4"

	"lector/database/dbtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// world is testworld.World, with the helpers of this package's tests as
// its methods.
type world struct{ *testworld.World }

func newWorld(t testing.TB) *world { return &world{testworld.New(t)} }

// serve starts the whole server on w's database.
func serve(t testing.TB, w *world) (string, *echo.Echo) { return servertest.Serve(t, w.DB, w.Checker) }

func TestMain(m *testing.M) { dbtest.Main(m) }
