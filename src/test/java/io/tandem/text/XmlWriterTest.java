package io.tandem.text;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlWriterTest {

    @Test
    void escapedAttributesSurviveAParser() throws Exception {
        String hostile = "a\"b<c>&d'e\nf";
        String xml = new XmlWriter().start("root").empty("item", "value", hostile).end().toString();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("item").item(0)).getAttribute("value")).isEqualTo(hostile);
    }

    @Test
    void unclosedElementsAreAProgrammingError() {
        assertThatThrownBy(() -> new XmlWriter().start("a").toString()).isInstanceOf(IllegalStateException.class);
    }
}
