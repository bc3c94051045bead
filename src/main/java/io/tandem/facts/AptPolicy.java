package io.tandem.facts;

/** What apt knows of one package: the installed and the candidate version, each null when "(none)". */
public record AptPolicy(String installed, String candidate) {

    public boolean isInstalled() {
        return installed != null;
    }

    /** Installable from the configured repositories (or already installed). */
    public boolean isAvailable() {
        return candidate != null || installed != null;
    }
}
