package io.tandem.facts.mask;

/** The text is not in the format its path says: the caller then masks all of it. Never carries the text. */
final class UnreadableText extends Exception {

    UnreadableText(String what) {
        super(what);
    }
}
