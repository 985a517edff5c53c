#!/usr/bin/env bash
# Queues a sharded Salient run on Slurm: an N-task job array of shards and a merge that waits for all of them.
# Usage: deploy/slurm/submit.sh RUN_DIR SHARDS REPLICATIONS [SEED [SCENARIO]]
# Prints "<array job id> <merge job id>". Extra sbatch options can be given in SBATCH_OPTS (e.g. "--partition=long").
# Build Salient once before submitting (./salient validate does it) so the tasks do not all build at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 3 ]; then
  echo "usage: $0 RUN_DIR SHARDS REPLICATIONS [SEED [SCENARIO]]" >&2
  exit 2
fi
run_dir="$(mkdir -p "$1" && cd "$1" && pwd)"
shards="$2"
export SALIENT_HOME="${SALIENT_HOME:-$(cd "$here/../.." && pwd)}"
export SALIENT_RUN_DIR="$run_dir" SALIENT_SHARDS="$shards" SALIENT_REPLICATIONS="$3"
export SALIENT_SEED="${4:-${SALIENT_SEED:-1}}"
[ $# -ge 5 ] && export SALIENT_SCENARIO="$5"
# shellcheck disable=SC2086 # SBATCH_OPTS is deliberately word-split
array=$(sbatch --parsable ${SBATCH_OPTS:-} --array="1-$shards" --chdir="$run_dir" --export=ALL "$here/salient-shard.sbatch")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$run_dir" --export=ALL "$here/salient-merge.sbatch")
merge="${merge%%;*}"
echo "$array $merge"
