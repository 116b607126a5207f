package org.homestretch.handout;

import org.homestretch.support.HostileCorpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup, SQL, formulas, paths and template tricks from the hostile-input corpus as the notes
 * of a handout: the PDF prints each one literally (a PDF has no markup to escape into) and
 * reading the PDF back finds it word for word.
 */
class HandoutHostileTextTest {

    @Test
    void every_printable_corpus_entry_is_printed_literally() throws Exception {
        List<String> printable = HostileCorpus.strings().stream()
                .filter(s -> !s.isBlank() && s.length() <= 60 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                .toList();
        int found = 0;
        for (int start = 0; start < printable.size(); start += 50) {
            List<String> notes = printable.subList(start, Math.min(printable.size(), start + 50));
            List<HandoutContent.Item> items = new ArrayList<>();
            for (int i = 0; i < notes.size(); i++) {
                items.add(HandoutRendererTest.item(i + 1, 1, notes.get(i)));
            }
            String text = HandoutRendererTest.render(HandoutRendererTest.content(items), false, false).text();
            for (String note : notes) {
                assertThat(text).as(HostileCorpus.describe(note)).contains(HandoutPdf.normalise(note));
                found++;
            }
        }
        System.out.println("HOSTILE INPUT handout PDF: " + found + " notes printed and read back literally");
        assertThat(found).isGreaterThanOrEqualTo(100);
    }
}
