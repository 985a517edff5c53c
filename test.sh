#!/usr/bin/env bash
# Installs what the tests need (idempotently), builds with warnings as errors, and runs every test.
# CI runs exactly this (.ci/run), so a newcomer's command and CI cannot drift apart.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2
  exit 1
fi

# The viewer's browser tests drive Debian's Chromium (they fail, not skip, without it). Quiet and quick when present.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (Debian) for the viewer's browser tests"
  if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "test.sh: chromium is missing and cannot be installed (not root, no sudo): apt-get install chromium" >&2
    exit 1
  fi
  apt_log="$(mktemp)"
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    echo "test.sh: installing chromium failed (log above)" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

echo "== build (Release, warnings as errors)"
dotnet build Salient.slnx -c Release --nologo -v quiet -warnaserror

echo "== tests"
dotnet test Salient.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" "$@"

echo "== smoke: ./salient validate and run on the bundled scenario"
./salient validate scenarios/kursk-2024 >/dev/null
smoke="$(mktemp -d)"
trap 'rm -rf "$smoke"' EXIT
./salient run --replications 20 --seed 1 --out "$smoke/run" >/dev/null
test -s "$smoke/run/summary.json"
test -s "$smoke/run/cells.geojson" && test -s "$smoke/run/report.html"
echo "== published binary: tools/publish.sh, then validate and run -n 20 with no .NET on PATH"
tools/publish.sh "$smoke/pub" >/dev/null
published() { env -i PATH=/nonexistent SALIENT_HOME="$smoke/pub" DOTNET_BUNDLE_EXTRACT_BASE_DIR="$smoke/extract" HOME="$smoke" "$smoke/pub/salient" "$@"; }
published validate "$smoke/pub/scenarios/kursk-2024" >/dev/null
published run "$smoke/pub/scenarios/examples/line-of-towns" -n 20 --seed 1 --out "$smoke/pub-run" >/dev/null
./salient run scenarios/examples/line-of-towns -n 20 --seed 1 --no-report --out "$smoke/sdk-run" >/dev/null
cmp "$smoke/pub-run/summary.json" "$smoke/sdk-run/summary.json"
echo "published binary: ok, its summary.json byte-identical to the SDK build's"
echo "== byte identity: every bundled scenario's outputs at a fixed seed against tests/output-hashes.txt"
tools/output-hashes.sh --check tests/output-hashes.txt
echo "== slurm: a 4-shard job array and merge on a private single-node cluster"; bash tests/slurm/run-slurm-test.sh
echo "test.sh: all tests passed"
