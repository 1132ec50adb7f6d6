package dev.deepcanvas.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The editor kit reaches DL4J only through runtime types, so the JavaFX thread never touches
 * DL4J/ND4J directly and the engine can change underneath it. The editing logic (commands, model,
 * connection validation, layout) needs no window, so it is tested without one.
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
    void editing_logic_does_not_use_the_scene_graph() {
        noClasses().that().resideInAnyPackage("dev.deepcanvas.designer.command..", "dev.deepcanvas.designer.model..",
                        "dev.deepcanvas.designer.validate..", "dev.deepcanvas.designer.layout..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(designer);
    }

    @Test
    void designer_does_not_depend_on_the_application_shell() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.deepcanvas.app..")
                .allowEmptyShould(true)
                .check(designer);
    }
}
