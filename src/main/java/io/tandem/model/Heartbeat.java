package io.tandem.model;

/** The tutorial's Heartbeat settings ({@code ha.cf} times in seconds, {@code authkeys}). */
public record Heartbeat(
        String logFacility,
        Integer keepalive,
        Integer deadtime,
        Integer warntime,
        Integer initdead,
        String authMethod,
        Secret authKey) {
}
