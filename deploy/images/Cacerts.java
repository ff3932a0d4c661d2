import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The image's Java trust store from Debian's CA certificates (what ca-certificates-java's post-install step does,
 * which the base image script cannot run: it writes to a fixed path with the target JRE).
 * Usage: java Cacerts.java OUT.p12 CERT.crt... (store password "changeit", the JDK default).
 */
public class Cacerts {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java Cacerts.java OUT.p12 CERT.crt...");
            System.exit(2);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (int i = 1; i < args.length; i++) {
            try (InputStream in = new FileInputStream(args[i])) {
                X509Certificate cert = (X509Certificate) x509.generateCertificate(in);
                String alias = Path.of(args[i]).getFileName().toString().replaceFirst("\\.crt$", "").toLowerCase();
                store.setCertificateEntry("debian:" + alias, cert);
            }
        }
        try (FileOutputStream out = new FileOutputStream(args[0])) {
            store.store(out, "changeit".toCharArray());
        }
        System.out.println(store.size() + " CA certificates in " + args[0]);
    }
}
