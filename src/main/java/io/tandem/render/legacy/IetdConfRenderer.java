package io.tandem.render.legacy;

import io.tandem.model.Chap;
import io.tandem.model.DrbdResource;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.model.ResourcePurpose;
import io.tandem.model.SessionParameters;
import io.tandem.model.Target;
import io.tandem.render.FileRenderer;
import io.tandem.render.Placement;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretBook;
import io.tandem.render.IscsiWords;
import io.tandem.render.SecretNames;

import java.util.List;

/**
 * IET's {@code ietd.conf}. The tutorial keeps it on the replicated config filesystem, so both
 * nodes see the same file when they hold the primary, with {@code /etc/ietd.conf} a symlink to it:
 * it is therefore a cluster-wide file, at its path on that filesystem.
 */
public final class IetdConfRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(Project project, SecretBook secrets) {
        return List.of(new RenderedFile(RenderedFile.CLUSTER, path(project), config(project, secrets), 0600, Placement.WHOLE_FILE,
                "The IET target definition, on the replicated config filesystem; /etc/ietd.conf on both nodes links here "
                        + "(mode 0600: it holds CHAP secrets)."));
    }

    /** Where the tutorial keeps it: {@code MOUNTPOINT/iscsi/ietd.conf} of the config filesystem. */
    public static String path(Project project) {
        String mount = project.replication().resources().stream()
                .filter(r -> r.purpose() == ResourcePurpose.CONFIG_FILESYSTEM && r.filesystem() != null)
                .map(r -> r.filesystem().mountPoint()).findFirst().orElse("/etc");
        return mount.equals("/etc") ? "/etc/ietd.conf" : mount + "/iscsi/ietd.conf";
    }

    static String config(Project project, SecretBook secrets) {
        Target target = project.target();
        Chap chap = project.chap();
        SessionParameters s = target.session();
        StringBuilder out = new StringBuilder("Target ").append(target.iqn()).append('\n');
        out.append("\tIncomingUser ").append(chap.incoming().user()).append(' ')
                .append(secrets.ref(SecretNames.CHAP_INCOMING, chap.incoming().secret())).append('\n');
        if (chap.outgoing() != null) {
            out.append("\tOutgoingUser ").append(chap.outgoing().user()).append(' ')
                    .append(secrets.ref(SecretNames.CHAP_OUTGOING, chap.outgoing().secret())).append('\n');
        }
        for (Lun lun : target.luns()) {
            DrbdResource resource = project.resource(lun.resource()).orElseThrow();
            out.append("\tLun ").append(lun.number()).append(" Path=").append(resource.device()).append(",Type=blockio");
            if (lun.serial() != null) {
                out.append(",ScsiSN=").append(lun.serial());
            }
            out.append('\n');
        }
        if (target.alias() != null) {
            out.append("\tAlias ").append(target.alias()).append('\n');
        }
        param(out, "MaxConnections", s.maxConnections());
        param(out, "InitialR2T", IscsiWords.yesNo(s.initialR2T()));
        param(out, "ImmediateData", IscsiWords.yesNo(s.immediateData()));
        param(out, "MaxRecvDataSegmentLength", s.maxRecvDataSegmentLength());
        param(out, "MaxXmitDataSegmentLength", s.maxXmitDataSegmentLength());
        param(out, "MaxBurstLength", s.maxBurstLength());
        param(out, "FirstBurstLength", s.firstBurstLength());
        param(out, "DefaultTime2Wait", s.defaultTime2Wait());
        param(out, "DefaultTime2Retain", s.defaultTime2Retain());
        param(out, "MaxOutstandingR2T", s.maxOutstandingR2T());
        param(out, "DataPDUInOrder", IscsiWords.yesNo(s.dataPduInOrder()));
        param(out, "DataSequenceInOrder", IscsiWords.yesNo(s.dataSequenceInOrder()));
        param(out, "ErrorRecoveryLevel", s.errorRecoveryLevel());
        param(out, "HeaderDigest", s.headerDigest());
        param(out, "DataDigest", s.dataDigest());
        if (s.wthreads() != null) {
            param(out, "Wthreads", s.wthreads());
        }
        return out.toString();
    }

    private static void param(StringBuilder out, String name, Object value) {
        out.append('\t').append(String.format("%-22s ", name)).append(value).append('\n');
    }

}
