package io.tandem.facts;

/**
 * The resync percentage as DRBD 8.4 computes it for /proc/drbd (drbd_get_syncer_progress in the
 * kernel's drbd_int.h), written here from that description so that tests check the parser against
 * the kernel rather than against a fixture's digits: counts in bitmap bits of 4 KiB, both shifted
 * right by 10 against overflow (16 above 2^32 bits), one added to the total against division by
 * zero, per mil done = 1000 - left * 1000 / total, printed as "%u.%u%%" of per mil / 10 and % 10.
 */
final class DrbdKernelFormula {

    private DrbdKernelFormula() {
    }

    /**
     * The percent done the kernel prints for {@code remainingKiB} of {@code totalKiB}. Above 4 GiB
     * /proc/drbd shows MiB that are the shifted bit counts times 4, so the same arithmetic on the
     * KiB the parser makes of them gives the kernel's figure too.
     */
    static double percentDone(long remainingKiB, long totalKiB) {
        long bitsLeft = remainingKiB / 4;
        long bitsTotal = totalKiB / 4;
        int shift = bitsTotal > 0xFFFF_FFFFL ? 16 : 10;
        long left = bitsLeft >> shift;
        long total = 1 + (bitsTotal >> shift);
        long perMil = 1000 - left * 1000 / total;
        return Double.parseDouble(perMil / 10 + "." + perMil % 10);
    }
}
