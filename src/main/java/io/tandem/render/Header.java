package io.tandem.render;

import io.tandem.model.Project;

/** The comment at the top of every modern file, so an operator knows not to edit it by hand. */
public final class Header {

    private Header() {
    }

    /** A header in {@code #} comments. */
    public static String hash(Project project, String what) {
        return "# " + what + "\n# Managed by Tandem for cluster " + project.clusterName()
                + ". Edit the project and apply again instead of editing this file.\n";
    }

    public static final String BEGIN_BLOCK = "# BEGIN TANDEM MANAGED BLOCK";
    public static final String END_BLOCK = "# END TANDEM MANAGED BLOCK";
}
