#!/bin/sh
#
# tandem-fence-peer.sh - Tandem's DRBD 8.4 fence-peer handler for a Pacemaker cluster.
#
# It makes the decisions of LINBIT's crm-fence-peer.sh with fewer Pacemaker calls, for the case
# every failover meets: this node's disk is UpToDate, the peer's is not, and no fencing constraint
# is there yet. With "fencing resource-and-stonith" DRBD holds every write until the handler
# returns, and each Pacemaker command takes one to two seconds on a busy node; crm-fence-peer.sh
# makes four or five of them before it places the constraint. This handler places it first
# (always right for an UpToDate node: crm-fence-peer.sh places it in every outcome then), and
# only then asks the peer's controller whether it is there, then the CIB where the peer is:
#   - the peer's controller answers: the peer is in this node's partition and got the constraint
#     before it answered (the cluster delivers in order), so it cannot promote its outdated copy;
#     exit 4 (peer outdated), after two Pacemaker commands;
#   - the peer is fenced (offline, expected down): exit 7;
#   - fencing is off and the peer is offline: exit 5 (unreachable);
#   - otherwise the cluster is still deciding, or fencing this node: poll until one of the above
#     or until --timeout, as crm-fence-peer.sh does, so that no write completes on this side of
#     a split before the peer had its chance to fence it; then exit 5.
# Anything else (this disk not UpToDate, an unknown peer, a constraint already present, the
# cluster not answering) goes to crm-fence-peer.sh unchanged, which decides with its full logic.
# The constraint is the one crm-fence-peer.sh places (same ids), so crm-unfence-peer.sh removes
# it after the resync as before.
#
# Usage, in the handlers section of a DRBD resource (drbdadm passes DRBD_RESOURCE, DRBD_MINOR
# and DRBD_PEER):
#   fence-peer "/usr/lib/drbd/tandem-fence-peer.sh --clone=CLONE_ID [--timeout=90]";
#
# TANDEM_FENCE_PEER_STOCK and TANDEM_PROC_DRBD replace the stock handler and /proc/drbd in
# Tandem's tests only.

STOCK=${TANDEM_FENCE_PEER_STOCK:-/usr/lib/drbd/crm-fence-peer.sh}
PROC_DRBD=${TANDEM_PROC_DRBD:-/proc/drbd}
LOCK_DIR=/var/run/drbd/lock

clone=
timeout=90
for arg in "$@"; do
    case $arg in
        --clone=*) clone=${arg#*=} ;;
        --timeout=*) timeout=${arg#*=} ;;
    esac
done

log() {
    logger -t "tandem-fence-peer[$$]" -p local5.info -- "$DRBD_RESOURCE: $*" 2>/dev/null || echo "$DRBD_RESOURCE: $*" >&2
}

# Hands the decision to crm-fence-peer.sh, with the environment drbdadm gave us.
stock() {
    log "$1; handing over to $STOCK"
    exec 9>&-
    exec "$STOCK"
}

# Hundredths of a second since boot (/proc/uptime has two decimals), so that --timeout is waited in full.
centiseconds() {
    read -r up _ < /proc/uptime
    echo "${up%.*}${up#*.}"
}

# Sets role, disk and peer_disk from our minor's line in /proc/drbd: never drbdsetup, which may be
# what called us. Shell builtins only where the text is short: while the handler runs DRBD holds
# the writes, and each program started costs 0.1 to 0.2 s on a busy or emulated node.
read_disks() {
    role= disk= peer_disk=
    while read -r number _ roles states _; do
        [ "$number" = "$DRBD_MINOR:" ] || continue
        case $roles in
            ro:*/*) roles=${roles#ro:}; role=${roles%%/*} ;;
        esac
        case $states in
            ds:*/*) states=${states#ds:}; disk=${states%%/*} peer_disk=${states#*/} ;;
        esac
        return
    done < "$PROC_DRBD"
}

# Sets value to the value of attribute $1 in the element $2 (empty without it).
attribute() {
    value=
    case $2 in
        *" $1=\""*) value=${2#*" $1=\""}; value=${value%%\"*} ;;
    esac
}

# DRBD_PEER as an extended regular expression (its dots escaped).
peer_pattern() {
    peer_re= rest=$DRBD_PEER
    while [ -n "$rest" ]; do
        c=${rest%"${rest#?}"} rest=${rest#?}
        case $c in .) peer_re="$peer_re\\." ;; *) peer_re="$peer_re$c" ;; esac
    done
}

# Sets stonith (true, false) and node_state (the start tag of the peer's node_state) from the CIB
# text $1: the first stonith-enabled pair and the peer's node_state, as crm-fence-peer.sh greps
# them. One grep over the whole CIB: the shell's own pattern removal is quadratic in the length of
# the text, and took 8 s on an emulated node for a CIB of a few hundred lines.
read_cib() {
    stonith=true node_state= setting=
    found=$(printf '%s\n' "$1" | grep -E -o "<nvpair [^>]*name=\"stonith-enabled\"[^>]*>|<node_state[^>]* uname=\"$peer_re\"[^>]*>")
    # One element a line: split on newlines only, without globbing.
    set -f
    old_ifs=$IFS IFS='
'
    for element in $found; do
        case $element in
            "<nvpair "*) [ -n "$setting" ] || setting=" ${element#<nvpair}" ;;
            "<node_state"*) [ -n "$node_state" ] || node_state=" ${element#<node_state}" ;;
        esac
    done
    IFS=$old_ifs
    set +f
    attribute value "$setting"
    case $value in no|n|false|0|off) stonith=false ;; esac
}

case $DRBD_RESOURCE in ''|*[!A-Za-z0-9_.-]*) stock "no usable DRBD_RESOURCE" ;; esac
case $DRBD_MINOR in ''|*[!0-9]*) stock "not exactly one minor (DRBD_MINOR=$DRBD_MINOR)" ;; esac
case $DRBD_PEER in ''|*[!A-Za-z0-9_.-]*) stock "no usable DRBD_PEER" ;; esac
case $clone in ''|*[!A-Za-z0-9_.:-]*) stock "no usable --clone" ;; esac
case $timeout in ''|*[!0-9]*) stock "--timeout is not a number of seconds" ;; esac
peer_pattern
# uname -n, without starting it.
read -r me < /proc/sys/kernel/hostname 2>/dev/null || me=$(uname -n)

# The lock crm-fence-peer.sh and crm-unfence-peer.sh take, so that none of them runs beside us.
[ -d "$LOCK_DIR" ] || mkdir -p -m 0700 "$LOCK_DIR" 2>/dev/null
if ! { exec 9>"$LOCK_DIR/fence.$DRBD_RESOURCE" && flock --exclusive --timeout 120 9; }; then
    stock "could not lock $LOCK_DIR/fence.$DRBD_RESOURCE"
fi

read_disks
[ "$disk" = UpToDate ] || stock "this node's disk is ${disk:-not in $PROC_DRBD}"
[ "$peer_disk" != UpToDate ] || stock "the peer's disk is UpToDate"

prefix=drbd-fence-by-handler-$DRBD_RESOURCE
constraint="<rsc_location rsc=\"$clone\" id=\"$prefix-$clone\">
  <rule role=\"Master\" score=\"-INFINITY\" id=\"$prefix-rule-$clone\">
    <expression attribute=\"#uname\" operation=\"ne\" value=\"$me\" id=\"$prefix-expr-$clone\"/>
  </rule>
</rsc_location>"
if ! out=$(cibadmin -C -o constraints -t 10 -X "$constraint" 2>&1); then
    stock "could not place the constraint $prefix-$clone ($out)"
fi
log "placed constraint $prefix-$clone: only $me may be promoted"

# Exits with $1 unless the connection came back meanwhile; then, as crm-fence-peer.sh, the
# constraint goes again and DRBD hears "error" (1), which it treats as a failed fencing.
finish() {
    code=$1 why=$2
    read_disks
    if [ "$peer_disk" = UpToDate ]; then
        cibadmin -D -X "<rsc_location rsc=\"$clone\" id=\"$prefix-$clone\"/>" >/dev/null 2>&1
        log "the peer's disk is UpToDate again: removed the constraint"
        exit 1
    fi
    log "$why; exit $code"
    exit "$code"
}

# Sets answer to the peer's controller's answer, or to nothing within 4 s; exits 4 on an answer.
ask_peer() {
    answer=$(timeout 4 crmadmin -S "$DRBD_PEER" 2>/dev/null)
    case $answer in
        *": ok"|*" (ok)") finish 4 "$DRBD_PEER is online and answers: its copy is outdated" ;;
    esac
}

# A Primary losing its peer is most often a cut replication link with both nodes in the cluster:
# ask at once, without reading the CIB first, while DRBD holds the writes. A Secondary being
# promoted has usually lost a crashed peer, whose controller would not answer: the CIB first.
[ "$role" = Primary ] && ask_peer
deadline=$(( $(centiseconds) + timeout * 100 ))
while :; do
    if cib=$(cibadmin -Q -t 2 2>/dev/null); then
        read_cib "$cib"
        attribute in_ccm "$node_state"; in_ccm=$value
        attribute crmd "$node_state"; crmd=$value
        attribute expected "$node_state"; expected=$value
        attribute join "$node_state"; join=$value
        # Pacemaker 2.1.7 writes since-when timestamps, 0 meaning no.
        case $in_ccm in 0) in_ccm=false ;; *[!0-9]*|'') ;; *) in_ccm=true ;; esac
        case $crmd in 0) crmd=offline ;; *[!0-9]*|'') ;; *) crmd=online ;; esac

        # Would Pacemaker still fence the peer? (crm-fence-peer.sh's reading of unpack.c)
        will_fence=false
        if $stonith; then
            [ -z "$in_ccm" ] && will_fence=true
            [ "$join" = banned ] && will_fence=true
            # Only an "expected" of down is a clean down: without the attribute the peer is not.
            if [ "$expected" = down ] && [ "$in_ccm" = false ] && [ "$crmd" != online ]; then
                :
            elif [ "$in_ccm" = false ] || [ "$crmd" != online ]; then
                will_fence=true
            fi
        fi
        if ! $will_fence && [ "$crmd" != online ]; then
            if [ "$expected/$in_ccm" = down/false ]; then
                finish 7 "$DRBD_PEER is fenced"
            fi
            finish 5 "$DRBD_PEER is unreachable"
        fi
        if [ "$crmd" = online ]; then
            ask_peer
            log "$DRBD_PEER is online but its controller did not answer yet (${answer:-no answer within 4 s}); asking again"
        fi
    fi
    if [ "$(centiseconds)" -ge "$deadline" ]; then
        finish 5 "no word on $DRBD_PEER within $timeout s; this node is UpToDate"
    fi
    sleep 1
done
