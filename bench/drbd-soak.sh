#!/usr/bin/env bash
# Soak, in the VM lab: does DRBD drop a healthy replication connection under load with the peer
# timeouts the cluster was built with (replication.peerTimeouts)? Shorter timeouts let a node
# notice a cut link sooner; too short, and a briefly busy node ends a connection that was fine,
# which costs a resync and a fence-peer call each time. For MINUTES (default 20) this keeps
#   - the client writing and reading through the iSCSI filesystem (fio, or dd without it), and
#   - the serving node resyncing r1 over and over (drbdadm invalidate-remote: the whole device
#     crosses the replication link, the heaviest load DRBD's connection sees),
# then counts, in both nodes' kernel logs since the start, every lost connection ("PingAck did
# not arrive in time", a change to NetworkFailure, Timeout, BrokenPipe, ...). Prints the figures; exits 1 if any.
# Needs a cluster built by `lab/vm e2e --keep` (any project; the figure is for its timeouts).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${MINUTES:-${1:-20}}
. "${TANDEM_VMLAB_DIR:-/tmp/tandem-vm}/lab.env"
SSH=(ssh -i "$LAB_KEY" -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR -o BatchMode=yes)
on() { local host=$1; shift; "${SSH[@]}" "root@$host" "$@"; }
say() { echo "soak: $*"; }

serving=""
for n in "$LAB_NODE1_ADDRESS" "$LAB_NODE2_ADDRESS"; do
    if on "$n" 'drbdadm role r1 2>/dev/null' | grep -q '^Primary'; then serving=$n; fi
done
[ -n "$serving" ] || { say "no node is Primary for r1: build the cluster first (lab/vm e2e --keep)"; exit 2; }
peer=$LAB_NODE1_ADDRESS; [ "$serving" = "$LAB_NODE1_ADDRESS" ] && peer=$LAB_NODE2_ADDRESS
settings=$(on "$serving" "drbdsetup show r1" | grep -E 'ping-int|ping-timeout|[^-]timeout' | tr -s ' \t\n' ' ' || true)
say "serving node $serving, peer $peer; r1's net settings: ${settings:-none set, so DRBD defaults}"
mount=$(on "$LAB_CLIENT_ADDRESS" "findmnt -l -n -o TARGET -t ext4,xfs | grep -v '^/\$' | grep -E '^/mnt/' | head -1" || true)
[ -n "$mount" ] || { say "the client has no iSCSI filesystem under /mnt"; exit 2; }
start=$(on "$serving" 'date +%s')
end=$((start + MINUTES * 60))

# The client's load: 64 KiB random writes and reads through the filesystem, 4 in flight, direct I/O (fio);
# without fio, 128 MiB written and read back in 1 MiB direct I/O, over and over.
on "$LAB_CLIENT_ADDRESS" "cd '$mount' && if command -v fio >/dev/null; then
        nohup fio --name=soak --filename=soak.fio --size=256M --rw=randrw --bs=64k --direct=1 --ioengine=libaio --iodepth=4 \
            --numjobs=1 --time_based --runtime=$((MINUTES * 60)) --output=/root/soak-fio.txt >/dev/null 2>&1 &
    else
        nohup sh -c 'while [ \$(date +%s) -lt $end ]; do dd if=/dev/urandom of=soak.dd bs=1M count=128 oflag=direct 2>/dev/null; \
            dd if=soak.dd of=/dev/null bs=1M iflag=direct 2>/dev/null; done' >/dev/null 2>&1 &
    fi"
say "client load on $mount for $MINUTES min; resyncing r1 from $serving until then"

resyncs=0
while [ "$(on "$serving" 'date +%s')" -lt "$end" ]; do
    state=$(on "$serving" 'drbdadm cstate r1; drbdadm dstate r1' | tr '\n' ' ')
    if [ "$state" = "Connected UpToDate/UpToDate " ]; then
        on "$serving" 'drbdadm invalidate-remote r1'
        resyncs=$((resyncs + 1))
    fi
    sleep 10
done
say "load stopped after $MINUTES min; waiting for r0 and r1 to be in sync"
on "$LAB_CLIENT_ADDRESS" "pkill -x fio || true; rm -f '$mount/soak.fio' '$mount/soak.dd'" || true
for i in $(seq 1 90); do
    [ "$(on "$serving" 'drbdadm dstate all' | sort -u)" = "UpToDate/UpToDate" ] && break
    sleep 10
done

# A connection ends in one of these states; a resync's own changes (StartingSyncS, SyncSource -> Connected) are no loss.
LOST='conn\( [A-Za-z]+ -> (NetworkFailure|Timeout|BrokenPipe|ProtocolError|TearDown|Disconnecting) \)'
lost=0
for n in "$serving" "$peer"; do
    log=$(on "$n" "journalctl -k -o cat --since @$start")
    pings=$(grep -c 'PingAck did not arrive in time' <<<"$log" || true)
    drops=$(grep -cE "$LOST" <<<"$log" || true)
    say "$n: $pings ping timeouts, $drops lost connections"
    lost=$((lost + drops))
    grep -E "PingAck did not arrive|$LOST" <<<"$log" | head -5 | sed 's/^/    /' || true # none found is the good case
done
written=$(on "$LAB_CLIENT_ADDRESS" "grep -oE 'WRITE: bw=[^,]*' /root/soak-fio.txt 2>/dev/null" || true)
say "$MINUTES min, $resyncs full resyncs of r1, client ${written:-dd loop}; lost connections: $lost"
[ "$lost" -eq 0 ]
