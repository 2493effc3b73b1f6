#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-calc-nogui)
# Word 97-2003 (.doc) reports are converted through LibreOffice Writer in the command line.
[ -e /usr/lib/libreoffice/share/registry/writer.xcd ] || need_apt+=(libreoffice-writer-nogui)
# The print tests render workbooks to PDF and measure them (pdfinfo, pdftotext -bbox, pdffonts), in
# Carlito: the font metric-compatible with Calibri that LibreOffice uses where Calibri is missing.
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list 2>/dev/null | grep -qi carlito || need_apt+=(fonts-crosextra-carlito)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need_apt[*]} (apt)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${need_apt[*]}. Install them with: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
fi

# The lock file must hold every platform's optional binaries, or `npm ci` installs differently elsewhere.
node scripts/check-lock.js
npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm test
