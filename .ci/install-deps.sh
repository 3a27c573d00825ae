#!/usr/bin/env bash
# .ci/install-deps.sh -- Debian packages the tests need (idempotent: installs only what is missing).
set -euo pipefail
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
need=()
want() { for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p"); done; }
# PDF export tests: pdfinfo/pdftotext/pdftoppm (poppler-utils) and qpdf.
want poppler-utils qpdf
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
