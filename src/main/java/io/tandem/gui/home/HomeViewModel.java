package io.tandem.gui.home;

import io.tandem.gui.Background;
import io.tandem.model.Project;
import io.tandem.monitor.ClusterSnapshot;
import io.tandem.monitor.StatusRead;
import io.tandem.monitor.StatusSource;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The cluster's home screen: one status read (nodes, DRBD, resources, target, sessions) made in
 * the background, with a sentence that says whether all is well. The monitoring issue grows this
 * into live polling, health rules and failover tests.
 */
public final class HomeViewModel {

    private final Project project;
    private final StatusSource source;
    private final Background background;
    private final boolean demo;
    private final ObjectProperty<ClusterSnapshot> snapshot = new SimpleObjectProperty<>();
    private final StringProperty headline = new SimpleStringProperty("Reading the cluster's status…");
    private final BooleanProperty reading = new SimpleBooleanProperty(false);

    public HomeViewModel(Project project, StatusSource source, Background background, boolean demo) {
        this.project = project;
        this.source = source;
        this.background = background;
        this.demo = demo;
    }

    public void refresh() {
        reading.set(true);
        headline.set("Reading the cluster's status…");
        background.run(() -> StatusRead.read(project, source), read -> {
            reading.set(false);
            snapshot.set(read);
            headline.set(describe(read));
        }, failure -> {
            reading.set(false);
            headline.set("Could not read the status: " + failure.getMessage());
        });
    }

    private String describe(ClusterSnapshot s) {
        String when = " (read at " + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(s.readAt()) + ")";
        if (s.healthy()) {
            return "Cluster " + project.clusterName() + " is healthy: both nodes online, replication up to date, every resource running"
                    + when + ".";
        }
        if (!s.problems().isEmpty()) {
            return "Part of the status could not be read" + when + ": " + String.join("; ", s.problems())
                    + ". If you have not logged in to the nodes in this session, use Edit setup and discover them.";
        }
        return "Cluster " + project.clusterName() + " needs attention" + when + ": see the rows marked below.";
    }

    public Project project() {
        return project;
    }

    public boolean isDemo() {
        return demo;
    }

    public ObjectProperty<ClusterSnapshot> snapshotProperty() {
        return snapshot;
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public BooleanProperty readingProperty() {
        return reading;
    }
}
