#!/usr/bin/env bash
# Installs Debian's headless-capable `chromium` for the browser tests (api/browsertest)
# when it is missing; does nothing when it is already on PATH. Needs root and apt-get
# (as in CI). Safe to run any number of times.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "ensure-chromium.sh: chromium is missing and apt-get is not available; install Chromium and put \`chromium\` on PATH" >&2
	exit 1
fi
sudo=
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "ensure-chromium.sh: chromium is missing; run as root (or with sudo) to install it with apt-get" >&2
		exit 1
	fi
	sudo=sudo
fi
echo "ensure-chromium.sh: installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends chromium
command -v chromium >/dev/null
