package org.homestretch.handout;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The handout URL through the real security chain and a real database. */
@SpringBootTest
@ActiveProfiles("test")
class HandoutAccessTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    HandoutService handouts;

    MockMvc mvc;
    TestAccounts ours;
    TestAccounts theirs;
    ProgramVersion version;

    @BeforeEach
    void publishAProgram() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ours = new TestAccounts(provisioning);
        theirs = new TestAccounts(provisioning);
        TestSignIn.as(users, ours.therapistEmail);
        Patient patient = patients.create(new PatientDetails("Zoë", "Ångström", null, "", "", "en", null, ""));
        var knee = programs.newItem(catalog.find("knee-to-chest").orElseThrow().id()).withNote("Slowly, please.");
        var bridge = programs.newItem(catalog.find("bridge").orElseThrow().id());
        programs.publish(patient.id(), 0, List.of(knee, bridge));
        version = programs.publish(patient.id(), 1, List.of(knee, bridge, programs.newItem(
                catalog.find("cat-camel").orElseThrow().id())));
        TestSignIn.out();
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    private String url() {
        return "/handouts/" + version.id().value() + ".pdf";
    }

    @Test
    void an_anonymous_caller_is_sent_to_the_login_page() throws Exception {
        MvcResult result = mvc.perform(get(url())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void a_therapist_of_another_clinic_gets_404_and_nothing_about_the_patient() throws Exception {
        UserDetails stranger = users.loadUserByUsername(theirs.therapistEmail);
        MvcResult result = mvc.perform(get(url()).with(user(stranger))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Ångström").doesNotContain("Zoë").doesNotContain("%PDF");
        assertThat(result.getResponse().getHeader("Content-Disposition")).isNull();
    }

    @Test
    void an_unknown_or_malformed_id_gets_404() throws Exception {
        UserDetails therapist = users.loadUserByUsername(ours.therapistEmail);
        assertThat(mvc.perform(get("/handouts/" + UUID.randomUUID() + ".pdf").with(user(therapist)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/handouts/not-a-uuid.pdf").with(user(therapist)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void the_clinics_therapist_gets_the_pdf_inline_uncached_and_named_without_the_patient() throws Exception {
        UserDetails therapist = users.loadUserByUsername(ours.therapistEmail);
        MvcResult result = mvc.perform(get(url()).with(user(therapist))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"handout-v2.pdf\"");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        HandoutPdf pdf = new HandoutPdf(result.getResponse().getContentAsByteArray());
        assertThat(pdf.text()).contains(ours.clinicName, "Home exercises for Zoë Ångström", "Program version 2",
                "Therapist: Theo Therapist", "Knee to chest", "Bridge", "Cat", "Slowly, please.",
                "Call your clinic.", "Page 1 of " + pdf.pages, "Patient Z.Å.");
        // Steps come from the catalog, dosage from the prescription.
        catalogStepsOf("knee-to-chest").forEach(step -> assertThat(pdf.text()).contains(step));
        HandoutPdf.qpdfCheck(pdf.bytes);
    }

    @Test
    void query_parameters_choose_large_print_and_the_paper_log() throws Exception {
        UserDetails therapist = users.loadUserByUsername(ours.therapistEmail);
        byte[] bytes = mvc.perform(get(url() + "?largePrint=true&log=true").with(user(therapist)))
                .andReturn().getResponse().getContentAsByteArray();
        HandoutPdf pdf = new HandoutPdf(bytes);

        assertThat(pdf.text()).contains("My exercise log");
        assertThat(pdf.glyphs).allSatisfy(g -> assertThat(g.getFontSizeInPt()).isGreaterThanOrEqualTo(18f));
    }

    @Test
    void the_service_refuses_another_clinics_version_even_when_called_directly() {
        TestSignIn.as(users, theirs.adminEmail);
        assertThatThrownBy(() -> handouts.render(version.id(), HandoutOptions.STANDARD))
                .isInstanceOf(HandoutNotFoundException.class);
    }

    @Test
    void every_built_in_exercise_can_be_done_from_one_page_in_both_sizes_with_a_long_note() throws Exception {
        List<String> slugs = List.of("knee-to-chest", "double-knee-to-chest", "trunk-rotation", "knee-sway",
                "spinal-twist", "double-knee-twist", "cross-leg-stretch", "bridge", "pelvic-tilt", "hamstring-stretch",
                "thomas-stretch", "kneeling-hip-flexor-stretch", "cat-camel", "prayer-stretch", "childs-pose",
                "figure-four", "pigeon-pose", "lying-butterfly", "ninety-ninety-stretch", "plank", "bird-dog",
                "foam-roll-lower-back", "foam-roll-glutes", "foam-roll-hip-flexors");
        TestSignIn.as(users, ours.therapistEmail);
        Patient patient = patients.create(new PatientDetails("Ida", "Long", null, "", "", "en", null, ""));
        String note = "Go gently on the first days and stop at a mild stretch. ".repeat(4).strip();
        var items = slugs.stream().map(slug -> programs.newItem(catalog.find(slug).orElseThrow().id())
                .withNote(note + " (" + slug + ")")).toList();
        ProgramVersion all = programs.publish(patient.id(), 0, items);

        for (boolean largePrint : new boolean[]{true, false}) {
            HandoutPdf pdf = new HandoutPdf(handouts.render(all.id(), new HandoutOptions(largePrint, true)).pdf());
            for (int i = 0; i < items.size(); i++) {
                String title = (i + 1) + ". " + items.get(i).exerciseName();
                int titlePage = pdf.pageOf(title);
                assertThat(titlePage).as("title of %s", slugs.get(i)).isPositive();
                // The figure, dosage and every step on one page, so the exercise can be done from it.
                String page = pdf.pageTexts.get(titlePage - 1);
                for (String step : catalog.find(slugs.get(i)).orElseThrow().content().steps()) {
                    assertThat(page).as("step of %s on its title page, large print %s", slugs.get(i), largePrint)
                            .contains(HandoutPdf.normalise(step));
                }
                int endPage = pdf.pageOf("(" + slugs.get(i) + ")");
                if (largePrint && endPage == titlePage + 1) {
                    // Only the therapist's note of the longest exercises may go on, under the exercise's name.
                    assertThat(pdf.pageTexts.get(endPage - 1)).as("continuation of %s", slugs.get(i))
                            .startsWith(HandoutPdf.normalise(title + ", continued"));
                } else {
                    assertThat(endPage).as("end of %s, large print %s", slugs.get(i), largePrint).isEqualTo(titlePage);
                }
            }
            HandoutPdf.qpdfCheck(pdf.bytes);
        }
    }

    @Test
    void each_exercise_figure_is_drawn_as_vector_paths_in_its_own_form_and_the_pdf_stays_small() throws Exception {
        TestSignIn.as(users, ours.therapistEmail);
        byte[] bytes = handouts.render(version.id(), HandoutOptions.STANDARD).pdf();

        int figures = 0;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    assertThat(object).as("no raster images: figures are vectors").isNotInstanceOf(PDImageXObject.class);
                    if (object instanceof PDFormXObject form && paths(form) > 20) {
                        figures++;
                    }
                }
            }
        }
        assertThat(figures).as("one drawn figure per exercise").isEqualTo(3);
        assertThat(bytes.length).as("three exercises with figures").isLessThan(80_000);
    }

    /** Path-drawing operators (move, line, close, stroke, fill) in a form's content stream. */
    private static int paths(PDFormXObject form) throws Exception {
        PDFStreamParser parser = new PDFStreamParser(form);
        int count = 0;
        for (Object token : parser.parse()) {
            if (token instanceof Operator op && java.util.Set.of("m", "l", "c", "S", "f", "B", "b").contains(op.getName())) {
                count++;
            }
        }
        return count;
    }

    private List<String> catalogStepsOf(String slug) {
        TestSignIn.as(users, ours.therapistEmail);
        try {
            return catalog.find(slug).orElseThrow().content().steps();
        } finally {
            TestSignIn.out();
        }
    }

    @Test
    void walking_is_printed_in_minutes() throws Exception {
        TestSignIn.as(users, ours.therapistEmail);
        Patient walker = patients.create(new PatientDetails("Wanda", "Walker", null, "", "", "en", null, ""));
        ProgramVersion walking = programs.publish(walker.id(), 0, List.of(
                programs.newItem(catalog.find("walking").orElseThrow().id()),
                programs.newItem(catalog.find("chair-pelvic-tilt").orElseThrow().id())));
        TestSignIn.out();
        UserDetails therapist = users.loadUserByUsername(ours.therapistEmail);
        MvcResult result = mvc.perform(get("/handouts/" + walking.id().value() + ".pdf").with(user(therapist)))
                .andReturn();

        HandoutPdf pdf = new HandoutPdf(result.getResponse().getContentAsByteArray());
        // The catalog's default: ten minutes a day. Counted exercises keep their counts.
        assertThat(pdf.text()).contains("Walking", "Keep going for 10 minutes. Once a day. Every day.",
                "Chair pelvic tilt", "Do this 15 times.");
        assertThat(pdf.text()).doesNotContain("Hold for 0");
    }
}
