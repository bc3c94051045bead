#!/usr/bin/env bash
# Benchmark, in the VM lab: start and stop of one iSCSI target with 2 LUNs (node1's vdb and vdc,
# CHAP, the session parameters of examples/vm-lab.tandem.json) on node1, by
#   - Tandem's agent ocf:tandem:LioTarget (one call each: configfs written directly), and
#   - the stock ocf:heartbeat:iSCSITarget + 2 x iSCSILogicalUnit with implementation=lio-t (targetcli),
# alternately, RUNS times each, in the same run on the same VM. Prints every run, the medians and
# the ratio stock/Tandem. Needs `lab/vm up`; installs resource-agents and targetcli-fb on node1.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
. "${TANDEM_VMLAB_DIR:-/tmp/tandem-vm}/lab.env"
SSH=(ssh -i "$LAB_KEY" -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR -o BatchMode=yes)
node1() { "${SSH[@]}" "root@$LAB_NODE1_ADDRESS" "$@"; }
secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-16; }

node1 'command -v targetcli >/dev/null && [ -x /usr/lib/ocf/resource.d/heartbeat/iSCSITarget ] ||
       DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends resource-agents targetcli-fb python3-rtslib-fb >/dev/null'
node1 'mkdir -p /usr/lib/ocf/resource.d/tandem && cat > /usr/lib/ocf/resource.d/tandem/LioTarget && chmod 0755 /usr/lib/ocf/resource.d/tandem/LioTarget' \
    < src/main/resources/io/tandem/agents/LioTarget
node1 'ip link set eth0 up; ip -4 addr show dev eth0 | grep -q 192.168.50.11/ || ip addr add 192.168.50.11/24 dev eth0'
# The secrets go to a 0600 file through standard input, never onto a command line.
node1 'umask 077; cat > /root/bench-target.env' <<EOF
export OCF_ROOT=/usr/lib/ocf
IQN=iqn.2024-01.test.lab:store
PORTAL=192.168.50.11:3260
CLIENT=iqn.2024-01.test.lab:client
SESSION="MaxConnections=1 InitialR2T=Yes ImmediateData=Yes MaxRecvDataSegmentLength=262144 MaxXmitDataSegmentLength=262144 MaxBurstLength=1048576 FirstBurstLength=65536 DefaultTime2Wait=2 DefaultTime2Retain=20 MaxOutstandingR2T=1 DataPDUInOrder=Yes DataSequenceInOrder=Yes ErrorRecoveryLevel=0 HeaderDigest=None DataDigest=None"
INCOMING=$(secret)
OUTGOING=$(secret)
EOF

node1 "RUNS=$RUNS bash -s" <<'EOF'
set -eu
. /root/bench-target.env
RA=/usr/lib/ocf/resource.d
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
must() { "$@" 2>/tmp/bench-target.err || { echo "failed: $* (exit $?)"; cat /tmp/bench-target.err; exit 1; }; }
tandem() {
    OCF_RESKEY_iqn=$IQN OCF_RESKEY_portals=$PORTAL OCF_RESKEY_allowed_initiators=$CLIENT \
    OCF_RESKEY_luns="0:/dev/vdb:5a7c00000001:tandem-r0 1:/dev/vdc:5a7c00000002:tandem-r1" \
    OCF_RESKEY_incoming_username=labclient OCF_RESKEY_incoming_password=$INCOMING \
    OCF_RESKEY_outgoing_username=labtarget OCF_RESKEY_outgoing_password=$OUTGOING \
    OCF_RESKEY_session_parameters=$SESSION OCF_RESOURCE_INSTANCE=p_target must $RA/tandem/LioTarget "$1"
}
stock_target() {
    OCF_RESKEY_implementation=lio-t OCF_RESKEY_iqn=$IQN OCF_RESKEY_portals=$PORTAL OCF_RESKEY_allowed_initiators=$CLIENT \
    OCF_RESKEY_incoming_username=labclient OCF_RESKEY_incoming_password=$INCOMING \
    OCF_RESKEY_additional_parameters=$SESSION OCF_RESOURCE_INSTANCE=p_target must $RA/heartbeat/iSCSITarget "$1"
}
stock_lun() { # action number device serial product
    OCF_RESKEY_implementation=lio-t OCF_RESKEY_target_iqn=$IQN OCF_RESKEY_lun=$2 OCF_RESKEY_path=$3 OCF_RESKEY_scsi_sn=$4 \
    OCF_RESKEY_product_id=$5 OCF_RESKEY_allowed_initiators=$CLIENT OCF_RESOURCE_INSTANCE=p_lun$2 \
    must $RA/heartbeat/iSCSILogicalUnit "$1"  # the instance names the backstore, as in the cluster
}
empty() { # nothing of either left in configfs
    [ -z "$(find /sys/kernel/config/target/iscsi /sys/kernel/config/target/core -mindepth 1 -maxdepth 1 -type d ! -name discovery_auth ! -name alua 2>/dev/null)" ]
}
echo "run  agent                              start(s)  stop(s)"
: > /tmp/bench-target.tandem; : > /tmp/bench-target.stock
for run in $(seq 1 "$RUNS"); do
    empty || { echo "configfs not empty before run $run"; exit 1; }
    t0=$(now); tandem start; t1=$(now); tandem monitor; t2=$(now); tandem stop; t3=$(now)
    empty || { echo "LioTarget left configfs entries"; exit 1; }
    printf '%-4s %-34s %8s %8s\n' "$run" "ocf:tandem:LioTarget" "$(secs $t0 $t1)" "$(secs $t2 $t3)"
    echo "$(secs $t0 $t1) $(secs $t2 $t3)" >> /tmp/bench-target.tandem
    t0=$(now)
    stock_target start
    stock_lun start 0 /dev/vdb 5a7c00000001 tandem-r0
    stock_lun start 1 /dev/vdc 5a7c00000002 tandem-r1
    t1=$(now)
    stock_lun monitor 1 /dev/vdc 5a7c00000002 tandem-r1
    t2=$(now)
    stock_lun stop 1 /dev/vdc 5a7c00000002 tandem-r1
    stock_lun stop 0 /dev/vdb 5a7c00000001 tandem-r0
    stock_target stop
    t3=$(now)
    empty || { echo "the stock agents left configfs entries"; exit 1; }
    printf '%-4s %-34s %8s %8s\n' "$run" "iSCSITarget+2xiSCSILogicalUnit" "$(secs $t0 $t1)" "$(secs $t2 $t3)"
    echo "$(secs $t0 $t1) $(secs $t2 $t3)" >> /tmp/bench-target.stock
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ts=$(cut -d' ' -f1 /tmp/bench-target.tandem | median); tp=$(cut -d' ' -f2 /tmp/bench-target.tandem | median)
ss=$(cut -d' ' -f1 /tmp/bench-target.stock | median); sp=$(cut -d' ' -f2 /tmp/bench-target.stock | median)
echo "median  LioTarget: start $ts s, stop $tp s;  stock lio-t agents: start $ss s, stop $sp s"
awk -v a="$ss" -v b="$ts" -v c="$sp" -v d="$tp" 'BEGIN { printf "ratio stock/LioTarget: start %.0fx, stop %.0fx\n", a / b, c / d }'
rm -f /root/bench-target.env /tmp/bench-target.*
EOF
