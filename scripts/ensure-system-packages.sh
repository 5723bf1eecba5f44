#!/bin/sh
# Install the Debian packages the build and tests need, if they are missing: Pango for the
# PDF dossier and python3-venv where Debian's python3 lacks it; with --browser, Chromium for
# the browser tests, Node.js (npm) for HTML_CodeSniffer and the W3C checker's package, Java to
# run that checker, poppler-utils to read the PDFs back and faketime to build "days later".
# Needs root or sudo.
set -eu
missing=""
python3 -c "import ensurepip" 2>/dev/null || missing="$missing python3-venv"
# WeasyPrint (the PDF dossier) lays out text with Pango.
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
  fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing="$missing fonts-dejavu-core"
  command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
  command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
  command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
  # libfaketime: the reproducibility test builds a second time "days later"
  command -v faketime >/dev/null 2>&1 || missing="$missing faketime"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "Please install:$missing (as root: apt-get install$missing)" >&2; exit 1
fi
echo "Installing Debian packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
