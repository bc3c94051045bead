package io.tandem.facts;

import io.tandem.testing.Fixtures;

/** Captured command outputs under src/test/resources/fixtures (see fixtures/local/README.md). */
final class Fixture {

    private Fixture() {
    }

    /** Captured on the Debian 12 VM lab (node1, node2, client). */
    static String vmlab(String name) {
        return Fixtures.vmlab(name);
    }

    /** Captured on the development machine, or written by hand where the file name says so. */
    static String local(String name) {
        return Fixtures.local(name);
    }

    /** DRBD 9's status JSON, laid out from drbd-utils' source (fixtures/drbd9/README.md: no DRBD 9 module here). */
    static String drbd9(String name) {
        return Fixtures.read("drbd9/" + name);
    }

    static String tutorial(String name) {
        return Fixtures.read("tutorial/" + name);
    }
}
