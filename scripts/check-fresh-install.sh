#!/bin/sh
# Install lock files into a brand-new virtual environment, as a newcomer's machine does, and
# check that the site's tools start. Used by `make fresh-install`, the tests and the weekly
# fresh-install workflow, which opens an issue when a new release on the index breaks this.
#
#   sh scripts/check-fresh-install.sh [LOCK ...]     (default: requirements/site.txt requirements/test.txt)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
[ "$#" -gt 0 ] || set -- "$here/requirements/site.txt" "$here/requirements/test.txt"
venv=$(mktemp -d "${TMPDIR:-/tmp}/fresh-install.XXXXXX")
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
echo "fresh-install: pip in the new environment before bootstrapping: $("$venv/bin/python" -m pip --version | cut -d' ' -f2)"
if ! sh "$here/scripts/install.sh" "$venv" "$@"; then
  echo "fresh-install: FAILED: the lock files do not install into a new environment ($*)." >&2
  echo "fresh-install: fix: run 'make lock', then 'make test', and open a pull request (CONTRIBUTING.md)." >&2
  exit 1
fi
# What the build needs from the lock answers, with the versions it pinned.
for tool in mkdocs weasyprint; do
  grep -qi "^$tool==" "$@" 2>/dev/null || continue
  "$venv/bin/python" -c "import $tool" || { echo "fresh-install: FAILED: $tool does not import" >&2; exit 1; }
done
"$venv/bin/python" -m pip freeze --disable-pip-version-check | grep -i "^fonttools==" || true
echo "fresh-install: OK ($*)"
