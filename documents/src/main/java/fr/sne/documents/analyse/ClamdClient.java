package fr.sne.documents.analyse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A clamd client speaking its INSTREAM command over TCP: {@code zINSTREAM\0}, then chunks each
 * preceded by their length (4 bytes, network order), a zero length to finish; clamd answers
 * {@code stream: OK} or {@code stream: <signature> FOUND}.
 */
final class ClamdClient {

    /** What clamd said about a file. */
    sealed interface Verdict {
        record Sain() implements Verdict {
        }

        record Infecte(String signature) implements Verdict {
        }

        /** clamd could not be reached or did not give a verdict. */
        record Indisponible(String raison) implements Verdict {
        }
    }

    private static final int CHUNK = 64 * 1024;
    private static final int REPONSE_MAX = 4096;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    ClamdClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    Verdict verifier(Path fichier) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(fichier)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            return interpreter(lire(socket.getInputStream()));
        } catch (IOException e) {
            return new Verdict.Indisponible(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String lire(InputStream in) throws IOException {
        ByteArrayOutputStream reponse = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reponse.size() < REPONSE_MAX) {
            reponse.write(b);
        }
        return reponse.toString(StandardCharsets.US_ASCII).trim();
    }

    static Verdict interpreter(String reponse) {
        if (reponse.endsWith(" FOUND")) {
            String signature = reponse.substring(0, reponse.length() - " FOUND".length());
            int deuxPoints = signature.indexOf(": ");
            return new Verdict.Infecte(deuxPoints >= 0 ? signature.substring(deuxPoints + 2) : signature);
        }
        if (reponse.endsWith(": OK")) {
            return new Verdict.Sain();
        }
        return new Verdict.Indisponible(reponse.isEmpty() ? "réponse vide" : reponse);
    }
}
