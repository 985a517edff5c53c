#!/usr/bin/env bash
# Tests the Slurm scale-out path for real: installs Slurm and MUNGE (idempotently, as root), starts a private
# single-node cluster on this machine (munged, slurmctld and slurmd run directly, no systemd, on free ports, with all
# state in a temporary folder), submits deploy/slurm/submit.sh's 4-task job array of `salient run --shard k/4` plus
# the dependent merge, waits for them, and checks the merged summary.json is byte-identical to a local single run.
# Stops the daemons it started. Fails loudly if any step fails. Takes well under 3 minutes once Slurm is installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scenario="$repo/scenarios/examples/line-of-towns"
replications=40
seed=3
shards=4

fail() { echo "slurm test: FAILED: $*" >&2; exit 1; }
step() { echo "slurm test: $*"; }

[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages and starts the Slurm daemons)"

# --- install (idempotent) ---------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  step "installing slurm-wlm and munge with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || fail "apt-get update failed"
  apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null || fail "apt-get install slurm-wlm munge failed"
fi
id munge >/dev/null 2>&1 || fail "the munge user does not exist after installing munge"

# --- private cluster configuration ------------------------------------------------------------------------------
work="$(mktemp -d /tmp/salient-slurm.XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() {
  local code=$?
  if [ -n "${SLURM_CONF:-}" ] && [ -n "${jobs_to_cancel:-}" ]; then scancel $jobs_to_cancel >/dev/null 2>&1 || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$code" != 0 ]; then
    echo "--- logs (kept in $work) ---" >&2
    tail -n 30 "$work"/log/*.log "$work"/run/*.out 2>/dev/null >&2 || true
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
ctld_port="$(free_port)"
slurmd_port="$(free_port)"
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port="$(free_port)"; done
node="$(hostname -s)"
getent hosts "$node" >/dev/null || fail "this machine's name '$node' does not resolve (add it to /etc/hosts)"
mkdir -p "$work/munge" "$work/log" "$work/state" "$work/spool" "$work/run"
chown munge:munge "$work/munge"
chmod 755 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"

# The node line as slurmd sees this machine, so the node is not drained for claiming more than it has.
node_line="$(slurmd -C | head -n 1)"
case "$node_line" in NodeName=*) ;; *) fail "slurmd -C gave no node description: $node_line" ;; esac
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=salient-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MinJobAge=600
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

# --- start the daemons ------------------------------------------------------------------------------------------
step "starting munged, slurmctld and slurmd (ports $ctld_port, $slurmd_port)"
runuser -u munge -- /usr/sbin/munged --foreground --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" \
  >"$work/log/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || fail "munged did not start"
munge --socket="$work/munge/munge.socket" -n | unmunge --socket="$work/munge/munge.socket" >/dev/null || fail "munge cannot encode and decode a credential"

slurmctld -D -i -f "$SLURM_CONF" >>"$work/log/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/log/slurmd.out.log" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 1 60); do
  state="$(sinfo -h -N -o %t 2>/dev/null | head -n 1 || true)"
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "the node did not become idle (state '$state')"

# --- build once, then run the reference locally and the shards on Slurm ----------------------------------------
step "building Salient and running the local reference ($replications replications, seed $seed)"
"$repo/salient" validate "$scenario" >/dev/null
"$repo/salient" run "$scenario" --replications "$replications" --seed "$seed" --threads 2 --no-report --out "$work/single" >/dev/null

step "submitting a $shards-task job array and the dependent merge"
export SALIENT_SCENARIO="$scenario" SALIENT_MERGE_ARGS="--no-report"
read -r array_job merge_job < <("$repo/deploy/slurm/submit.sh" "$work/run" "$shards" "$replications" "$seed")
[ -n "$array_job" ] && [ -n "$merge_job" ] || fail "submit.sh did not print the job ids"
jobs_to_cancel="$array_job $merge_job"
step "array job $array_job, merge job $merge_job; waiting"
deadline=$((SECONDS + 150))
while [ -n "$(squeue -h -j "$array_job,$merge_job" 2>/dev/null)" ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the jobs did not finish within 150 s: $(squeue -j "$array_job,$merge_job" 2>&1)"
  sleep 1
done
jobs_to_cancel=""
for k in $(seq 1 "$shards"); do
  task_state="$(scontrol -o show job "${array_job}_$k" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1)"
  [ "$task_state" = JobState=COMPLETED ] || fail "shard task $k ended as '$task_state'"
  [ -s "$work/run/shard-$k/manifest.json" ] || fail "shard $k wrote no manifest.json"
done
merge_state="$(scontrol -o show job "$merge_job" | grep -o 'JobState=[A-Z_]*' | head -n 1)"
[ "$merge_state" = JobState=COMPLETED ] || fail "the merge job ended as '$merge_state'"

# --- compare --------------------------------------------------------------------------------------------------
cmp "$work/single/summary.json" "$work/run/merged/summary.json" || fail "merged summary.json differs from the single run's"
cmp "$work/single/replications.csv" "$work/run/merged/replications.csv" || fail "merged replications.csv differs from the single run's"
grep -q '"shard_count": 4' "$work/run/shard-4/manifest.json" || fail "shard 4's manifest does not say 4/4"
step "ok: $shards Slurm shards merged into a summary.json byte-identical to the single run"
