package io.tandem.text;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link HostText} to every string inside a record of host facts, however deep: record
 * components, optionals, lists and map keys and values. Walking the record instead of listing its
 * fields means a fact added later is escaped too; a component of a type this class cannot look
 * into fails loudly instead of slipping through. Strings are one line unless their component is
 * marked {@link HostText.MultiLine}.
 */
public final class HostTextRecords {

    private HostTextRecords() {
    }

    /** A copy of {@code record} in which no string holds a character a terminal would act on. */
    public static <T extends Record> T escaped(T record) {
        @SuppressWarnings("unchecked")
        T copy = (T) value(record, false);
        return copy;
    }

    private static Object value(Object value, boolean multiLine) {
        return switch (value) {
            case null -> null;
            case String s -> multiLine ? HostText.lines(s) : HostText.line(s);
            case Number n -> n;
            case Boolean b -> b;
            case Enum<?> e -> e;
            case Duration d -> d;
            case Instant i -> i;
            case Optional<?> o -> o.map(v -> value(v, multiLine));
            case List<?> list -> list(list, multiLine);
            case Map<?, ?> map -> map(map, multiLine);
            case Record r -> record(r);
            default -> throw new IllegalArgumentException("cannot look into a " + value.getClass().getName() + " for host text");
        };
    }

    private static List<Object> list(List<?> list, boolean multiLine) {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(value(v, multiLine)));
        return Collections.unmodifiableList(copy);
    }

    /** Keys are names (NICs, devices, paths): always one line. Two keys that escape alike keep the first. */
    private static Map<Object, Object> map(Map<?, ?> map, boolean multiLine) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.putIfAbsent(value(k, false), value(v, multiLine)));
        return Collections.unmodifiableMap(copy);
    }

    private static Record record(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(components[i].getAccessor().invoke(record), components[i].isAnnotationPresent(HostText.MultiLine.class));
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " with its host text escaped", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " with its host text escaped", e);
        }
    }
}
