#!/usr/bin/env bash
# Benchmark, in the VM lab: start, monitor and stop of a floating IPv4 address on node1 by
#   - Tandem's agent ocf:tandem:VirtualIp, and
#   - the stock ocf:heartbeat:IPaddr2 with the same parameters,
# alternately, RUNS times each, on a dummy interface with a documentation address (192.0.2.100/24
# on tandem-bench0, removed at the end), so the cluster's own address is not touched. Prints every
# run, the medians and the ratio stock/Tandem. Needs `lab/vm up` (a cluster built by
# `lab/vm e2e --keep` has both agents installed; otherwise resource-agents is installed here).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
. "${TANDEM_VMLAB_DIR:-/tmp/tandem-vm}/lab.env"
SSH=(ssh -i "$LAB_KEY" -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR -o BatchMode=yes)
node1() { "${SSH[@]}" "root@$LAB_NODE1_ADDRESS" "$@"; }

node1 '[ -x /usr/lib/ocf/resource.d/heartbeat/IPaddr2 ] ||
       DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends resource-agents >/dev/null'
node1 'mkdir -p /usr/lib/ocf/resource.d/tandem && cat > /root/bench-VirtualIp && chmod 0755 /root/bench-VirtualIp' \
    < src/main/resources/io/tandem/agents/VirtualIp

node1 "RUNS=$RUNS bash -s" <<'SCRIPT'
set -eu
export OCF_ROOT=/usr/lib/ocf OCF_RESKEY_ip=192.0.2.100 OCF_RESKEY_cidr_netmask=24 OCF_RESKEY_nic=tandem-bench0
export OCF_RESOURCE_INSTANCE=bench_vip HA_RSCTMP=/run/tandem-bench
mkdir -p "$HA_RSCTMP"
ip link add tandem-bench0 type dummy 2>/dev/null || true
ip link set tandem-bench0 up
ip addr replace 192.0.2.11/24 dev tandem-bench0
trap 'ip link del tandem-bench0 2>/dev/null; rm -rf "$HA_RSCTMP"' EXIT
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
cycle() {
    local agent=$1 t0 t1 t2 t3
    t0=$(now); "$agent" start >/dev/null 2>&1 || { echo "$agent start failed"; exit 1; }
    t1=$(now); "$agent" monitor >/dev/null 2>&1 || { echo "$agent monitor failed"; exit 1; }
    t2=$(now); "$agent" stop >/dev/null 2>&1 || { echo "$agent stop failed"; exit 1; }
    t3=$(now)
    ip -o -4 addr show dev tandem-bench0 | grep -q " 192.0.2.100/" && { echo "$agent left the address"; exit 1; }
    echo "$(secs "$t0" "$t1") $(secs "$t1" "$t2") $(secs "$t2" "$t3")"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-4s %-10s %8s %8s %8s\n' run agent start monitor stop
: > /tmp/bench-vip.stock; : > /tmp/bench-vip.tandem
for run in $(seq 1 "$RUNS"); do
    s=$(cycle /usr/lib/ocf/resource.d/heartbeat/IPaddr2); echo "$s" >> /tmp/bench-vip.stock
    t=$(cycle /root/bench-VirtualIp); echo "$t" >> /tmp/bench-vip.tandem
    printf '%-4s %-10s %8s %8s %8s\n' "$run" IPaddr2 $s "$run" VirtualIp $t
done
for col in 1 2 3; do
    name=$(echo start monitor stop | cut -d' ' -f"$col")
    ms=$(cut -d' ' -f"$col" /tmp/bench-vip.stock | median); mt=$(cut -d' ' -f"$col" /tmp/bench-vip.tandem | median)
    awk -v n="$name" -v s="$ms" -v t="$mt" 'BEGIN { printf "median %-8s IPaddr2 %.2f s  VirtualIp %.2f s  ratio %.1f\n", n, s, t, (t > 0 ? s / t : 0) }'
done
SCRIPT
