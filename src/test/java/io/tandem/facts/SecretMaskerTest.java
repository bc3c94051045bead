package io.tandem.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of secret a host's configuration files may hold is masked, however it is spaced, quoted
 * or broken over lines: each file is read as the format its path says it is.
 */
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

        String masked = SecretMasker.mask("/etc/iscsi/iscsid.conf", conf);

        assertThat(masked).doesNotContain(S, "two words")
                .contains("node.session.auth.authmethod = CHAP", "node.session.auth.username = joe", "node.session.auth.password = " + MASK,
                        "node.session.auth.password_in=" + MASK, "discovery.sendtargets.auth.password   =   " + MASK,
                        "discovery.sendtargets.auth.password_in = \"" + MASK + "\"", "#node.session.auth.password = " + MASK);
    }

    @Test
    void ietAndTgtUsers() {
        String conf = "Target iqn.2008-04.local.home:storage.disk.0\n\tIncomingUser geekshlby Sup3r-s3cret!\n"
                + "  OutgoingUser   geekshlby   \"Sup3r-s3cret!\"  \n\tLun 0 Path=/dev/drbd1,Type=blockio\n";
        String tgt = "<target iqn.x>\n    incominguser joe Sup3r-s3cret!\n    outgoinguser joe Sup3r-s3cret!\n</target>\n";

        assertThat(SecretMasker.mask("/etc/ietd.conf", conf)).doesNotContain(S).contains("\tIncomingUser geekshlby " + MASK + "\n",
                "OutgoingUser   geekshlby   \"" + MASK + "\"", "\tLun 0 Path=/dev/drbd1,Type=blockio\n");
        assertThat(SecretMasker.mask("/srv/data/iscsi/ietd.conf", conf)).doesNotContain(S);
        assertThat(SecretMasker.mask("/etc/tgt/conf.d/tandem.conf", tgt)).doesNotContain(S)
                .contains("incominguser joe " + MASK + "\n", "outgoinguser joe " + MASK + "\n", "<target iqn.x>\n");
    }

    @Test
    void drbdSharedSecretQuotedBareOrEscaped() {
        String conf = "net {\n\tcram-hmac-alg sha1;\n\tshared-secret \"Sup3r-s3cret!\";\n}\n"
                + "net { shared-secret Sup3r-s3cret!; protocol C; }\n"
                + "\tshared-secret\t\"with \\\"quote\\\" inside\" ;\n";

        String masked = SecretMasker.mask("/etc/drbd.d/r0.res", conf);

        assertThat(masked).doesNotContain(S, "quote").contains("shared-secret \"" + MASK + "\";", "shared-secret " + MASK + "; protocol C;",
                "shared-secret\t\"" + SecretMasker.token("with \"quote\" inside") + "\" ;", "cram-hmac-alg sha1;");
    }

    @Test
    void drbdSharedSecretOnTheNextLineWithOrWithoutQuotesOrAfterAComment() {
        String conf = """
                resource r0 {
                    net {
                        shared-secret
                            "Sup3r-s3cret!";
                        cram-hmac-alg sha1;
                    }
                }
                resource r1 { net { shared-secret   # the peer's
                  Sup3r-s3cret!; protocol C; } }
                # shared-secret "Sup3r-s3cret!";
                """;

        String masked = SecretMasker.mask("/etc/drbd.conf", conf);

        assertThat(masked).doesNotContain(S).contains("shared-secret\n            \"" + MASK + "\";", "  " + MASK + "; protocol C; } }",
                "# shared-secret \"" + MASK + "\";", "cram-hmac-alg sha1;");
        // drbdadm would read '#' as the start of a comment: neither part of such a bare secret shows.
        assertThat(SecretMasker.mask("/etc/drbd.d/r0.res", "net {\n  shared-secret Sup3r#s3cret!;\n  protocol C;\n}\n")).doesNotContain("Sup3r", "s3cret");
    }

    @Test
    void heartbeatAuthkeys() {
        String masked = SecretMasker.mask("/etc/heartbeat/authkeys", "auth 3\n1 crc\n2 sha1 Sup3r-s3cret!\n  3  md5   Sup3r-s3cret!  \n");

        assertThat(masked).isEqualTo("auth 3\n1 crc\n2 sha1 " + MASK + "\n  3  md5   " + MASK + "  \n");
        assertThat(SecretMasker.mask("/etc/ha.d/authkeys", "auth 1\n1 sha1 Sup3r-s3cret!\n")).isEqualTo("auth 1\n1 sha1 " + MASK + "\n");
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

        String masked = SecretMasker.mask("/cib.xml", cib);

        assertThat(masked).doesNotContain(S, "p&amp;ss").contains("name=\"password\" value=\"" + MASK + "\"",
                "value='" + MASK + "' id=\"a\" name='passwd'", "value=\"" + SecretMasker.token("p&ss") + "\"",
                "name=\"username\" value=\"admin\"");
    }

    @Test
    void cibValuesHoldingAngleBracketsOrOnTheNextLineAndEveryNvpairNamedLikeASecret() {
        String cib = """
                <cib><configuration><resources>
                  <primitive id="f1" class="stonith" type="fence_ipmilan">
                    <instance_attributes id="f1-ia">
                      <nvpair id="f1-ia-password" name="password" value="Sup3r>s3cret!"/>
                      <nvpair value="a>Sup3r-s3cret!" id="f1-ia-passwd" name="passwd"/>
                      <nvpair id="f1-ia-auth_key" name="auth_key" value="Sup3r-s3cret!"/>
                      <nvpair id="f1-ia-kg" name="hexadecimal_kg" value="Sup3r-s3cret!"/>
                      <nvpair id="f1-ia-sk" name="secret_key" value="Sup3r-s3cret!"/>
                      <nvpair id="f1-ia-snmp" name="snmp_priv_passwd" value="Sup3r-s3cret!"/>
                      <nvpair id="f1-ia-pw" name="password"
                          value=
                          "Sup3r-s3cret!"/>
                      <nvpair id="f1-ia-login" name="username" value="admin"/>
                    </instance_attributes>
                  </primitive>
                </resources></configuration></cib>
                """;

        String masked = SecretMasker.mask("/var/lib/pacemaker/cib/cib.xml", cib);

        assertThat(masked).doesNotContain("s3cret").contains("name=\"password\" value=\"" + SecretMasker.token("Sup3r>s3cret!") + "\"",
                "value=\"" + SecretMasker.token("a>Sup3r-s3cret!") + "\" id=\"f1-ia-passwd\"", "name=\"auth_key\" value=\"" + MASK + "\"",
                "name=\"hexadecimal_kg\" value=\"" + MASK + "\"", "name=\"secret_key\" value=\"" + MASK + "\"",
                "name=\"snmp_priv_passwd\" value=\"" + MASK + "\"", "value=\n          \"" + MASK + "\"/>",
                "<nvpair id=\"f1-ia-login\" name=\"username\" value=\"admin\"/>");
        assertThat(masked.replaceAll("\\{masked:[0-9a-f]{6}}", "X")).as("only the secret values change")
                .isEqualTo(cib.replace("\"Sup3r>s3cret!\"", "\"X\"").replace("\"a>Sup3r-s3cret!\"", "\"X\"").replace("\"Sup3r-s3cret!\"", "\"X\""));
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

        String masked = SecretMasker.mask("/etc/rtslib-fb-target/saveconfig.json", json);

        assertThat(masked).doesNotContain(S).contains("\"chap_password\": \"" + MASK + "\"", "\"chap_mutual_password\":\"" + MASK + "\"",
                "\"chap_userid\": \"joe\"", "\"chap_mutual_userid\": \"\"");
    }

    @Test
    void jsonSplitAcrossLinesOrEscaped() {
        String json = "{\"node_acls\": [{\"chap_password\"\n  :\n  \"Sup3r-s3cret!\", \"chap_userid\": \"joe\",\n"
                + "  \"chap_mutual_password\":\n\"Sup3r\\u002ds3cret!\", \"secrets\": [\"Sup3r-s3cret!\", {\"x\": \"Sup3r-s3cret!\"}]}]}\n";

        String masked = SecretMasker.mask("/etc/target/saveconfig.json", json);

        assertThat(masked).doesNotContain(S, "Sup3r\\u002d").contains("\"chap_password\"\n  :\n  \"" + MASK + "\"",
                "\"chap_mutual_password\":\n\"" + MASK + "\"", "\"secrets\": [\"" + MASK + "\", {\"x\": \"" + MASK + "\"}]", "\"chap_userid\": \"joe\"");
    }

    @Test
    void netplanWifiPasswords() {
        assertThat(SecretMasker.mask("/etc/netplan/50-wifi.yaml", "      access-points:\n        \"home\":\n          password: \"Sup3r-s3cret!\"\n"))
                .isEqualTo("      access-points:\n        \"home\":\n          password: \"" + MASK + "\"\n");
    }

    @Test
    void netplanPasswordsInFlowStyleBlockScalarsAndBehindAnchors() {
        String yaml = """
                network:
                  version: 2
                  wifis:
                    wlan0:
                      access-points:
                        "home": {password: Sup3r-s3cret!, mode: infrastructure}
                        "work":
                          password: |
                            Sup3r-s3cret!
                        "lab":
                          password: >-
                            Sup3r-s3cret!
                            Sup3r-s3cret!
                        cafe:
                          auth:
                            key-management: psk
                            password: 'Sup3r-s3cret!'
                        shop:
                          password: &pw Sup3r-s3cret!
                        shop2:
                          password: *pw
                """;

        String masked = SecretMasker.mask("/etc/netplan/50-cloud-init.yaml", yaml);

        assertThat(masked).doesNotContain("s3cret").contains("\"home\": {password: \"" + MASK + "\", mode: infrastructure}",
                "password: \"" + SecretMasker.token(S + "\n") + "\"\n", "password: \"" + SecretMasker.token(S + " " + S) + "\"\n",
                "password: '" + MASK + "'\n", "password: &pw \"" + MASK + "\"\n", "password: *pw\n", "  version: 2\n");
        assertThat(masked.lines().count()).as("a block scalar is one line less per folded line; the rest keeps its place")
                .isEqualTo(yaml.lines().count() - 3);
        assertThat(SecretMasker.mask("/etc/netplan/50-cloud-init.yaml", masked)).isEqualTo(masked);
    }

    @Test
    void netplanWireguardKeysAreMaskedButNotTheStructure() {
        String yaml = """
                network:
                  tunnels:
                    wg0:
                      mode: wireguard
                      key:
                        private: Sup3r-s3cret!
                      peers:
                        - keys:
                            public: rlbInAj0qV69CysWPQY7KEBnKxpYCpaWqOs/dLevdWc=
                            shared: Sup3r-s3cret!
                          endpoint: 1.2.3.4:5
                """;

        String masked = SecretMasker.mask("/etc/netplan/60-wg.yml", yaml);

        assertThat(masked).doesNotContain(S).contains("mode: wireguard", "endpoint: 1.2.3.4:5", "private: \"" + MASK + "\"",
                "shared: \"" + MASK + "\"");
    }

    @Test
    void ifupdownWpaPskAndPasswordOnTheirLineOrContinuedOnTheNext() {
        String conf = """
                auto wlan0
                iface wlan0 inet dhcp
                    wpa-ssid home
                    wpa-psk Sup3r-s3cret!
                    wpa-password "Sup3r-s3cret!"
                iface wlan1 inet dhcp
                    wpa-psk \\
                        Sup3r-s3cret!
                    # wpa-psk Sup3r-s3cret!
                    wireless-key1 Sup3r-s3cret!
                """;

        for (String path : List.of("/etc/network/interfaces", "/etc/network/interfaces.d/wlan")) {
            String masked = SecretMasker.mask(path, conf);
            assertThat(masked).as(path).doesNotContain(S).contains("wpa-ssid home\n", "wpa-psk " + MASK + "\n",
                    "wpa-password \"" + MASK + "\"\n", "# wpa-psk " + MASK + "\n", "wireless-key1 " + MASK + "\n", "iface wlan1 inet dhcp\n");
        }
    }

    @Test
    void fstabCifsPasswordsInTheMountOptions() {
        String fstab = """
                # <file system> <mount point>   <type>  <options>       <dump>  <pass>
                UUID=2f9a6c1e-5d1b-4c5e-9a51-0d5d2c7e8a10 /               ext4    errors=remount-ro 0       1
                //fs/share /mnt/share cifs username=joe,password=Sup3r-s3cret!,uid=1000 0 0
                //fs/other\t/mnt/other\tcifs\tpass=Sup3r-s3cret!,vers=3.0\t0\t0
                //fs/third /mnt/third cifs credentials=/root/.smb,password=Sup3r,,s3cret!,iocharset=utf8 0 0
                #//fs/old /mnt/old cifs password=Sup3r-s3cret! 0 0
                """;

        String masked = SecretMasker.mask("/etc/fstab", fstab);

        assertThat(masked).doesNotContain(S, "s3cret").contains("errors=remount-ro 0       1\n", "username=joe,password=" + MASK + ",uid=1000 0 0\n",
                "\tpass=" + MASK + ",vers=3.0\t", "credentials=/root/.smb,password=" + SecretMasker.token("Sup3r,s3cret!") + ",iocharset=utf8 0 0",
                "#//fs/old /mnt/old cifs password=" + MASK + " 0 0\n", "# <file system> <mount point>");
    }

    @Test
    void pcsScriptPasswordsQuotedUnquotedOrContinued() {
        String script = """
                #!/bin/sh
                pcs stonith create f fence_ipmilan ip=10.0.0.1 username=admin 'password=Sup3r-s3cret!' lanplus=1
                pcs stonith create g fence_ipmilan password=Sup3r-s3cret! \\
                    passwd="Sup3r-s3cret!" pcmk_host_list=node2
                pcs resource create t ocf:heartbeat:iSCSITarget incoming_password=\\
                Sup3r-s3cret! iqn=iqn.2024-01.test.lab:store
                """;

        String masked = SecretMasker.mask("/pcs-commands.sh", script);

        assertThat(masked).doesNotContain(S).contains("username=admin 'password=" + MASK + "' lanplus=1", "g fence_ipmilan password=" + MASK + " \\\n",
                "passwd=\"" + MASK + "\" pcmk_host_list=node2", "incoming_password=" + MASK + " iqn=iqn.2024-01.test.lab:store");
    }

    @Test
    void aFileThatCannotBeReadAsItsFormatIsMaskedWhole() {
        assertThat(SecretMasker.mask("/cib.xml", "<cib><nvpair name=\"password\" value=\"Sup3r-s3cret!\">\n</cib\n")).doesNotContain(S);
        assertThat(SecretMasker.mask("/cib.xml", "<!DOCTYPE x [<!ENTITY s \"Sup3r-s3cret!\">]><x><nvpair name=\"a\" value=\"&s;\"/></x>"))
                .doesNotContain(S);
        assertThat(SecretMasker.mask("/etc/netplan/1.yaml", "network:\n  wifis: {w: {access-points: {h: {pass: [Sup3r-s3cret!\n")).doesNotContain(S);
        assertThat(SecretMasker.mask("/etc/x/saveconfig.json", "{\"chap_password\": \"Sup3r-s3cret!\",\n \"a\": }")).doesNotContain(S);
        assertThat(SecretMasker.mask("/etc/drbd.d/r0.res", "net {\n  shared-secret \"Sup3r-s3cret!;\n}\n")).doesNotContain(S);
        assertThat(SecretMasker.mask("/pcs-commands.sh", "pcs stonith create f x 'password=Sup3r-s3cret!\n")).doesNotContain(S);
        String whole = SecretMasker.mask("/etc/netplan/1.yaml", "a: [\n  Sup3r-s3cret!\n\n");
        assertThat(whole.lines().toList()).as("the lines stay, each masked").hasSize(3).element(1).isEqualTo("  " + MASK);
    }

    @Test
    void theCorosyncKeyIsNeverShown() {
        assertThat(SecretMasker.mask("/etc/corosync/authkey", "Sup3r-s3cret!")).doesNotContain(S);
    }

    @Test
    void filesOfOtherKindsGetTheLinePatterns() {
        assertThat(SecretMasker.mask("/etc/some/tool.conf", "user = joe\npassword = Sup3r-s3cret!\n"))
                .isEqualTo("user = joe\npassword = " + MASK + "\n");
    }

    @Test
    void equalSecretsGetEqualMasksAndMaskingTwiceChangesNothing() {
        String once = SecretMasker.mask("/etc/iscsi/iscsid.conf", "password = Sup3r-s3cret!\nother.password = another-one\n");

        assertThat(once).contains(MASK).contains(SecretMasker.token("another-one")).doesNotContain("another-one");
        assertThat(SecretMasker.token("another-one")).isNotEqualTo(MASK).matches(SecretMasker.TOKEN.pattern());
        assertThat(SecretMasker.mask("/etc/iscsi/iscsid.conf", once)).isEqualTo(once);
    }

    @Test
    void capturedCibDrbdResourceAndSaveconfigLoseTheirSecretsAndNothingElse() throws IOException {
        String cib = read("/fixtures/vmlab/node1.healthy.cibadmin_Q.txt");
        String drbd = read("/fixtures/vmlab/node1.static.drbd_r0_res.txt");
        String saveconfig = read("/fixtures/vmlab/node1.on-node1.targetcli_saveconfig_json.txt");

        assertThat(SecretMasker.mask("/var/lib/pacemaker/cib/cib.xml", cib))
                .isEqualTo(cib.replace("value=\"labsecret123\"", "value=\"" + SecretMasker.token("labsecret123") + "\""));
        assertThat(SecretMasker.mask("/etc/drbd.d/r0.res", drbd))
                .isEqualTo(drbd.replace("\"lab-drbd-secret\"", "\"" + SecretMasker.token("lab-drbd-secret") + "\""));
        assertThat(SecretMasker.mask("/etc/rtslib-fb-target/saveconfig.json", saveconfig))
                .isEqualTo(saveconfig.replace("\"Qm7wN3xV8cJ2hT5d\"", "\"" + SecretMasker.token("Qm7wN3xV8cJ2hT5d") + "\""));
    }

    @Test
    void stockFilesWithoutSecretsAreLeftAlone() throws IOException {
        for (String file : new String[] {"/etc/chrony/chrony.conf", "/etc/drbd.d/global_common.conf", "/etc/network/interfaces", "/etc/fstab",
                "/etc/hosts", "/etc/modules-load.d/modules.conf"}) {
            String text = read("/demo/node1/files" + file);
            assertThat(SecretMasker.mask(file, text)).as(file).isEqualTo(text);
        }
        // The stock iscsid.conf has placeholder passwords in comments: those are masked, nothing else changes.
        List<String> before = read("/demo/client/files/etc/iscsi/iscsid.conf").lines().toList();
        List<String> after = SecretMasker.mask("/etc/iscsi/iscsid.conf", String.join("\n", before)).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<String> changed = new ArrayList<>();
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
