package io.tandem.facts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Parsers are pure functions of a command's output: the SSH layer runs the commands, this package
 * only reads text. No files, processes, sockets, JSch or JavaFX.
 */
class FactsArePureTest {

    @Test
    void factsDoNoIo() {
        JavaClasses facts = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.facts");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "com.jcraft.jsch..", "javafx..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.io.File.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("io.tandem.ssh..", "io.tandem.gui..", "io.tandem.cli..")
                .check(facts);
    }
}
