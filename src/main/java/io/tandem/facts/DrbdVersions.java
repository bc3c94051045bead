package io.tandem.facts;

import io.tandem.model.DrbdVersion;

import java.util.Optional;

/**
 * The DRBD kernel module's version (absent when the module is not loaded) and drbd-utils'
 * ({@code drbdadm}'s, absent when not installed). They differ on purpose: Debian 12 ships
 * drbd-utils 9.x, which drives the in-kernel 8.4 module through its {@code drbdadm-84}.
 */
public record DrbdVersions(Optional<String> kernelModule, Optional<String> utils) {

    /**
     * The configuration dialect to write, decided by the kernel module alone (never by the utils,
     * see above); empty when no module is loaded or it is neither 8.4 nor 9.
     */
    public Optional<DrbdVersion> generation() {
        return kernelModule.flatMap(version -> {
            if (version.startsWith("8.4.") || version.equals("8.4")) {
                return Optional.of(DrbdVersion.V8_4);
            }
            if (version.startsWith("9.")) {
                return Optional.of(DrbdVersion.V9);
            }
            return Optional.empty();
        });
    }

    public boolean moduleLoaded() {
        return kernelModule.isPresent();
    }
}
