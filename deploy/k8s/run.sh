#!/usr/bin/env bash
# Runs a sharded Salient run on Kubernetes: the Indexed Job of shards, then (once all completed) the merge Job.
# Kubernetes has no job-to-job dependency, so this script is the dependency: kubectl wait, then apply.
# Usage: deploy/k8s/run.sh [NAMESPACE]   (edit salient-job.yaml / salient-merge-job.yaml for scenario, N, R, seed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ns=(--namespace "${1:-default}")
kubectl "${ns[@]}" apply -f "$here/pvc.yaml"
kubectl "${ns[@]}" delete job salient-shards salient-merge --ignore-not-found
kubectl "${ns[@]}" apply -f "$here/salient-job.yaml"
kubectl "${ns[@]}" wait --for=condition=complete job/salient-shards --timeout=24h
kubectl "${ns[@]}" apply -f "$here/salient-merge-job.yaml"
kubectl "${ns[@]}" wait --for=condition=complete job/salient-merge --timeout=2h
kubectl "${ns[@]}" logs job/salient-merge | tail -n 5
