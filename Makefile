# The two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
# Everything `make run` writes stays in the checkout, under .run/.
RUN_DIR := $(CURDIR)/.run
BIN := $(CURDIR)/.build/debug

# Where `make install` puts things. Packagers set PREFIX=/usr and DESTDIR=staging folder.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
UNITDIR ?= $(LIBDIR)/systemd/system
SYSUSERSDIR ?= $(LIBDIR)/sysusers.d
PLUGINDIR ?= $(LIBDIR)/kaderd/plugins
# The Swift runtime for plugins written in Swift (kaderd has its own linked in).
SWIFTLIBDIR ?= $(LIBDIR)/kaderd/swift
DOCDIR ?= $(PREFIX)/share/doc/kaderd
SYSCONFDIR ?= /etc
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
# The binaries to install; `make install` builds them in release mode first.
BUILD_DIR ?= $(CURDIR)/.build/release

# Plugins written in C, built as shared objects against the plugin ABI header alone.
CC ?= cc
C_PLUGINS := aceh papua
PLUGIN_BUILD := $(CURDIR)/.build/kader-plugins

# The manual pages and the shell completions are made from the commands by `make manuals`
# and committed under docs/ (ManualPageTests fails when one is out of date), so installing
# needs no generator. kaderd(8) and kaderctl(1) come from swift-argument-parser's
# generate-manual plugin, dated by the last change to the commands' sources.
MAN_PAGES := docs/man/kaderd.8 docs/man/kaderctl.1 docs/man/kaderd.toml.5
MANUALS_CONFIGURATION ?= debug
MANUALS_DATE = $(shell git log -1 --format=%cs -- Sources/kaderd Sources/kaderctl Sources/KaderRPC/KaderVersion.swift)
GENERATED_MANUALS := $(CURDIR)/.build/plugins/GenerateManual/outputs
# generate-manual leaves a help text's blank lines blank (groff warns of each: a paragraph
# break in mdoc is .Pp) and quotes the NAME line's description (whatis would show the quotes).
MANUAL_FIXUPS = sed -e 's/^$$/.Pp/' -e '/^\.Nd /s/"//g'

.PHONY: run test build deps clean release install install-files plugins manuals deb deb-files

## Builds and starts kaderd in the foreground, with its socket and state under .run/.
run: build
	@mkdir -p $(RUN_DIR)
	@echo "kaderd is starting; stop it with Ctrl-C. In another terminal:"
	@echo "  export KADERD_SOCKET=$(RUN_DIR)/kaderd.sock"
	@echo "  $(BIN)/kaderctl status"
	@exec $(BIN)/kaderd --socket $(RUN_DIR)/kaderd.sock --state-dir $(RUN_DIR)/state --config $(CURDIR)/kaderd.dev.toml

# The suites that run a second time on PostgreSQL (a throw-away cluster the tests start),
# and those of them that choose their store themselves: about the SQLite file (a full disk,
# a damaged file, moving it, backing it up and restoring it), or several kaderd on one PostgreSQL.
BACKEND_SUITES = KaderStoreTests|TaskRowTests|KaderEngineTests|IntegrationTests|ProgressReportTests
# The package's test (its default store) runs on the first pass only.
ONE_BACKEND_SUITES = FaultTests|StoreMoveTests|ClusterTests|BackupTests|DebianPackageTests

## Builds everything and runs the whole test suite, then the store, engine and
## integration suites again on PostgreSQL.
# On PostgreSQL, the scheduler's loop tests and the installed units run last, alone:
# beside the other PostgreSQL suites, the loop tests missed their one-minute limit in most
# runs of 2026-12-03 (cause not found; they pass alone, and on SQLite beside everything).
ALONE_ON_POSTGRESQL = SchedulerTests|InstalledServiceTests
# The cluster tests (three kaderd and 20,000 tasks at a time) run after the first pass:
# beside it, they slowed the machine enough that a 100-client test missed its 10 s wait.
# The release build and the plugins are for the installed-unit and package tests, which
# check what `make install` installs.
test: build release plugins
	$(SWIFT) test --skip ClusterTests
	$(SWIFT) test --skip-build --filter ClusterTests
	KADERD_TEST_STORE=postgresql $(SWIFT) test --skip-build --filter '$(BACKEND_SUITES)' --skip '$(ONE_BACKEND_SUITES)|$(ALONE_ON_POSTGRESQL)'
	KADERD_TEST_STORE=postgresql $(SWIFT) test --skip-build --filter '$(ALONE_ON_POSTGRESQL)'

build: deps
	$(SWIFT) build

deps:
	@scripts/install-deps

## The Swift runtime is linked in, so the installed binaries need no Swift toolchain.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product kaderd
	$(SWIFT) build -c release --static-swift-stdlib --product kaderctl

## Builds the plugins into .build/kader-plugins/: those in C with $(CC), Bali's in Swift.
plugins: $(C_PLUGINS:%=$(PLUGIN_BUILD)/%.so)
	$(SWIFT) build -c release --product KaderBaliPlugin
	install -m 0644 .build/release/libKaderBaliPlugin.so $(PLUGIN_BUILD)/bali.so

.SECONDEXPANSION:
$(PLUGIN_BUILD)/%.so: plugins/$$*/$$*.c Sources/KaderPluginABI/include/kader_plugin.h
	@mkdir -p $(PLUGIN_BUILD)
	$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -I Sources/KaderPluginABI/include -o $@ $<

## Makes docs/man and docs/completions again from the commands: after changing an option,
## a help text or a key of kaderd.toml. Commit what changed.
manuals: deps
	$(SWIFT) package plugin generate-manual --configuration $(MANUALS_CONFIGURATION) --section 8 --date $(MANUALS_DATE)
	$(MANUAL_FIXUPS) $(GENERATED_MANUALS)/kaderd/kaderd.8 > docs/man/kaderd.8
	$(SWIFT) package plugin generate-manual --configuration $(MANUALS_CONFIGURATION) --section 1 --date $(MANUALS_DATE)
	$(MANUAL_FIXUPS) $(GENERATED_MANUALS)/kaderctl/kaderctl.1 > docs/man/kaderctl.1
	.build/$(MANUALS_CONFIGURATION)/kaderd --print-config-manual > docs/man/kaderd.toml.5
	for command in kaderd kaderctl; do for shell in bash zsh fish; do \
		.build/$(MANUALS_CONFIGURATION)/$$command --generate-completion-script $$shell > docs/completions/$$command.$$shell || exit 1; \
	done; done

## Builds in release mode and installs the binaries, the plugins, the systemd units, the
## sysusers.d file, the example config and blackout file, the documentation (with the
## drop-in for a remote PostgreSQL), the manual pages and the shell completions.
install: release plugins install-files

## Installs already built binaries from BUILD_DIR; the units name the installed paths.
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) \
		$(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/kaderd
	install -m 0755 $(BUILD_DIR)/kaderd $(BUILD_DIR)/kaderctl $(DESTDIR)$(BINDIR)/
	for plugin in $(wildcard $(PLUGIN_BUILD)/*.so); do install -m 0644 $$plugin $(DESTDIR)$(PLUGINDIR)/ || exit 1; done
	scripts/install-swift-runtime $(DESTDIR)$(SWIFTLIBDIR) '$$ORIGIN/$(shell realpath -m --relative-to=$(PLUGINDIR) $(SWIFTLIBDIR))' \
		$(patsubst $(PLUGIN_BUILD)/%,$(DESTDIR)$(PLUGINDIR)/%,$(wildcard $(PLUGIN_BUILD)/*.so))
	for unit in kaderd.service kaderd.socket kaderd-metrics.service kaderd-metrics.timer; do \
		sed -e 's|/usr/bin/kaderd|$(BINDIR)/kaderd|' -e 's|/usr/bin/kaderctl|$(BINDIR)/kaderctl|' \
			-e 's|/usr/share/doc/kaderd|$(DOCDIR)|' \
			systemd/$$unit > $(DESTDIR)$(UNITDIR)/$$unit && chmod 0644 $(DESTDIR)$(UNITDIR)/$$unit || exit 1; \
	done
	install -m 0644 systemd/kaderd.sysusers $(DESTDIR)$(SYSUSERSDIR)/kaderd.conf
	install -m 0644 systemd/kaderd.toml.example $(DESTDIR)$(SYSCONFDIR)/kaderd/kaderd.toml.example
	install -m 0644 systemd/blackouts.toml.example $(DESTDIR)$(SYSCONFDIR)/kaderd/blackouts.toml.example
	install -m 0644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	for page in $(MAN_PAGES); do \
		name=$${page##*/}; target=$(DESTDIR)$(MANDIR)/man$${name##*.}/$$name.gz; \
		gzip -9n < $$page > $$target && chmod 0644 $$target || exit 1; \
	done
	# bash-completion sources a completion, never runs it: no #! line (lintian warns of one).
	for command in kaderd kaderctl; do \
		sed '1{/^#!/d}' docs/completions/$$command.bash > $(DESTDIR)$(BASHCOMPDIR)/$$command && \
		chmod 0644 $(DESTDIR)$(BASHCOMPDIR)/$$command && \
		install -m 0644 docs/completions/$$command.zsh $(DESTDIR)$(ZSHCOMPDIR)/_$$command && \
		install -m 0644 docs/completions/$$command.fish $(DESTDIR)$(FISHCOMPDIR)/$$command.fish || exit 1; \
	done
	install -m 0644 systemd/kaderd-remote-postgresql.conf.example $(DESTDIR)$(DOCDIR)/kaderd-remote-postgresql.conf.example
	@if [ -z "$(DESTDIR)" ]; then \
		echo "Installed. Next: systemd-sysusers && systemctl daemon-reload && systemctl enable --now kaderd.socket"; \
	fi

# The Debian package: `make install` into a staging root with PREFIX=/usr, then
# packaging/deb/build-deb (maintainer scripts, copyright, changelog, Depends by dpkg-shlibdeps).
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)".*/\1/p' Sources/KaderRPC/KaderVersion.swift)
DEB_DIR ?= $(CURDIR)/.build/deb

## Builds kaderd_VERSION-REVISION_ARCH.deb into .build/deb/, from a release build.
deb: release plugins deb-files

## Packages already built binaries and plugins (BUILD_DIR, PLUGIN_BUILD) into DEB_DIR.
deb-files:
	rm -rf $(DEB_DIR)/root
	$(MAKE) -s install-files DESTDIR=$(DEB_DIR)/root PREFIX=/usr SYSCONFDIR=/etc
	packaging/deb/build-deb $(DEB_DIR)/root $(VERSION) $(DEB_DIR)

clean:
	rm -rf .build $(RUN_DIR)
