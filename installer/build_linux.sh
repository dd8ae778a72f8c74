#!/usr/bin/env bash
# The Linux proof of the installers: wheel → clean venv → self-test; PyInstaller bundle → frozen self-test; sizes.
#
#   installer/build_linux.sh            # everything, about 4–6 minutes on 2 cores
#   SKIP_FREEZE=1 installer/build_linux.sh   # the wheel half only (about 1 minute)
#
# Needs: python3.11+ with venv, network access to PyPI (or a pip cache) and, for Qt offscreen, the Debian
# packages libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 (.ci/run installs them).
# Writes only under build/ and dist/ (both git-ignored). Exits non-zero when any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
BUILD=$ROOT/build
DIST=$ROOT/dist
export QT_QPA_PLATFORM=offscreen
# pip must not reuse a wheel of esgdesk built from an older checkout.
export PIP_NO_CACHE_DIR=${PIP_NO_CACHE_DIR:-}

started=$(date +%s)
# pip's notices about this machine's extra package indexes are noise in a build log.
quiet() { "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; return "${PIPESTATUS[0]}"; }
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "icons"
# Icons are committed; this only makes the ones that are missing (Pillow comes with the app's dependencies).
if [ ! -f resources/icons/esgdesk.ico ] || [ ! -f resources/icons/esgdesk.icns ]; then
  "$PYTHON" -m venv "$BUILD/venv-icons"
  quiet "$BUILD/venv-icons/bin/python" -m pip install -q pillow
  "$BUILD/venv-icons/bin/python" installer/make_icons.py
fi

step "wheel"
rm -rf "$DIST"/esgdesk-*.whl "$BUILD/lib" "$BUILD/bdist."*
"$PYTHON" -m venv "$BUILD/venv-wheelbuild"
quiet "$BUILD/venv-wheelbuild/bin/python" -m pip install -q --upgrade pip build
"$BUILD/venv-wheelbuild/bin/python" -m build --wheel --outdir "$DIST" . >"$BUILD/wheel.log" 2>&1 \
  || { tail -30 "$BUILD/wheel.log"; exit 1; }
WHEEL=$(ls "$DIST"/esgdesk-*.whl)
echo "$(basename "$WHEEL"): $(du -h "$WHEEL" | cut -f1)"
# Everything the app reads at run time must be inside the wheel, not only in the checkout.
"$BUILD/venv-wheelbuild/bin/python" - "$WHEEL" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
needed = [
    "esgdesk/_resources/fonts/NanumGothic.ttf",
    "esgdesk/_resources/samples/press-release-2023-04-28-motie-just-transition.txt",
    "esgdesk/_resources/icons/esgdesk-256.png",
    "esgdesk/_resources/licenses/THIRD_PARTY_LICENSES.md",
    "esgdesk/_resources/translations/esgdesk_ko.qm",
    "esgdesk/core/migrations/env.py",
    "esgdesk/core/migrations/script.py.mako",
]
missing = [name for name in needed if name not in names]
if not any(n.startswith("esgdesk/core/migrations/versions/") and n.endswith(".py") for n in names):
    missing.append("esgdesk/core/migrations/versions/*.py")
if missing:
    sys.exit("missing from the wheel: " + ", ".join(missing))
print(f"wheel holds {len(names)} files, resources and migrations included")
EOF

step "wheel: clean venv + self-test"
rm -rf "$BUILD/venv-wheel"
"$PYTHON" -m venv "$BUILD/venv-wheel"
quiet "$BUILD/venv-wheel/bin/python" -m pip install -q --upgrade pip
quiet "$BUILD/venv-wheel/bin/python" -m pip install -q "$WHEEL"
# From a folder outside the checkout, so nothing can be found in ./resources by accident.
(cd "$BUILD" && "$BUILD/venv-wheel/bin/esgdesk" --self-test)

if [ "${SKIP_FREEZE:-0}" = "1" ]; then
  step "done (SKIP_FREEZE=1: no PyInstaller build)"
  exit 0
fi

step "PyInstaller bundle"
if [ ! -x "$BUILD/venv-freeze/bin/pyinstaller" ]; then
  "$PYTHON" -m venv "$BUILD/venv-freeze"
  quiet "$BUILD/venv-freeze/bin/python" -m pip install -q --upgrade pip
  quiet "$BUILD/venv-freeze/bin/python" -m pip install -q pyinstaller
fi
# The same wheel the previous step tested, so the bundle holds exactly what the wheel holds.
quiet "$BUILD/venv-freeze/bin/python" -m pip install -q --force-reinstall --no-deps "$WHEEL"
quiet "$BUILD/venv-freeze/bin/python" -m pip install -q "$WHEEL[team]"  # team archives need the PostgreSQL driver
rm -rf "$DIST/esgdesk"
quiet "$BUILD/venv-freeze/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath "$BUILD/pyinstaller" --distpath "$DIST" installer/esgdesk.spec

step "frozen bundle: self-test"
# A copy under a path with a space, outside the checkout: the bundle must not depend on where it was built.
FROZEN_COPY="$BUILD/frozen copy/esgdesk"
rm -rf "$BUILD/frozen copy"
mkdir -p "$BUILD/frozen copy"
cp -a "$DIST/esgdesk" "$FROZEN_COPY"
(cd /tmp && env -u PYTHONPATH -u VIRTUAL_ENV "$FROZEN_COPY/esgdesk" --self-test)
(cd /tmp && "$FROZEN_COPY/esgdesk" --version)
rm -rf "$BUILD/frozen copy"

step "sizes"
echo "wheel:            $(du -h "$WHEEL" | cut -f1)"
echo "bundle unpacked:  $(du -sh "$DIST/esgdesk" | cut -f1)  ($(find "$DIST/esgdesk" -type f | wc -l) files)"
echo "bundle as .tar.gz would be about: $(tar -C "$DIST" -czf - esgdesk | wc -c | awk '{printf "%.0f MB", $1/1048576}')"
echo "largest parts:"
du -s "$DIST"/esgdesk/_internal/* "$DIST"/esgdesk/_internal/PySide6/Qt/lib/* 2>/dev/null \
  | sort -rn | awk 'NR <= 12 {printf "  %6.1f MB  %s\n", $1/1024, $2}'
# The issue's aim is 150 MB; ICU (36 MB, linked by Qt Core) keeps the stock-Qt bundle at ~180 MB (see
# installer/README.md, "Size"). The limit guards against growth from here.
limit_mb=${BUNDLE_LIMIT_MB:-210}  # 179 MB without, ~190 MB with the PostgreSQL driver, ~207 MB with tantivy (17.5 MB)
size_mb=$(du -sm "$DIST/esgdesk" | cut -f1)
if [ "$size_mb" -gt "$limit_mb" ]; then
  echo "the bundle is ${size_mb} MB, over the ${limit_mb} MB budget" >&2
  exit 1
fi
step "done"
