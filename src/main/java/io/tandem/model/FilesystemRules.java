package io.tandem.model;

/** A filesystem to create and mount. */
final class FilesystemRules {

    private FilesystemRules() {
    }

    static void check(String path, Filesystem fs, ProblemCollector problems) {
        problems.pattern(path + ".type", fs.type(), ValuePatterns.FILESYSTEM);
        problems.pattern(path + ".mountPoint", fs.mountPoint(), ValuePatterns.MOUNT_POINT);
        problems.pattern(path + ".options", fs.options(), ValuePatterns.MOUNT_OPTIONS);
        if (fs.uuid() != null) {
            problems.pattern(path + ".uuid", fs.uuid(), ValuePatterns.UUID);
        }
    }
}
