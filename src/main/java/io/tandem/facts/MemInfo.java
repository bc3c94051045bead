package io.tandem.facts;

/** Memory from {@code /proc/meminfo}, in bytes; "available" is what can be used without swapping. */
public record MemInfo(long totalBytes, long availableBytes) {
}
