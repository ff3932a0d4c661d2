package org.inclusionmatch.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** An overlay rendered by kustomize (the kubectl that deploy/k8s/tools/install.sh installs), one node per object. */
record Rendered(String overlay, List<JsonNode> objects) {

    static final Path ROOT = Path.of(System.getProperty("inclusion.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
    private static String kubectl;
    private static String node;

    static synchronized String kubectl() {
        if (kubectl == null) {
            List<String> lines = run(List.of("bash", K8S.resolve("tools/install.sh").toString()), K8S).strip().lines().toList();
            kubectl = lines.getLast(); // the last line is the path
            node = lines.stream().filter(l -> l.startsWith("NODE=")).map(l -> l.substring(5)).findFirst().orElseThrow();
        }
        return kubectl;
    }

    /** The node binary install.sh chose (the one on PATH, or the pinned one it fetched on a machine with only a JDK). */
    static synchronized String node() {
        kubectl();
        return node;
    }

    static Rendered of(String overlay) {
        String yaml = run(List.of(kubectl(), "kustomize", K8S.resolve("overlays").resolve(overlay).toString()), K8S);
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isEmpty()) {
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Rendered(overlay, objects);
    }

    static String run(List<String> command, Path dir) {
        try {
            Path out = Files.createTempFile("k8s-run", ".out");
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(false).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 10 minutes");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + "/" + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    String json() {
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        return array.toString();
    }
}
