package io.tandem.ssh;

import io.tandem.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RemoteCommandTest {

    @Test
    void aLongScriptIsSummedUpByItsFirstLineAndSecretsStayMasked() {
        RemoteCommand script = RemoteCommand.script("export LC_ALL=C\nprintf 'x'\ncrm_mon -1").withSecrets(List.of());
        assertEquals("export LC_ALL=C …", script.summary());
        RemoteCommand withSecret = RemoteCommand.of("chpasswd", "s3cret-value").withSecrets(List.of(Secret.of("s3cret-value")));
        assertEquals("chpasswd " + RemoteCommand.MASK, withSecret.summary());
        String longLine = "echo " + "a".repeat(200);
        assertEquals(longLine.substring(0, 120) + " …", RemoteCommand.script(longLine).summary());
    }
}
