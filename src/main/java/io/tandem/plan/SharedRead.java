package io.tandem.plan;

/**
 * One read-only command whose output answers several probes of a host: the probes of a host that
 * need reads of the same name get one read, merged from theirs (the union of their files or units),
 * in one section of the host's probe script. Probe names never start with {@link #PREFIX}, so a
 * read's section cannot meet a probe's.
 */
public interface SharedRead {

    String PREFIX = "read-";

    /** The section name, {@code read-…}: reads of one name are merged. */
    String name();

    /** This read widened to also answer what {@code other} (of the same name) answers. */
    SharedRead merge(SharedRead other);

    /** The shell, read-only, every interpolated value quoted. */
    String script();
}
