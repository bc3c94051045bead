package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.tandem.files.AtomicFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code *.tandem.json}. Strict on purpose: an unknown field is probably a typo
 * that would otherwise be silently ignored, so it is an error naming its JSON path, as are wrong
 * types and missing fields. Files are written mode 0600 (they hold secrets) and atomically.
 */
public final class ProjectFile {

    private static final ObjectMapper MAPPER = createMapper();

    private ProjectFile() {
    }

    private static ObjectMapper createMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        // "port": "22" or "name": 5 are mistakes, not values to guess at.
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Reads a project; every problem names the JSON path. Validation is separate ({@link ProjectValidator}). */
    public static Project read(Path file) throws ProjectFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file, Problem.error("$", "the file does not exist.",
                    "Check the path, or create a project with 'tandem demo --out FILE'."));
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(file, Problem.error("$", "permission denied while reading the file.",
                    "Run as a user who can read it (project files are mode 0600)."));
        } catch (IOException e) {
            throw new ProjectFileException(file, Problem.error("$", "cannot read the file (" + e.getMessage() + ").",
                    "Check that it is a readable regular file."));
        }
        return parse(file, text, true);
    }

    /** Parses project JSON; {@code source} only names the input in messages. */
    public static Project parse(Path source, String json) throws ProjectFileException {
        return parse(source, json, false);
    }

    /**
     * {@code located}: problems name line and column, for a file a person edits; a draft is
     * one generated line, where they would mean nothing. Syntax errors always have them.
     */
    private static Project parse(Path source, String json, boolean located) throws ProjectFileException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(source, JsonSyntaxProblem.of(e, "Fix the JSON syntax there."));
        }
        if (tree == null || !tree.isObject()) {
            throw new ProjectFileException(source, Problem.error("$", "the file is not a JSON object.",
                    "A project file starts with '{' (see examples/)."));
        }
        checkSchemaVersion(source, tree.get("schemaVersion"));
        Project project;
        try {
            // From the text rather than the tree, so a problem knows its line and column.
            project = MAPPER.readValue(json, Project.class);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(source, mappingProblem(e, located ? FileLocation.of(e).describe() : ""));
        }
        List<Problem> missing = RequiredFieldsCheck.check(project);
        if (!missing.isEmpty()) {
            throw new ProjectFileException(source, missing);
        }
        return project;
    }

    private static void checkSchemaVersion(Path source, JsonNode version) throws ProjectFileException {
        if (version == null) {
            throw new ProjectFileException(source, Problem.error("$.schemaVersion", "required field 'schemaVersion' is missing.",
                    "Add \"schemaVersion\": " + Project.SCHEMA_VERSION + " at the top of the file."));
        }
        if (!version.isInt() || version.intValue() != Project.SCHEMA_VERSION) {
            String hint = version.isInt() && version.intValue() > Project.SCHEMA_VERSION
                    ? "The file was written by a newer Tandem: use that version."
                    : "Set \"schemaVersion\": " + Project.SCHEMA_VERSION + ".";
            throw new ProjectFileException(source, Problem.error("$.schemaVersion",
                    "schema version " + version + " is not supported (this Tandem reads " + Project.SCHEMA_VERSION + ").", hint));
        }
    }

    /** Names the path and what was expected, never the value found: it may be a secret in the wrong field. */
    private static Problem mappingProblem(JsonProcessingException e, String where) {
        String path = e instanceof JsonMappingException jme ? jsonPath(jme.getPath()) : "$";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return Problem.error(path, "unknown field '" + ProblemCollector.printable(u.getPropertyName()) + "'" + where + ".",
                    "Remove it or correct the spelling; the fields allowed here are: " + known + ".");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return Problem.error(path, "is not one of the allowed values" + where + ".",
                    "Use one of: " + enumNames(f.getTargetType()) + ".").inWizard("is not one of the allowed values.", null);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return Problem.error(path, "has the wrong type: expected " + describe(m.getTargetType()) + where + ".",
                    "Write " + describe(m.getTargetType()) + " here (see examples/ for the expected form).")
                    .inWizard("must be " + describe(m.getTargetType()) + ".", ""); // the wizard's field: no file, no line
        }
        return Problem.error(path, "cannot be read" + where + ".", "Compare this part of the file with examples/.");
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append('.').append(FileLocation.name(ref.getFieldName()));
            }
        }
        return path.toString();
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> {
                    var annotation = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    return "\"" + (annotation == null ? f.getName() : annotation.value()) + "\"";
                })
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Secret.class) {
            return "a string in double quotes";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list in [ ]";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        return "an object in { }";
    }

    public static String toJson(Project project) {
        try {
            return MAPPER.writeValueAsString(project) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project always serializes", e);
        }
    }

    /** Writes the project mode 0600 (it contains secrets), atomically: a crash never leaves a half-written or empty project. */
    public static void write(Project project, Path file) throws IOException {
        AtomicFile.write(file, toJson(project), AtomicFile.OWNER_ONLY);
    }
}
