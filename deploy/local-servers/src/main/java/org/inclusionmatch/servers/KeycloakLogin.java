package org.inclusionmatch.servers;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens from the project's Keycloak realm without a browser, for scripts and tests: a user signs in through the
 * realm's login form as a browser would (authorization code with PKCE, the public client inclusion-web; no password
 * grant is enabled in the realm), or a machine client uses its client credentials.
 * <pre>
 *   KeycloakLogin user REALM_URL USERNAME [PASSWORD]          prints a user's access token (demo password by default)
 *   KeycloakLogin client REALM_URL CLIENT_ID SECRET            prints a machine client's access token
 *   KeycloakLogin role REALM_URL API_URL ROLE [ORGANISATION_ID] the demo user for a role (and organisation): deploy/local/token.sh
 * </pre>
 */
public final class KeycloakLogin {

    public static final String WEB_CLIENT = "inclusion-web";
    public static final String DEMO_PASSWORD = "Demo-password-1";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");

    private KeycloakLogin() {
    }

    /** A user's access token, signed in through the login form with PKCE; {@code redirectUri} must be allowed for inclusion-web. */
    public static String userToken(String realmUrl, String redirectUri, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe();
        String authorize = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of("client_id", WEB_CLIENT,
                "redirect_uri", redirectUri, "response_type", "code", "scope", "openid", "state", randomUrlSafe(),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        // The session cookies back by hand: Keycloak marks them Secure, which a browser sends to http://127.0.0.1
        // (a secure context) and java.net.CookieManager does not.
        String cookies = loginPage.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak showed no login form (HTTP " + loginPage.statusCode() + ") at " + authorize);
        }
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = CODE.matcher(signedIn.headers().firstValue("Location").orElse(""));
        if (signedIn.statusCode() != 302 || !code.find()) {
            // Keycloak shows its login form again: a wrong user name or password, or an account locked for a while
            throw new IllegalStateException("Sign-in of " + username + " refused (wrong user name or password, or the account "
                    + "is locked after repeated failures; HTTP " + signedIn.statusCode() + ")");
        }
        return token(http, realmUrl, Map.of("grant_type", "authorization_code", "client_id", WEB_CLIENT,
                "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    /** A machine client's access token by client credentials. */
    public static String clientToken(String realmUrl, String clientId, String secret) throws IOException, InterruptedException {
        return token(HttpClient.newHttpClient(), realmUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String token(HttpClient http, String realmUrl, Map<String, String> grant) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak gave no token (HTTP " + answer.statusCode() + "): " + answer.body());
        }
        return token.group(1);
    }

    /** The demo user of deploy/keycloak for a role and organisation, as deploy/local/token.sh names them. */
    static String roleToken(String realmUrl, String apiUrl, String role, String organisationId) throws IOException, InterruptedException {
        String redirect = apiUrl + "/q/swagger-ui/oauth2-redirect.html";
        String password = System.getenv().getOrDefault("INCLUSION_DEMO_PASSWORD", DEMO_PASSWORD);
        return switch (role) {
            case "ADMIN" -> userToken(realmUrl, redirect, "admin", password);
            case "AUDITOR" -> userToken(realmUrl, redirect, "auditor", password);
            case "MATCHER" -> clientToken(realmUrl, "matching-worker",
                    System.getenv().getOrDefault("INCLUSION_WORKER_CLIENT_SECRET", "dev-matching-worker-secret"));
            case "CASEWORKER", "PARTNER" -> {
                if (organisationId == null) {
                    throw new IllegalArgumentException(role + " needs an ORGANISATION_ID: the demo users belong to one");
                }
                String code = organisationCode(apiUrl, userToken(realmUrl, redirect, "admin", password), organisationId);
                yield userToken(realmUrl, redirect, role.toLowerCase() + "-" + code.toLowerCase(), password);
            }
            default -> throw new IllegalArgumentException("no demo user for role " + role);
        };
    }

    private static String organisationCode(String apiUrl, String adminToken, String organisationId) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(apiUrl + "/api/v1/organisations/" + organisationId))
                .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !code.find()) {
            throw new IllegalStateException("no organisation " + organisationId + " (HTTP " + answer.statusCode() + ")");
        }
        return code.group(1);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static void main(String[] args) throws Exception {
        try {
            System.out.println(token(args));
        } catch (java.net.ConnectException e) {
            System.err.println("Keycloak does not answer at " + args[1] + ": is it running (deploy/local/run.sh --keycloak)?");
            System.exit(1);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String token(String[] args) throws IOException, InterruptedException {
        return switch (args.length < 3 ? "" : args[0]) {
            case "user" -> userToken(args[1], System.getenv().getOrDefault("INCLUSION_WEB_ORIGIN", "http://127.0.0.1:8080")
                    + "/q/swagger-ui/oauth2-redirect.html", args[2], args.length > 3 ? args[3] : DEMO_PASSWORD);
            case "client" -> clientToken(args[1], args[2], args[3]);
            case "role" -> roleToken(args[1], args[2], args[3], args.length > 4 && !args[4].isBlank() ? args[4] : null);
            default -> {
                System.err.println("usage: KeycloakLogin user REALM_URL USERNAME [PASSWORD] | client REALM_URL CLIENT_ID SECRET"
                        + " | role REALM_URL API_URL ROLE [ORGANISATION_ID]");
                System.exit(2);
                yield null;
            }
        };
    }
}
