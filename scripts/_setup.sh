# Shared by scripts/demo and scripts/test (sourced): Debian packages and the Python to use.
# shellcheck shell=bash

# apt_install PACKAGE ... installs Debian packages with apt-get (through sudo unless run as root),
# saying first what it installs.
apt_install() {
  (($#)) || return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "lwsite: installing Debian packages with apt-get${sudo[*]:+ (through sudo)}: $*" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# debian_packages PACKAGE:COMMAND ... installs each package whose command is missing.
debian_packages() {
  local need=() pair
  for pair in "$@"; do
    command -v "${pair#*:}" >/dev/null 2>&1 || need+=("${pair%%:*}")
  done
  apt_install "${need[@]}"
}

# lwsite_python: sets PY to the Python to install lwsite into. An active virtual environment, or a
# Python of your own (pyenv, a CI image), is used as it is; Debian's own Python refuses pip installs
# (it is "externally managed"), so then a virtual environment .venv/ in this folder is made and used.
lwsite_python() {
  PY=${PYTHON:-python3}
  command -v "$PY" >/dev/null 2>&1 || debian_packages python3:python3
  if "$PY" -c 'import sys; sys.exit(sys.prefix != sys.base_prefix)' &&
     [ -e "$("$PY" -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')/EXTERNALLY-MANAGED" ]; then
    if [ ! -x .venv/bin/python ]; then
      "$PY" -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
      echo "lwsite: Debian's Python takes no pip installs: making a virtual environment in .venv/" >&2
      "$PY" -m venv .venv
    fi
    PY=.venv/bin/python
  fi
}
