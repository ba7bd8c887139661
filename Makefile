# mediationd: the two commands a new machine needs are `make run` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: deps build run test bench clean

deps:
	@scripts/install-dependencies

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# Runs the daemon in the foreground on its built-in defaults: the database in ./state and the
# socket at ./run/io.mediationd, so no root paths are needed. Ctrl-C stops it cleanly.
run: build
	mkdir -p state
	$(SWIFT) run $(BUILD_FLAGS) mediationd --config Config/mediationd.toml

# Builds everything and runs every test: unit tests and the daemon tests, which start the real
# binary under systemd-socket-activate and read a real journald. The daemon tests run after the
# others, not beside them: dozens of daemons and clients at once on a small machine would starve
# the in-process servers the unit tests time.
test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS) --skip DaemonTests
	$(SWIFT) test --skip-build $(BUILD_FLAGS) --filter DaemonTests

# Measures what the issues set targets for; writes BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --product mediationd
	$(SWIFT) build -c release --product mediation-bench
	.build/release/mediation-bench --daemon .build/release/mediationd --output BENCHMARKS.md

clean:
	rm -rf .build state run
