package io.tandem.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers of docs/architecture.md: model ← render ← export/verify; only gui touches JavaFX and
 * its toolkits, only ssh touches JSch, and the inner layers never reach outwards.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tandem");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheGuiUsesJavaFxAndItsToolkits() {
        check(noClasses().that().resideOutsideOfPackage("io.tandem.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..",
                        "io.fair_acc..", "de.gsi.."));
    }

    @Test
    void onlyTheSshLayerUsesJsch() {
        check(noClasses().that().resideOutsideOfPackage("io.tandem.ssh..")
                .should().dependOnClassesThat().resideInAPackage("com.jcraft.jsch.."));
    }

    @Test
    void theAtomicFileWriterDependsOnNothingOfOursSoEveryLayerMayUseIt() {
        check(noClasses().that().resideInAPackage("io.tandem.files..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.model..", "io.tandem.render..", "io.tandem.export..",
                        "io.tandem.verify..", "io.tandem.cli..", "io.tandem.gui..", "io.tandem.ssh..", "io.tandem.facts..",
                        "io.tandem.discovery..", "io.tandem.plan..", "io.tandem.apply..", "io.tandem.monitor..", "io.tandem.text.."));
    }

    /** What this build is (version, commit, bundled licences) is read by both faces, the CLI and the GUI, and reads nothing of ours. */
    @Test
    void theBuildInformationDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage("io.tandem.build..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.model..", "io.tandem.render..", "io.tandem.export..",
                        "io.tandem.verify..", "io.tandem.cli..", "io.tandem.gui..", "io.tandem.ssh..", "io.tandem.facts..",
                        "io.tandem.discovery..", "io.tandem.plan..", "io.tandem.apply..", "io.tandem.monitor..", "io.tandem.text..",
                        "io.tandem.files.."));
    }

    /** The bundled user guide (read for the in-app help) is text, below the faces: it reads nothing of ours and no GUI toolkit. */
    @Test
    void theUserGuideDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage("io.tandem.help..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.model..", "io.tandem.render..", "io.tandem.export..",
                        "io.tandem.verify..", "io.tandem.cli..", "io.tandem.gui..", "io.tandem.ssh..", "io.tandem.facts..",
                        "io.tandem.discovery..", "io.tandem.plan..", "io.tandem.apply..", "io.tandem.monitor..", "io.tandem.text..",
                        "io.tandem.files..", "io.tandem.build.."));
    }

    /** Of ours, the model uses only the atomic file writer (io.tandem.files), which is below everything. */
    @Test
    void theModelDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage("io.tandem.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.render..", "io.tandem.export..", "io.tandem.verify..",
                        "io.tandem.cli..", "io.tandem.gui..", "io.tandem.ssh..", "io.tandem.facts..", "io.tandem.plan..",
                        "io.tandem.apply..", "io.tandem.monitor..", "io.tandem.text.."));
    }

    @Test
    void renderersArePureFunctionsOfTheModel() {
        check(noClasses().that().resideInAPackage("io.tandem.render..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.export..", "io.tandem.verify..", "io.tandem.cli..",
                        "io.tandem.gui..", "io.tandem.ssh..", "io.tandem.facts..", "io.tandem.plan..", "io.tandem.apply..",
                        "io.tandem.monitor..", "java.nio.file..", "java.net.."));
    }

    @Test
    void exportAndVerifyStayBelowTheFaces() {
        check(noClasses().that().resideInAnyPackage("io.tandem.export..", "io.tandem.verify..", "io.tandem.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.cli..", "io.tandem.gui..", "io.tandem.ssh.."));
    }

    @Test
    void theSshLayerKnowsNothingAboveIt() {
        check(noClasses().that().resideInAPackage("io.tandem.ssh..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.facts..", "io.tandem.discovery..", "io.tandem.render..",
                        "io.tandem.export..", "io.tandem.verify..", "io.tandem.cli..", "io.tandem.gui.."));
    }

    @Test
    void factParsersArePureAndDiscoveryIsBelowTheFaces() {
        check(noClasses().that().resideInAPackage("io.tandem.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.ssh..", "io.tandem.discovery..", "io.tandem.render..",
                        "io.tandem.export..", "io.tandem.verify..", "io.tandem.cli..", "io.tandem.gui.."));
        check(noClasses().that().resideInAPackage("io.tandem.discovery..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tandem.cli..", "io.tandem.gui..", "io.tandem.render..", "io.tandem.export.."));
    }

    @Test
    void theTwoFacesDoNotDependOnEachOther() {
        check(noClasses().that().resideInAPackage("io.tandem.cli..").should().dependOnClassesThat().resideInAPackage("io.tandem.gui.."));
        check(noClasses().that().resideInAPackage("io.tandem.gui..").should().dependOnClassesThat().resideInAPackage("io.tandem.cli.."));
    }

    @Test
    void legacyAndModernRenderersAreIndependent() {
        check(noClasses().that().resideInAPackage("io.tandem.render.legacy..")
                .should().dependOnClassesThat().resideInAPackage("io.tandem.render.modern.."));
        check(noClasses().that().resideInAPackage("io.tandem.render.modern..")
                .should().dependOnClassesThat().resideInAPackage("io.tandem.render.legacy.."));
    }
}
