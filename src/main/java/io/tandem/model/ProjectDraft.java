package io.tandem.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.files.AtomicFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project being edited: its JSON tree, changed field by field through the same JSON paths that
 * validation reports ({@code $.nodes[0].ssh.port}). The wizard binds each field to a path, so
 * every problem lands next to the field it concerns, and a half-filled project is just a tree
 * that does not validate yet.
 */
public final class ProjectDraft {

    /** Made on first use, not with the class: the empty draft the wizard opens with needs no mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");

    private ObjectNode root;
    private long revision;

    private ProjectDraft(ObjectNode root) {
        this.root = root;
    }

    public static ProjectDraft of(Project project) {
        try {
            return new ProjectDraft((ObjectNode) Json.MAPPER.readTree(ProjectFile.toJson(project)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a project always serializes", e);
        }
    }

    /** A draft with nothing in it yet but the schema version: what the wizard holds before a project is chosen. */
    public static ProjectDraft empty() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaVersion", Project.SCHEMA_VERSION);
        return new ProjectDraft(root);
    }

    /** Incremented on every change; lets the UI tell "saved" from "changed since". */
    public long revision() {
        return revision;
    }

    /** The node at {@code path}, or a missing node. */
    public JsonNode get(String path) {
        JsonNode node = root;
        Matcher m = steps(path);
        while (m.find()) {
            node = m.group(1) != null ? node.path(m.group(1)) : node.path(Integer.parseInt(m.group(2)));
        }
        return node;
    }

    /** True when {@code path} holds a value (not missing, not null). */
    public boolean has(String path) {
        JsonNode node = get(path);
        return !node.isMissingNode() && !node.isNull();
    }

    public String text(String path) {
        JsonNode node = get(path);
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    /** Sets a value (String, Integer, Boolean, List, Map or null) creating missing objects on the way. */
    public void set(String path, Object value) {
        JsonNode newValue = Json.MAPPER.valueToTree(value);
        Parent parent = parentOf(path, true);
        if (parent.container instanceof ObjectNode object) {
            object.set(parent.field, newValue);
        } else {
            ArrayNode array = (ArrayNode) parent.container;
            while (array.size() <= parent.index) {
                array.addNull();
            }
            array.set(parent.index, newValue);
        }
        revision++;
    }

    /** Sets a text field; an empty text removes the field (optional fields) so it reads as missing. */
    public void setText(String path, String value) {
        if (value == null || value.isEmpty()) {
            remove(path);
        } else {
            set(path, value);
        }
    }

    /** Sets a number typed as text; text that is not a whole number is kept as text so validation names it. */
    public void setNumber(String path, String value) {
        try {
            set(path, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            setText(path, value);
        }
    }

    public void remove(String path) {
        Parent parent = parentOf(path, false);
        if (parent == null) {
            return;
        }
        if (parent.container instanceof ObjectNode object) {
            object.remove(parent.field);
        } else if (parent.container instanceof ArrayNode array && parent.index < array.size()) {
            array.remove(parent.index);
        }
        revision++;
    }

    /** Number of elements of the array at {@code path} (0 when absent). */
    public int size(String path) {
        JsonNode node = get(path);
        return node.isArray() ? node.size() : 0;
    }

    /** Reads the draft as a project, or the file-level problems (wrong types, missing fields). */
    public Result toProject() {
        try {
            return new Result(ProjectFile.parse(Path.of("draft.tandem.json"), root.toString()), List.of());
        } catch (ProjectFileException e) {
            return new Result(null, e.problems());
        }
    }

    /** Every problem: the file's (types, missing fields) or, when it reads, the validator's. */
    public List<Problem> problems() {
        Result result = toProject();
        return result.project() == null ? result.problems() : ProjectValidator.validate(result.project());
    }

    /** A project or why there is none. */
    public record Result(Project project, List<Problem> problems) {
    }

    public String toJson() {
        return root.toPrettyString();
    }

    public void replaceWith(Project project) {
        root = of(project).root;
        revision++;
    }

    /**
     * Reads a project file as a draft: it may be incomplete (its problems then show on the
     * wizard's steps), but it must be a JSON object of this schema version.
     */
    public static ProjectDraft read(Path file) throws ProjectFileException {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new ProjectFileException(file, Problem.error("$", "cannot read the file (" + e.getMessage() + ").",
                    "Check the path and that you may read it."));
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProjectFileException(file, JsonSyntaxProblem.of(e, "Fix the JSON syntax there, or open another file."));
        }
        if (tree == null || !tree.isObject() || tree.path("schemaVersion").asInt(-1) != Project.SCHEMA_VERSION) {
            throw new ProjectFileException(file, Problem.error("$.schemaVersion", "this is not a Tandem project of schema version "
                    + Project.SCHEMA_VERSION + ".", "Open a *.tandem.json file written by this Tandem."));
        }
        return new ProjectDraft((ObjectNode) tree);
    }

    /** An independent copy, e.g. to write in the background while editing goes on. */
    public static ProjectDraft copyOf(ProjectDraft other) {
        return new ProjectDraft(other.root.deepCopy());
    }

    public void replaceWith(ProjectDraft other) {
        root = other.root.deepCopy();
        revision++;
    }

    /**
     * Writes the draft mode 0600, atomically: canonical when it is a complete project, else as it
     * stands (so a half-filled project is never lost).
     */
    public void write(Path file) throws java.io.IOException {
        Result result = toProject();
        String json = result.project() != null ? ProjectFile.toJson(result.project()) : toJson() + "\n";
        AtomicFile.write(file, json, AtomicFile.OWNER_ONLY);
    }

    private record Parent(JsonNode container, String field, int index) {
    }

    private Parent parentOf(String path, boolean create) {
        List<String[]> parts = new ArrayList<>();
        Matcher m = steps(path);
        while (m.find()) {
            parts.add(m.group(1) != null ? new String[] {"f", m.group(1)} : new String[] {"i", m.group(2)});
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("not a path below $: " + path);
        }
        JsonNode node = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            String[] part = parts.get(i);
            boolean nextIsIndex = parts.get(i + 1)[0].equals("i");
            JsonNode child = part[0].equals("f") ? node.get(part[1]) : node.get(Integer.parseInt(part[1]));
            if (child == null || child.isNull()) {
                if (!create) {
                    return null;
                }
                child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                if (part[0].equals("f")) {
                    ((ObjectNode) node).set(part[1], child);
                } else {
                    ArrayNode array = (ArrayNode) node;
                    int index = Integer.parseInt(part[1]);
                    while (array.size() <= index) {
                        array.addNull();
                    }
                    array.set(index, child);
                }
            }
            node = child;
        }
        String[] last = parts.getLast();
        return last[0].equals("f") ? new Parent(node, last[1], -1) : new Parent(node, null, Integer.parseInt(last[1]));
    }

    private static Matcher steps(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with $: " + path);
        }
        return STEP.matcher(path.substring(1));
    }
}
