package io.tandem.gui.help;

import io.tandem.gui.Background;
import io.tandem.help.UserGuide;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The help window's state: the bundled user guide (read once, in the background), its sections
 * for the contents list, and the section shown. {@link #open} takes an anchor — a wizard step's
 * ({@code GuideAnchors.forStep}) or a link's inside the guide.
 */
public final class HelpViewModel {

    private final Background background;
    private final Callable<UserGuide> loader;
    private final ObservableList<UserGuide.Section> sections = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserGuide.Section> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private UserGuide guide;
    private boolean loading;
    private String wanted = "";

    public HelpViewModel(Background background, Callable<UserGuide> loader) {
        this.background = background;
        this.loader = loader;
    }

    /** Shows the section with {@code anchor}; the first call reads the guide first, off the UI thread. */
    public void open(String anchor) {
        wanted = anchor;
        if (guide != null) {
            show(anchor);
            return;
        }
        if (loading) {
            return; // the section asked for last is shown once the guide is read
        }
        loading = true;
        status.set("Reading the user guide…");
        background.run(loader, read -> {
            loading = false;
            guide = read;
            sections.setAll(read.sections());
            show(wanted);
        }, failure -> {
            loading = false;
            status.set("The user guide cannot be shown: " + failure.getMessage());
        });
    }

    private void show(String anchor) {
        Optional<UserGuide.Section> section = guide.section(anchor);
        shown.set(section.orElse(guide.sections().getFirst()));
        status.set(section.isPresent() ? "" : "The guide has no section \"" + anchor + "\"; its beginning is shown instead.");
    }

    /** Every section, in the guide's order. */
    public ObservableList<UserGuide.Section> sections() {
        return sections;
    }

    /** The section shown; null until the guide is read. */
    public ReadOnlyObjectProperty<UserGuide.Section> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** "Reading…", or why the guide or a section cannot be shown; empty when all is well. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
