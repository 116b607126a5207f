package org.homestretch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
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
}
