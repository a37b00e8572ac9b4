#!/usr/bin/env bash
# What `npm test` and `npm start` need beside Node: Debian's Chromium with its language packs
# (the zh_CN strings are chosen only when Chromium has the zh-CN pack) and a CJK font (or
# screenshots show boxes). Installs them when this user can (root with apt, as on CI); otherwise
# says in one sentence what to run.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH is set to $CHROMIUM_PATH, which is not an executable: point it at a Chromium binary or unset it to use /usr/bin/chromium." >&2
  exit 1
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -e /usr/lib/chromium/locales/zh-CN.pak ] || need+=(chromium-l10n)
fc-list 2>/dev/null | grep -qi 'wenquanyi zen hei' || need+=(fonts-wqy-zenhei)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${need[*]} with apt-get (the end-to-end tests and npm start drive Debian's Chromium)."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
  exit 0
fi

if [ -x /usr/bin/chromium ]; then
  # Chromium runs without these; the tests that read its Chinese UI or look at screenshots may not.
  echo "Note: ${need[*]} missing; install with: sudo apt-get install -y ${need[*]}" >&2
  exit 0
fi
echo "Chromium is missing: run 'sudo apt-get install -y ${need[*]}', or set CHROMIUM_PATH to another Chromium." >&2
exit 1
