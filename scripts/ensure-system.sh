#!/usr/bin/env bash
# Run first by `npm test`: the browser tests need Debian's Chromium and, for readable Chinese
# screens and font checks, fonts-noto-cjk; the classroom relay's Redis test starts Debian's
# redis-server. Installs them with apt-get when it can (root on Debian); otherwise stops at once
# with the one command to run. Everything else comes from `npm install`.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# Read the whole list first: `grep -q` on a pipe would end fc-list early (SIGPIPE, fails pipefail).
fonts=$(fc-list : family 2>/dev/null || true)
[[ $fonts == *'Noto Sans CJK'* ]] || missing+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
((${#missing[@]})) || exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system: installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

sudo=''
[[ $(id -u) -eq 0 ]] || sudo='sudo '
echo "The browser tests need: ${missing[*]}. Install them, then run npm test again:" >&2
echo "  ${sudo}apt-get update && ${sudo}apt-get install -y ${missing[*]}" >&2
exit 1
