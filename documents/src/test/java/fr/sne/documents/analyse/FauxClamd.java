package fr.sne.documents.analyse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal clamd peer for tests: speaks INSTREAM over TCP and "finds" the EICAR test string
 * anywhere in the stream (no real clamd with signatures can run offline here).
 */
final class FauxClamd implements AutoCloseable {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final ServerSocket serveur;
    private final Thread fil;
    private final String reponseForcee;

    /** {@code reponseForcee}: null for a normal scan, or a fixed answer (an error line...). */
    FauxClamd(String reponseForcee) throws IOException {
        this.reponseForcee = reponseForcee;
        this.serveur = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.fil = Thread.ofVirtual().start(this::servir);
    }

    int port() {
        return serveur.getLocalPort();
    }

    private void servir() {
        while (!serveur.isClosed()) {
            try (Socket client = serveur.accept()) {
                repondre(client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void repondre(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        StringBuilder commande = new StringBuilder();
        int c;
        while ((c = in.read()) > 0) {
            commande.append((char) c);
        }
        OutputStream out = client.getOutputStream();
        if (!commande.toString().equals("zINSTREAM")) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream flux = new ByteArrayOutputStream();
        int longueur;
        while ((longueur = in.readInt()) > 0) {
            flux.write(in.readNBytes(longueur));
        }
        String reponse = reponseForcee != null ? reponseForcee
                : flux.toString(StandardCharsets.ISO_8859_1).contains(EICAR) ? "stream: Eicar-Signature FOUND" : "stream: OK";
        out.write((reponse + "\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serveur.close();
        fil.interrupt();
    }
}
