package fr.sne.app;

import fr.sne.core.demande.DemandeEnregistree;
import fr.sne.core.demande.DemandeInvalide;
import fr.sne.core.demande.DemandeJson;
import fr.sne.core.demande.DemandeService;
import fr.sne.core.numero.NumeroUnique;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.identity.Actor;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registrations take their number in a short transaction of their own: concurrent desks of one
 * territory (any number of nodes share the counter row in the database) never get the same number,
 * and a registration failing after its number leaves that number unused, never issued again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "test.enregistrement.echec", value = "true")
class EnregistrementConcurrentTest implements SharedServicesTest {

    private static final String ECHEC = "Echec-apres-numero";

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    @Inject
    DemandeService demandes;

    @Inject
    EchecApresNumero echec;

    private static DemandeJson.Creation creation(String nom, String prenoms) {
        DemandeJson.Demandeur demandeur = new DemandeJson.Demandeur("2", nom, null, prenoms, LocalDate.of(1985, 3, 12), null, null,
                "1", null, null, "C", "a@exemple.fr", "0611111111", null,
                new DemandeJson.Adresse("10", "rue des Alpes", null, "38000", "38185", null, null, null),
                null, null, null, null, null, null, null);
        DemandeJson.Contenu contenu = new DemandeJson.Contenu(demandeur, null, null, null, null, null, null, null,
                DemandeJson.LogementRecherche.de(List.of("T2"), List.of("38185")), null, null);
        // homonyms on purpose: the desk confirmed them, so the duplicates check lets them through
        return new DemandeJson.Creation(contenu, "Homonyme vérifié sur pièce d'identité", null);
    }

    private static Actor desk(int i) {
        return new Actor.ClientApi(i % 2 == 0 ? "editeur-actis" : "editeur-stegreve", i % 2 == 0 ? "38001" : "38002", "038",
                List.of("demandes"));
    }

    private String creer(Actor actor, DemandeJson.Creation creation, String cle) {
        try {
            return demandes.creer(actor, creation, cle).demande().numeroUnique();
        } catch (DemandeInvalide e) {
            throw new AssertionError(e.anomalies().toString(), e);
        }
    }

    private long ecrites(String numero) {
        return transactions.inScope(Scope.territoire("038"), () -> jdbc.prepareStatement(
                "SELECT count(*) FROM demande WHERE numero_unique = ?", ps -> {
                    ps.setString(1, numero);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    @Test
    void sixteenConcurrentDesksGetDistinctNumbersAndEveryApplicationIsWritten() throws Exception {
        int desks = 16;
        int each = 8;
        ConcurrentLinkedQueue<String> numeros = new ConcurrentLinkedQueue<>();
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        List<Future<?>> taches = new ArrayList<>();
        for (int d = 0; d < desks; d++) {
            int desk = d;
            taches.add(pool.submit(() -> {
                depart.await();
                for (int i = 0; i < each; i++) {
                    numeros.add(creer(desk(desk), creation("Concurrent", "Guichet " + (char) ('A' + desk)), null));
                }
                return null;
            }));
        }
        depart.countDown();
        for (Future<?> t : taches) {
            t.get();
        }
        pool.shutdown();
        assertEquals(desks * each, Set.copyOf(numeros).size(), "no number issued twice");
        for (String numero : numeros) {
            assertTrue(transactions.inScope(Scope.territoire("038"), () -> ecrites(numero) == 1), numero);
        }
    }

    @Test
    void aRegistrationFailingAfterItsNumberWritesNothingAndThatNumberIsNeverIssuedAgain() {
        assertThrows(IllegalStateException.class, () -> demandes.creer(desk(0), creation(ECHEC, "Jeanne"), null));
        String perdu = echec.numero.get();
        assertTrue(perdu != null && perdu.startsWith("038"), String.valueOf(perdu));
        assertFalse(transactions.inScope(Scope.territoire("038"), () -> ecrites(perdu) == 1), "nothing half-written");
        long ecrits = transactions.inScope(Scope.territoire("038"), () -> jdbc.prepareStatement(
                "SELECT count(*) FROM mouvement WHERE numero_unique = ?", ps -> {
                    ps.setString(1, perdu);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
        assertEquals(0, ecrits);
        // the next registration of the same month gets a later number: the unused one is a gap
        String suivant = creer(desk(1), creation("Apres", "Jeanne"), null);
        Set<Integer> sequences = new TreeSet<>(List.of(NumeroUnique.lire(perdu).sequence(), NumeroUnique.lire(suivant).sequence()));
        assertEquals(NumeroUnique.lire(suivant).sequence(), ((TreeSet<Integer>) sequences).last());
        assertEquals(2, sequences.size());
    }

    /** Makes the registration's second transaction fail, after the number was taken. */
    @Singleton
    @Requires(property = "test.enregistrement.echec")
    static class EchecApresNumero implements ApplicationEventListener<DemandeEnregistree> {

        final AtomicReference<String> numero = new AtomicReference<>();

        @Override
        public void onApplicationEvent(DemandeEnregistree event) {
            if (ECHEC.equals(event.demandeur().nomNaissance())) {
                numero.set(event.numeroUnique());
                throw new IllegalStateException("panne simulée après l'attribution du numéro");
            }
        }
    }
}
