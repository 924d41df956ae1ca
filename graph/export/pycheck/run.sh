#!/usr/bin/env bash
# Reads claimgraph exports with the tools researchers use (networkx, igraph, prov, rdflib,
# pyld, frictionless, roc-validator): `run.sh DIR` checks the files in DIR against
# DIR/expected.json and prints a JSON report (see check.py). Makes (once) a venv with
# requirements.txt under $EXPORT_CHECK_VENV (default: .cache/export-check-venv at the
# repository root), and downloads the wheel named in rocrate-context.txt beside it, whose
# RO-Crate 1.1 JSON-LD context roc-validator reads instead of fetching w3id.org.
# Needs Python >= 3.11 ($PYTHON, default python3) and PyPI.
# Exit 3 means the tools cannot be installed here (the Go test then skips, saying why).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
venv=${EXPORT_CHECK_VENV:-$root/.cache/export-check-venv}
py=${PYTHON:-python3}

if ! command -v "$py" >/dev/null 2>&1; then
	echo "run.sh: $py is not installed; install Python >= 3.11 or set PYTHON" >&2
	exit 3
fi
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
	echo "run.sh: $py is $("$py" -V 2>&1); the pinned packages need Python >= 3.11 (set PYTHON)" >&2
	exit 3
fi

# The venv is rebuilt when the requirement files change (the stamp names their hash).
stamp="$venv/.export-check-$(cat "$here/requirements.txt" "$here/constraints.txt" "$here/rocrate-context.txt" | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
	if [ -e "$venv" ]; then
		if [ ! -e "$venv/pyvenv.cfg" ]; then
			echo "run.sh: $venv exists and is not a venv; refusing to replace it" >&2
			exit 2
		fi
		rm -rf "$venv"
	fi
	echo "run.sh: creating $venv" >&2
	if ! "$py" -m venv "$venv" >&2 || ! "$venv/bin/python" -m pip install -q --disable-pip-version-check \
		-r "$here/requirements.txt" -c "$here/constraints.txt" >&2 ||
		! "$venv/bin/python" -m pip download -q --disable-pip-version-check --no-deps --require-hashes \
			-r "$here/rocrate-context.txt" -d "$venv/rocrate-context" >&2; then
		echo "run.sh: cannot install the pinned packages (no PyPI access?)" >&2
		rm -rf "$venv"
		exit 3
	fi
	touch "$stamp"
fi

ROCRATE_CONTEXT_DIR="$venv/rocrate-context" exec "$venv/bin/python" "$here/check.py" "$@"
