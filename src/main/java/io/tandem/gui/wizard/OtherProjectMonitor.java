package io.tandem.gui.wizard;

import io.tandem.gui.home.HomeViewModel;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;
import io.tandem.model.Ssh;
import io.tandem.monitor.ClusterMonitor;
import io.tandem.monitor.SshStatusSource;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.SshTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring of a saved project other than the one being edited ("Add a cluster…"): its hosts
 * are logged in to as remembered for that project ({@link LoginMemory}), or with the wizard's
 * default key file where nothing is remembered; a host remembered as a password login gets no
 * login (passwords are never kept) and its rows say so.
 */
final class OtherProjectMonitor {

    private OtherProjectMonitor() {
    }

    static HomeViewModel open(WizardViewModel wizard, AppPaths paths, Path file) throws ProjectFileException {
        Project project = ProjectFile.read(file);
        LoginMemory memory = new LoginMemory(paths.logins(file, project.clusterName()));
        List<Map.Entry<String, Ssh>> hosts = new ArrayList<>();
        project.nodes().forEach(n -> hosts.add(Map.entry(n.name(), n.ssh())));
        project.managedInitiators().forEach(i -> hosts.add(Map.entry(i.name(), i.ssh())));
        Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Ssh> host : hosts) {
            Ssh ssh = host.getValue();
            SshTarget target = new SshTarget(ssh.address(), ssh.port() == null ? 22 : ssh.port(), ssh.user());
            if (memory.recall(target).map(r -> r.method() != HostLogin.Method.PASSWORD).orElse(true)) {
                HostLogin login = new HostLogin();
                memory.restore(target, login);
                settings.put(host.getKey(), login.settings(wizard, target));
            }
        }
        return new HomeViewModel(project, new SshStatusSource(settings, ClusterMonitor.DEFAULT_INTERVAL), wizard.background(), false,
                paths.monitorStore(file, project.clusterName()));
    }
}
