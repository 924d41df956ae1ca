#!/usr/bin/env bash
# Peer comparison: claimgraph vs spaCy + textacy direct_quotations on PolNeAR dev.
# Makes (once) a venv with extract/peer/requirements.txt under $PEER_VENV
# (default: .cache/peer-venv at the repository root), then runs compare.py with the
# arguments given (see `run.sh --help`). Needs Python >= 3.11 ($PYTHON, default python3),
# PyPI, and Go for our side. Used by `make peer-compare`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${PEER_VENV:-$root/.cache/peer-venv}
py=${PYTHON:-python3}

if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
	echo "run.sh: $py is $("$py" -V 2>&1); the pinned packages need Python >= 3.11 (set PYTHON)" >&2
	exit 2
fi

# The venv is rebuilt when the requirement files change (the stamp names their hash).
stamp="$venv/.peer-$(cat "$here/requirements.txt" "$here/constraints.txt" | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
	if [ -e "$venv" ]; then
		if [ ! -e "$venv/pyvenv.cfg" ]; then
			echo "run.sh: $venv exists and is not a venv; refusing to replace it" >&2
			exit 2
		fi
		rm -rf "$venv"
	fi
	echo "run.sh: creating $venv" >&2
	"$py" -m venv "$venv"
	"$venv/bin/python" -m pip install -q --disable-pip-version-check \
		-r "$here/requirements.txt" -c "$here/constraints.txt" >&2
	touch "$stamp"
fi

cd "$root"
exec "$venv/bin/python" "$here/compare.py" "$@"
