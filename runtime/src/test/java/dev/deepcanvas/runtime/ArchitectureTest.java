package dev.deepcanvas.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The headless engine must run without a display: no JavaFX anywhere in runtime. */
class ArchitectureTest {

    private final JavaClasses runtime = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.deepcanvas.runtime");

    @Test
    void runtime_does_not_use_javafx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(runtime);
    }

    @Test
    void the_document_model_and_shapes_do_not_depend_on_dl4j() {
        // The designer reads these on the FX thread before DL4J has loaded.
        noClasses().that().resideInAnyPackage("dev.deepcanvas.runtime.document..", "dev.deepcanvas.runtime.shape..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.datavec..")
                .check(runtime);
    }
}
