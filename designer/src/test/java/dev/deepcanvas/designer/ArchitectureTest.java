package dev.deepcanvas.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The editor kit reaches DL4J only through runtime types, so the JavaFX thread never touches
 * DL4J/ND4J directly and the engine can change underneath it. (Empty until the designer issue
 * adds classes; the rule holds from the first one.)
 */
class ArchitectureTest {

    private final JavaClasses designer = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.deepcanvas.designer");

    @Test
    void designer_does_not_use_dl4j_nd4j_or_datavec() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.datavec..")
                .allowEmptyShould(true)
                .check(designer);
    }

    @Test
    void designer_does_not_depend_on_the_application_shell() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.deepcanvas.app..")
                .allowEmptyShould(true)
                .check(designer);
    }
}
