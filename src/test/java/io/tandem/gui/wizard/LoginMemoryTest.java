package io.tandem.gui.wizard;

import io.tandem.gui.Background;
import io.tandem.model.ProjectFile;
import io.tandem.ssh.SshTarget;
import io.tandem.testing.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login that worked is remembered per saved project (method and key file, never a password), so
 * the next app session that opens the project logs in to its hosts the same way, e.g. for the home
 * screen's status read.
 */
class LoginMemoryTest {

    @TempDir
    Path dir;

    private Path savedProject() throws Exception {
        Path file = dir.resolve("cluster.tandem.json");
        ProjectFile.write(Examples.read(Examples.VM_LAB_SBD), file);
        return file;
    }

    @Test
    void aLoginThatWorkedIsOfferedAgainWhenTheProjectIsOpenedInANewSession() throws Exception {
        Path file = savedProject();
        WizardViewModel first = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir.resolve("app"));
        assertThat(first.open(file)).isEmpty();
        HostLogin node2 = first.step(NodesStep.class).login(1);
        node2.keyFile.set("/home/op/.ssh/lab_key");
        HostLogin client = first.step(InitiatorsStep.class).login(0);
        client.method.set(HostLogin.Method.PASSWORD);
        client.password.set("hunter2-not-kept");
        first.rememberLogin(new SshTarget("10.205.0.12", 22, "tandem"), node2);
        first.rememberLogin(new SshTarget("10.205.0.20", 22, "tandem"), client);

        WizardViewModel next = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir.resolve("app"));
        assertThat(next.open(file)).isEmpty();
        assertThat(next.step(NodesStep.class).login(1).keyFile.get()).isEqualTo("/home/op/.ssh/lab_key");
        assertThat(next.step(NodesStep.class).login(0).keyFile.get()).as("a host never logged in to keeps the default")
                .isEqualTo(new HostLogin().keyFile.get());
        assertThat(next.step(InitiatorsStep.class).login(0).method.get()).isEqualTo(HostLogin.Method.PASSWORD);
        assertThat(next.step(InitiatorsStep.class).login(0).password.get()).as("a password is never kept").isEmpty();

        Path memory = AppPaths.under(dir.resolve("app")).logins(file, "vmlab");
        String text = Files.readString(memory);
        assertThat(text).contains("tandem@10.205.0.12:22", "/home/op/.ssh/lab_key").doesNotContain("hunter2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(memory))).isEqualTo("rw-------");
    }

    @Test
    void hostsDiscoveredBeforeTheFirstSaveAreRememberedWhenItIsSaved() throws Exception {
        WizardViewModel wizard = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir.resolve("app"));
        assertThat(wizard.open(savedProject())).isEmpty();
        Path copy = dir.resolve("copy.tandem.json");
        wizard.step(NodesStep.class).login(0).keyFile.set("/keys/node1");
        wizard.saveAs(copy);
        Path memory = AppPaths.under(dir.resolve("app")).logins(copy, "vmlab");
        assertThat(Files.exists(memory)).as("nothing was discovered: nothing is remembered").isFalse();
        // node1 answered a discovery (its facts are here); node2 did not: only node1's login is kept.
        wizard.step(NodesStep.class).login(0).factsProperty().set(io.tandem.discovery.DemoHostConnector.facts("node1"));
        wizard.step(NodesStep.class).login(1).keyFile.set("/keys/never-worked");
        wizard.saveAs(copy);
        assertThat(Files.readString(memory)).contains("tandem@10.205.0.11:22", "/keys/node1").doesNotContain("never-worked");
    }

    @Test
    void anUnreadableMemoryIsIgnoredAndTheDemoIsNeverRemembered() throws Exception {
        Path file = savedProject();
        Path memory = AppPaths.under(dir.resolve("app")).logins(file, "vmlab");
        Files.createDirectories(memory.getParent());
        Files.writeString(memory, "{ not json");
        WizardViewModel wizard = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), dir.resolve("app"));
        assertThat(wizard.open(file)).as("a damaged memory does not stop the project from opening").isEmpty();
        assertThat(wizard.step(NodesStep.class).login(0).keyFile.get()).isEqualTo(new HostLogin().keyFile.get());

        WizardViewModel demo = TestWizards.create(Background.IMMEDIATE, new TestWizards.AnsweringDialogs(), Files.createDirectories(dir.resolve("demo-app")));
        demo.startDemo();
        demo.rememberLogin(new SshTarget("192.168.50.11", 22, "tandem"), demo.step(NodesStep.class).login(0));
        try (var files = Files.walk(dir.resolve("demo-app"))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("logins.json"))).isEmpty();
        }
    }
}
