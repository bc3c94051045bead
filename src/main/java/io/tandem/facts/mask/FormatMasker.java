package io.tandem.facts.mask;

/** Masks the secrets of one file format by reading the text as that format. */
interface FormatMasker {

    /** The text with its secrets masked and everything else as it was; throws when the text is not in this format. */
    String mask(String text) throws UnreadableText;
}
