package io.tandem.model;

/** How bad a validation problem is: errors stop export and apply, warnings are shown. */
public enum Severity {
    ERROR, WARNING
}
