#!/usr/bin/env bash
# The whole test suite: unit tests, then the real WAR booted on Payara Micro and driven over HTTP and
# in a headless Chromium. Installs Debian's chromium and chromium-driver first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
  echo "Installing chromium and chromium-driver for the browser tests"
  sudo_cmd=""
  if [[ "$(id -u)" != "0" ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get install -y -q chromium chromium-driver \
    || { $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q chromium chromium-driver; }
fi

mvn -B verify "$@"
