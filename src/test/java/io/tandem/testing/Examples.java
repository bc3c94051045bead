package io.tandem.testing;

import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;

import java.nio.file.Path;

/** The example projects in examples/, which double as test fixtures. */
public final class Examples {

    public static final Path SEED = Path.of("examples/seed-tutorial.tandem.json");
    public static final Path MODERN = Path.of("examples/two-node-lio.tandem.json");
    /** The VM lab (lab/vm): SSH over the management network, user tandem with sudo. */
    public static final Path VM_LAB = Path.of("examples/vm-lab.tandem.json");
    /** The VM lab fenced by SBD on its shared disk (virtio serial tandem-sbd) with the i6300esb watchdog. */
    public static final Path VM_LAB_SBD = Path.of("examples/vm-lab-sbd.tandem.json");
    /** {@link #VM_LAB_SBD} with the client as quorum witness (corosync-qnetd) and no two_node. */
    public static final Path VM_LAB_QDEVICE = Path.of("examples/vm-lab-qdevice.tandem.json");
    /**
     * {@link #VM_LAB_QDEVICE} fenced by IPMI instead of SBD: each node's BMC is the lab's ipmi_sim on
     * the management network (10.205.0.101/102), which powers the VM off and on.
     */
    public static final Path VM_LAB_IPMI = Path.of("examples/vm-lab-ipmi.tandem.json");
    /** {@link #VM_LAB_SBD} with every backing disk given the GPT partition layout (lab/vm e2e --project). */
    public static final Path VM_LAB_GPT = Path.of("examples/vm-lab-gpt.tandem.json");
    /** {@link #VM_LAB_SBD} served by tgt (LUNs numbered from 1) with its mutual CHAP (lab/vm e2e --gui --project). */
    public static final Path VM_LAB_TGT = Path.of("examples/vm-lab-tgt.tandem.json");

    private Examples() {
    }

    public static Project seed() {
        return read(SEED);
    }

    public static Project modern() {
        return read(MODERN);
    }

    public static Project read(Path file) {
        try {
            return ProjectFile.read(file);
        } catch (ProjectFileException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
