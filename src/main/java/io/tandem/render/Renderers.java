package io.tandem.render;

import io.tandem.model.Profile;
import io.tandem.model.Project;
import io.tandem.render.legacy.LegacyProfileRenderers;
import io.tandem.render.modern.ModernProfileRenderers;

import java.util.ArrayList;
import java.util.List;

/** Renders a validated project with the renderers of its profile. */
public final class Renderers {

    private Renderers() {
    }

    public static List<FileRenderer> forProfile(Profile profile) {
        return profile == Profile.MODERN ? ModernProfileRenderers.all() : LegacyProfileRenderers.all();
    }

    /** Callers validate first: renderers assume every value matched its pattern. */
    public static FileSet render(Project project) {
        SecretBook secrets = new SecretBook();
        List<RenderedFile> files = new ArrayList<>();
        for (FileRenderer renderer : forProfile(project.profile())) {
            files.addAll(renderer.render(project, secrets));
        }
        return new FileSet(files, secrets);
    }
}
