package io.tandem.render;

import io.tandem.model.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reference marked as sitting inside XML is escaped for XML when resolved, in any file; the others are not. */
class SecretBookXmlTest {

    @Test
    void aReferenceInXmlIsEscapedWhateverTheFile() {
        SecretBook book = new SecretBook();
        String ref = book.ref("chap", Secret.of("Qm7wN3xV8cJ2hT5d"));
        String text = "plain " + ref + " <nvpair value=\"" + SecretBook.inXml(ref) + "\"/>";

        assertThat(book.resolve(text, SecretPolicy.REDACT, false))
                .isEqualTo("plain <redacted:chap> <nvpair value=\"&lt;redacted:chap&gt;\"/>");
        assertThat(book.resolve(text, SecretPolicy.REVEAL, false))
                .isEqualTo("plain Qm7wN3xV8cJ2hT5d <nvpair value=\"Qm7wN3xV8cJ2hT5d\"/>");
        assertThat(book.mask(text, s -> "<m>", false)).isEqualTo("plain <m> <nvpair value=\"&lt;m&gt;\"/>");
        assertThat(SecretBook.mentionsSecret(SecretBook.inXml(ref))).isTrue();
    }
}
