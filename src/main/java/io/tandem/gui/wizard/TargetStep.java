package io.tandem.gui.wizard;

import io.tandem.model.SecretGenerator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Step 7: the target's IQN and implementation, its LUNs, session parameters (advanced) and CHAP. */
public final class TargetStep extends StepViewModel {

    private final BooleanProperty showSecret = new SimpleBooleanProperty(false);
    private final FieldBinding iqn;
    private final FieldBinding chapSecret;

    TargetStep(WizardViewModel wizard) {
        super(wizard, "Target");
        iqn = field("$.target.iqn", "Target name (IQN)");
        field("$.target.implementation", "Implementation");
        field("$.chap.incoming.user", "CHAP user (initiators log in as)");
        chapSecret = field("$.chap.incoming.secret", "CHAP secret (12–16 characters)");
        number("$.target.session.maxBurstLength", "MaxBurstLength (bytes)");
        number("$.target.session.firstBurstLength", "FirstBurstLength (bytes)");
        number("$.target.session.maxRecvDataSegmentLength", "MaxRecvDataSegmentLength (bytes)");
        field("$.target.session.headerDigest", "HeaderDigest");
        field("$.target.session.dataDigest", "DataDigest");
    }

    @Override
    protected List<String> paths() {
        return List.of("$.target", "$.chap");
    }

    /** An IQN from the project's domain and this month: iqn.YYYY-MM.reversed.domain:storage. */
    public String suggestedIqn() {
        List<String> labels = new ArrayList<>(List.of(wizard.draft().text("$.domain").split("\\.")));
        java.util.Collections.reverse(labels);
        YearMonth now = YearMonth.now();
        return String.format("iqn.%d-%02d.%s:%s", now.getYear(), now.getMonthValue(), String.join(".", labels),
                wizard.draft().text("$.clusterName").isEmpty() ? "storage" : wizard.draft().text("$.clusterName"));
    }

    public void useSuggestedIqn() {
        iqn.value().set(suggestedIqn());
    }

    public FieldBinding chapSecret() {
        return chapSecret;
    }

    public BooleanProperty showSecretProperty() {
        return showSecret;
    }

    public void regenerateChapSecret() {
        chapSecret.value().set(SecretGenerator.chapSecret().reveal());
    }

    /** The LUNs as a reviewer reads them: number, device, serial. */
    public List<String> luns() {
        List<String> luns = new ArrayList<>();
        for (int i = 0; i < wizard.draft().size("$.target.luns"); i++) {
            String base = "$.target.luns[" + i + "]";
            luns.add("LUN " + wizard.draft().text(base + ".number") + " ← DRBD resource " + wizard.draft().text(base + ".resource")
                    + (wizard.draft().text(base + ".serial").isEmpty() ? "" : ", serial " + wizard.draft().text(base + ".serial")));
        }
        return luns;
    }
}
