package org.homestretch.handout;

import org.homestretch.bench.Bench;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.Sides;
import org.homestretch.program.ProgramVersionId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Printing a saved version's handout through {@link HandoutService} (run by {@link Bench} from
 * {@code ProgramSaveBench}), and its floor: the same rows read with two bare statements on one
 * connection and written with bare OpenPDF ({@link HandoutBench.Baseline}): no services, no
 * transactions of our own, no phone link, no audit entry, no layout code, no figures.
 */
public final class HandoutPrintBench {

    public static final String PRINT = "handout: read version + print";
    public static final String BASELINE = "baseline: bare reads + bare OpenPDF";

    private static final String HEAD = """
            select v.number, pa.first_name, pa.last_name, c.name, c.phone
            from program_version v join program p on p.id = v.program_id join patient pa on pa.id = p.patient_id
            join clinic c on c.id = p.clinic_id where v.id = ?""";
    private static final String ITEMS = """
            select e.name, e.steps, e.tips, i.sets, i.repetitions, i.hold_seconds, i.sides, i.times_per_day,
                i.days_per_week, i.minutes, i.note
            from program_item i join exercise e on e.id = i.exercise_id
            where i.program_version_id = ? order by i.position""";

    private HandoutPrintBench() {
    }

    /** The service's print: as signed in by the caller of the returned supplier. */
    public static Supplier<byte[]> print(HandoutService handouts, ProgramVersionId version) {
        return () -> handouts.render(version, HandoutOptions.STANDARD).pdf();
    }

    /** The floor: two bare reads on one connection, then bare OpenPDF. */
    public static Supplier<byte[]> bare(DataSource dataSource, ProgramVersionId version) {
        HandoutBench.Baseline pdf = new HandoutBench.Baseline();
        return () -> pdf.write(read(dataSource, version));
    }

    private static HandoutContent read(DataSource dataSource, ProgramVersionId version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement head = c.prepareStatement(HEAD);
             PreparedStatement items = c.prepareStatement(ITEMS)) {
            head.setObject(1, version.value());
            String[] h = new String[4];
            int number;
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
                for (int i = 0; i < 4; i++) {
                    h[i] = rs.getString(i + 2);
                }
            }
            items.setObject(1, version.value());
            List<HandoutContent.Item> list = new ArrayList<>();
            try (ResultSet rs = items.executeQuery()) {
                while (rs.next()) {
                    Dosage dosage = new Dosage(rs.getInt(4), rs.getInt(5), rs.getInt(6), Sides.valueOf(rs.getString(7)),
                            rs.getInt(8), rs.getInt(9), rs.getInt(10));
                    list.add(new HandoutContent.Item(rs.getString(1), strings(rs, 2), DosageText.sentence(dosage),
                            rs.getString(11), strings(rs, 3), dosage.timesPerDay()));
                }
            }
            return new HandoutContent(h[2], h[3], h[0] + " " + h[1], "", "", LocalDate.now(), number, list);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
