#!/usr/bin/env bash
# A local Redis Cluster of three masters (no replicas) on 127.0.0.1:7001-7003, from Debian's redis
# package, for the queue tests on a cluster (CI; REDIS_CLUSTER_NODES=127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003).
# Idempotent: nodes already answering are kept, a cluster already formed is not re-created.
# `scripts/redis-cluster.sh stop` shuts the three nodes down.
set -euo pipefail
DIR=${REDIS_CLUSTER_DIR:-/tmp/jm-redis-cluster}
PORTS=(7001 7002 7003)

if [ "${1:-start}" = "stop" ]; then
  for p in "${PORTS[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  exit 0
fi

mkdir -p "$DIR"
for p in "${PORTS[@]}"; do
  if ! redis-cli -p "$p" ping >/dev/null 2>&1; then
    redis-server --cluster-enabled yes --port "$p" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --cluster-config-file "$DIR/nodes-$p.conf" --dir "$DIR" --pidfile "$DIR/$p.pid" --logfile "$DIR/$p.log"
  fi
done
for p in "${PORTS[@]}"; do
  for _ in $(seq 1 30); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.2; done
done

if ! redis-cli -p "${PORTS[0]}" cluster info | grep -q '^cluster_state:ok'; then
  if [ "$(redis-cli -p "${PORTS[0]}" cluster info | awk -F: '/^cluster_slots_assigned/ {print $2}' | tr -d '\r')" = "0" ]; then
    redis-cli --cluster create "${PORTS[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes >/dev/null
  fi
  for _ in $(seq 1 50); do
    redis-cli -p "${PORTS[0]}" cluster info | grep -q '^cluster_state:ok' && break
    sleep 0.2
  done
fi
# Every node must see the cluster formed, not only the first (gossip reaches the others a moment later).
for p in "${PORTS[@]}"; do
  for _ in $(seq 1 50); do redis-cli -p "$p" cluster info | grep -q '^cluster_state:ok' && break; sleep 0.2; done
  redis-cli -p "$p" cluster info | grep -q '^cluster_state:ok' || { echo "Redis Cluster on ${PORTS[*]} did not form ($p)" >&2; exit 1; }
done
echo "Redis Cluster: 127.0.0.1:${PORTS[0]},127.0.0.1:${PORTS[1]},127.0.0.1:${PORTS[2]}"
