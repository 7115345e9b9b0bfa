package fr.sne.app;

import fr.sne.core.cycle.PurgeDemandes;
import fr.sne.core.cycle.RadiationAutomatique;
import fr.sne.devservices.SharedServicesTest;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the deadline and after: the nightly radiation for non-renewal (RADREN), its idempotence
 * (twice, and four runners at once), the reactivation window of 18 months, and the purge of
 * radiated applications a year later. Dates are controlled: the jobs take the day, rows are
 * backdated through the owner's connection.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CycleEcheanceTest implements SharedServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    RadiationAutomatique radiation;

    @Inject
    PurgeDemandes purge;

    @Inject
    TenantTransactions transactions;

    @Inject
    JdbcOperations jdbc;

    private FabriqueDemandes fabrique;
    private WebClient web;

    @BeforeAll
    void setUp() {
        fabrique = new FabriqueDemandes(server);
        web = new WebClient(server);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private String nouvelle() {
        return fabrique.creer("editeur-actis", FabriqueDemandes.Menage.de(FabriqueDemandes.nomUnique("Echeance"), "Noa", "1979-09-09"));
    }

    /** The renewal deadline as if the application had been filed or renewed long ago. */
    private static void echeance(String numero, LocalDate date) {
        FabriqueDemandes.sql("UPDATE demande SET date_prochain_renouvellement = ? WHERE numero_unique = ?", date, numero);
    }

    private static long compte(String sql, Object... params) {
        return FabriqueDemandes.nombre(sql, params);
    }

    private static String etat(String numero) {
        return compte("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'ACTIVE'", numero) == 1 ? "ACTIVE"
                : compte("SELECT count(*) FROM demande WHERE numero_unique = ? AND etat = 'RADIEE'", numero) == 1 ? "RADIEE" : "ABSENTE";
    }

    private HttpResponse<String> post(String client, String path, String json) {
        HttpRequest.Builder r = HttpRequest.newBuilder(web.uri(path)).header("Authorization", "Bearer " + FabriqueDemandes.jeton(client))
                .header("Accept", "application/json");
        r = json == null ? r.POST(HttpRequest.BodyPublishers.noBody())
                : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return web.send(r.build());
    }

    @Test
    void theDayAfterItsDeadlineAnApplicationNotRenewedIsRadiatedOnce() {
        String echue = nouvelle();
        String aLEcheance = nouvelle();
        echeance(echue, today().minusDays(1));
        echeance(aLEcheance, today());

        // in an SPTA territory the local file radiates, not the register
        String spta = "0350125" + "%06d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 999999)) + "GDPUB";
        FabriqueDemandes.sql("""
                INSERT INTO demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_prochain_renouvellement,
                                     nom_naissance_cle, prenoms_cle, date_naissance, communes_souhaitees, document)
                VALUES ('035', ?, 'GDPUB', 'ACTIVE', ?, ?, 'spta', 'local', '1980-01-01', '{35238}', '{}')""",
                spta, today().minusYears(2), today().minusDays(5));

        radiation.executer(today());
        assertEquals("RADIEE", etat(echue));
        assertEquals("ACTIVE", etat(aLEcheance), "valid until its deadline included");
        assertEquals("ACTIVE", etat(spta));
        // a bare row for this check only: other tests read every application
        FabriqueDemandes.sql("DELETE FROM demande WHERE numero_unique = ?", spta);
        assertEquals(1, compte("""
                SELECT count(*) FROM radiation WHERE numero_unique = ? AND motif = 'RADREN' AND echeance = ? AND date_radiation = ?
                   AND guichet IS NULL AND auteur = 'systeme:radiation-echeance' AND levee_le IS NULL""", echue, today().minusDays(1), today()));
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", echue));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RADDEM' AND guichet IS NULL", echue));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND acteur = 'systeme:radiation-echeance' "
                + "AND apres->>'motif' = 'RADREN'", echue));
        assertEquals(1, compte("""
                SELECT count(*) FROM radiation_statistique s JOIN radiation r ON r.territoire = s.territoire AND r.statistique_id = s.id
                 WHERE r.numero_unique = ? AND s.motif = 'RADREN' AND s.type_guichet_radiation = 'SYSTEME'
                   AND s.type_guichet_enregistreur = 'BAILLEUR'""", echue));

        // the same night again (a retry, a second node): nothing more
        radiation.executer(today());
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", echue));
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ?", echue));
        assertEquals(0, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", aLEcheance));
    }

    @Test
    void fourRunnersAtOnceRadiateEachApplicationOnce() throws Exception {
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String n = nouvelle();
            echeance(n, today().minusDays(3 + i));
            numeros.add(n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch depart = new CountDownLatch(1);
        List<Future<RadiationAutomatique.Bilan>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                depart.await();
                return radiation.executer(today());
            }));
        }
        depart.countDown();
        int radiees = 0;
        for (Future<RadiationAutomatique.Bilan> run : runs) {
            RadiationAutomatique.Bilan bilan = run.get();
            assertEquals(0, bilan.echecs());
            radiees += bilan.radiees();
        }
        pool.shutdown();
        assertTrue(radiees >= numeros.size(), "every overdue application radiated by one of the runners");
        for (String n : numeros) {
            assertEquals("RADIEE", etat(n));
            assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'RAD'", n), n);
            assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ?", n), n);
            assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RADDEM'", n), n);
        }
    }

    @Test
    void aRadrenApplicationIsReactivatedWithItsNumberAndSeniorityWithinEighteenMonths() {
        String numero = nouvelle();
        LocalDate depot = today();
        echeance(numero, today().minusMonths(17));
        radiation.executer(today());
        assertEquals("RADIEE", etat(numero));
        long statistique = compte("SELECT statistique_id FROM radiation WHERE numero_unique = ?", numero);

        HttpResponse<String> r = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"numeroUnique\":\"" + numero + "\""), r.body());
        assertTrue(r.body().contains("\"etat\":\"ACTIVE\""), r.body());
        assertTrue(r.body().contains("\"dateDepot\":\"" + depot + "\""), r.body());
        assertTrue(r.body().contains("\"dateProchainRenouvellement\":\"" + today().plusYears(1) + "\""), r.body());
        assertEquals(1, compte("SELECT count(*) FROM radiation WHERE numero_unique = ? AND levee_type = 'REACTIVATION' "
                + "AND levee_par = 'client:editeur-actis'", numero));
        assertEquals(1, compte("SELECT count(*) FROM radiation_statistique WHERE id = ? AND annulee", statistique));
        assertEquals(1, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));
        assertEquals(1, compte("SELECT count(*) FROM evenement WHERE numero_unique = ? AND code = 'RENDEM' "
                + "AND commentaire LIKE 'Réactivation%'", numero));
        assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND apres->>'operation' = 'REACTIVATION'", numero));
        // once renewed it is no longer due: the next night leaves it alone
        radiation.executer(today());
        assertEquals("ACTIVE", etat(numero));
    }

    @Test
    void afterEighteenMonthsTheRadrenApplicationCanNoLongerBeReactivated() {
        String numero = nouvelle();
        echeance(numero, today().minusMonths(18).minusDays(1));
        radiation.executer(today());
        HttpResponse<String> r = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/renouvellement", null);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("18 mois après l’échéance"), r.body());
        assertTrue(r.body().contains("nouvelle demande doit être déposée"), r.body());
        assertEquals("RADIEE", etat(numero));
        assertEquals(0, compte("SELECT count(*) FROM mouvement WHERE numero_unique = ? AND type = 'REN'", numero));

        // on the last day of the window it still can
        String limite = nouvelle();
        echeance(limite, today().minusMonths(18));
        radiation.executer(today());
        assertEquals(200, post("editeur-actis", "/api/v1.0/demandes/" + limite + "/renouvellement", null).statusCode());
    }

    @Test
    void aYearAfterItsRadiationAnApplicationIsPurgedEverywhereButItsStatisticsAndItsNumberStayTaken() {
        String email = "purge." + MaDemandeTest.nom("x") + "@exemple.fr";
        // filed online: the online filing, its versions, events and the attestation's outbox all hold the number
        String numero = MaDemandeTest.enregistree(server, email).numero();
        FabriqueDemandes.sql("""
                INSERT INTO evenement (territoire, numero_unique, code, origine, date_survenance, commentaire, guichet, auteur)
                VALUES ('038', ?, 'TENAD00022', 'GUICHET', ?, 'Merci de fournir votre avis d''imposition', '38001', 'agent.actis@sne.test')""",
                numero, today());
        // a table another feature might add later, referencing the application
        FabriqueDemandes.sql("""
                CREATE TABLE IF NOT EXISTS test_cycle_annexe (territoire varchar(3) NOT NULL, id serial, numero_unique varchar(18) NOT NULL,
                    note text, PRIMARY KEY (territoire, id), FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique))""");
        // and one referring to that one's rows only by their id (as the sendings of a renewal notice do)
        FabriqueDemandes.sql("""
                CREATE TABLE IF NOT EXISTS test_cycle_envoi (territoire varchar(3) NOT NULL, id serial, annexe integer NOT NULL,
                    destinataire text, PRIMARY KEY (territoire, id), FOREIGN KEY (territoire, annexe) REFERENCES test_cycle_annexe (territoire, id))""");
        try {
            FabriqueDemandes.sql("INSERT INTO test_cycle_annexe (territoire, numero_unique, note) VALUES ('038', ?, 'nominatif')", numero);
            FabriqueDemandes.sql("""
                    INSERT INTO test_cycle_envoi (territoire, annexe, destinataire)
                    SELECT territoire, id, '0611223344' FROM test_cycle_annexe WHERE numero_unique = ?""", numero);
            // a renewal notice and its SMS (the notices' tables, V17)
            FabriqueDemandes.sql("""
                    INSERT INTO avis_renouvellement (territoire, numero_unique, date_echeance, nature, planifie_le)
                    VALUES ('038', ?, current_date + 60, 'PREMIER_AVIS', current_date)""", numero);
            FabriqueDemandes.sql("""
                    INSERT INTO avis_envoi (territoire, avis, canal, etat, destinataire, envoye_le)
                    SELECT territoire, id, 'SMS', 'ENVOYE', '0699887766', now() FROM avis_renouvellement WHERE numero_unique = ?""", numero);
            String autre = nouvelle();
            FabriqueDemandes.sql("INSERT INTO test_cycle_annexe (territoire, numero_unique, note) VALUES ('038', ?, 'autre')", autre);
            FabriqueDemandes.sql("""
                    INSERT INTO test_cycle_envoi (territoire, annexe, destinataire)
                    SELECT territoire, id, '0655667788' FROM test_cycle_annexe WHERE numero_unique = ?""", autre);
            HttpResponse<String> r = post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation",
                    "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + today() + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            long statistique = compte("SELECT statistique_id FROM radiation WHERE numero_unique = ?", numero);
            assertTrue(compte("SELECT count(*) FROM demande_en_ligne WHERE numero_unique = ?", numero) == 1);
            assertTrue(compte("SELECT count(*) FROM envoi_attestation WHERE numero_unique = ?", numero) >= 1);
            assertTrue(compte("SELECT count(*) FROM demande_version WHERE numero_unique = ?", numero) >= 1);

            // eleven months later: kept
            FabriqueDemandes.sql("UPDATE radiation SET date_radiation = ? WHERE numero_unique = ?", today().minusMonths(11), numero);
            purge.executer(today());
            assertEquals("RADIEE", etat(numero));

            // a year and a day later: purged
            FabriqueDemandes.sql("UPDATE radiation SET date_radiation = ? WHERE numero_unique = ?", today().minusYears(1).minusDays(1), numero);
            PurgeDemandes.Bilan bilan = purge.executer(today());
            assertEquals(0, bilan.echecs());
            assertEquals("ABSENTE", etat(numero));
            for (String table : tablesAvecNumero()) {
                long restantes = compte("SELECT count(*) FROM " + table + " WHERE numero_unique = ?", numero);
                if (List.of("mouvement", "demande_purgee").contains(table)) {
                    assertTrue(restantes >= 1, table);
                } else {
                    assertEquals(0, restantes, "rows of the purged application left in " + table);
                }
            }
            assertEquals(0, compte("SELECT count(*) FROM avis_envoi WHERE destinataire = '0699887766'"), "the notice's SMS goes too");
            assertEquals(0, compte("SELECT count(*) FROM test_cycle_envoi WHERE destinataire = '0611223344'"),
                    "rows referring to the purged rows go with them");
            assertEquals(1, compte("SELECT count(*) FROM test_cycle_envoi WHERE destinataire = '0655667788'"), "others' rows stay");
            assertEquals(1, compte("SELECT count(*) FROM test_cycle_annexe WHERE numero_unique = ?", autre));
            assertEquals("ACTIVE", etat(autre));
            assertEquals(1, compte("SELECT count(*) FROM demande_purgee WHERE numero_unique = ? AND motif = 'RADABA'", numero));
            assertEquals(1, compte("SELECT count(*) FROM radiation_statistique WHERE id = ? AND motif = 'RADABA'", statistique),
                    "the anonymous statistics stay");
            assertEquals(1, compte("SELECT count(*) FROM audit WHERE objet_id = ? AND action = 'SUPPRESSION' "
                    + "AND acteur = 'systeme:purge-demandes'", numero));

            // gone for the API; the number is never registered again, even by the owner's imports
            assertEquals(404, fabrique.get("editeur-actis", "/api/v1.0/demandes/" + numero).statusCode());
            IllegalStateException reutilise = assertThrows(IllegalStateException.class, () -> FabriqueDemandes.sql("""
                    INSERT INTO demande (territoire, numero_unique, guichet_enregistreur, etat, date_depot, date_prochain_renouvellement,
                                         nom_naissance_cle, prenoms_cle, date_naissance, communes_souhaitees, document)
                    VALUES ('038', ?, 'GDPUB', 'ACTIVE', current_date, current_date + 365, 'x', 'y', '1980-01-01', '{38185}', '{}')""", numero));
            assertTrue(reutilise.getCause().getMessage().contains("purgée"), reutilise.getCause().getMessage());
            // and the next night finds nothing more to do
            assertEquals(0, purge.executer(today()).echecs());
        } finally {
            FabriqueDemandes.sql("DROP TABLE IF EXISTS test_cycle_envoi");
            FabriqueDemandes.sql("DROP TABLE IF EXISTS test_cycle_annexe");
        }
    }

    @Test
    void aRadrenApplicationIsKeptUntilItsReactivationWindowHasClosed() {
        String numero = nouvelle();
        echeance(numero, today().minusMonths(13));
        radiation.executer(today());
        FabriqueDemandes.sql("UPDATE radiation SET date_radiation = ? WHERE numero_unique = ?", today().minusMonths(13).plusDays(1), numero);
        purge.executer(today());
        assertEquals("RADIEE", etat(numero), "radiated a year ago, but reactivable for five more months");
    }

    @Test
    void theDatabaseItselfRefusesAnEarlyOrForeignPurge() {
        String numero = nouvelle();
        post("editeur-actis", "/api/v1.0/demandes/" + numero + "/radiation", "{\"motif\": \"RADABA\", \"dateRenonciation\": \"" + today() + "\"}");
        assertEquals("RADIEE", etat(numero));
        // through the application's own role: not due yet → nothing
        assertFalse(transactions.inScope(Scope.territoire("038"), () -> purger(numero, today())));
        // a date in the future, or another territory's scope: refused
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.territoire("038"), () -> purger(numero, today().plusYears(2))));
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.territoire("030"), () -> purger(numero, today())));
        // nor may it reach the owner's deleting helper directly
        assertThrows(RuntimeException.class, () -> transactions.inScope(Scope.territoire("038"), () -> jdbc.prepareStatement(
                "SELECT sne_purger_lignes('demande'::regclass, 'territoire = $1 AND numero_unique = $2', '038', ?, 0)", ps -> {
                    ps.setString(1, numero);
                    return ps.execute();
                })));
        assertEquals("RADIEE", etat(numero));
    }

    private boolean purger(String numero, LocalDate jour) {
        return jdbc.prepareStatement("SELECT sne_purger_demande('038', ?, ?)", ps -> {
            ps.setString(1, numero);
            ps.setDate(2, Date.valueOf(jour));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Every table of the schema with an application number column (what the purge must have emptied). */
    private static List<String> tablesAvecNumero() {
        Map<String, Object> p = fr.sne.devservices.SharedTestServices.properties();
        try (var c = java.sql.DriverManager.getConnection((String) p.get("flyway.datasources.owner.url"),
                (String) p.get("flyway.datasources.owner.user"), (String) p.get("flyway.datasources.owner.password"));
             var rs = c.createStatement().executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'numero_unique' AND NOT a.attisdropped
                      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1""")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertTrue(tables.containsAll(List.of("demande", "demande_version", "evenement", "envoi_attestation", "demande_en_ligne",
                    "radiation", "test_cycle_annexe")), tables.toString());
            return tables;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
