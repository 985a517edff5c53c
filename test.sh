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
echo "test.sh: all tests passed"
