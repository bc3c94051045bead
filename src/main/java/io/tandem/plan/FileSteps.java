package io.tandem.plan;

import io.tandem.facts.SecretMasker;
import io.tandem.render.FileSet;
import io.tandem.render.PlacedText;
import io.tandem.render.RenderedFile;
import io.tandem.render.SecretPolicy;

import java.util.List;
import java.util.Optional;

/**
 * One step per rendered file: done when the file on the host is exactly what placing the rendered
 * one into it gives (Review's {@link PlacedText}, so what Review shows is what apply writes), with
 * its mode and owned by root. The plan shows the diff with secrets masked on both sides.
 */
public final class FileSteps {

    private FileSteps() {
    }

    public static Probe probe(RenderedFile file) {
        return FileRead.probe(file.host(), "file-" + FileWrite.sha256(file.path()).substring(0, 12), file.path());
    }

    /** True when the host's file (as probed) already is what apply would write. */
    public static boolean done(FileSet set, RenderedFile file, Optional<HostFileState> state) {
        if (state.isEmpty() || !state.get().exists()) {
            return false;
        }
        HostFileState on = state.get();
        String wanted = PlacedText.place(file.placement(), on.existing(), set.text(file, SecretPolicy.REVEAL));
        return wanted.equals(on.content()) && on.mode() == file.mode() && on.owner().equals("root:root");
    }

    /** {@link #done(FileSet, RenderedFile, Optional)} with the file as its probe found it in {@code results}. */
    public static boolean done(FileSet set, RenderedFile file, ProbeResults results) {
        return done(set, file, results.text(probe(file)).flatMap(HostFileState::parse));
    }

    public static Step step(FileSet set, RenderedFile file, Phase phase, String after, ProbeResults probed) {
        Probe probe = probe(file);
        Check check = Check.on(file.path() + " on " + file.host() + " is Tandem's, mode " + file.octalMode(), List.of(probe),
                results -> done(set, file, results));
        Action write = new Action(file.host(), "write " + file.path() + " (mode " + file.octalMode() + ", root:root, " + file.placement().description()
                + "; the file there now is kept in " + FileWrite.BACKUP_ROOT + "/<run>" + file.path() + ")",
                remote -> FileWrite.write(remote, file.path(), file.mode(),
                        existing -> PlacedText.place(file.placement(), existing, set.text(file, SecretPolicy.REVEAL))));
        Optional<HostFileState> before = probed.text(probe).flatMap(HostFileState::parse);
        String maskedRendered = set.maskedText(file, secret -> SecretMasker.token(secret.reveal()));
        FileChange change = FileChange.between(file, before.flatMap(HostFileState::existing).map(t -> SecretMasker.mask(file.path(), t)),
                maskedRendered);
        String verb = before.map(HostFileState::exists).orElse(false) ? "Update " : "Write ";
        String sentence = verb + file.path() + ": " + file.purpose() + (after.isEmpty() ? "" : " " + after);
        List<Action> actions = new java.util.ArrayList<>(List.of(write));
        Reloads.after(file.path()).ifPresent(reload -> actions.add(new Action(file.host(), reload.display(),
                remote -> remote.require(reload, java.time.Duration.ofMinutes(2)))));
        return new Step("file:" + file.host() + ":" + file.path(), phase, List.of(file.host()), sentence, check, actions,
                "restore the copy in " + FileWrite.BACKUP_ROOT + "/<run>" + file.path() + (before.map(HostFileState::exists).orElse(false)
                ? "" : " (the file did not exist: delete it)"), Optional.empty(), List.of(change));
    }
}
