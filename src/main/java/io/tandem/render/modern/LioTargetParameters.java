package io.tandem.render.modern;

import io.tandem.model.Chap;
import io.tandem.model.Lun;
import io.tandem.model.Project;
import io.tandem.render.SecretBook;
import io.tandem.render.SecretNames;
import io.tandem.render.modern.PacemakerLayout.Nvpair;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameters of the ocf:tandem:LioTarget resource (the agent's meta-data documents each):
 * the whole target with every LUN, ACL and CHAP user in one resource. Secrets are references
 * ({@link SecretBook#ref}), which the CIB resolves and the pcs script sets through cibadmin.
 */
final class LioTargetParameters {

    private LioTargetParameters() {
    }

    static List<Nvpair> of(Project project, SecretBook secrets) {
        var target = project.target();
        List<Nvpair> params = new ArrayList<>();
        params.add(new Nvpair("iqn", target.iqn()));
        params.add(new Nvpair("portals", project.networks().client().virtualIp() + ":" + target.portalPort()));
        params.add(new Nvpair("luns", target.luns().stream().map(lun -> lunSpec(project, lun)).collect(Collectors.joining(" "))));
        params.add(new Nvpair("allowed_initiators", PacemakerLayoutBuilder.allowedInitiators(project)));
        Chap chap = project.chap();
        params.add(new Nvpair("incoming_username", chap.incoming().user()));
        params.add(new Nvpair("incoming_password", secrets.ref(SecretNames.CHAP_INCOMING, chap.incoming().secret())));
        if (chap.outgoing() != null) {
            params.add(new Nvpair("outgoing_username", chap.outgoing().user()));
            params.add(new Nvpair("outgoing_password", secrets.ref(SecretNames.CHAP_OUTGOING, chap.outgoing().secret())));
        }
        if (chap.discovery() != null) {
            // One-way: the project has no credentials for the target to answer discovery with.
            params.add(new Nvpair("discovery_username", chap.discovery().user()));
            params.add(new Nvpair("discovery_password", secrets.ref(SecretNames.CHAP_DISCOVERY, chap.discovery().secret())));
        }
        params.add(new Nvpair("session_parameters", PacemakerLayoutBuilder.sessionParameters(target.session())));
        return params;
    }

    /** NUMBER:DEVICE[:SERIAL[:PRODUCT]]; validated values hold no ':' or blank (ValuePatterns SERIAL, PRODUCT_ID). */
    static String lunSpec(Project project, Lun lun) {
        String spec = lun.number() + ":" + project.resource(lun.resource()).orElseThrow().device();
        if (lun.serial() != null || lun.productId() != null) {
            spec += ":" + (lun.serial() == null ? "" : lun.serial());
        }
        if (lun.productId() != null) {
            spec += ":" + lun.productId();
        }
        return spec;
    }
}
