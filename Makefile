# leadimport: see README.md.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/leadimport

.PHONY: build dist test demo serve bench pgo bench-go bench-baseline fuzz clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) .

# Binaries for the machines brokerages have, version stamped, pure Go (no
# cgo: SQLite is modernc's), in dist/: leadimport-VERSION-OS-ARCH[.exe].
DIST_TARGETS := linux/amd64 linux/arm64 windows/amd64 darwin/arm64
dist:
	@mkdir -p dist
	@for t in $(DIST_TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		out=dist/leadimport-$(VERSION)-$$os-$$arch$$ext; \
		echo "$$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o $$out . || exit 1; \
	done

# vet, then every test with the race detector. The page's browser tests
# skip without Chromium (importer/web/browser_test.go) or Firefox
# (firefox_test.go), which go test does not show for a package that
# passes: say so here.
test:
	$(GO) vet ./...
	$(GO) test -race ./...
	@if [ -z "$$LEADIMPORT_CHROMIUM" ] && ! command -v chromium >/dev/null 2>&1 && \
		! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 && \
		! command -v google-chrome-stable >/dev/null 2>&1 && ! command -v chrome >/dev/null 2>&1; then \
		echo "make test: no Chromium found: the browser tests of the page (importer/web/browser_test.go) were SKIPPED; install chromium to run them"; \
	fi
	@if [ -z "$$LEADIMPORT_FIREFOX" ] && ! command -v firefox-esr >/dev/null 2>&1 && ! command -v firefox >/dev/null 2>&1; then \
		echo "make test: no Firefox found: the page's Firefox tests (importer/web/firefox_test.go) were SKIPPED; install firefox-esr to run them"; \
	fi

# Starts the sandbox on a free loopback port, imports the open-house sample
# into it, prints the summary and the report's path, stops the sandbox.
demo: build
	sh samples/demo.sh $(BIN)

# The page (leadimport serve) against the sandbox on a free loopback port,
# with a ledger of its own in out/serve/: try the page, nothing reaches
# Connect. Open the address it prints; Ctrl-C stops both.
serve: build
	@mkdir -p out/serve
	@LEADIMPORT_SANDBOX_PASSWORD=serve-$$$$-$$(date +%s); export LEADIMPORT_SANDBOX_PASSWORD; \
	$(BIN) sandbox --addr 127.0.0.1:0 >out/serve/sandbox.log 2>&1 & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT INT TERM; \
	url=; for _ in $$(seq 100); do \
		url=$$(sed -n '1s|.*\(http://[^ ]*\).*|\1|p' out/serve/sandbox.log); \
		[ -n "$$url" ] && break; kill -0 $$pid 2>/dev/null || break; sleep 0.1; \
	done; \
	[ -n "$$url" ] || { echo "serve: the sandbox did not start:" >&2; cat out/serve/sandbox.log >&2; exit 1; }; \
	echo "serve: sending to the sandbox at $$url"; \
	VITEC_USERNAME=sandbox VITEC_PASSWORD=$$LEADIMPORT_SANDBOX_PASSWORD \
		$(BIN) serve --base-url "$$url" --ledger out/serve/ledger.db $(SERVE_FLAGS)

# The benchmark suite (bench/main.go): check on generated 1,000,000-row
# CSVs (UTF-8, Windows-1252) and 100,000-row XLSX (excelize's, and shared
# strings as Excel saves), run against a loopback sandbox beside a bare
# HTTP client, rate accuracy and start-up, each figure beside its target
# and a baseline measured in the same run; the table goes to
# bench/results.md.
bench: build
	$(GO) run ./bench -bin $(BIN) -o bench/results.md

# default.pgo is the CPU profile the compiler builds leadimport for
# (profile-guided optimisation: go build takes it from the main package's
# folder by itself). make pgo takes it anew from make bench's checks and
# run, when what is hot has changed.
pgo: build
	rm -rf out/pgo && mkdir -p out/pgo
	$(GO) run ./bench -bin $(BIN) -only check-csv,check-xlsx,run -profiles $(CURDIR)/out/pgo -o out/pgo/results.md
	$(GO) tool pprof -proto out/pgo/*.prof > out/pgo/default.pgo
	mv out/pgo/default.pgo default.pgo

# The Go benchmarks of the packages (ns/op, allocations).
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./importer/... ./mapping/...

# The check benchmark beside the same benchmark run with the binary of an
# earlier commit: make bench-baseline REV=9aab930. Each is run COUNT times,
# alternating, so that a noisy neighbour hurts both alike.
REV   ?= HEAD~1
COUNT ?= 3
bench-baseline:
	rm -rf out/baseline && mkdir -p out
	git worktree add --detach out/baseline $(REV)
	cd out/baseline && $(GO) build -o ../baseline-leadimport . ; status=$$?; cd ../.. && git worktree remove --force out/baseline && exit $$status
	LEADIMPORT_BENCH_BASELINE=$(CURDIR)/out/baseline-leadimport $(GO) test -run '^$$' -bench 'CheckCSV/(leadimport|baseline)' -benchtime 1x -count $(COUNT) -timeout 30m .

# FUZZTIME of fuzzing per parser (make fuzz FUZZTIME=5m for a long run).
FUZZTIME ?= 60s
MAPPING_FUZZ := FuzzParse FuzzPlaceholderID FuzzPersonnummer FuzzPhone FuzzPostcode FuzzName FuzzPlainAddress FuzzMailDomainTypo FuzzTrimSpace FuzzControlAt FuzzProposeRoundTrip FuzzMappedBinary FuzzNormalizeDate FuzzNormalizeNumber
SOURCE_FUZZ  := FuzzCSV FuzzCSVChunks FuzzLastNewline FuzzCellValue FuzzSheetXML FuzzXstring FuzzQuoteTracker FuzzQuoteTrackerChunks FuzzCP1252 FuzzScanner FuzzSheetReaderAgainstOld FuzzMerges
REPORT_FUZZ  := FuzzCSVLine
IMPORTER_FUZZ := FuzzSpoolRead
fuzz:
	for f in $(MAPPING_FUZZ); do $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./mapping/ || exit 1; done
	for f in $(SOURCE_FUZZ); do $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./importer/source/ || exit 1; done
	for f in $(REPORT_FUZZ); do $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1x ./importer/report/ || exit 1; done
	for f in $(IMPORTER_FUZZ); do $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./importer/ || exit 1; done

clean:
	rm -rf bin out dist
