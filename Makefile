# Lector. `make test` is the one test command (README, CI).

GO ?= go
PG_BIN := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) $(shell command -v initdb 2>/dev/null))
CHROMIUM := $(firstword $(shell command -v chromium chromium-browser 2>/dev/null))
XMLLINT := $(shell command -v xmllint 2>/dev/null)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends

.PHONY: test deps lint run bench vendor-htmx screenshots

## test: install what the tests need, check formatting and vet, run every test (browser tests included, race detector on)
test: deps lint
	LECTOR_REQUIRE_BROWSER=1 $(GO) test -race -count=1 -timeout 20m ./...

## deps: PostgreSQL server binaries, Chromium and xmllint, from Debian's packages, when missing
deps:
ifeq ($(PG_BIN),)
	@echo "installing PostgreSQL server binaries (postgresql) ..."
	apt-get update -q && $(APT_INSTALL) postgresql
endif
ifeq ($(CHROMIUM),)
	@echo "installing Chromium for the browser tests ..."
	apt-get update -q && $(APT_INSTALL) chromium fonts-dejavu-core
endif
ifeq ($(XMLLINT),)
	@echo "installing xmllint (libxml2-utils) for the XLIFF export tests ..."
	apt-get update -q && $(APT_INSTALL) libxml2-utils
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

# goi18n, pinned; `go run pkg@version` needs no go.mod entry.
GOI18N ?= $(GO) run github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0

.PHONY: i18n i18n-merge

## i18n: write locales/translate.<lang>.toml listing what each catalog lacks (goi18n merge on copies; the catalogs stay as they are)
i18n:
	@if ls locales/translate.*.toml >/dev/null 2>&1; then \
	  echo "locales/translate.*.toml exist: run make i18n-merge first (or delete them)"; exit 1; fi
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GOI18N) merge -sourceLanguage en -outdir "$$tmp" locales/active.*.toml && \
	for f in "$$tmp"/translate.*.toml; do \
	  [ -s "$$f" ] || continue; cp "$$f" locales/; \
	  echo "locales/$${f##*/}: $$(grep -c '^\[' "$$f") messages to translate"; \
	done; \
	ls locales/translate.*.toml >/dev/null 2>&1 || echo "every catalog has every message"

## i18n-merge: merge the filled-in locales/translate.<lang>.toml into the catalogs (goi18n merge), then test them
i18n-merge:
	$(GOI18N) merge -sourceLanguage en -outdir locales locales/active.*.toml locales/translate.*.toml
	rm -f locales/translate.*.toml
	$(GO) test -count=1 ./locales/
