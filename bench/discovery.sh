#!/usr/bin/env bash
# Benchmark: discovery of the two namespace-lab nodes, facts complete, including login.
# Prints per host the wall time of login + discovery and the SSH round trips, for RUNS runs
# (the first also accepts the lab's host keys). Target (issue 4): under 2 s for both nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/find-jdk.sh
RUNS=${RUNS:-5}
started_lab=no
if ! lab/netns status >/dev/null 2>&1; then lab/netns up >/dev/null; started_lab=yes; fi
trap '[ "$started_lab" = yes ] && lab/netns down >/dev/null' EXIT
. /tmp/tandem-netns/lab.env
[ -f target/tandem.jar ] || ./mvnw -q -B -ntp -DskipTests package
kh=$(mktemp -d)/known_hosts
echo "run  host          wall(login+facts)  round-trips   both-nodes   whole-command(incl. JVM start)"
for run in $(seq 1 "$RUNS"); do
    t0=$(date +%s%N)
    out=$("$JAVA_HOME/bin/java" -jar target/tandem.jar discover "$LAB_NODE1_ADDRESS" "$LAB_NODE2_ADDRESS" --user "$LAB_KEY_USER" \
          -i "$LAB_KEY" --accept-new-host-keys --known-hosts "$kh" --timing --json 2>&1 >/dev/null || true)
    t1=$(date +%s%N)
    all=$(printf '%s\n' "$out" | sed -n 's/^timing all-hosts wall=\(.*\)s$/\1/p')
    printf '%s\n' "$out" | sed -n 's/^timing \([0-9.]*\) wall=\(.*\)s roundtrips=\(.*\)$/\1 \2 \3/p' | while read -r host wall trips; do
        printf '%-4s %-13s %-18s %-13s %-12s %.3f s\n' "$run" "$host" "${wall} s" "$trips" "${all} s" "$(echo "($t1-$t0)/1000000000" | bc -l)"
    done
done
