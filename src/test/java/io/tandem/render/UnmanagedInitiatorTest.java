package io.tandem.render;

import io.tandem.model.Problem;
import io.tandem.model.Project;
import io.tandem.model.ProjectFileException;
import io.tandem.model.ProjectValidator;
import io.tandem.testing.Examples;
import io.tandem.testing.JsonEdit;
import io.tandem.testing.RealTools;
import io.tandem.verify.CheckResult;
import io.tandem.verify.RealToolChecks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A client Tandem does not log in to (Windows, VMware): admitted by the target, no files of its own. */
class UnmanagedInitiatorTest {

    private static final String WINDOWS_IQN = "iqn.1991-05.com.microsoft:win1.test.lab";

    private static JsonEdit withWindowsClient() {
        return JsonEdit.of(Examples.MODERN).duplicate("$.initiators[0]")
                .set("$.initiators[1].name", "win1").set("$.initiators[1].os", "other").set("$.initiators[1].iqn", WINDOWS_IQN)
                .remove("$.initiators[1].ssh").remove("$.initiators[1].filesystem");
    }

    @Test
    void isValidAdmittedByTheTargetAndGetsNoFiles() throws ProjectFileException {
        Project project = withWindowsClient().project();
        assertThat(ProjectValidator.validate(project)).noneMatch(Problem::isError);
        FileSet files = Renderers.render(project);
        assertThat(files.hosts()).contains("client").doesNotContain("win1");
        RenderedFile cib = files.files().stream().filter(f -> f.path().endsWith("cib.xml")).findFirst().orElseThrow();
        assertThat(files.text(cib, SecretPolicy.REDACT)).contains("iqn.2024-01.test.lab:client " + WINDOWS_IQN);
    }

    @Test
    void theRealPacemakerToolsAcceptTheTargetAdmittingIt() throws ProjectFileException, IOException {
        RealTools.requireTier2();
        Project project = withWindowsClient().project();
        List<CheckResult> results = RealToolChecks.run(project, Renderers.render(project));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.outcome()).as(r.describe()).isEqualTo(CheckResult.Outcome.PASS));
    }

    @Test
    void aFilesystemOrAnOtherSystemNeedTandemToLogIn() throws ProjectFileException {
        List<Problem> withFilesystem = ProjectValidator.validate(JsonEdit.of(Examples.MODERN).remove("$.initiators[0].ssh").project());
        assertThat(withFilesystem).anyMatch(p -> p.isError() && p.path().equals("$.initiators[0].filesystem")
                && p.fix().contains("Remove \"filesystem\""));
        List<Problem> otherOverSsh = ProjectValidator.validate(JsonEdit.of(Examples.MODERN).set("$.initiators[0].os", "other").project());
        assertThat(otherOverSsh).anyMatch(p -> p.isError() && p.path().equals("$.initiators[0].os"));
        List<Problem> otherNode = ProjectValidator.validate(JsonEdit.of(Examples.MODERN).set("$.nodes[1].os", "other").project());
        assertThat(otherNode).anyMatch(p -> p.isError() && p.path().equals("$.nodes[1].os"));
    }
}
