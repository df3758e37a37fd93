#!/bin/sh
# Make Debian's Chromium available for the browser tests, or say plainly why they will be skipped.
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    && exit 0
  echo "NOTE: installing chromium failed; the browser tests will be skipped."
else
  echo "NOTE: /usr/bin/chromium is missing and this user cannot install system packages;"
  echo "      the browser tests will be skipped. Install it with: sudo apt-get install chromium"
fi
exit 0
