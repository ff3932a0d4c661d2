import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

/**
 * Downloads one URL to a file and checks it against an npm "integrity" value (sha512-BASE64), so that
 * deploy/local/node-tools.sh needs neither curl nor openssl on a machine that has only a JDK:
 * {@code java tools/node/Fetch.java URL sha512-... OUTPUT}. The file is written only when the hash matches.
 */
public class Fetch {
    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[1].startsWith("sha512-")) {
            System.err.println("usage: java Fetch.java URL sha512-BASE64 OUTPUT");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println(args[0] + ": HTTP " + response.statusCode());
            System.exit(1);
        }
        Path output = Path.of(args[2]);
        Path partial = output.resolveSibling(output.getFileName() + ".part");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        try (InputStream in = response.body(); var out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha512.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!actual.equals(args[1])) {
            Files.delete(partial);
            System.err.println(args[0] + ": integrity mismatch, expected " + args[1] + " got " + actual);
            System.exit(1);
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    }
}
