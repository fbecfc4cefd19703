#!/usr/bin/env bash
# A fresh install, as a user makes one: `pip install .[all]` (not editable) into a new virtual
# environment with the pip that Python bundles, NOT upgraded (Python 3.11 bundles pip 23.2,
# which installs no undeclared dependency: trafilatura's lxml_html_clean went missing so),
# then `frontledger ingest examples/` into a new ledger. Fails loudly when either fails.
# Downloads come from pip's cache after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# a copy of the checkout (tracked and new files, not .venv/.cache): pip builds in the
# source tree, which must stay clean
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$work/src"

"$PYTHON" -m venv "$work/venv"
pip_version="$("$work/venv/bin/python" -m pip --version | cut -d' ' -f2)"
echo "fresh install: pip install .[all] with the bundled pip $pip_version" >&2
if ! "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --no-compile "$work/src[all]"; then
    echo "FRESH INSTALL FAILED: pip $pip_version could not install frontledger into a new" \
         "virtual environment" >&2
    exit 1
fi
# its own place index, kept in the checkout's git-ignored .cache/ (built once per data
# change): the user's cache is shared with other checkouts, whose stale indexes a build
# would delete
mkdir -p "$root/.cache/fresh-install"
if ! (cd "$work" && FRONTLEDGER_CACHE_DIR="$root/.cache/fresh-install" \
        "$work/venv/bin/frontledger" ingest "$root/examples" \
        --db "$work/ledger.db"); then
    echo "FRESH INSTALL FAILED: 'frontledger ingest examples/' failed with a non-editable" \
         "install made by pip $pip_version" >&2
    exit 1
fi
echo "fresh install: ok" >&2
