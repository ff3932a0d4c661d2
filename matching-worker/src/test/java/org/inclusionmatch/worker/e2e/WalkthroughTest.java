package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's first-ten-minutes walkthrough, run as written against the real stack (both services, PostgreSQL,
 * Kafka): the shell blocks between its walkthrough markers are read and each line is performed: a token from
 * {@code deploy/local/token.sh}, a {@code call TOKEN PATH [-X METHOD] [-d BODY]} with its body (inline or a here
 * document, shell variables filled in), {@code | field PATH} to keep a value, and the {@code until} loop that waits for
 * the worker. Each call must answer the status its trailing comment names (200 without one). So the README's paths,
 * bodies and statuses are what runs; a changed body fails here. What the README says of the answers (the placement is
 * recommended, the half-way house is explained as full, the provider's reads are in the export) is checked too. Every
 * call goes through Prism with the committed OpenAPI document ({@link ValidatingProxy}): a request or response of the
 * walkthrough that the document does not describe fails the test.
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class WalkthroughTest {

    private static final Logger LOG = Logger.getLogger(WalkthroughTest.class);
    static final Path README = Path.of("../README.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern TOKEN = Pattern.compile("(\\w+)=\\$\\(deploy/local/token\\.sh (\\w+)(?: \"\\$(\\w+)\")?\\)");
    private static final Pattern ASSIGNED = Pattern.compile("(\\w+)=\\$\\((.*)");
    private static final Pattern UNTIL = Pattern.compile("until \\[ \"\\$\\((.*)\\)\" != None \\]; do sleep 1; done");
    private static final Pattern STATUS_COMMENT = Pattern.compile("\\s+#\\s*(\\d{3})\\b.*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    /** One request the walkthrough made, for the checks after it. */
    record Call(String caller, String method, String path, String body, int status, String answer) {
        JsonNode json() {
            try {
                return JSON.readTree(answer);
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " did not answer JSON: " + answer, e);
            }
        }
    }

    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> tokenNames = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    /** Prism's address while the walkthrough runs. */
    private String api;

    @BeforeAll
    static void catalogue() throws Exception {
        // deploy/local/run.sh imports the demo catalogue at start; so does this stack
        Stack.importDemoCatalogue();
    }

    @Test
    void theReadmeWalkthroughRunsAsWritten() throws Exception {
        String script = walkthroughScript(Files.readString(README));
        assertThat(script).as("the walkthrough's shell blocks").contains("call()", "field()", "token.sh");
        assertShellSyntax(script);

        String service = ConfigProvider.getConfig().getValue("inclusion.test.profile-service-url", String.class);
        try (ValidatingProxy prism = ValidatingProxy.start(ValidatingProxy.committedDocument(), service,
                Path.of("target", "prism-walkthrough.log"))) {
            api = prism.url();
            run(script);
            prism.awaitLogged(calls.size());
            assertThat(prism.forwarded()).as("walkthrough calls that went through Prism").isEqualTo(calls.size());
            assertThat(prism.violations()).as("requests and responses of the walkthrough the committed document does not "
                    + "describe (target/prism-walkthrough.log)").isEmpty();
        }

        // the journey the README promises, in its order and by the side it names
        assertThat(calls).extracting(c -> c.method() + " " + template(c.path()))
                .containsSubsequence("POST /persons", "GET /persons/{}/recommendations", "POST /enrolments",
                        "GET /referrals/{}", "POST /enrolments/{}/status", "POST /outcomes", "GET /persons/{}/export");
        assertThat(only("POST /enrolments/{}/status").caller()).as("the provider answers").isEqualTo("PROVIDER");
        assertThat(only("POST /enrolments").caller()).as("the referrer refers").isEqualTo("CW");

        // what the README says of the answers
        JsonNode recommendations = last("GET /persons/{}/recommendations").json();
        LOG.infof("walkthrough recommendations: %s", recommendations);
        assertThat(recommendations.get("recommendations")).extracting(r -> r.get("measureCode").asText())
                .as("README step 2: RB Cafe's placement is recommended").contains("RBCAFE-PLACEMENT");
        JsonNode house = null;
        for (JsonNode w : recommendations.get("whyNot")) {
            if ("HWH-RIGA-BEDS".equals(w.get("measureCode").asText())) {
                house = w;
            }
        }
        assertThat(house).as("README step 2: the half-way house is explained in whyNot").isNotNull();
        assertThat(house.get("unmet")).extracting(u -> u.get("code").asText()).contains("MEASURE_FULL");
        assertThat(house.get("changes")).extracting(c -> c.get("code").asText()).contains("WAITLIST");
        JsonNode referral = only("POST /enrolments").json();
        assertThat(referral.get("status").asText()).as("README step 3: a place is held").isEqualTo("REFERRED");
        assertThat(referral.get("answerBy").isNull()).as("README step 3: the provider has an answer-by date").isFalse();
        assertThat(only("POST /enrolments/{}/status").json().get("status").asText()).as("README step 4").isEqualTo("ACCEPTED");
        JsonNode export = only("GET /persons/{}/export").json();
        LOG.infof("walkthrough export: %s", export);
        assertThat(export.get("outcomes")).as("README step 6: the outcome").hasSize(1);
        assertThat(export.get("referrals")).as("README step 6: the referral as RB Cafe sees it").hasSize(1);
        String provider = variables.get("RBCAFE");
        assertThat(export.get("accessLog")).as("README step 6: RB Cafe's reads of the referral")
                .anySatisfy(entry -> {
                    assertThat(entry.get("resourceType").asText()).isEqualTo("REFERRAL");
                    assertThat(entry.toString()).contains(provider);
                });
    }

    /** The text of every ```bash block between the README's walkthrough markers, in order. */
    static String walkthroughScript(String readme) {
        int begin = readme.indexOf("<!-- walkthrough: begin -->");
        int end = readme.indexOf("<!-- walkthrough: end -->");
        assertThat(begin).as("README walkthrough markers").isNotNegative().isLessThan(end);
        Matcher blocks = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(begin, end));
        StringBuilder script = new StringBuilder();
        while (blocks.find()) {
            script.append(blocks.group(1));
        }
        return script.toString();
    }

    /** bash itself must read the blocks as the README's reader pastes them (the lines below are read by this class). */
    private static void assertShellSyntax(String script) throws Exception {
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash -n on the walkthrough: %s", output).isZero();
    }

    private void run(String script) throws Exception {
        List<String> lines = script.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals(")") || line.startsWith("API=")
                    || line.startsWith("call() {") || line.startsWith("field() {")) {
                continue;
            }
            Integer expected = null;
            Matcher comment = STATUS_COMMENT.matcher(line);
            if (comment.find()) {
                expected = Integer.valueOf(comment.group(1));
                line = line.substring(0, comment.start());
            }
            Matcher token = TOKEN.matcher(line);
            Matcher until = UNTIL.matcher(line);
            Matcher assigned = ASSIGNED.matcher(line);
            if (token.matches()) {
                String organisation = token.group(3) == null ? null : require(token.group(3));
                variables.put(token.group(1), JwtTokens.mint(token.group(2), organisation));
                tokenNames.put(variables.get(token.group(1)), token.group(1));
            } else if (until.matches()) {
                String pipeline = until.group(1);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !"None".equals(pipeline(pipeline, null, 200)));
            } else {
                String target = null;
                if (assigned.matches()) {
                    target = assigned.group(1);
                    line = assigned.group(2).endsWith(")") && !line.contains("<<")
                            ? assigned.group(2).substring(0, assigned.group(2).length() - 1) : assigned.group(2);
                }
                String hereDoc = null;
                if (line.contains("<<JSON")) {
                    StringBuilder body = new StringBuilder();
                    while (!lines.get(++i).equals("JSON")) {
                        body.append(lines.get(i)).append('\n');
                    }
                    hereDoc = body.toString();
                }
                String value = pipeline(line, hereDoc, expected == null ? 200 : expected);
                if (target != null) {
                    variables.put(target, value);
                }
            }
        }
    }

    /** {@code call ... [| field PATH | python3 -m json.tool]}: performs the call and gives what the pipeline prints. */
    private String pipeline(String pipeline, String hereDoc, int expectedStatus) throws IOException {
        String[] stages = pipeline.split(" \\| ");
        Call call = call(words(stages[0].replace("<<JSON", "").strip()), hereDoc, expectedStatus);
        String out = call.answer();
        for (int s = 1; s < stages.length; s++) {
            String stage = stages[s].strip();
            if (stage.startsWith("field ")) {
                out = field(JSON.readTree(out), stage.substring("field ".length()).strip());
            } else {
                assertThat(stage).as("a pipeline stage this test knows").isEqualTo("python3 -m json.tool");
            }
        }
        return out;
    }

    private Call call(List<String> words, String hereDoc, int expectedStatus) {
        assertThat(words.get(0)).as("a walkthrough command").isEqualTo("call");
        String token = words.get(1);
        String path = words.get(2);
        String method = null;
        String body = null;
        for (int w = 3; w < words.size(); w++) {
            switch (words.get(w)) {
                case "-X" -> method = words.get(++w);
                case "-d" -> {
                    String data = words.get(++w);
                    body = "@-".equals(data) ? fill(hereDoc) : data;
                }
                default -> throw new AssertionError("a curl option this test does not know: " + words.get(w));
            }
        }
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        var request = given().baseUri(api)
                .header("Authorization", "Bearer " + token)
                .contentType("application/json");
        if (body != null) {
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(method, "/api/v1" + path);
        Call call = new Call(tokenNames.getOrDefault(token, "?"), method, path, body, response.statusCode(), response.asString());
        calls.add(call);
        assertThat(call.status()).as("%s %s as %s (README): %s", method, path, call.caller(), call.answer())
                .isEqualTo(expectedStatus);
        return call;
    }

    /** Shell words: double quotes fill in variables, single quotes keep their text. */
    private List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == ' ' && word != null) {
                words.add(word.toString());
                word = null;
                continue;
            }
            if (c == ' ') {
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                word.append(command, i + 1, close);
                i = close;
            } else if (c == '"') {
                int close = command.indexOf('"', i + 1);
                word.append(fill(command.substring(i + 1, close)));
                i = close;
            } else {
                int next = i;
                while (next < command.length() && " '\"".indexOf(command.charAt(next)) < 0) {
                    next++;
                }
                word.append(fill(command.substring(i, next)));
                i = next - 1;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private String fill(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(filled, Matcher.quoteReplacement(require(variable.group(1))));
        }
        return variable.appendTail(filled).toString();
    }

    private String require(String name) {
        assertThat(variables).as("shell variable %s is set by an earlier line of the walkthrough", name).containsKey(name);
        return variables.get(name);
    }

    /** As the README's {@code field}: a dotted path, numbers index lists; null prints as Python's None. */
    static String field(JsonNode json, String path) {
        JsonNode node = json;
        for (String key : path.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(key)) : node.get(key);
            assertThat(node).as("field %s in %s", path, json).isNotNull();
        }
        return node.isNull() ? "None" : node.isTextual() ? node.asText() : node.toString();
    }

    /** The path with ids replaced by {} and without its query, to name a step. */
    private static String template(String path) {
        return path.replaceAll("\\?.*$", "").replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{}");
    }

    private Call only(String step) {
        List<Call> matching = calls.stream().filter(c -> (c.method() + " " + template(c.path())).equals(step)).toList();
        assertThat(matching).as(step).hasSize(1);
        return matching.get(0);
    }

    private Call last(String step) {
        List<Call> matching = calls.stream().filter(c -> (c.method() + " " + template(c.path())).equals(step)).toList();
        assertThat(matching).as(step).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    /** deploy/local/token.sh's tokens, minted by the test issuer the stack trusts. */
    static final class JwtTokens {
        static String mint(String role, String organisation) {
            return org.inclusionmatch.servers.testing.JwtTestResource.ISSUER.token("walkthrough-" + role.toLowerCase(),
                    List.of(role.split(",")), organisation == null ? null : UUID.fromString(organisation), 600);
        }
    }
}
