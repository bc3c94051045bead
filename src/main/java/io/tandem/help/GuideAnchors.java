package io.tandem.help;

import java.util.Locale;

/**
 * The anchors of the user guide's headings, made as GitHub makes them (so a link such as
 * {@code docs/user-guide.md#4-disks} works on the web and in the app alike), and which section
 * belongs to which wizard step.
 */
public final class GuideAnchors {

    /** The section about the apply screen, heading "Apply". */
    public static final String APPLY = "apply";
    /** The section about the monitoring view that follows a completed apply, heading "After apply". */
    public static final String AFTER_APPLY = "after-apply";

    private GuideAnchors() {
    }

    /**
     * GitHub's anchor of a heading: lower case, every character that is not a letter, digit,
     * space, hyphen or underscore dropped, each space a hyphen ("4. Disks" → "4-disks").
     */
    public static String of(String heading) {
        StringBuilder anchor = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            } else if (c == ' ') {
                anchor.append('-');
            }
        });
        return anchor.toString();
    }

    /**
     * The anchor of wizard step {@code number} (from 1) titled {@code title}: its section's heading
     * is the step's own header, "4. Disks".
     */
    public static String forStep(int number, String title) {
        return of(number + ". " + title);
    }
}
