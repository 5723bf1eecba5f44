# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
# Everything is installed into .venv from the hash-locked files in requirements/.
PY := .venv/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# The same commit builds the same site, byte for byte: dates come from the commit, not the clock.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif

.PHONY: serve build check-data test test-fast lint new-person lock fresh-install bench lighthouse clean translations screenshots

.venv/site.stamp: requirements/site.txt requirements/pip.txt scripts/install.sh
	@sh scripts/ensure-system-packages.sh
	sh scripts/install.sh .venv requirements/site.txt
	@touch $@

.venv/test.stamp: requirements/test.txt tests/tools/package-lock.json .venv/site.stamp
	@sh scripts/ensure-system-packages.sh --browser
	sh scripts/install.sh .venv requirements/test.txt
	npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

serve: .venv/site.stamp  ## preview on http://127.0.0.1:8000 (SITE_LANG=ru or kk for another language), live reload
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:$(PORT)

build: .venv/site.stamp  ## strict build of every language into site/ (English at the root, ru/ and kk/)
	$(PY) -m sitegen build -d site

translations: .venv/site.stamp  ## make translations TO=ru (or kk): what is left to translate, and what is stale
	@test -n "$(TO)" || (echo 'usage: make translations TO=ru' >&2; exit 2)
	$(PY) -m sitegen translations $(TO)

check-data: .venv/site.stamp  ## validate data/ alone; GITHUB_ACTIONS=true adds annotations
	$(PY) -m sitegen check $(if $(GITHUB_ACTIONS),--github,)

lint: .venv/test.stamp  ## ruff on the Python, then the offline checks of the workflows, dependabot config and issue forms
	.venv/bin/ruff check .
	$(PY) -m pytest -q tests/test_repository_config.py

# The tests run with two pytest-xdist workers per core (at most 8): a test often waits (on the shared
# build, the package index, the browser), and a second worker keeps the core busy meanwhile.
# One test alone, or with a debugger: .venv/bin/python -m pytest -n 0 tests/test_x.py::test_y
WORKERS := $(shell n=$$(nproc 2>/dev/null || echo 2); n=$$((n * 2)); [ $$n -gt 8 ] && n=8; echo $$n)
XDIST := -n $(WORKERS) --dist worksteal

test: .venv/test.stamp  ## everything: data, build, pages, browser, workflows
	$(PY) -m pytest $(XDIST)

test-fast: .venv/test.stamp  ## everything except the browser tests
	$(PY) -m pytest $(XDIST) -m "not browser"

new-person: .venv/site.stamp  ## make new-person NAME="Full Name"
	@test -n "$(NAME)" || (echo 'usage: make new-person NAME="Full Name"' >&2; exit 2)
	$(PY) -m sitegen new-person "$(NAME)"

UV_COMPILE = .venv-lock/bin/uv pip compile -q --generate-hashes --python-version 3.11 --universal

lock:  ## regenerate every hash-locked requirements file from its .in (then `make fresh-install`)
	sh scripts/install.sh .venv-lock requirements/uv.txt
	$(UV_COMPILE) requirements/pip.in -o requirements/pip.txt
	$(UV_COMPILE) requirements/uv.in -o requirements/uv.txt
	$(UV_COMPILE) requirements/site.in -o requirements/site.txt
	$(UV_COMPILE) requirements/test.in -o requirements/test.txt

fresh-install:  ## install both lock files into a brand-new environment, as a newcomer's machine does
	sh scripts/check-fresh-install.sh

screenshots: .venv/test.stamp build  ## PNGs of four pages at 360, 768 and 1280 px, light and dark, into screenshots/
	$(PY) scripts/screenshots.py

bench: .venv/test.stamp  ## build-time and page-weight figures, 30 to 10,000 people (QUICK=1 skips 10,000)
	$(PY) bench/run.py $(if $(QUICK),--quick,)
	$(if $(QUICK),,$(PY) bench/run.py --published-size 1000,10000)

lighthouse: .venv/test.stamp  ## Lighthouse scores (mobile) for home, letter, index and a profile
	$(PY) bench/lighthouse.py

clean:
	rm -rf site .cache .venv-lock
