package org.homestretch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the feature packages honest as the app grows. */
class ArchitectureTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses IMPORTED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.homestretch");

    @Test
    void features_have_no_cycles_and_use_each_other_only_through_public_types() {
        ApplicationModules.of(Application.class).verify();
    }

    @Test
    void services_and_repositories_never_depend_on_vaadin() {
        ArchRule rule = noClasses()
                .that().areAnnotatedWith(Service.class).or().areAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("domain code must work without a UI (patient pages, exports, benchmarks)");
        rule.check(IMPORTED);
    }

    @Test
    void domain_records_never_depend_on_vaadin() {
        ArchRule rule = noClasses()
                .that().areRecords().or().areEnums()
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..");
        rule.check(IMPORTED);
    }

    @Test
    void views_never_use_repositories_or_sql() {
        ArchRule rule = noClasses()
                .that().areAssignableTo("com.vaadin.flow.component.Component").and().resideInAPackage("org.homestretch..")
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .because("a view reaches patient data only through a service, which scopes it to the signed-in clinic");
        rule.check(IMPORTED);
    }

    /**
     * SQL lives in repositories, so that every query can be read in one place per feature and
     * checked for its clinic condition. The exceptions, each for a reason:
     * <ul>
     * <li>{@code database}: the start-up durability check asks PostgreSQL for its settings, no clinic data;</li>
     * <li>{@code demo}: seeds the demo clinic's past check-ins, which no service may back-date;</li>
     * <li>{@code program.BuiltInTemplates}: writes the shipped templates at start-up, no clinic data;</li>
     * <li>{@code clinic.ClinicLogos}: a service that still holds its own three queries (each scoped to the
     * signed-in user's clinic); they belong in a repository, to be moved there.</li>
     * </ul>
     */
    @Test
    void only_repositories_use_jdbc_client() {
        ArchRule rule = noClasses()
                .that().areNotAnnotatedWith(Repository.class)
                .and().resideOutsideOfPackages("org.homestretch.database..", "org.homestretch.demo..")
                .and().doNotHaveFullyQualifiedName("org.homestretch.program.BuiltInTemplates")
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .because("queries belong in a feature's repository, where their clinic scoping can be checked");
        rule.check(IMPORTED);
    }
}
