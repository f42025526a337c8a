package notification_test

import (
	"testing"

	"lector/database/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }
