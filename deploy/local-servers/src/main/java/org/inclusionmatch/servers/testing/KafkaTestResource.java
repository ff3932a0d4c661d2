package org.inclusionmatch.servers.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.inclusionmatch.servers.LocalKafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a real Apache Kafka broker (KRaft) inside the test JVM, started on first use and
 * stopped when the JVM exits. Each start gets its own run id, which services put into their topic names.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafka broker;

    public static synchronized LocalKafka broker() throws Exception {
        if (broker == null) {
            Path dir = Path.of("target").toAbsolutePath().resolve("kafka-" + UUID.randomUUID());
            broker = LocalKafka.start(dir, 0, 3);
            LocalKafka started = broker;
            ServerDirectories.stopThenDeleteOnExit(started, dir, "stop-test-kafka");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "kafka.bootstrap.servers", broker().bootstrapServers(),
                    "inclusion.test.run-id", "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        // Reused by the next test profile; the JVM's exit stops it.
    }
}
