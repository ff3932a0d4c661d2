package org.inclusionmatch.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images that profile image-tar builds (the services' poms, docs/operations.md "Images") agree with the manifests
 * that run them: the image's user is the pods' runAsUser/runAsGroup (runAsNonRoot needs a numeric user), its ports are
 * the containers' ports, its repository is the one the manifests name, and its entrypoint reads JAVA_OPTS_APPEND,
 * where the manifests put their JVM options. The image itself is checked by deploy/images/verify.sh.
 */
class ImageProfileTest {

    record ImageProfile(String user, String repository, Set<Integer> ports, String entrypoint) {
    }

    static ImageProfile imageProfile(String service) throws Exception {
        Path pom = Rendered.ROOT.resolve(service).resolve("pom.xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Element profile = children(child(project, "profiles"), "profile").stream()
                .filter(p -> "image-tar".equals(text(child(p, "id"))))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": no profile image-tar"));
        Element jib = children(child(child(profile, "build"), "plugins"), "plugin").stream()
                .filter(p -> "jib-maven-plugin".equals(text(child(p, "artifactId"))))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": no jib-maven-plugin in image-tar"));
        Element configuration = child(jib, "configuration");
        Element container = child(configuration, "container");
        String to = text(child(child(configuration, "to"), "image"));
        return new ImageProfile(
                text(child(container, "user")),
                to.replaceFirst(":[^:/]*$", ""),
                children(child(container, "ports"), "port").stream()
                        .map(p -> Integer.valueOf(text(p))).collect(Collectors.toCollection(TreeSet::new)),
                children(child(container, "entrypoint"), "arg").stream().map(ImageProfileTest::text)
                        .collect(Collectors.joining(" ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theImagesRunAsTheManifestsExpect(String overlay) throws Exception {
        Rendered rendered = Rendered.of(overlay);
        List<JsonNode> workloads = new ArrayList<>();
        workloads.addAll(rendered.ofKind("Deployment"));
        workloads.addAll(rendered.ofKind("Job"));
        for (String service : List.of("profile-service", "matching-worker")) {
            ImageProfile image = imageProfile(service);
            int checked = 0;
            for (JsonNode workload : workloads) {
                JsonNode pod = workload.path("spec").path("template").path("spec");
                for (JsonNode container : pod.path("containers")) {
                    String reference = container.path("image").asText();
                    String repository = reference.replaceFirst("@.*", "").replaceFirst(":[^:/]*$", "");
                    if (!repository.endsWith("/" + image.repository())) {
                        continue;
                    }
                    String where = overlay + " " + Rendered.name(workload) + "/" + container.path("name").asText();
                    JsonNode security = pod.path("securityContext");
                    assertThat(security.path("runAsUser").asText() + ":" + security.path("runAsGroup").asText())
                            .as(where + ": runAsUser:runAsGroup = the image's user").isEqualTo(image.user());
                    assertThat(security.path("runAsNonRoot").asBoolean()).as(where + ": runAsNonRoot").isTrue();
                    Set<Integer> ports = StreamSupport.stream(container.path("ports").spliterator(), false)
                            .map(p -> p.path("containerPort").asInt()).collect(Collectors.toCollection(TreeSet::new));
                    assertThat(image.ports()).as(where + ": the image's ports").containsAll(ports);
                    boolean setsJvmOptions = StreamSupport.stream(container.path("env").spliterator(), false)
                            .anyMatch(e -> "JAVA_OPTS_APPEND".equals(e.path("name").asText()));
                    assertThat(setsJvmOptions).as(where + ": JVM options in JAVA_OPTS_APPEND").isTrue();
                    assertThat(image.entrypoint()).as(where + ": the entrypoint reads JAVA_OPTS_APPEND")
                            .contains("$JAVA_OPTS_APPEND").contains("-jar /deployments/quarkus-run.jar");
                    checked++;
                }
            }
            // profile-service: its Deployment, the webhook dispatcher's and the migration Job; matching-worker: its Deployment.
            assertThat(checked).as(overlay + ": containers running " + image.repository())
                    .isEqualTo(service.equals("profile-service") ? 3 : 1);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }
}
