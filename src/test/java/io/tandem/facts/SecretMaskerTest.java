package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of secret a host's configuration files may hold is masked, however it is spaced or quoted. */
class SecretMaskerTest {

    private static final String S = "Sup3r-s3cret!";
    private static final String MASK = SecretMasker.token(S);

    @Test
    void iscsidChapPasswordsInEveryDirectionAndSpelling() {
        String conf = """
                node.session.auth.authmethod = CHAP
                node.session.auth.username = joe
                node.session.auth.password = Sup3r-s3cret!
                node.session.auth.password_in=Sup3r-s3cret!
                \tdiscovery.sendtargets.auth.password   =   Sup3r-s3cret!\t
                discovery.sendtargets.auth.password_in = "Sup3r-s3cret!"
                #node.session.auth.password = Sup3r-s3cret!
                node.session.auth.password = two words
                """;

        String masked = SecretMasker.mask(conf);

        assertThat(masked).doesNotContain(S, "two words")
                .contains("node.session.auth.username = joe", "node.session.auth.password = " + MASK,
                        "node.session.auth.password_in=" + MASK, "discovery.sendtargets.auth.password   =   " + MASK,
                        "discovery.sendtargets.auth.password_in = \"" + MASK + "\"", "#node.session.auth.password = " + MASK);
    }

    @Test
    void ietAndTgtUsers() {
        String conf = "Target iqn.2008-04.local.home:storage.disk.0\n\tIncomingUser geekshlby Sup3r-s3cret!\n"
                + "  OutgoingUser   geekshlby   \"Sup3r-s3cret!\"  \n<target iqn.x>\n    incominguser joe Sup3r-s3cret!\n</target>\n";

        String masked = SecretMasker.mask(conf);

        assertThat(masked).doesNotContain(S).contains("\tIncomingUser geekshlby " + MASK + "\n", "OutgoingUser   geekshlby   \"" + MASK + "\"",
                "incominguser joe " + MASK);
    }

    @Test
    void drbdSharedSecretQuotedBareOrEscaped() {
        String conf = "net {\n\tcram-hmac-alg sha1;\n\tshared-secret \"Sup3r-s3cret!\";\n}\n"
                + "net { shared-secret Sup3r-s3cret!; protocol C; }\n"
                + "\tshared-secret\t\"with \\\"quote\\\" inside\" ;\n";

        String masked = SecretMasker.mask(conf);

        assertThat(masked).doesNotContain(S, "quote").contains("shared-secret \"" + MASK + "\";", "shared-secret " + MASK + "; protocol C;",
                "shared-secret\t\"" + SecretMasker.token("with \"quote\" inside") + "\" ;");
    }

    @Test
    void heartbeatAuthkeys() {
        String masked = SecretMasker.mask("auth 3\n1 crc\n2 sha1 Sup3r-s3cret!\n  3  md5   Sup3r-s3cret!  \n");

        assertThat(masked).isEqualTo("auth 3\n1 crc\n2 sha1 " + MASK + "\n  3  md5   " + MASK + "  \n");
    }

    @Test
    void fencePasswordsInACibWhicheverOrderTheAttributesCome() {
        String cib = """
                <primitive id="fence_node1" class="stonith" type="fence_ipmilan">
                  <instance_attributes id="fence_node1-instance_attributes">
                    <nvpair id="fence_node1-instance_attributes-password" name="password" value="Sup3r-s3cret!"/>
                    <nvpair value='Sup3r-s3cret!' id="a" name='passwd'/>
                    <nvpair id="p_target-incoming_password" name="incoming_password" value="p&amp;ss"/>
                    <nvpair id="fence_node1-instance_attributes-username" name="username" value="admin"/>
                  </instance_attributes>
                </primitive>
                """;

        String masked = SecretMasker.mask(cib);

        assertThat(masked).doesNotContain(S, "p&amp;ss").contains("name=\"password\" value=\"" + MASK + "\"",
                "value='" + MASK + "' id=\"a\" name='passwd'", "value=\"" + SecretMasker.token("p&ss") + "\"",
                "name=\"username\" value=\"admin\"");
    }

    @Test
    void targetcliSaveconfigJson() {
        String json = """
                {"targets": [{"tpgs": [{"node_acls": [{
                  "chap_password": "Sup3r-s3cret!",
                  "chap_mutual_password":"Sup3r-s3cret!",
                  "chap_userid": "joe",
                  "chap_mutual_userid": ""
                }]}]}]}
                """;

        String masked = SecretMasker.mask(json);

        assertThat(masked).doesNotContain(S).contains("\"chap_password\": \"" + MASK + "\"", "\"chap_mutual_password\":\"" + MASK + "\"",
                "\"chap_userid\": \"joe\"");
    }

    @Test
    void netplanWifiPasswords() {
        assertThat(SecretMasker.mask("      access-points:\n        \"home\":\n          password: \"Sup3r-s3cret!\"\n"))
                .isEqualTo("      access-points:\n        \"home\":\n          password: \"" + MASK + "\"\n");
    }

    @Test
    void equalSecretsGetEqualMasksAndMaskingTwiceChangesNothing() {
        String once = SecretMasker.mask("password = Sup3r-s3cret!\nother.password = another-one\n");

        assertThat(once).contains(MASK).contains(SecretMasker.token("another-one")).doesNotContain("another-one");
        assertThat(SecretMasker.token("another-one")).isNotEqualTo(MASK).matches(SecretMasker.TOKEN.pattern());
        assertThat(SecretMasker.mask(once)).isEqualTo(once);
    }

    @Test
    void stockFilesWithoutSecretsAreLeftAlone() throws IOException {
        for (String file : new String[] {"/demo/node1/files/etc/chrony/chrony.conf", "/demo/node1/files/etc/drbd.d/global_common.conf",
                "/demo/node1/files/etc/network/interfaces", "/demo/node1/files/etc/fstab", "/demo/node1/files/etc/hosts"}) {
            String text = read(file);
            assertThat(SecretMasker.mask(text)).as(file).isEqualTo(text);
        }
        // The stock iscsid.conf has placeholder passwords in comments: those are masked, nothing else changes.
        java.util.List<String> before = read("/demo/client/files/etc/iscsi/iscsid.conf").lines().toList();
        java.util.List<String> after = SecretMasker.mask(String.join("\n", before)).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        java.util.List<String> changed = new java.util.ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(before.get(i));
            }
        }
        assertThat(changed).containsExactly("#node.session.auth.password = password", "#node.session.auth.password_in = password_in",
                "#discovery.sendtargets.auth.password = password", "#discovery.sendtargets.auth.password_in = password_in");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SecretMaskerTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
