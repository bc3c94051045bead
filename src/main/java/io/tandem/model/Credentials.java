package io.tandem.model;

/** A CHAP user name and secret. */
public record Credentials(String user, Secret secret) {
}
