package org.inclusionmatch.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a Kubernetes (fabric8) or Strimzi model object and reports every field its model did not know: both keep
 * unknown fields in {@code getAdditionalProperties()} instead of failing, so a misspelt field would otherwise pass.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static void collect(Object model, String where, List<String> problems) {
        walk(model, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object o, String path, List<String> problems, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown " + extra.keySet());
                }
                continue;
            }
            String field = m.getName().substring(3);
            walk(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), problems, seen);
        }
    }
}
