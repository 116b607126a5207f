package org.homestretch.catalog.transfer;

import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.CurrentUser;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.homestretch.catalog.CatalogTestSupport.signIn;

/** The caps on one import file: 2,000 exercises and 10 MB, each refusing the whole file. */
@SpringBootTest
@ActiveProfiles("test")
class ImportFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CatalogTransfer transfer;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signInAsTherapist() {
        signIn(users, new TestAccounts(provisioning).therapistEmail);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_file_of_more_than_2000_exercises_is_refused_whole_and_2000_are_taken() {
        assertRefused(file(2_001), "The file holds 2,001 exercises, but one import takes at most 2,000.");

        ImportPreview preview = transfer.preview(file(2_000));
        assertThat(preview.toImport()).isEqualTo(2_000);
    }

    @Test
    void a_file_over_10_mb_is_refused_before_it_is_read() {
        byte[] one = file(1);
        byte[] big = Arrays.copyOf(one, CatalogTransfer.MAX_BYTES + 1);
        Arrays.fill(big, one.length, big.length, (byte) ' ');

        assertRefused(big, "The file is larger than 10 MB");
        // Exactly 10 MB (the same file with trailing spaces) is read and previewed.
        assertThat(transfer.preview(Arrays.copyOf(big, CatalogTransfer.MAX_BYTES)).toImport()).isEqualTo(1);
    }

    private void assertRefused(byte[] file, String message) {
        CatalogException previewed = catchThrowableOfType(CatalogException.class, () -> transfer.preview(file));
        assertThat(previewed).as("preview").isNotNull();
        assertThat(previewed.getMessage()).contains(message);
        CatalogException applied = catchThrowableOfType(CatalogException.class, () -> transfer.apply(file));
        assertThat(applied).as("import").isNotNull();
        assertThat(applied.getMessage()).contains(message);
        assertThat(jdbc.sql("select count(*) from exercise where clinic_id = :clinic")
                .param("clinic", currentUser.require().clinicId().value()).query(Integer.class).single()).isZero();
    }

    /** An export-format file of {@code count} valid exercises. */
    private static byte[] file(int count) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "homestretch-exercises").put("version", 1);
        ArrayNode list = root.putArray("exercises");
        for (int i = 1; i <= count; i++) {
            CatalogTransfer.Entry entry = new CatalogTransfer.Entry(null, "Exercise number " + i, List.of(),
                    "Eases a stiff back.", Position.STANDING, List.of(BodyArea.LOWER_BACK), List.of(Equipment.NONE),
                    false, BestTime.ANY, List.of("Stand tall.", "Reach up."), List.of(), List.of(),
                    new Dosage(1, 10, 0, Sides.NONE, 1, 7), List.of(), false);
            list.add(JSON.valueToTree(entry));
        }
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
