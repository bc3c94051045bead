package io.tandem.facts;

/** The running kernel, e.g. {@code 6.1.0-56-amd64} on {@code x86_64}. */
public record Uname(String kernelRelease, String machine) {
}
