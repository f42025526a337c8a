# Lector. `make test` is the one test command (README, CI).

GO ?= go
PG_BIN := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) $(shell command -v initdb 2>/dev/null))
CHROMIUM := $(firstword $(shell command -v chromium chromium-browser 2>/dev/null))
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends

.PHONY: test deps lint run bench vendor-htmx screenshots

## test: install what the tests need, check formatting and vet, run every test (browser tests included, race detector on)
test: deps lint
	LECTOR_REQUIRE_BROWSER=1 $(GO) test -race -count=1 -timeout 20m ./...

## deps: PostgreSQL server binaries and Chromium, from Debian's packages, when missing
deps:
ifeq ($(PG_BIN),)
	@echo "installing PostgreSQL server binaries (postgresql) ..."
	apt-get update -q && $(APT_INSTALL) postgresql
endif
ifeq ($(CHROMIUM),)
	@echo "installing Chromium for the browser tests ..."
	apt-get update -q && $(APT_INSTALL) chromium fonts-dejavu-core
endif

## lint: gofmt and go vet must be clean
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "not gofmt'ed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

## run: serve the app with the seed data (same as `go run ./cmd/lector`)
run:
	$(GO) run ./cmd/lector

## bench: every benchmark, with its baseline, as BENCHMARKS.md reports them
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

## vendor-htmx: refresh the vendored htmx from the npm registry
vendor-htmx:
	cd $$(mktemp -d) && npm pack htmx.org@2.0.11 >/dev/null && tar xzf htmx.org-*.tgz && \
	cp package/dist/htmx.min.js $(CURDIR)/static/vendor/htmx/htmx.min.js && cp package/LICENSE $(CURDIR)/static/vendor/htmx/LICENSE

## screenshots: retake the README's screenshots with headless Chromium
screenshots: deps
	LECTOR_SCREENSHOTS=$(CURDIR)/docs LECTOR_REQUIRE_BROWSER=1 $(GO) test -count=1 -run 'InBrowser|Journey' ./server/
