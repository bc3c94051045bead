package io.tandem.render.modern;

import io.tandem.render.SecretBook;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stock iSCSITarget agent gets as allowed_initiators. With tgt it runs
 * {@code tgtadm --op bind --initiator-address=ENTRY} for each entry, so an IQN there admits no
 * one (seen in LabTgtTargetIT); lio-t hands the entries to targetcli as ACL names, IQNs.
 */
class StockTargetAclTest {

    private static String allowed(io.tandem.model.Project project, String resource) {
        List<Primitive> group = PacemakerLayoutBuilder.build(project, new SecretBook()).group().members();
        return group.stream().filter(p -> p.id().equals(resource)).findFirst().orElseThrow().params().stream()
                .filter(n -> n.name().equals("allowed_initiators")).map(Nvpair::value).findFirst().orElse(null);
    }

    @Test
    void tgtAdmitsTheClientNetworkByAddressNotTheInitiatorsByName() {
        var project = Variants.drbd9UbuntuTgtStonith();
        assertThat(allowed(project, PacemakerLayoutBuilder.TARGET_ID)).isEqualTo(project.networks().client().cidr()).isEqualTo("192.168.50.0/24");
        assertThat(allowed(project, "p_lun1")).as("tgt's LUNs take no ACL").isNull();
    }

    @Test
    void lioTKeepsTheInitiatorsIqns() {
        var project = Variants.lioTStockAgents();
        assertThat(allowed(project, PacemakerLayoutBuilder.TARGET_ID)).isEqualTo("iqn.2024-01.test.lab:client");
        assertThat(allowed(project, "p_lun0")).isEqualTo("iqn.2024-01.test.lab:client");
    }
}
