#!/usr/bin/env bash
# Publishes salient as ONE self-contained file for linux-x64: no .NET SDK or runtime needed on the machine that runs
# it (a cluster node, an Apptainer image). The bundled scenarios and data are copied beside it, and the binary finds
# them through SALIENT_HOME (set it to the output folder, as deploy/apptainer/salient.def does).
#
# Usage: tools/publish.sh [OUT]          (default OUT: artifacts/publish/linux-x64)
#        OUT/salient run -n 20            # with SALIENT_HOME=OUT, or from inside OUT
#
# Native AOT: not used. `dotnet publish -p:PublishAot=true` stops at the first project: IL2026/IL3050 (trimming and
# AOT analysis, errors under the build's warnings-as-errors) on JsonSerializer.Deserialize<T> by reflection in
# src/Salient.Scenario/Parsing/ScenarioBinder.Theatre.cs. Beyond it: the CLI binds options by reflection (Spectre.Console.Cli), writes several JSON documents by
# reflection over anonymous types (System.Text.Json without source generation), reads YAML by reflection
# (YamlDotNet), and the viewer is ASP.NET with reflection-based JSON too; trimming or AOT would break those paths.
# A single-file self-contained build keeps the JIT and runs the same code, byte for byte, as `dotnet salient.dll`.
# ReadyToRun: the assemblies carry precompiled code (hot methods are still recompiled by the tiered JIT, with PGO), which
# halves the start-up (docs/scale-out.md, section 7, for the measurements); the outputs are the same bytes.
# The native libraries (ParquetSharp's Arrow/Parquet, SkiaSharp) are bundled and extracted on first run
# (IncludeNativeLibrariesForSelfExtract) into $DOTNET_BUNDLE_EXTRACT_BASE_DIR (default ~/.net).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/artifacts/publish/linux-x64}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# OUT must be empty, absent, or an earlier output of this script (its marker file): the copy below replaces OUT's
# scenarios/ and data/, which must never be a user's own folders.
marker="$out/.salient-publish"
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$marker" ]; then
  echo "publish: $out is not empty and was not written by tools/publish.sh; choose another OUT" >&2
  exit 2
fi
mkdir -p "$out"
# Publish into a private staging folder and copy only the binary out, so OUT keeps nothing else of the build.
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
dotnet publish "$here/src/Salient.Cli/Salient.Cli.csproj" -c Release -r linux-x64 --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true \
  -p:PublishReadyToRun=true -p:DebugType=none \
  -o "$stage" --nologo -v quiet
install -m 0755 "$stage/salient" "$out/salient"
rm -rf "$out/scenarios" "$out/data"
cp -r "$here/scenarios" "$out/scenarios"
if [ -d "$here/data" ]; then cp -r "$here/data" "$out/data"; fi
echo "Written by tools/publish.sh: it replaces salient, scenarios/ and data/ here." > "$marker"
echo "published $out/salient ($(du -h "$out/salient" | cut -f1)); run with SALIENT_HOME=$out $out/salient --help"
