package io.tandem.render;

import io.tandem.model.Project;

import java.util.List;

/** Turns a valid project into some of its files. Pure: no I/O, same input, same output. */
public interface FileRenderer {

    List<RenderedFile> render(Project project, SecretBook secrets);
}
