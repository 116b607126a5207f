package org.homestretch.base;

import org.homestretch.support.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus entry as the label of a server-drawn SVG: still one text node of a valid file, never markup. */
class XmlTextHostileTest {

    @Test
    void every_entry_escapes_into_a_text_node_that_parses_back_to_what_xml_can_hold() throws Exception {
        var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        int checked = 0;
        for (String entry : HostileCorpus.strings()) {
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>" + XmlText.escape(entry) + "</title></svg>";

            Document parsed = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

            assertThat(parsed.getDocumentElement().getChildNodes().getLength()).as(HostileCorpus.describe(entry)).isOne();
            assertThat(parsed.getDocumentElement().getFirstChild().getChildNodes().getLength())
                    .as(HostileCorpus.describe(entry)).isLessThanOrEqualTo(1);
            assertThat(parsed.getDocumentElement().getTextContent()).as(HostileCorpus.describe(entry))
                    .isEqualTo(xmlHoldable(entry));
            checked++;
        }
        System.out.println("HOSTILE INPUT SVG labels: " + checked + " entries escaped and parsed back");
    }

    /** The entry without the characters XML 1.0 cannot hold (tab and newline stay). */
    private static String xmlHoldable(String entry) {
        StringBuilder out = new StringBuilder();
        entry.codePoints().filter(cp -> cp == '\t' || cp == '\n' || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }
}
