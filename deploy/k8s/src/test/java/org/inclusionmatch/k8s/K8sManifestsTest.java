package org.inclusionmatch.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.k8s.Rendered.name;

/**
 * Renders every overlay with kustomize and checks what a cluster would get: each object against its schema, the
 * references between objects, and that every setting the services read in production is provided.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K8sManifestsTest {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));
    /** Kinds without a Java model here: validated by tools/validate.mjs against their CRD schemas. */
    static final Set<String> SCHEMA_ONLY = Set.of("keda.sh/v1alpha1/ScaledObject", "keda.sh/v1alpha1/TriggerAuthentication",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PodMonitor",
            "monitoring.coreos.com/v1/PrometheusRule", "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");
    /** Secrets created outside git (docs/operations.md, Install order), by name: who may use them. */
    static final Map<String, String> EXTERNAL_SECRETS = Map.of(
            "matching-worker-oidc", "matching-worker and Keycloak's realm import",
            "keycloak-tls", "Keycloak's HTTPS certificate",
            "keycloak-admin", "Keycloak's bootstrap administrator",
            "keycloak-realm", "the realm's partner client secrets and web origin",
            "inclusion-pg-backup", "CloudNativePG backups",
            "profile-service-tls", "the Ingress (cert-manager)",
            "inclusion-identity-key", "the key file of personal codes' keyed hashes (docs/privacy-and-security.md)");
    /** Environment variables the services' configuration names that production leaves unset, and why. */
    static final Map<String, Set<String>> LOCAL_ONLY = Map.of(
            "profile-service", Set.of(
                    "INCLUSION_IMPORT_CATALOGUE"), // the demo catalogue the local run imports at start
            "matching-worker", Set.of(
                    "INCLUSION_AUTH_TOKEN", // the static token: local run and tests only (prod: OIDC client)
                    "SMALLRYE_JWT_SIGN_KEY_LOCATION", // the development issuer's key (local run)
                    "HOSTNAME")); // the fallback of INCLUSION_WORKER_INSTANCE, which the manifest sets
    /** Quarkus and MicroProfile settings given by environment variable need the extension that reads them. */
    static final Map<String, String> QUARKUS_PREFIX_NEEDS = Map.of(
            "MP_JWT_VERIFY_", "quarkus-smallrye-jwt",
            "QUARKUS_FLYWAY_", "quarkus-flyway",
            "QUARKUS_OIDC_CLIENT_", "quarkus-oidc-client",
            "QUARKUS_OTEL_", "quarkus-opentelemetry",
            "QUARKUS_MANAGEMENT_", "quarkus-vertx-http",
            "QUARKUS_HTTP_", "quarkus-vertx-http",
            "QUARKUS_SHUTDOWN_", "quarkus-core",
            "QUARKUS_INIT_AND_EXIT", "quarkus-core",
            "QUARKUS_LOG_", "quarkus-core",
            "QUARKUS_LOG_CONSOLE_JSON_", "quarkus-logging-json");

    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    Rendered overlay(String name) {
        return rendered.computeIfAbsent(name, Rendered::of);
    }

    static String type(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText();
    }

    // ---- schemas -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectHasAKnownKindAndNoUnknownField(String overlay) throws Exception {
        Rendered r = overlay(overlay);
        assertThat(r.objects()).hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (JsonNode o : r.objects()) {
            String type = type(o);
            Class<?> model = TYPED.get(type);
            if (model == null) {
                assertThat(SCHEMA_ONLY).as("a schema for %s", type).contains(type);
                continue;
            }
            Object typed = Rendered.YAML.treeToValue(o, model);
            UnknownFields.collect(typed, type + "/" + name(o), problems);
        }
        assertThat(problems).as("fields the Kubernetes/Strimzi models do not know").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsSchema(String overlay) throws IOException {
        Rendered r = overlay(overlay);
        Path json = Files.createTempFile("rendered-" + overlay, ".json");
        try {
            Files.writeString(json, r.json());
            // the node install.sh chose; it installed the validators too
            String report = Rendered.run(List.of(Rendered.node(), "--no-warnings", Rendered.K8S.resolve("tools/validate.mjs").toString(),
                    json.toString()), Rendered.K8S);
            List<String> lines = report.lines().toList();
            assertThat(lines).noneMatch(l -> l.startsWith("error"));
            long checked = lines.stream().filter(l -> l.startsWith("ok ")).count();
            long strimzi = r.objects().stream().filter(o -> type(o).startsWith("kafka.strimzi.io/")).count();
            assertThat(checked + strimzi).as(report).isEqualTo(r.objects().size());
        } finally {
            Files.delete(json);
        }
    }

    @Test
    void aMisspelledFieldIsCaught() throws Exception {
        JsonNode kafka = Rendered.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replica: 3}
                """);
        List<String> problems = new ArrayList<>();
        UnknownFields.collect(Rendered.YAML.treeToValue(kafka, KafkaTopic.class), "KafkaTopic/t", problems);
        assertThat(problems).singleElement().asString().contains("replica");
        JsonNode deployment = Rendered.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers: [{name: c, image: i, readinessProbe: {httpGet: {path: /, port: 9000}, periodSecond: 5}}]
                """);
        problems.clear();
        UnknownFields.collect(Rendered.YAML.treeToValue(deployment, Deployment.class), "Deployment/d", problems);
        assertThat(problems).singleElement().asString().contains("periodSecond");
    }

    // ---- what the services read ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingTheServicesReadInProductionIsProvided(String overlay) throws IOException {
        Rendered r = overlay(overlay);
        for (String service : List.of("profile-service", "matching-worker")) {
            Properties props = properties(service);
            Map<String, String> env = environment(r, container(r.get("Deployment", service)));
            Set<String> read = envReferences(props);
            read.removeAll(LOCAL_ONLY.get(service));
            assertThat(env.keySet()).as("%s: environment variables its configuration reads", service).containsAll(read);
            assertThat(env).as("%s: none empty", service).allSatisfy((k, v) -> assertThat(v).isNotBlank());

            // ...and nothing is provided that no one reads (a misspelt name would be silently ignored).
            String pom = Files.readString(Rendered.ROOT.resolve(service).resolve("pom.xml"));
            Set<String> keys = props.stringPropertyNames().stream().map(k -> k.replaceFirst("^%[a-z]+\\.", ""))
                    .map(K8sManifestsTest::envName).collect(Collectors.toSet());
            for (String name : env.keySet()) {
                if (name.startsWith("QUARKUS_") || name.startsWith("MP_JWT_")) {
                    String needs = QUARKUS_PREFIX_NEEDS.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                            .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue)
                            .orElseThrow(() -> new AssertionError(service + ": " + name + " is not a known Quarkus group"));
                    assertThat(needs.equals("quarkus-core") || needs.equals("quarkus-vertx-http") || pom.contains(needs))
                            .as("%s sets %s, read by %s, which its pom.xml lacks", service, name, needs).isTrue();
                } else if (!name.equals("JAVA_OPTS_APPEND")) {
                    assertThat(read.contains(name) || keys.contains(name))
                            .as("%s: %s is read by nothing in its configuration", service, name).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theMigrationJobGetsWhatFlywayNeedsAndIsNamedForTheRelease(String overlay) {
        Rendered r = overlay(overlay);
        JsonNode job = r.ofKind("Job").stream().filter(j -> name(j).startsWith("profile-service-migrate-")).findFirst()
                .orElseThrow();
        JsonNode c = container(job);
        Map<String, String> env = environment(r, c);
        assertThat(env).containsEntry("QUARKUS_INIT_AND_EXIT", "true").containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                .containsKeys("INCLUSION_DB_URL", "INCLUSION_DB_USER", "INCLUSION_DB_PASSWORD");
        String image = c.path("image").asText();
        String tag = image.replaceFirst("@.*", "").replaceFirst(".*:", "");
        assertThat(name(job)).isEqualTo("profile-service-migrate-" + tag);
        assertThat(container(r.get("Deployment", "profile-service")).path("image").asText()).isEqualTo(image);
        Map<String, String> service = environment(r, container(r.get("Deployment", "profile-service")));
        assertThat(service).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyReferenceResolvesAndEachServiceSeesOnlyItsOwnSecrets(String overlay) {
        Rendered r = overlay(overlay);
        assertThat(r.ofKind("Secret")).as("secrets are never in git").isEmpty();
        Set<String> operatorSecrets = new TreeSet<>();
        r.ofKind("KafkaUser").forEach(u -> operatorSecrets.add(name(u)));
        r.ofKind("Kafka").forEach(k -> operatorSecrets.add(name(k) + "-cluster-ca-cert"));
        r.ofKind("Cluster").forEach(c -> {
            operatorSecrets.add(name(c) + "-app");
            operatorSecrets.add(name(c) + "-ca");
        });
        Map<String, Set<String>> allowed = Map.of(
                "profile-service", Set.of("inclusion-pg-app", "inclusion-pg-ca", "inclusion-kafka-cluster-ca-cert", "profile-service",
                        "inclusion-identity-key"),
                "matching-worker", Set.of("inclusion-kafka-cluster-ca-cert", "matching-worker", "matching-worker-oidc"));
        for (JsonNode workload : concat(r.ofKind("Deployment"), r.ofKind("Job"))) {
            Set<String> secrets = secretsOf(workload);
            assertThat(secrets).allSatisfy(s -> assertThat(operatorSecrets.contains(s) || EXTERNAL_SECRETS.containsKey(s))
                    .as("%s uses Secret %s, which nothing creates", name(workload), s).isTrue());
            String owner = name(workload).startsWith("profile-service") ? "profile-service" : name(workload);
            assertThat(secrets).as("the Secrets %s sees", name(workload)).isSubsetOf(allowed.get(owner));
            environment(r, container(workload)); // resolves every configMapKeyRef
        }
        assertThat(secretsOf(r.get("Deployment", "matching-worker"))).doesNotContain("inclusion-pg-app");
        // The worker's identity: OIDC client credentials, no static token.
        Map<String, String> worker = environment(r, container(r.get("Deployment", "matching-worker")));
        assertThat(worker).containsEntry("INCLUSION_AUTH_MODE", "oidc-client")
                .containsKeys("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_CLIENT_ID",
                        "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET")
                .doesNotContainKey("INCLUSION_AUTH_TOKEN");
        // TLS to both data stores.
        Map<String, String> api = environment(r, container(r.get("Deployment", "profile-service")));
        assertThat(api.get("INCLUSION_DB_URL")).contains("sslmode=verify-full").contains("sslrootcert=");
        for (Map<String, String> env : List.of(api, worker)) {
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SSL").containsKey("KAFKA_SSL_KEYSTORE_PASSWORD");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");
        }
    }

    // ---- Keycloak --------------------------------------------------------------------------------------------------

    /** The realm as code, which the local run imports; the KeycloakRealmImport carries the same realm. */
    static final Path REALM = Rendered.ROOT.resolve("deploy/keycloak/inclusion-match-realm.json");
    static final Path REALM_IMPORT = Rendered.K8S.resolve("base/keycloak-realm-import.yaml");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @Test
    void theRealmImportIsTheRealmAsCode() throws IOException {
        JsonNode realm = Rendered.JSON.readTree(REALM.toFile());
        String text = Files.readString(REALM_IMPORT);
        JsonNode imported = Rendered.YAML.readTree(text);
        if (Boolean.getBoolean("realm.update")) {
            String header = text.lines().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) imported.path("spec")).set("realm", realm);
            Files.writeString(REALM_IMPORT, header + Rendered.YAML.writeValueAsString(imported).replaceFirst("^---\n", ""));
            imported = Rendered.YAML.readTree(Files.readString(REALM_IMPORT));
        }
        assertThat(imported.path("spec").path("realm")).as("base/keycloak-realm-import.yaml differs from %s: regenerate it "
                + "(-Drealm.update=true, see its header)", REALM).isEqualTo(realm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakIssuesTheTokensTheServicesAccept(String overlay) {
        Rendered r = overlay(overlay);
        JsonNode keycloak = r.get("Keycloak", "inclusion-keycloak");
        JsonNode realmImport = r.get("KeycloakRealmImport", "inclusion-match-realm");
        JsonNode realm = realmImport.path("spec").path("realm");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo(name(keycloak));
        String issuer = keycloak.path("spec").path("hostname").path("hostname").asText() + "/realms/" + realm.path("realm").asText();
        Map<String, String> api = environment(r, container(r.get("Deployment", "profile-service")));
        Map<String, String> worker = environment(r, container(r.get("Deployment", "matching-worker")));
        assertThat(issuer).startsWith("https://");
        assertThat(api).containsEntry("INCLUSION_JWT_ISSUER", issuer)
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer + "/protocol/openid-connect/certs")
                .containsEntry("INCLUSION_OPENAPI_OIDC_URL", issuer + "/.well-known/openid-configuration");
        assertThat(worker).containsEntry("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", issuer);
        // The audience the service checks is the one the realm's mapper adds; the worker's client exists, by client
        // credentials, with the role MATCHER and no organisation; its secret is the one the worker holds.
        List<String> audiences = realm.findValues("included.custom.audience").stream().map(JsonNode::asText).toList();
        assertThat(audiences).containsExactly(api.get("INCLUSION_JWT_AUDIENCE"));
        String workerClient = worker.get("QUARKUS_OIDC_CLIENT_CLIENT_ID");
        JsonNode client = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals(workerClient)).findFirst().orElseThrow();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        JsonNode account = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> u.path("serviceAccountClientId").asText().equals(workerClient)).findFirst().orElseThrow();
        assertThat(account.path("realmRoles").toString()).isEqualTo("[\"MATCHER\"]");
        assertThat(account.path("groups").isMissingNode()).as("the worker belongs to no organisation").isTrue();
        String secretVariable = PLACEHOLDER.matcher(client.path("secret").asText()).results().findFirst().orElseThrow().group(1);
        JsonNode workerSecret = realmImport.path("spec").path("placeholders").path(secretVariable).path("secret");
        assertThat(secretsOf(r.get("Deployment", "matching-worker"))).contains(workerSecret.path("name").asText());
        // Every placeholder without a default is filled from a Secret that exists or is created outside git.
        PLACEHOLDER.matcher(realm.toString()).results().filter(m -> m.group(2) == null).forEach(m ->
                assertThat(realmImport.path("spec").path("placeholders").has(m.group(1))).as("placeholder %s", m.group(1)).isTrue());
        realmImport.path("spec").path("placeholders").forEach(p ->
                assertThat(EXTERNAL_SECRETS).containsKey(p.path("secret").path("name").asText()));
        // Its database by CloudNativePG, over TLS checked against the cluster's CA; its HTTPS certificate from a Secret.
        String database = keycloak.path("spec").path("db").path("host").asText().replaceFirst("-rw$", "");
        r.get("Cluster", database);
        assertThat(keycloak.path("spec").path("db").path("passwordSecret").path("name").asText()).isEqualTo(database + "-app");
        assertThat(keycloak.path("spec").path("truststores").findValuesAsText("name")).contains(database + "-ca");
        assertThat(keycloak.toString()).contains("sslmode=verify-full");
        assertThat(EXTERNAL_SECRETS).containsKeys(keycloak.path("spec").path("http").path("tlsSecret").asText(),
                keycloak.path("spec").path("bootstrapAdmin").path("user").path("secret").asText());
        r.get("NetworkPolicy", name(keycloak));
        r.get("NetworkPolicy", database);
    }

    @Test
    void aMisspelledKeycloakFieldIsCaught() throws IOException {
        Path json = Files.createTempFile("keycloak-typo", ".json");
        try {
            Files.writeString(json, """
                    [{"apiVersion": "k8s.keycloak.org/v2alpha1", "kind": "Keycloak", "metadata": {"name": "k"},
                      "spec": {"instances": 1, "hostname": {"hostnme": "https://login.example.org"}}},
                     {"apiVersion": "k8s.keycloak.org/v2alpha1", "kind": "KeycloakRealmImport", "metadata": {"name": "r"},
                      "spec": {"keycloakCRName": "k", "realm": {"realm": "x", "acessTokenLifespan": 300}}}]
                    """);
            String report;
            try {
                report = Rendered.run(List.of(Rendered.node(), "--no-warnings", Rendered.K8S.resolve("tools/validate.mjs").toString(),
                        json.toString()), Rendered.K8S);
            } catch (AssertionError | IllegalStateException failed) {
                report = failed.getMessage();
            }
            assertThat(report).contains("error Keycloak/k", "error KeycloakRealmImport/r");
        } finally {
            Files.delete(json);
        }
    }

    // ---- Kafka -----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicExistsAndEachUserMayUseOnlyItsOwn(String overlay) throws IOException {
        Rendered r = overlay(overlay);
        Map<String, JsonNode> topics = r.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(name(t)), t -> t));
        Properties api = properties("profile-service");
        Properties worker = properties("matching-worker");
        Set<String> produced = topicsOf(api);
        Set<String> consumed = topicsOf(worker);
        Set<String> deadLetters = consumed.stream().map(t -> t + ".dlq").collect(Collectors.toSet());
        assertThat(topics.keySet()).containsAll(produced).containsAll(consumed).containsAll(deadLetters);
        assertThat(produced).hasSize(4);

        JsonNode kafka = r.ofKind("Kafka").getFirst();
        int minIsr = kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt();
        int nodes = r.ofKind("KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        topics.values().forEach(t -> {
            assertThat(t.path("spec").path("replicas").asInt()).isLessThanOrEqualTo(nodes).isGreaterThan(minIsr - 1);
            assertThat(t.path("spec").path("config").path("retention.ms").asLong()).isPositive();
        });
        if (overlay.equals("prod")) {
            assertThat(nodes).isEqualTo(3);
            assertThat(minIsr).isEqualTo(2);
            topics.values().forEach(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3));
        }
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(kafka.path("spec").path("kafka").path("listeners")).allSatisfy(l -> assertThat(l.path("tls").asBoolean()).isTrue());
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");

        String group = worker.getProperty("mp.messaging.incoming.persons.group.id");
        assertThat(worker.getProperty("mp.messaging.incoming.catalogue.group.id")).isEqualTo(group);
        assertAcls(r.get("KafkaUser", "profile-service"), Map.of("topic", produced), Set.of("Write", "Describe", "IdempotentWrite"));
        Set<String> workerTopics = new TreeSet<>(consumed);
        workerTopics.addAll(deadLetters);
        assertAcls(r.get("KafkaUser", "matching-worker"), Map.of("topic", workerTopics, "group", Set.of(group)),
                Set.of("Read", "Write", "Describe", "IdempotentWrite"));
        assertAcls(r.get("KafkaUser", "keda-lag-reader"), Map.of("topic", consumed, "group", Set.of(group)), Set.of("Describe"));
        // The worker may only read what it consumes and only write its dead-letter topics.
        for (JsonNode acl : r.get("KafkaUser", "matching-worker").path("spec").path("authorization").path("acls")) {
            String topic = acl.path("resource").path("name").asText();
            Set<String> ops = StreamSupport.stream(acl.path("operations").spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.toSet());
            if (ops.contains("Write")) {
                assertThat(deadLetters).contains(topic);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theWorkerScalesOnLagUpToThePartitionCount(String overlay) throws IOException {
        Rendered r = overlay(overlay);
        JsonNode so = r.get("ScaledObject", "matching-worker");
        Set<String> consumed = topicsOf(properties("matching-worker"));
        int partitions = r.ofKind("KafkaTopic").stream().filter(t -> consumed.contains(name(t)))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
        assertThat(so.path("spec").path("maxReplicaCount").asInt()).isEqualTo(partitions);
        JsonNode trigger = so.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.path("metadata").path("consumerGroup").asText())
                .isEqualTo(properties("matching-worker").getProperty("mp.messaging.incoming.persons.group.id"));
        assertThat(trigger.path("metadata").path("bootstrapServers").asText())
                .isEqualTo("inclusion-kafka-kafka-bootstrap." + namespace(r) + ".svc:9093");
        r.get("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
        assertThat(so.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("matching-worker");

        JsonNode hpa = r.get("HorizontalPodAutoscaler", "profile-service");
        assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
        // Database connections of the largest scale-out stay under max_connections.
        int pool = Integer.parseInt(properties("profile-service").getProperty("quarkus.datasource.jdbc.max-size"));
        int maxConnections = r.get("Cluster", "inclusion-pg").path("spec").path("postgresql").path("parameters")
                .path("max_connections").asInt();
        assertThat(hpa.path("spec").path("maxReplicas").asInt() * pool + pool).isLessThan(maxConnections);
        for (String d : List.of("profile-service", "matching-worker")) {
            assertThat(r.ofKind("PodDisruptionBudget")).as("a PDB for %s", d).anySatisfy(p -> assertThat(
                    p.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(d));
        }
    }

    // ---- shape of each overlay -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsInOneNamespaceAndProbesUseTheManagementPort(String overlay) {
        Rendered r = overlay(overlay);
        String ns = namespace(r);
        r.objects().stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
                .forEach(o -> assertThat(o.path("metadata").path("namespace").asText()).as(type(o) + "/" + name(o)).isEqualTo(ns));
        for (String d : List.of("profile-service", "matching-worker")) {
            JsonNode c = container(r.get("Deployment", d));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(c.path(probe).path("httpGet").path("port").asText()).isEqualTo("management");
            }
            assertThat(c.path("ports")).anySatisfy(p -> {
                assertThat(p.path("name").asText()).isEqualTo("management");
                assertThat(p.path("containerPort").asInt()).isEqualTo(9000);
            });
            assertThat(c.path("lifecycle").path("preStop").isMissingNode()).isFalse();
            assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(r.get("Service", d).path("spec").path("ports")).anySatisfy(p ->
                    assertThat(p.path("name").asText()).isEqualTo("management"));
            r.get("NetworkPolicy", d);
        }
        // Only /api leaves the cluster, on the HTTP port.
        JsonNode ingress = r.get("Ingress", "profile-service");
        assertThat(ingress.path("spec").path("rules").get(0).path("http").path("paths")).allSatisfy(p -> {
            assertThat(p.path("path").asText()).isEqualTo("/api");
            assertThat(p.path("backend").path("service").path("port").path("name").asText()).isEqualTo("http");
        });
        assertThat(r.get("ServiceMonitor", "inclusion-match").path("spec").path("endpoints").get(0).path("port").asText())
                .isEqualTo("management");
        Set<String> alerts = StreamSupport.stream(r.get("PrometheusRule", "inclusion-match").path("spec").path("groups").get(0)
                .path("rules").spliterator(), false).map(a -> a.path("alert").asText()).collect(Collectors.toSet());
        assertThat(alerts).contains("InclusionOutboxLag", "InclusionConsumerLag", "InclusionDeadLetters",
                "InclusionMatchingErrors", "InclusionApi5xx", "InclusionAuditWriteFailures", "InclusionWebhookBacklog",
                "InclusionWebhookDeliveriesGivenUp");
    }

    /** Issue 25: only the dispatcher Deployment sends webhooks, and only it may reach partners on the internet. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheWebhookDispatcherSendsAndReachesPartners(String overlay) throws IOException {
        Rendered r = overlay(overlay);
        JsonNode dispatcher = r.get("Deployment", "profile-service-webhooks");
        Map<String, String> env = environment(r, container(dispatcher));
        assertThat(env).containsEntry("INCLUSION_WEBHOOKS_DISPATCH_ENABLED", "true").containsEntry("INCLUSION_WEBHOOKS_REQUIRE_HTTPS", "true");
        Set<String> read = envReferences(properties("profile-service"));
        read.removeAll(LOCAL_ONLY.get("profile-service"));
        assertThat(env.keySet()).as("the dispatcher runs the profile-service image: its settings").containsAll(read);
        assertThat(container(dispatcher).path("image").asText()).isEqualTo(container(r.get("Deployment", "profile-service")).path("image").asText());
        assertThat(environment(r, container(r.get("Deployment", "profile-service")))).containsEntry("INCLUSION_WEBHOOKS_DISPATCH_ENABLED", "false");
        for (JsonNode workload : concat(r.ofKind("Deployment"), r.ofKind("Job"))) {
            if (!name(workload).equals("profile-service-webhooks")) {
                assertThat(environment(r, container(workload)).getOrDefault("INCLUSION_WEBHOOKS_DISPATCH_ENABLED", "false"))
                        .as(name(workload)).isEqualTo("false");
            }
        }
        // its egress to the internet: the webhook ports only, never private, loopback, link-local (metadata) or CGNAT ranges
        JsonNode policy = r.get("NetworkPolicy", "profile-service-webhooks");
        List<JsonNode> internet = StreamSupport.stream(policy.path("spec").path("egress").spliterator(), false)
                .filter(rule -> rule.path("to").toString().contains("ipBlock")).toList();
        assertThat(internet).hasSize(1);
        assertThat(internet.getFirst().path("to").get(0).path("ipBlock").path("except").toString())
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8", "100.64.0.0/10");
        assertThat(internet.getFirst().path("ports").findValuesAsText("port")).containsExactlyInAnyOrder("443", "8443");
        assertThat(policy.path("spec").path("ingress").toString()).doesNotContain("8080");
        assertThat(r.get("Service", "profile-service-webhooks").path("spec").path("ports").toString()).doesNotContain("8080");
    }

    @Test
    void prodIsSpreadReplicatedAndBackedUp() {
        Rendered prod = overlay("prod");
        JsonNode api = prod.get("Deployment", "profile-service");
        assertThat(api.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(prod.get("HorizontalPodAutoscaler", "profile-service").path("spec").path("minReplicas").asInt()).isEqualTo(3);
        for (String d : List.of("profile-service", "matching-worker")) {
            JsonNode pod = prod.get("Deployment", d).path("spec").path("template").path("spec");
            assertThat(pod.path("affinity").path("podAntiAffinity").isMissingNode()).as(d).isFalse();
            assertThat(pod.path("topologySpreadConstraints")).as(d).isNotEmpty();
            assertThat(container(prod.get("Deployment", d)).path("image").asText()).as("tag and digest").matches(".+:[^:@/]+@sha256:[0-9a-f]{64}");
        }
        JsonNode pg = prod.get("Cluster", "inclusion-pg");
        assertThat(pg.path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(pg.path("spec").path("minSyncReplicas").asInt()).isEqualTo(1);
        assertThat(pg.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText()).isNotBlank();
        JsonNode backup = prod.ofKind("ScheduledBackup").getFirst();
        assertThat(backup.path("spec").path("cluster").path("name").asText()).isEqualTo("inclusion-pg");

        Rendered dev = overlay("dev");
        assertThat(dev.get("Cluster", "inclusion-pg").path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(dev.ofKind("KafkaNodePool").getFirst().path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(dev.ofKind("ScheduledBackup")).isEmpty();
        assertThat(namespace(dev)).isNotEqualTo(namespace(prod));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHeapIsHalfTheLimitAndRequestsCoverTheMeasuredMemory(String overlay) {
        Rendered r = overlay(overlay);
        // docs/performance.md, Sizing. RSS measured under load with a 256 MB heap.
        Map<String, Integer> measuredMiB = Map.of("profile-service", 416, "matching-worker", 339);
        measuredMiB.forEach((d, rss) -> {
            JsonNode c = container(r.get("Deployment", d));
            assertThat(environment(r, c).get("JAVA_OPTS_APPEND")).contains("-XX:MaxRAMPercentage=50");
            int limit = mebibytes(c.path("resources").path("limits").path("memory").asText());
            int request = mebibytes(c.path("resources").path("requests").path("memory").asText());
            assertThat(limit / 2).as("%s heap", d).isGreaterThanOrEqualTo(256);
            assertThat(request).as("%s request", d).isGreaterThanOrEqualTo(rss);
            assertThat(limit).isGreaterThan(request);
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.replace("Gi", "")) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Integer.parseInt(quantity.replace("Mi", ""));
    }

    static String namespace(Rendered r) {
        List<JsonNode> ns = r.ofKind("Namespace");
        assertThat(ns).hasSize(1);
        return name(ns.getFirst());
    }

    static void assertAcls(JsonNode user, Map<String, Set<String>> allowedResources, Set<String> allowedOps) {
        JsonNode acls = user.path("spec").path("authorization").path("acls");
        assertThat(acls).isNotEmpty();
        Map<String, Set<String>> granted = new HashMap<>();
        for (JsonNode acl : acls) {
            String type = acl.path("resource").path("type").asText();
            assertThat(acl.path("resource").path("patternType").asText("literal")).isEqualTo("literal");
            acl.path("operations").forEach(op -> assertThat(allowedOps).as(name(user)).contains(op.asText()));
            if (type.equals("cluster")) {
                acl.path("operations").forEach(op -> assertThat(op.asText()).isEqualTo("IdempotentWrite"));
                continue;
            }
            assertThat(allowedResources).as("%s: %s resources", name(user), type).containsKey(type);
            String resource = acl.path("resource").path("name").asText();
            assertThat(allowedResources.get(type)).as("%s may use %s %s", name(user), type, resource).contains(resource);
            granted.computeIfAbsent(type, k -> new TreeSet<>()).add(resource);
        }
        assertThat(granted).as("%s: every resource it needs is granted", name(user)).isEqualTo(allowedResources);
    }

    static Set<String> topicsOf(Properties props) {
        return props.stringPropertyNames().stream().filter(k -> k.startsWith("inclusion.topics."))
                .map(props::getProperty).collect(Collectors.toCollection(TreeSet::new));
    }

    static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Rendered.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** The environment variables the configuration names (outside the test and dev profiles). */
    static Set<String> envReferences(Properties props) {
        Set<String> names = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("%test.") || key.startsWith("%dev.")) {
                continue;
            }
            Matcher m = ENV_REF.matcher(props.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static JsonNode container(JsonNode workload) {
        JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The container's environment as the kubelet would give it, every reference resolved or failing. */
    static Map<String, String> environment(Rendered r, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode cm = r.get("ConfigMap", from.path("configMapRef").path("name").asText());
            cm.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            assertThat(from.has("secretRef")).as("whole Secrets are not loaded").isFalse();
        }
        for (JsonNode e : container.path("env")) {
            JsonNode value = e.path("valueFrom");
            String v;
            if (e.has("value")) {
                v = e.path("value").asText();
            } else if (value.has("configMapKeyRef")) {
                JsonNode cm = r.get("ConfigMap", value.path("configMapKeyRef").path("name").asText());
                String key = value.path("configMapKeyRef").path("key").asText();
                assertThat(cm.path("data").has(key)).as("ConfigMap %s has %s", name(cm), key).isTrue();
                v = cm.path("data").path(key).asText();
            } else if (value.has("secretKeyRef")) {
                v = "<secret " + value.path("secretKeyRef").path("name").asText() + "/" + value.path("secretKeyRef").path("key").asText() + ">";
            } else if (value.has("fieldRef")) {
                v = "<field " + value.path("fieldRef").path("fieldPath").asText() + ">";
            } else {
                throw new AssertionError("an env var of an unknown source: " + e);
            }
            env.put(e.path("name").asText(), v);
        }
        return env;
    }

    static Set<String> secretsOf(JsonNode workload) {
        Set<String> names = new TreeSet<>();
        JsonNode pod = workload.path("spec").path("template").path("spec");
        for (JsonNode c : pod.path("containers")) {
            c.path("env").forEach(e -> {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    names.add(ref.path("name").asText());
                }
            });
        }
        pod.path("volumes").forEach(v -> {
            if (v.has("secret")) {
                names.add(v.path("secret").path("secretName").asText());
            }
        });
        return names;
    }

    static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
