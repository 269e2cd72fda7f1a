# leadimport: see README.md.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
BIN     := bin/leadimport

.PHONY: build test demo bench fuzz clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) .

# vet, then every test with the race detector.
test:
	$(GO) vet ./...
	$(GO) test -race ./...

# Starts the sandbox on a free loopback port, imports the open-house sample
# into it, prints the summary and the report's path, stops the sandbox.
demo: build
	sh samples/demo.sh $(BIN)

# check over a generated 1,000,000-row CSV beside a bare read of the same
# file, plus the package benchmarks; figures are ratios on a shared machine.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 20m .
	$(GO) test -run '^$$' -bench . -benchmem ./importer/... ./mapping/...

# A minute of fuzzing per parser.
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./mapping/
	$(GO) test -run '^$$' -fuzz FuzzPersonnummer -fuzztime 60s ./mapping/
	$(GO) test -run '^$$' -fuzz FuzzCSV -fuzztime 60s ./importer/source/

clean:
	rm -rf bin out
