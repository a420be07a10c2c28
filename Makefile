# The two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
# Everything `make run` writes stays in the checkout, under .run/.
RUN_DIR := $(CURDIR)/.run
BIN := $(CURDIR)/.build/debug

.PHONY: run test build deps clean

## Builds and starts kaderd in the foreground, with its socket and state under .run/.
run: build
	@mkdir -p $(RUN_DIR)
	@echo "kaderd is starting; stop it with Ctrl-C. In another terminal:"
	@echo "  export KADERD_SOCKET=$(RUN_DIR)/kaderd.sock"
	@echo "  $(BIN)/kaderctl status"
	@exec $(BIN)/kaderd --socket $(RUN_DIR)/kaderd.sock --state-dir $(RUN_DIR)/state --config $(CURDIR)/kaderd.dev.toml

## Builds everything and runs the whole test suite.
test: build
	$(SWIFT) test

build: deps
	$(SWIFT) build

deps:
	@scripts/install-deps

clean:
	rm -rf .build $(RUN_DIR)
