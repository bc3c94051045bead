package io.tandem.verify;

/** Where one resource (or one clone instance) runs in a simulated cluster state, and in what role. */
public record ResourcePlacement(String resource, String role, String node) {
}
