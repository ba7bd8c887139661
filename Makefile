# mediationd: the two commands a new machine needs are `make run` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: deps build run test bench clean release install deb system-test crash-test fuzz

# Installation (make install, make deb): PREFIX for programs and data, DESTDIR for staging.
# The configuration goes to $(DESTDIR)/etc/mediationd whatever PREFIX is.
PREFIX ?= /usr
DESTDIR ?=
SYSCONFDIR ?= /etc
# Release binaries are built in a folder of their own, so that they (with the Swift runtime
# linked in statically, and no $ORIGIN in their library search path) do not replace what
# `make bench` builds in .build/release.
PKG_SCRATCH ?= .build-pkg
RELEASE_FLAGS = -c release --static-swift-stdlib --disable-local-rpath --scratch-path $(PKG_SCRATCH)
RELEASE_DIR = $(PKG_SCRATCH)/release
# mediationctl, with the Swift runtime and Foundation linked in, is linked position-dependent:
# as a position-independent executable it has 110,000 pointers for the loader to relocate at
# every start, some 2 ms of the 20 that `mediationctl status` may take (BENCHMARKS.md). Its own
# code is then not placed at random (its libraries, heap and stack still are), acceptable for a
# client that runs as the user who started it and talks only to the daemon. mediationd stays
# position-independent. Only here: against the Swift runtime as shared libraries (debug builds)
# the loader would warn about every protected symbol it references.
CTL_LINK_FLAGS = -Xlinker -no-pie
INSTALL ?= install
DEB = mediationd_$(shell dpkg-parsechangelog -l packaging/debian/changelog -S Version)_amd64.deb

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

# Parallel clients book, move, register and record agreements while the daemon is killed with
# SIGKILL CRASH_KILLS times and restarted; after every kill the database and the journal are
# checked against what the clients were acknowledged. Needs root (it reads a real journald).
CRASH_KILLS ?= 50
crash-test: deps
	$(SWIFT) build $(BUILD_FLAGS) --product mediationd
	$(SWIFT) build $(BUILD_FLAGS) --product mediation-crash-test
	$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/mediation-crash-test --daemon $$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/mediationd --kills $(CRASH_KILLS)

# libFuzzer targets with AddressSanitizer (Fuzz/): the Varlink framing and messages, every
# method's parameters, the CLI's dates, times and durations, the configuration. Builds them into
# .build-fuzz and runs each for FUZZ_SECONDS (default 60) from the seed corpus in Fuzz/corpus;
# fails on a crash or a broken property, leaving the input in .build-fuzz/findings. See scripts/fuzz.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) scripts/fuzz

# Measures what the issues set targets for; writes BENCHMARKS.md, ending with the sections in
# Benchmarks/notes/*.md. mediationctl is timed as installed: the static build `make release` makes.
# The anonymiser section installs deduce (PyPI) into .build/deduce-venv to compare with.
bench: deps
	$(SWIFT) build -c release --product mediationd
	$(SWIFT) build -c release --product mediation-bench
	$(SWIFT) build -c release --product mediation-flood
	$(SWIFT) build $(RELEASE_FLAGS) $(CTL_LINK_FLAGS) --product mediationctl
	.build/release/mediation-bench --daemon .build/release/mediationd --ctl $(RELEASE_DIR)/mediationctl --notes Benchmarks/notes --output BENCHMARKS.md

# The release binaries, and the shell completions mediationctl generates from its own commands
# (the bash one without its #! line: completion files are sourced, not run).
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product mediationd
	$(SWIFT) build $(RELEASE_FLAGS) $(CTL_LINK_FLAGS) --product mediationctl
	mkdir -p $(PKG_SCRATCH)/completions
	$(RELEASE_DIR)/mediationctl --generate-completion-script bash | sed '1{/^#!/d;}' > $(PKG_SCRATCH)/completions/mediationctl.bash
	$(RELEASE_DIR)/mediationctl --generate-completion-script zsh > $(PKG_SCRATCH)/completions/_mediationctl
	$(RELEASE_DIR)/mediationctl --generate-completion-script fish > $(PKG_SCRATCH)/completions/mediationctl.fish

# Installs everything a machine needs to run the service; then, on a live system:
#   systemd-sysusers mediationd.conf; journalctl --update-catalog; systemctl daemon-reload;
#   systemctl enable --now mediationd.socket   (the .deb's postinst does this)
# The unit's ExecStart follows PREFIX.
install: release
	$(INSTALL) -d -m 0755 $(DESTDIR)$(PREFIX)/sbin $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/lib/systemd/system $(DESTDIR)$(PREFIX)/lib/sysusers.d $(DESTDIR)$(PREFIX)/lib/systemd/catalog \
	  $(DESTDIR)$(SYSCONFDIR)/mediationd/templates $(DESTDIR)$(SYSCONFDIR)/mediationd/mediationd.toml.d \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man8 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(INSTALL) -m 0755 $(RELEASE_DIR)/mediationd $(DESTDIR)$(PREFIX)/sbin/mediationd
	$(INSTALL) -m 0755 $(RELEASE_DIR)/mediationctl $(DESTDIR)$(PREFIX)/bin/mediationctl
	sed 's|^ExecStart=[^ ]*mediationd|ExecStart=$(PREFIX)/sbin/mediationd|' systemd/mediationd.service > $(PKG_SCRATCH)/mediationd.service
	$(INSTALL) -m 0644 $(PKG_SCRATCH)/mediationd.service systemd/mediationd.socket $(DESTDIR)$(PREFIX)/lib/systemd/system/
	$(INSTALL) -m 0644 systemd/mediationd.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/mediationd.conf
	$(INSTALL) -m 0644 systemd/mediationd.catalog $(DESTDIR)$(PREFIX)/lib/systemd/catalog/mediationd.catalog
	$(INSTALL) -m 0644 Config/mediationd.toml $(DESTDIR)$(SYSCONFDIR)/mediationd/mediationd.toml
	$(INSTALL) -m 0644 Config/templates/*.mustache Config/templates/first-names.txt Config/templates/first-names.GFDL-1.2.txt $(DESTDIR)$(SYSCONFDIR)/mediationd/templates/
	$(INSTALL) -m 0644 man/mediationctl.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	$(INSTALL) -m 0644 man/mediationd.toml.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	$(INSTALL) -m 0644 man/mediationd.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	$(INSTALL) -m 0644 $(PKG_SCRATCH)/completions/mediationctl.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/mediationctl
	$(INSTALL) -m 0644 $(PKG_SCRATCH)/completions/_mediationctl $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_mediationctl
	$(INSTALL) -m 0644 $(PKG_SCRATCH)/completions/mediationctl.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/mediationctl.fish

# mediationd_VERSION_amd64.deb in this folder: what `make install` installs, with the control
# file and maintainer scripts of packaging/debian/. Install it with: apt install ./mediationd_*.deb
deb:
	rm -rf $(PKG_SCRATCH)/deb-root
	$(MAKE) --no-print-directory install DESTDIR=$(abspath $(PKG_SCRATCH))/deb-root PREFIX=/usr SYSCONFDIR=/etc
	scripts/build-deb $(PKG_SCRATCH)/deb-root

# Installs the .deb in a fresh Debian 12 container booted with systemd (systemd-nspawn) and
# checks it as an operator would: socket activation, reload, restart, stop, the overdue
# reminder in the journal with its catalog text, the watchdog. Needs root; the first run
# debootstraps the container into /var/cache/mediationd-system-test (a few minutes).
system-test: deb
	scripts/system-test $(DEB)

clean:
	rm -rf .build $(PKG_SCRATCH) state run mediationd_*_amd64.deb
