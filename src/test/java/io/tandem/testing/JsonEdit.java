package io.tandem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.model.Project;
import io.tandem.model.ProjectFile;
import io.tandem.model.ProjectFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Edits a project's JSON by path ({@code $.nodes[0].ssh.port}) to make test variants, including
 * ones the records could not express (wrong types, unknown fields).
 */
public final class JsonEdit {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode root;

    private JsonEdit(ObjectNode root) {
        this.root = root;
    }

    public static JsonEdit of(Path file) {
        try {
            return new JsonEdit((ObjectNode) MAPPER.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonEdit set(String path, Object value) {
        Location at = locate(path);
        JsonNode node = MAPPER.valueToTree(value);
        if (at.parent instanceof ObjectNode object) {
            object.set(at.field, node);
        } else {
            ((ArrayNode) at.parent).set(at.index, node);
        }
        return this;
    }

    public JsonEdit remove(String path) {
        Location at = locate(path);
        if (at.parent instanceof ObjectNode object) {
            object.remove(at.field);
        } else {
            ((ArrayNode) at.parent).remove(at.index);
        }
        return this;
    }

    /** Appends a copy of the element at {@code path} (an array element) to its array. */
    public JsonEdit duplicate(String path) {
        Location at = locate(path);
        ((ArrayNode) at.parent).add(at.parent.get(at.index).deepCopy());
        return this;
    }

    public String json() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Project project() throws ProjectFileException {
        return ProjectFile.parse(Path.of("edited.tandem.json"), json());
    }

    private record Location(JsonNode parent, String field, int index) {
    }

    private Location locate(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException(path);
        }
        String rest = path.substring(1);
        JsonNode node = root;
        JsonNode parent = null;
        String field = null;
        int index = -1;
        var m = java.util.regex.Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]").matcher(rest);
        int consumed = 0;
        while (m.find()) {
            if (m.start() != consumed) {
                throw new IllegalArgumentException("bad path " + path);
            }
            consumed = m.end();
            parent = node;
            if (m.group(1) != null) {
                field = m.group(1);
                index = -1;
                node = node == null ? null : node.get(field);
            } else {
                index = Integer.parseInt(m.group(2));
                field = null;
                node = node == null ? null : node.get(index);
            }
        }
        if (parent == null || consumed != rest.length()) {
            throw new IllegalArgumentException("bad path " + path);
        }
        return new Location(parent, field, index);
    }
}
