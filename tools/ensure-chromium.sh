#!/bin/sh
# Make Chromium available for the browser tests, or say plainly (for this operating system) how,
# and that the browser tests will be skipped. Never fails: the other tests run either way.
# Set CHROMIUM=/path/to/chromium to use a browser somewhere else (tests/browser/jupyter_harness.py
# looks in the same places).
for c in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser \
         "/Applications/Chromium.app/Contents/MacOS/Chromium" \
         "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
  if [ -n "$c" ] && [ -x "$c" ]; then exit 0; fi
done
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi

case "$(uname -s)" in
  Darwin)
    echo "NOTE: Chromium (or Google Chrome) was not found, so the browser tests will be skipped."
    echo "      Install it with: brew install --cask chromium   (or set CHROMIUM=/path/to/the/browser)"
    exit 0 ;;
esac
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      && exit 0
    echo "NOTE: installing chromium failed; the browser tests will be skipped."
  else
    echo "NOTE: Chromium was not found, so the browser tests will be skipped."
    echo "      Install it with: sudo apt-get install chromium   (Ubuntu: chromium-browser)"
  fi
elif command -v dnf >/dev/null 2>&1; then
  echo "NOTE: Chromium was not found, so the browser tests will be skipped."
  echo "      Install it with: sudo dnf install chromium"
else
  echo "NOTE: Chromium was not found, so the browser tests will be skipped."
  echo "      Install Chromium or Chrome, then run: CHROMIUM=/path/to/the/browser make test"
fi
exit 0
