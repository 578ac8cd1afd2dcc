#!/usr/bin/env bash
# Installs from Debian's packages what the report tests need and a fresh machine lacks:
# Chromium (the dashboard is opened in a real browser), LibreOffice Writer and poppler
# (the Word document is turned into a PDF and read back), and a CJK font (so Chinese is
# drawn, not boxes). Installs only what is missing; failing here fails CI.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# (grep reads all of fc-list's output: with -q it would stop early and pipefail would see SIGPIPE.)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
  echo "system packages: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
echo "system packages: $(chromium --version 2>/dev/null | tr -d "\n"); $(soffice --version 2>/dev/null | tr -d "\n"); $(pdftoppm -v 2>&1 | head -1)" >&2
