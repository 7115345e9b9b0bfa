package fr.sne.core.numero;

import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unique numbers under 16 concurrent creators, through the real database. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "sne.oidc.issuer", value = "http://localhost/sne")
class NumerotationTest implements SharedServicesTest {

    @Inject
    Numerotation numerotation;

    @Inject
    TenantTransactions transactions;

    @Test
    void sixteenConcurrentCreatorsNeverShareANumber() throws Exception {
        LocalDate depot = LocalDate.of(2025, 11, 3);
        int createurs = 16;
        int parCreateur = 40;
        ConcurrentLinkedQueue<String> numeros = new ConcurrentLinkedQueue<>();
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(createurs);
        List<Future<?>> taches = new ArrayList<>();
        for (int c = 0; c < createurs; c++) {
            String guichet = c % 2 == 0 ? "38001" : "38002";
            taches.add(pool.submit(() -> {
                depart.await();
                for (int i = 0; i < parCreateur; i++) {
                    numeros.add(transactions.inScope(Scope.territoire("038"),
                            () -> numerotation.attribuer("038", guichet, depot)).toString());
                }
                return null;
            }));
        }
        depart.countDown();
        for (Future<?> t : taches) {
            t.get();
        }
        pool.shutdown();

        assertEquals(createurs * parCreateur, numeros.size());
        Set<Integer> sequences = new TreeSet<>();
        for (String n : numeros) {
            assertTrue(n.matches("0381125\\d{6}3800[12]"), n);
            sequences.add(NumeroUnique.lire(n).sequence());
        }
        // no duplicate and no gap: 1..640 for this territory and month
        assertEquals(createurs * parCreateur, sequences.size());
        assertEquals(1, sequences.iterator().next());
        assertEquals(createurs * parCreateur, ((TreeSet<Integer>) sequences).last());
    }

    @Test
    void aRolledBackNumberingIssuesNothingAndEachMonthAndTerritoryHasItsOwnSequence() {
        LocalDate depot = LocalDate.of(2026, 2, 14);
        assertEquals("030022600000130001", transactions.inScope(Scope.territoire("030"),
                () -> numerotation.attribuer("030", "30001", depot)).toString());
        assertThrows(IllegalStateException.class, () -> transactions.inScope(Scope.territoire("030"), () -> {
            numerotation.attribuer("030", "30001", depot);
            throw new IllegalStateException("numbering transaction failed");
        }));
        assertEquals(2, transactions.inScope(Scope.territoire("030"), () -> numerotation.attribuer("030", "30002", depot)).sequence());
        assertEquals(1, transactions.inScope(Scope.territoire("030"),
                () -> numerotation.attribuer("030", "30001", depot.plusMonths(1))).sequence());
        // another territory's counter cannot be touched from this scope (RLS)
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.territoire("030"),
                () -> numerotation.attribuer("038", "38001", depot)));
    }

    @Test
    void numbersAreReadAndWrittenInTheContractsFormat() {
        NumeroUnique n = NumeroUnique.lire("1110318016982G1104");
        assertEquals(new NumeroUnique("111", "0318", 16982, "G1104"), n);
        assertEquals("1110318016982G1104", n.toString());
        assertThrows(IllegalArgumentException.class, () -> NumeroUnique.lire("1111318016982G1104"));
        assertThrows(IllegalArgumentException.class, () -> NumeroUnique.lire("038112500000038001"));
    }
}
