package io.tandem.facts;

import io.tandem.model.OperatingSystem;

import java.util.Optional;

/**
 * The distribution from {@code /etc/os-release}. {@code versionId} and {@code codename} are null
 * when the file has none (Debian testing has no VERSION_ID).
 */
public record OsRelease(String id, String versionId, String prettyName, String codename) {

    /** The release Tandem writes configuration for, if this is one of them. */
    public Optional<OperatingSystem> operatingSystem() {
        String release = id + " " + versionId;
        return switch (release) {
            case "debian 12" -> Optional.of(OperatingSystem.DEBIAN_12);
            case "ubuntu 22.04" -> Optional.of(OperatingSystem.UBUNTU_22_04);
            case "ubuntu 24.04" -> Optional.of(OperatingSystem.UBUNTU_24_04);
            default -> Optional.empty();
        };
    }
}
