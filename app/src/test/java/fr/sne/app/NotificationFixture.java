package fr.sne.app;

import fr.sne.community.espace.Espace;
import fr.sne.community.espace.EspaceRepository;
import fr.sne.community.espace.Espaces;
import fr.sne.community.notification.Diffusion;
import fr.sne.community.notification.EvenementCommunaute;
import fr.sne.devservices.SharedTestServices;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Shared steps of the notification tests: demo spaces and people, publishing events, caught mails. */
final class NotificationFixture {

    // topic ids of our own, far from anything the forums would create
    private static final AtomicLong SUJETS = new AtomicLong(System.nanoTime() % 1_000_000 + 9_000_000);

    private final TenantTransactions transactions;
    private final EspaceRepository espaces;
    private final Diffusion diffusion;
    private final JdbcOperations jdbc;

    NotificationFixture(ApplicationContext context) {
        this.transactions = context.getBean(TenantTransactions.class);
        this.espaces = context.getBean(EspaceRepository.class);
        this.diffusion = context.getBean(Diffusion.class);
        this.jdbc = context.getBean(JdbcOperations.class);
    }

    static long nouveauSujet() {
        return SUJETS.incrementAndGet();
    }

    Espace espace(String slug) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> espaces.parSlug(slug).orElseThrow());
    }

    long utilisateur(String email) {
        return transactions.withoutScope(() -> jdbc.prepareStatement("SELECT id FROM utilisateur WHERE lower(email) = lower(?)", ps -> {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Publishes the event as the feature would, inside a transaction of the space. */
    void publier(Espace espace, EvenementCommunaute e) {
        transactions.inScope(Espaces.scope(espace), () -> {
            diffusion.publier(e);
            return null;
        });
    }

    EvenementCommunaute sujet(Espace espace, long sujetId, String titre, long auteur, Set<Long> mentionnes) {
        return new EvenementCommunaute(EvenementCommunaute.Type.SUJET, espace.id(), null, sujetId, Set.of(), titre,
                "Premier message du sujet.", "/communaute/sujets/" + sujetId, auteur, mentionnes);
    }

    EvenementCommunaute reponse(Espace espace, long sujetId, String titre, long auteur, Set<Long> mentionnes) {
        return new EvenementCommunaute(EvenementCommunaute.Type.REPONSE, espace.id(), null, sujetId, Set.of(), titre,
                "Une réponse.", "/communaute/sujets/" + sujetId + "#fin", auteur, mentionnes);
    }

    /** Rows of a SQL count in a national scope (notifications of every space). */
    long compter(String sql, Object... params) {
        return transactions.inScope(Scope.nationalReadOnly(), () -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Runs an update in a national read-write scope (test set-up only). */
    void executer(String sql, Object... params) {
        transactions.inScope(Scope.nationalEcriture(), () -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }));
    }

    /** The caught mails to this address whose subject contains the text, oldest first. */
    static List<MimeMessage> courriels(String destinataire, String objetContient) {
        return SharedTestServices.get().mailServer().messages().stream()
                .filter(m -> destinataires(m).contains(destinataire) && objet(m).contains(objetContient))
                .toList();
    }

    static String objet(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String texte(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String entete(MimeMessage m, String nom) {
        try {
            String[] v = m.getHeader(nom);
            return v == null ? null : v[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String destinataires(MimeMessage m) {
        try {
            var a = m.getRecipients(Message.RecipientType.TO);
            return a == null ? "" : java.util.Arrays.toString(a);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
