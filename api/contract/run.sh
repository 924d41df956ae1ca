#!/usr/bin/env bash
# Runs schemathesis (pinned in requirements.txt, its dependencies in constraints.txt)
# against a running claimgraph API: `run.sh BASE_URL [schemathesis run options]`. Makes
# (once) a venv under $CONTRACT_VENV (default: .cache/contract-venv at the repository
# root); the config is schemathesis.toml beside this script. Needs Python >= 3.11
# ($PYTHON, default python3) and PyPI. Used by api's TestContractSchemathesis.
# Exit 3 means schemathesis cannot be installed here (the Go test then skips outside CI,
# and fails in CI); otherwise the exit code is schemathesis's (0: no failure).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${CONTRACT_VENV:-$root/.cache/contract-venv}
py=${PYTHON:-python3}

if [ $# -lt 1 ]; then
	echo "usage: run.sh BASE_URL [schemathesis run options]" >&2
	exit 2
fi
base=$1
shift

if ! command -v "$py" >/dev/null 2>&1; then
	echo "run.sh: $py is not installed; install Python >= 3.11 or set PYTHON" >&2
	exit 3
fi
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
	echo "run.sh: $py is $("$py" -V 2>&1); schemathesis needs Python >= 3.11 (set PYTHON)" >&2
	exit 3
fi

# The venv is rebuilt when the requirement files change (the stamp names their hash).
stamp="$venv/.contract-$(cat "$here/requirements.txt" "$here/constraints.txt" | sha256sum | cut -c1-16)"
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
		-r "$here/requirements.txt" -c "$here/constraints.txt" >&2; then
		echo "run.sh: cannot install the pinned schemathesis (no PyPI access?)" >&2
		rm -rf "$venv"
		exit 3
	fi
	touch "$stamp"
fi

# schemathesis keeps its example database (.schemathesis/) in the working directory: the
# venv's, which git ignores, never the source tree.
cd "$venv"
exec "$venv/bin/schemathesis" --config-file "$here/schemathesis.toml" run "$base/openapi.json" "$@"
