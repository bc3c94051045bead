package io.tandem.plan;

/**
 * A {@link Remote} for tests that only run commands: a fixed run stamp, nothing confirmed unless
 * overridden, and no network changes.
 */
interface TestRemote extends Remote {

    @Override
    default String runStamp() {
        return "20261201T120000Z";
    }

    @Override
    default boolean confirmedDestroy(String device) {
        return false;
    }

    @Override
    default void changeNetwork(NetworkChange change) {
        throw new UnsupportedOperationException("tests do not change networks");
    }
}
