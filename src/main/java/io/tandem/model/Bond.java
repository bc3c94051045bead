package io.tandem.model;

import java.util.List;

/** Bonding of two or more NICs: slaves, mode and link-monitoring timings in milliseconds. */
public record Bond(
        List<String> slaves,
        BondMode mode,
        Integer miimon,
        Integer updelay,
        Integer downdelay,
        @OptionalField String primary) {

    public Bond {
        slaves = slaves == null ? null : List.copyOf(slaves);
    }
}
