package io.tandem.monitor;

import java.util.Locale;

/**
 * The cluster's health in one word, from the worst of its findings. What each level means is
 * decided by what the next single fault would cost:
 * <ul>
 * <li>{@link #HEALTHY}: the storage is served, every copy and link is redundant, no standing risk.</li>
 * <li>{@link #DEGRADED}: still served, and the next single fault costs neither data nor more than a
 *     failover; something needs attention (a bond on one NIC, a fail count, clocks apart, a host
 *     Tandem cannot read).</li>
 * <li>{@link #AT_RISK}: still served, but the next single fault can lose data or the service:
 *     one copy only (the peer offline, in standby, disconnected, resyncing), split brain, no
 *     fencing, a replacement_timeout shorter than a failover, a port rule that blocks the next
 *     failover.</li>
 * <li>{@link #DOWN}: clients cannot use the storage now (the target or a LUN not served, the
 *     portal blocked, a managed client without its session, the cluster not running).</li>
 * </ul>
 * Precedence is the order above: DOWN over AT_RISK over DEGRADED over HEALTHY.
 */
public enum Verdict {
    HEALTHY("the storage is served with full redundancy and no standing risk"),
    DEGRADED("the storage is served and one more fault costs no data, but something needs attention"),
    AT_RISK("the storage is served, but the next fault can lose data or the service"),
    DOWN("clients cannot use the storage now");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    /** "healthy", "degraded", "at risk", "down". */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String meaning() {
        return meaning;
    }

    /** 0 healthy … 3 down: the Prometheus gauge's value. */
    public int level() {
        return ordinal();
    }

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
