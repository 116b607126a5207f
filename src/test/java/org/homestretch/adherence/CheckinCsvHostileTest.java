package org.homestretch.adherence;

import org.homestretch.base.UserText;
import org.homestretch.support.HostileCorpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus entry the app can store, as a CSV cell: never a formula, and read back whole. */
class CheckinCsvHostileTest {

    @Test
    void every_storable_entry_becomes_a_cell_a_spreadsheet_shows_as_text() {
        List<String> storable = HostileCorpus.strings().stream().filter(s -> UserText.check(s).isEmpty()).toList();
        int neutralised = 0;
        for (String entry : storable) {
            String cell = CheckinCsv.cell(entry);
            String inside = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;

            assertThat(inside).as(HostileCorpus.describe(entry)).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            boolean formula = !entry.isEmpty() && "=+-@\t\r".indexOf(entry.charAt(0)) >= 0;
            assertThat(inside).as(HostileCorpus.describe(entry)).isEqualTo(formula ? "'" + entry : entry);
            if (formula) {
                neutralised++;
            }
        }
        System.out.println("HOSTILE INPUT CSV cells: " + storable.size() + " storable entries, " + neutralised
                + " formula prefixes neutralised");
        assertThat(neutralised).isGreaterThanOrEqualTo(10);
    }
}
