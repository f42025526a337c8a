# Lector. `make test` is the one test command (README, CI).

GO ?= go
PG_BIN := $(firstword $(wildcard /usr/lib/postgresql/*/bin/initdb) $(shell command -v initdb 2>/dev/null))
CHROMIUM := $(firstword $(shell command -v chromium chromium-browser 2>/dev/null))
XMLLINT := $(shell command -v xmllint 2>/dev/null)
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends
# The OASIS XLIFF 2.0 core schema (XLIFF 2.1 keeps it) and the W3C xml.xsd it imports, as Debian's
# php-symfony-translation ships them; the tests validate every XLIFF Lector writes against them.
XLIFF_SCHEMA_DIR := .cache/xliff-schema
XLIFF_SCHEMA := $(CURDIR)/$(XLIFF_SCHEMA_DIR)/xliff_core_2.0.xsd
XLIFF_SCHEMA_DEB := php-symfony-translation
XLIFF_SCHEMA_SRC := usr/share/php/Symfony/Component/Translation/Resources/schemas
XLIFF_XML_XSD := informativeCopiesOf3rdPartySchemas/w3c/xml.xsd
XLIFF_SCHEMA_SUMS := printf '%s  %s\n' \
	86869fdd384cc4c0bfda9097ded6b2058ccdc027973d5ce6177fceac17e96f89 xliff_core_2.0.xsd \
	4811c301144dd763dca0cd9f8d0b4029c0a4ad1d84c73132c2531ec5f06ac340 $(XLIFF_XML_XSD)

.PHONY: test deps xliff-schema lint run bench vendor-htmx screenshots

## test: install what the tests need, check formatting and vet, run every test (browser tests included, race detector on)
test: deps lint
	LECTOR_REQUIRE_BROWSER=1 LECTOR_XLIFF_SCHEMA=$(XLIFF_SCHEMA) $(GO) test -race -count=1 -timeout 20m ./...
	$(GO) test -count=1 -run 'TestFindingsIgnoreUnrelatedNames' ./detect # at its full million names, which -race cuts to a tenth
	$(GO) test -count=1 -run 'TestLargeArticle' ./publish # at 100,000 segments, which -race cuts to 7,000
	LECTOR_REQUIRE_BROWSER=1 $(GO) test -count=1 -run 'TestJourneysAtScaleInBrowser' ./server # held to 50 ms, which -race slows past

## deps: PostgreSQL server binaries, Chromium, xmllint and the XLIFF core schema, from Debian's packages, when missing
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
	@$(MAKE) --no-print-directory xliff-schema

## xliff-schema: the XLIFF core schema and xml.xsd from Debian's php-symfony-translation (not installed: the .deb
## is downloaded into .cache/xliff-schema and unpacked), checked against their sha256 sums; nothing when they match
xliff-schema:
	@( cd $(XLIFF_SCHEMA_DIR) && $(XLIFF_SCHEMA_SUMS) | sha256sum --check --status ) 2>/dev/null || { \
	  echo "fetching the XLIFF core schema from Debian's $(XLIFF_SCHEMA_DEB) into $(XLIFF_SCHEMA_DIR) ..." && \
	  mkdir -p $(XLIFF_SCHEMA_DIR) && rm -f $(XLIFF_SCHEMA_DIR)/*.deb && \
	  ( cd $(XLIFF_SCHEMA_DIR) && { apt-get download -q $(XLIFF_SCHEMA_DEB) || \
	    { apt-get update -q && apt-get download -q $(XLIFF_SCHEMA_DEB); }; } ) && \
	  tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  dpkg-deb -x $(XLIFF_SCHEMA_DIR)/$(XLIFF_SCHEMA_DEB)_*.deb "$$tmp" && \
	  mkdir -p $(XLIFF_SCHEMA_DIR)/$(dir $(XLIFF_XML_XSD)) && \
	  cp "$$tmp/$(XLIFF_SCHEMA_SRC)/xliff-core-2.0.xsd" $(XLIFF_SCHEMA_DIR)/xliff_core_2.0.xsd && \
	  cp "$$tmp/$(XLIFF_SCHEMA_SRC)/xml.xsd" $(XLIFF_SCHEMA_DIR)/$(XLIFF_XML_XSD) && \
	  cd $(XLIFF_SCHEMA_DIR) && $(XLIFF_SCHEMA_SUMS) | sha256sum --check; } || { \
	  echo "make xliff-schema: FAILED: the XLIFF core schema or xml.xsd is missing or its sha256 does not match" >&2; exit 1; }

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

.PHONY: quality

## quality: name-detection quality on the corpora of detect/testdata/quality: recall with the right suggestion and
## precision per language (en, de, ru, uk) and per kind of variation, with and without 200k generated names, the ten
## weakest kinds with examples; the floors are assertions (quality_floors_test.go), so this fails when a figure drops;
## the parallel corpus (detect/testdata/quality/parallel) checked with and without its sources; and real Apertium output
## (detect/testdata/quality/mt) per direction, checked alone and with its sources
quality:
	$(GO) test -count=1 -run '^TestQuality(Corpus|Parallel|RealMT)?$$' -v ./detect -quality.report

.PHONY: quality-mt-regen

## quality-mt-regen: re-run Apertium on detect/testdata/quality/mt/src (needs the apertium packages; see its SOURCES.md);
## a changed output needs its annotation (mt/ann) redone, then `go run ./detect/testdata/quality/gen mt`
quality-mt-regen:
	sh detect/testdata/quality/mt/regen.sh

# The word lists detect/lexicon embeds, from Debian's packages (detect/lexicon/SOURCES.md);
# hunspell-tools brings unmunch, which expands the Russian Hunspell dictionary.
LEXICON_DEBS := wamerican wbritish wngerman wukrainian hunspell-ru hunspell-tools

.PHONY: lexicons

## lexicons: install the word-list packages when missing, then regenerate detect/lexicon/data (deterministic: unchanged packages change no file)
lexicons:
	@missing=$$(for p in $(LEXICON_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing" $$missing "..."; apt-get update -q && $(APT_INSTALL) $$missing; fi
	$(GO) run ./detect/lexicon/internal/gen -out detect/lexicon/data

# The bilingual dictionaries detect/lexicon's translation table is made of (detect/lexicon/SOURCES.md):
# English-German, English-Russian, and Apertium's Russian-Ukrainian pair with lttoolbox to run it.
TRANSLATION_DEBS := dict-freedict-eng-deu mueller7-dict apertium-rus-ukr lttoolbox

.PHONY: translations

## translations: install the bilingual dictionaries when missing, then regenerate detect/lexicon/data/translations.tsv.gz (deterministic; needs the lexicons it filters by)
translations:
	@missing=$$(for p in $(TRANSLATION_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing" $$missing "..."; apt-get update -q && $(APT_INSTALL) $$missing; fi
	$(GO) run ./detect/lexicon/internal/gentr -out detect/lexicon/data
