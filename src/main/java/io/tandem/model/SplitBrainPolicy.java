package io.tandem.model;

/** What DRBD does automatically after a split brain, by number of primaries. */
public record SplitBrainPolicy(String afterSb0pri, String afterSb1pri, String afterSb2pri, String rrConflict) {
}
