package io.tandem.gui.home;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The clusters a window monitors: the one of the project being edited and any other project the
 * operator added. Each keeps polling while another is shown, so the list's verdicts stay current;
 * each has its own hosts and connections, so one cluster's dead host never slows another's view.
 */
public final class ClusterBoard {

    /** A monitored cluster: its project file (null for the demo or an unsaved project) and its view's model. */
    public record Entry(Path file, HomeViewModel model) {
        public String name() {
            return model.project().clusterName();
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> shown = new SimpleObjectProperty<>();

    /**
     * Adds {@code model} for the project at {@code file} and shows it, polling. A cluster already on
     * the board from the same file (or, without a file, the same name) is replaced: its polling
     * stops, its place in the list is kept.
     */
    public Entry show(Path file, HomeViewModel model) {
        Entry entry = new Entry(file, model);
        Optional<Entry> same = entries.stream().filter(e -> file != null ? file.equals(e.file())
                : e.file() == null && e.name().equals(model.project().clusterName())).findFirst();
        if (same.isPresent()) {
            same.get().model().stop();
            entries.set(entries.indexOf(same.get()), entry);
        } else {
            entries.add(entry);
        }
        shown.set(entry);
        model.refresh();
        return entry;
    }

    /** Stops watching {@code entry}; another one is shown if it was. */
    public void remove(Entry entry) {
        entry.model().stop();
        int at = entries.indexOf(entry);
        entries.remove(entry);
        if (Objects.equals(shown.get(), entry)) {
            shown.set(entries.isEmpty() ? null : entries.get(Math.min(at, entries.size() - 1)));
        }
    }

    /** Stops every cluster's polling (the window closes). */
    public void stopAll() {
        entries.forEach(e -> e.model().stop());
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> shownProperty() {
        return shown;
    }
}
