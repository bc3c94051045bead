package io.tandem.model;

/** How Tandem reaches a host: management address, login user and port. */
public record Ssh(String address, String user, Integer port) {
}
