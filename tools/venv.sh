#!/bin/sh
# Make sure .venv/ is a working Python environment with what one `make` target needs.
#
#   sh tools/venv.sh lab       the lessons and JupyterLab            (requirements-lab.txt)
#   sh tools/venv.sh present   the lessons and Voila                 (requirements-present.txt)
#   sh tools/venv.sh test      all of it, the test tools, the kit    (requirements-dev.txt)
#
# PYTHON names the Python to build .venv with (default python3); PYTHON_ORIGIN is make's
# $(origin PYTHON), so that a Python the user chose on purpose (PYTHON=python3.12 make lab)
# replaces a .venv made with another version.
#
# A .venv that is too old, has no pip, or was left half-made by an earlier failure is rebuilt,
# never kept. Each level is installed once; it is installed again when its requirement files
# change (a stamp file per level in .venv/).
set -u

LEVEL=${1:-lab}
PYTHON=${PYTHON:-python3}
PYTHON_ORIGIN=${PYTHON_ORIGIN:-default}
VENV=.venv
VPY=$VENV/bin/python
MIN_MAJOR=3
MIN_MINOR=11
CHECK_MIN="import sys; sys.exit(0 if sys.version_info >= ($MIN_MAJOR, $MIN_MINOR) else 1)"
VERSION="import sys; print('%d.%d' % sys.version_info[:2])"

case $LEVEL in
  lab)     FILES="requirements.txt requirements-lab.txt";     STAMP=$VENV/.installed-lab ;;
  present) FILES="requirements.txt requirements-present.txt"; STAMP=$VENV/.installed-present ;;
  test)    FILES="requirements.txt requirements-lab.txt requirements-present.txt requirements-dev.txt pyproject.toml"
           STAMP=$VENV/.installed ;;
  *) echo "tools/venv.sh: unknown level '$LEVEL' (lab, present or test)" >&2; exit 2 ;;
esac

say() { printf '%s\n' "$*" >&2; }

install_hint() {
  # One sentence: what to install on this system, and how to point make at it.
  found=$1
  if [ "$(uname -s)" = "Darwin" ]; then
    how='install a newer one with `brew install python@3.12` (or from https://www.python.org/downloads/)'
    name=python3.12
  else
    how='install Python 3.11 or newer (`sudo apt-get install python3.11-venv` where your system offers it, otherwise https://www.python.org/downloads/)'
    name=python3.11
  fi
  say "make $LEVEL needs Python $MIN_MAJOR.$MIN_MINOR or newer, but $found: $how, then run \`PYTHON=$name make $LEVEL\`."
}

# --- keep the existing .venv only if it works and is the Python asked for -----------------------
if [ -e "$VENV" ]; then
  why=""
  if ! "$VPY" -c "$CHECK_MIN" >/dev/null 2>&1; then
    if "$VPY" -c "" >/dev/null 2>&1; then
      why="it was made with Python $("$VPY" -c "$VERSION"), which is too old"
    else
      why="its Python does not run (half-made, or its Python was removed)"
    fi
  elif ! "$VPY" -c "import pip" >/dev/null 2>&1; then
    why="it has no pip (it was left half-made)"
  elif [ "$PYTHON_ORIGIN" = "environment" ] || [ "$PYTHON_ORIGIN" = "command line" ]; then
    want=$("$PYTHON" -c "$VERSION" 2>/dev/null || true)
    have=$("$VPY" -c "$VERSION")
    if [ -n "$want" ] && [ "$want" != "$have" ]; then
      why="it was made with Python $have and you asked for $PYTHON (Python $want)"
    fi
  fi
  if [ -n "$why" ]; then
    say "Rebuilding $VENV/: $why."
    rm -rf "$VENV"
  fi
fi

# --- make a new .venv -------------------------------------------------------------------------
if [ ! -e "$VENV" ]; then
  if ! command -v "$PYTHON" >/dev/null 2>&1; then
    install_hint "there is no '$PYTHON' on this computer"
    exit 1
  fi
  if ! "$PYTHON" -c "$CHECK_MIN" >/dev/null 2>&1; then
    install_hint "$PYTHON is Python $("$PYTHON" -c "$VERSION" 2>/dev/null || echo '(unknown version)')"
    exit 1
  fi
  if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1 || ! "$VPY" -c "import pip" >/dev/null 2>&1; then
    rm -rf "$VENV"
    say "$PYTHON cannot make a virtual environment with pip: install its venv module (on Debian or Ubuntu: \`sudo apt-get install python$("$PYTHON" -c "$VERSION")-venv\`), then run \`make $LEVEL\` again."
    exit 1
  fi
fi

# --- install this level's packages once (again when its requirement files change) ---------------
fresh=yes
if [ -f "$STAMP" ]; then
  for f in $FILES; do
    if [ "$f" -nt "$STAMP" ]; then fresh=no; fi
  done
else
  fresh=no
fi
[ "$fresh" = yes ] && exit 0

case $LEVEL in
  lab)     REQ=requirements-lab.txt ;;
  present) REQ=requirements-present.txt ;;
  test)    REQ=requirements-dev.txt ;;
esac
say "Installing the packages of $REQ into $VENV/ ..."
if ! "$VPY" -m pip install --quiet --disable-pip-version-check -r "$REQ"; then
  say "Installing the packages failed (see pip's message above); nothing was marked as done, so \`make $LEVEL\` tries again."
  exit 1
fi
if [ "$LEVEL" = test ]; then
  # The tests also start the kit from other folders; the lessons themselves never need this.
  if ! "$VPY" -m pip install --quiet --disable-pip-version-check --no-deps -e .; then
    say "Installing the kit into $VENV/ failed (see pip's message above)."
    exit 1
  fi
  touch "$VENV/.installed-lab" "$VENV/.installed-present"
fi
touch "$STAMP"
