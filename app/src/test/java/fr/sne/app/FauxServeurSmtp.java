package fr.sne.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal SMTP server on loopback for tests, answering as a real one does when it refuses a
 * recipient for good ({@code 550} to {@code RCPT} when the address contains "refuse") or for now
 * ({@code 451} when it contains "plustard"); other mails are accepted and dropped.
 */
final class FauxServeurSmtp implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    FauxServeurSmtp() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        thread = Thread.ofVirtual().name("faux-smtp").start(this::accepter);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accepter() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> dialoguer(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void dialoguer(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            repondre(out, "220 faux-smtp ESMTP");
            String ligne;
            while ((ligne = in.readLine()) != null) {
                String commande = ligne.toUpperCase(Locale.ROOT);
                if (commande.startsWith("EHLO") || commande.startsWith("HELO")) {
                    repondre(out, "250 faux-smtp");
                } else if (commande.startsWith("RCPT")) {
                    String adresse = ligne.toLowerCase(Locale.ROOT);
                    repondre(out, adresse.contains("refuse") ? "550 5.1.1 " + ligne.substring(8).strip() + ": Recipient address rejected: User unknown"
                            : adresse.contains("plustard") ? "451 4.3.0 Mailbox temporarily unavailable, try again later" : "250 2.1.5 OK");
                } else if (commande.startsWith("DATA")) {
                    repondre(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((ligne = in.readLine()) != null && !ligne.equals(".")) {
                        // the mail is dropped
                    }
                    repondre(out, "250 2.0.0 OK queued");
                } else if (commande.startsWith("QUIT")) {
                    repondre(out, "221 2.0.0 Bye");
                    return;
                } else {
                    repondre(out, "250 2.0.0 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void repondre(OutputStream out, String ligne) throws IOException {
        out.write((ligne + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        thread.interrupt();
    }
}
