package io.tandem.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything a project renders to: files per host, plus the secrets they refer to. */
public final class FileSet {

    private final List<RenderedFile> files;
    private final SecretBook secrets;

    public FileSet(List<RenderedFile> files, SecretBook secrets) {
        List<RenderedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(RenderedFile::host).thenComparing(RenderedFile::path));
        for (int i = 1; i < sorted.size(); i++) {
            RenderedFile a = sorted.get(i - 1);
            RenderedFile b = sorted.get(i);
            if (a.host().equals(b.host()) && a.path().equals(b.path())) {
                throw new IllegalStateException("two renderers wrote " + b.host() + ":" + b.path());
            }
        }
        this.files = List.copyOf(sorted);
        this.secrets = secrets;
    }

    public List<RenderedFile> files() {
        return files;
    }

    public List<RenderedFile> filesOf(String host) {
        return files.stream().filter(f -> f.host().equals(host)).toList();
    }

    public Optional<RenderedFile> find(String host, String path) {
        return files.stream().filter(f -> f.host().equals(host) && f.path().equals(path)).findFirst();
    }

    public List<String> hosts() {
        return files.stream().map(RenderedFile::host).distinct().toList();
    }

    /** The file's text with secrets revealed or redacted; in XML the redaction marker is escaped so the file stays XML. */
    public String text(RenderedFile file, SecretPolicy policy) {
        return secrets.resolve(file.content(), policy, file.path().endsWith(".xml"));
    }

    /** The file's text with each secret replaced by {@code mask}'s rendering of it (never the value itself, by contract of the caller). */
    public String maskedText(RenderedFile file, java.util.function.Function<io.tandem.model.Secret, String> mask) {
        return secrets.mask(file.content(), mask, file.path().endsWith(".xml"));
    }

    public SecretBook secrets() {
        return secrets;
    }
}
