package io.tandem.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Random secrets, written into every way each file format can hold one (quoted, unquoted, escaped,
 * on the next line, in flow or block style, commented out), never survive masking: neither as they
 * are nor as the file spells them, and the mask stands where each one stood.
 */
class SecretMaskingPropertyTest {

    private static final int TRIES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DocumentBuilderFactory XML = DocumentBuilderFactory.newInstance();

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ASCII = printableAscii();
    private static final String WIDE = ASCII + "äöüßéñ€漢字😀\t";
    private static final String NO_SPACE = ASCII.replace(" ", "");

    /**
     * One way a file can hold a secret.
     *
     * @param alphabet the characters the secret is drawn from
     * @param file     the whole file around the secret
     * @param spelled  the secret as the file spells it (escaped, quoted by doubling…)
     * @param value    what the format reads as the value: its mask must stand in the result
     */
    private record Form(String name, String path, String alphabet, Function<String, String> file, UnaryOperator<String> spelled,
                        UnaryOperator<String> value) {
        Form(String name, String path, String alphabet, Function<String, String> file, UnaryOperator<String> spelled) {
            this(name, path, alphabet, file, spelled, s -> s);
        }
    }

    private static final List<Form> FORMS = new ArrayList<>();

    static {
        String drbd = "resource r9 {\n    net {\n        cram-hmac-alg sha256;\n        %s\n        verify-alg sha256;\n    }\n}\n";
        UnaryOperator<String> drbdQuote = s -> s.replace("\\", "\\\\").replace("\"", "\\\"");
        FORMS.add(new Form("DRBD quoted", "/etc/drbd.d/r9.res", WIDE, s -> drbd.formatted("shared-secret \"" + drbdQuote.apply(s) + "\";"), drbdQuote));
        FORMS.add(new Form("DRBD quoted, next line", "/etc/drbd.d/r9.res", WIDE,
                s -> drbd.formatted("shared-secret\n            \"" + drbdQuote.apply(s) + "\";"), drbdQuote));
        String bare = ALNUM + "/._-!%+,:=?@^~[]";
        FORMS.add(new Form("DRBD bare", "/etc/drbd.conf", bare, s -> drbd.formatted("shared-secret " + s + ";"), s -> s));
        FORMS.add(new Form("DRBD bare, next line after a comment", "/etc/drbd.conf", bare,
                s -> drbd.formatted("shared-secret    # the peers'\n            " + s + " ;"), s -> s));
        FORMS.add(new Form("DRBD commented out", "/etc/drbd.d/global_common.conf", WIDE,
                s -> drbd.formatted("# shared-secret \"" + drbdQuote.apply(s) + "\";"), drbdQuote));

        String cib = "<cib validate-with=\"pacemaker-3.9\"><configuration><resources>\n"
                + "<primitive id=\"f\" class=\"stonith\" type=\"fence_ipmilan\">\n  <instance_attributes id=\"f-ia\">\n"
                + "    <nvpair id=\"f-ia-ip\" name=\"ip\" value=\"10.0.0.1\"/>\n    %s\n"
                + "  </instance_attributes>\n</primitive>\n</resources></configuration></cib>\n";
        for (String name : List.of("password", "passwd", "auth_key", "incoming_password", "secret_key", "hexadecimal_kg", "snmp_priv_passwd")) {
            FORMS.add(new Form("CIB " + name, "/cib.xml", WIDE, s -> cib.formatted("<nvpair id=\"f-ia-" + name + "\" name=\"" + name
                    + "\" value=\"" + xml(s, '"') + "\"/>"), s -> xml(s, '"')));
        }
        FORMS.add(new Form("CIB single-quoted, value first, next line", "/var/lib/pacemaker/cib/cib.xml", WIDE,
                s -> cib.formatted("<nvpair value=\n        '" + xml(s, '\'') + "' id='f-ia-p'\n      name='password'/>"), s -> xml(s, '\'')));

        String saveconfig = "{\n  \"targets\": [{\"tpgs\": [{\"node_acls\": [{\n      %s,\n      \"chap_userid\": \"joe\"\n  }]}]}]\n}\n";
        FORMS.add(new Form("JSON", "/etc/rtslib-fb-target/saveconfig.json", WIDE + "\n",
                s -> saveconfig.formatted("\"chap_password\": " + json(s)), SecretMaskingPropertyTest::json));
        FORMS.add(new Form("JSON split across lines", "/etc/target/saveconfig.json", WIDE + "\n",
                s -> saveconfig.formatted("\"chap_mutual_password\"\n      :\n      " + json(s)), SecretMaskingPropertyTest::json));
        FORMS.add(new Form("JSON unicode escapes", "/etc/target/saveconfig.json", ALNUM,
                s -> saveconfig.formatted("\"chap_password\": \"" + unicodeEscaped(s) + "\""), SecretMaskingPropertyTest::unicodeEscaped));

        String netplan = "network:\n  version: 2\n  wifis:\n    wlan0:\n      dhcp4: true\n      access-points:\n%s"
                + "        \"guest\":\n          mode: infrastructure\n";
        String plain = ALNUM + "-_./+=";
        FORMS.add(new Form("YAML plain", "/etc/netplan/50-wifi.yaml", plain,
                s -> netplan.formatted("        \"home\":\n          password: " + s + "\n"), s -> s));
        FORMS.add(new Form("YAML single-quoted", "/etc/netplan/50-wifi.yaml", ASCII,
                s -> netplan.formatted("        \"home\":\n          password: '" + s.replace("'", "''") + "'\n"), s -> s.replace("'", "''")));
        FORMS.add(new Form("YAML double-quoted", "/etc/netplan/50-wifi.yaml", WIDE,
                s -> netplan.formatted("        \"home\":\n          password: " + json(s) + "\n"), SecretMaskingPropertyTest::json));
        FORMS.add(new Form("YAML flow", "/etc/netplan/50-wifi.yaml", plain,
                s -> netplan.formatted("        \"home\": {password: " + s + ", mode: infrastructure}\n"), s -> s));
        FORMS.add(new Form("YAML flow, double-quoted", "/etc/netplan/50-wifi.yaml", WIDE,
                s -> netplan.formatted("        \"home\": {mode: infrastructure, password: " + json(s) + "}\n"), SecretMaskingPropertyTest::json));
        FORMS.add(new Form("YAML literal block", "/etc/netplan/50-wifi.yaml", ASCII,
                s -> netplan.formatted("        \"home\":\n          password: |\n            " + s + "\n"), s -> s, s -> s + "\n"));
        FORMS.add(new Form("YAML literal block, strip", "/etc/netplan/50-wifi.yaml", ASCII,
                s -> netplan.formatted("        \"home\":\n          password: |-\n              " + s + "\n          mode: adhoc\n"), s -> s));
        FORMS.add(new Form("YAML folded block", "/etc/netplan/50-wifi.yaml", ALNUM,
                s -> netplan.formatted("        \"home\":\n          password: >\n            " + s + "\n"), s -> s, s -> s + "\n"));
        FORMS.add(new Form("YAML under auth", "/etc/netplan/50-wifi.yaml", WIDE,
                s -> netplan.formatted("        \"home\":\n          auth:\n            key-management: psk\n            password: " + json(s)
                        + "\n"), SecretMaskingPropertyTest::json));
        FORMS.add(new Form("YAML behind an anchor", "/etc/netplan/50-wifi.yaml", plain,
                s -> netplan.formatted("        \"home\":\n          password: &pw " + s + "\n        \"home5\":\n          password: *pw\n"),
                s -> s));

        String ifupdown = "auto wlan0\niface wlan0 inet dhcp\n    wpa-ssid home\n    %s\n    post-up true\n";
        String line = ASCII.replace("\\", "");
        FORMS.add(new Form("ifupdown wpa-psk", "/etc/network/interfaces.d/wlan0", line.replace("\"", ""),
                s -> ifupdown.formatted("wpa-psk " + s), s -> s));
        FORMS.add(new Form("ifupdown wpa-password quoted", "/etc/network/interfaces", line.replace("\"", ""),
                s -> ifupdown.formatted("wpa-password \"" + s + "\""), s -> s));
        FORMS.add(new Form("ifupdown continued on the next line", "/etc/network/interfaces.d/wlan0", line.replace("\"", ""),
                s -> ifupdown.formatted("wpa-psk \\\n        " + s), s -> s));

        String fstab = "UUID=2f9a6c1e-5d1b-4c5e-9a51-0d5d2c7e8a10 / ext4 errors=remount-ro 0 1\n%s\n/dev/sr0 /media/cdrom0 udf,iso9660 user,noauto 0 0\n";
        UnaryOperator<String> cifsComma = s -> s.replace(",", ",,");
        FORMS.add(new Form("fstab CIFS password=", "/etc/fstab", NO_SPACE,
                s -> fstab.formatted("//srv/share /mnt/share cifs username=joe,password=" + cifsComma.apply(s) + ",uid=0 0 0"), cifsComma));
        FORMS.add(new Form("fstab CIFS pass= last", "/etc/fstab", NO_SPACE,
                s -> fstab.formatted("//srv/share\t/mnt/share\tcifs\t_netdev,pass=" + cifsComma.apply(s) + "\t0\t0"), cifsComma));
        FORMS.add(new Form("fstab commented out", "/etc/fstab", NO_SPACE,
                s -> fstab.formatted("#//srv/share /mnt/share cifs password=" + cifsComma.apply(s) + " 0 0"), cifsComma));

        String iscsid = "node.startup = automatic\nnode.session.auth.authmethod = CHAP\nnode.session.auth.username = joe\n%s\n"
                + "node.session.timeo.replacement_timeout = 120\n";
        String value = ASCII.replace("\"", "");
        FORMS.add(new Form("iscsid.conf", "/etc/iscsi/iscsid.conf", value, s -> iscsid.formatted("node.session.auth.password = " + s), s -> s));
        FORMS.add(new Form("iscsid.conf quoted", "/etc/iscsi/iscsid.conf", value,
                s -> iscsid.formatted("node.session.auth.password_in = \"" + s + "\""), s -> s));
        FORMS.add(new Form("iscsid.conf commented out", "/etc/iscsi/iscsid.conf", value,
                s -> iscsid.formatted("#discovery.sendtargets.auth.password=" + s), s -> s));

        String ietd = "Target iqn.2008-04.local.home:storage.disk.0\n%s\n\tLun 0 Path=/dev/drbd1,Type=blockio\n\tAlias disk0\n";
        FORMS.add(new Form("ietd.conf", "/etc/ietd.conf", value, s -> ietd.formatted("\tIncomingUser geekshlby " + s), s -> s));
        FORMS.add(new Form("ietd.conf quoted", "/srv/data/iscsi/ietd.conf", value, s -> ietd.formatted("\tOutgoingUser geekshlby \"" + s + "\""),
                s -> s));
        FORMS.add(new Form("authkeys", "/etc/heartbeat/authkeys", value, s -> "auth 2\n2 sha1 " + s + "\n", s -> s));

        String pcs = "#!/bin/sh\nset -eu\npcs -f /root/cib.xml stonith create fence_node1 fence_ipmilan ip=10.99.0.11 username=admin %s"
                + " lanplus=1 pcmk_host_list=node1\npcs cluster cib-push /root/cib.xml --config\n";
        String noSingle = WIDE.replace("'", "");
        FORMS.add(new Form("pcs single-quoted", "/pcs-commands.sh", noSingle, s -> pcs.formatted("'password=" + s + "'"), s -> s));
        UnaryOperator<String> dq = s -> s.replaceAll("([\\\\\"$`])", "\\\\$1");
        FORMS.add(new Form("pcs double-quoted", "/pcs-commands.sh", WIDE, s -> pcs.formatted("\"passwd=" + dq.apply(s) + "\""), dq));
        UnaryOperator<String> backslashed = s -> s.replaceAll("([^A-Za-z0-9])", "\\\\$1");
        FORMS.add(new Form("pcs unquoted", "/pcs-commands.sh", ASCII, s -> pcs.formatted("incoming_password=" + backslashed.apply(s)), backslashed));
        FORMS.add(new Form("pcs continued on the next line", "/pcs-commands.sh", ASCII,
                s -> pcs.formatted("password=\\\n" + backslashed.apply(s)), backslashed));
        FORMS.add(new Form("pcs mixed quoting", "/pcs-commands.sh", noSingle, s -> pcs.formatted("'password='\"" + dq.apply(s) + "\""), dq));
    }

    @Test
    void randomSecretsInEveryFormNeverSurviveMasking() {
        Random random = new Random(20261125);
        for (Form form : FORMS) {
            for (int i = 0; i < TRIES; i++) {
                String secret = secret(random, form.alphabet());
                String file = form.file().apply(secret);

                String masked = SecretMasker.mask(form.path(), file);

                String what = form.name() + " with secret " + JSON.valueToTree(secret);
                assertThat(masked).as(what).doesNotContain(secret).doesNotContain(form.spelled().apply(secret))
                        .contains(SecretMasker.token(form.value().apply(secret)));
                assertThat(SecretMasker.mask(form.path(), masked)).as(what + ", masked twice").isEqualTo(masked);
                assertStillReadable(form.path(), masked, what);
            }
        }
    }

    @Test
    void aFoldedSecretIsMaskedInEachOfItsLines() {
        Random random = new Random(7);
        for (int i = 0; i < TRIES; i++) {
            String first = secret(random, ALNUM);
            String second = secret(random, ALNUM);
            String file = "network:\n  wifis:\n    wlan0:\n      access-points:\n        home:\n          password: >-\n            " + first
                    + "\n            " + second + "\n";

            String masked = SecretMasker.mask("/etc/netplan/01.yaml", file);

            assertThat(masked).doesNotContain(first, second).contains(SecretMasker.token(first + " " + second));
        }
    }

    /** The structured formats still parse after masking, so Review's diff compares like with like. */
    private static void assertStillReadable(String path, String masked, String what) {
        if (path.endsWith(".xml")) {
            assertThatCode(() -> XML.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(masked.getBytes(StandardCharsets.UTF_8)))).as(what).doesNotThrowAnyException();
        } else if (path.endsWith(".json")) {
            assertThatCode(() -> JSON.readTree(masked)).as(what).doesNotThrowAnyException();
        } else if (path.endsWith(".yaml")) {
            assertThatCode(() -> new Yaml().load(masked)).as(what).doesNotThrowAnyException();
        }
    }

    /** 10–24 characters of the alphabet, never a blank or a quote at either end (where a format would read them as quoting). */
    private static String secret(Random random, String alphabet) {
        int[] chars = alphabet.codePoints().toArray();
        int length = 10 + random.nextInt(15);
        StringBuilder s = new StringBuilder();
        while (s.codePointCount(0, s.length()) < length) {
            int c = chars[random.nextInt(chars.length)];
            boolean end = s.isEmpty() || s.codePointCount(0, s.length()) == length - 1;
            if (!(end && (Character.isWhitespace(c) || c == '"' || c == '\''))) {
                s.appendCodePoint(c);
            }
        }
        return s.toString();
    }

    private static String printableAscii() {
        StringBuilder s = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            s.append(c);
        }
        return s.toString();
    }

    private static String xml(String s, char quote) {
        String escaped = s.replace("&", "&amp;").replace("<", "&lt;").replace("\t", "&#9;").replace("\n", "&#10;");
        return quote == '"' ? escaped.replace("\"", "&quot;") : escaped.replace("'", "&apos;");
    }

    private static String json(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unicodeEscaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
