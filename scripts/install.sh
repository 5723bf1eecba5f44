#!/bin/sh
# Install hash-locked requirements into a virtual environment, the one way every machine does
# it (the Makefile, CI, the workflows and the fresh-install check all call this script):
#
#   sh scripts/install.sh .venv requirements/site.txt [requirements/test.txt ...]
#
# 1. make the environment with the system's `python3 -m venv` if it does not exist;
# 2. replace the pip it brings with the pinned, hash-checked pip of requirements/pip.txt
#    (Debian's pip 23.2.1 lets `fonttools[woff]`, asked for by WeasyPrint, escape the lock
#    when a newer fonttools is on the index: issue #21);
# 3. install each lock file with --require-hashes and --no-deps: the lock lists every package,
#    so nothing outside it can be resolved, whatever the index holds.
set -eu
venv="$1"; shift
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
here=$(dirname "$0")
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --require-hashes \
  -r "$here/../requirements/pip.txt"
for lock in "$@"; do
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r "$lock"
done
# A lock that does not hold shows here: every requirement of every installed package is met.
"$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null
