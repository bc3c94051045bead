package io.tandem.facts.mask;

/**
 * The format of a configuration file, told by its path (the files Tandem writes and discovery
 * reads, see docs/generated-files.md), and how its secrets are masked. A text that cannot be read
 * as its format is masked whole: a secret the reading could have missed is never shown.
 */
public enum FileKind {
    DRBD(new DrbdConfigMasker()),
    XML(new XmlMasker()),
    YAML(new YamlMasker()),
    JSON(new JsonMasker()),
    IFUPDOWN(new IfupdownMasker()),
    ISCSID(KeyValueMasker.EQUALS),
    COROSYNC(KeyValueMasker.COLON),
    IETD(new IetdConfMasker()),
    AUTHKEYS(new AuthkeysMasker()),
    FSTAB(new FstabMasker()),
    SHELL(new ShellScriptMasker()),
    /**
     * Tandem's own resource agents (/usr/lib/ocf/resource.d/tandem/): program text that holds no
     * secret (the agents take them from Pacemaker at run time), shown as it is so Review compares it.
     */
    TANDEM_AGENT(text -> text),
    /** A key file (the corosync key, chrony's keys, PEM keys): nothing of it is shown. */
    KEY(new WholeTextMask()),
    /** Anything else (chrony.conf, /etc/hosts, ha.cf, modules lists…): the common ways of writing a secret. */
    OTHER(new LinePatternMasker());

    private static final String TANDEM_AGENTS = "/usr/lib/ocf/resource.d/tandem/";
    private static final WholeTextMask FAIL_SAFE = new WholeTextMask();

    private final FormatMasker masker;

    FileKind(FormatMasker masker) {
        this.masker = masker;
    }

    public static FileKind of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith(TANDEM_AGENTS) && !path.substring(TANDEM_AGENTS.length()).contains("/")) {
            return TANDEM_AGENT;
        }
        if (path.equals("/etc/corosync/authkey") || name.equals("authkey") || name.endsWith(".key") || name.endsWith(".keys")
                || name.endsWith(".pem")) {
            return KEY;
        } else if (name.endsWith(".xml")) {
            return XML;
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        } else if (name.endsWith(".json")) {
            return JSON;
        } else if (path.equals("/etc/drbd.conf") || path.startsWith("/etc/drbd.d/") || name.endsWith(".res")) {
            return DRBD;
        } else if (path.equals("/etc/network/interfaces") || path.startsWith("/etc/network/interfaces.d/")) {
            return IFUPDOWN;
        } else if (name.equals("iscsid.conf")) {
            return ISCSID;
        } else if (name.equals("corosync.conf")) {
            return COROSYNC;
        } else if (name.equals("ietd.conf") || path.startsWith("/etc/tgt/")) {
            return IETD;
        } else if (name.equals("authkeys")) {
            return AUTHKEYS;
        } else if (path.equals("/etc/fstab")) {
            return FSTAB;
        } else if (name.endsWith(".sh") || path.startsWith("/etc/default/")) {
            return SHELL;
        }
        return OTHER;
    }

    /** The text with its secrets masked as this format holds them; all of it masked if it is not in this format. */
    public String mask(String text) {
        try {
            return masker.mask(text);
        } catch (UnreadableText | RuntimeException e) {
            // Why it could not be read is not said: the reason could quote the file.
            return FAIL_SAFE.mask(text);
        }
    }
}
