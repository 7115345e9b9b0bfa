package fr.sne.app.dev;

import fr.sne.core.avis.FournisseurSms;
import fr.sne.devservices.EmbeddedMailServer;
import fr.sne.tenants.courriel.IssueEnvoi;
import fr.sne.tenants.tenancy.Scope;
import fr.sne.tenants.tenancy.TenantTransactions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * Development only: the SMS operator of the default run, with the embedded mail server (like the
 * development mailbox). It "sends" by keeping the message in the table {@code boite_sms}, shown on
 * {@code /dev/sms}, and keeps the operator's promise: a repeated idempotency key stores nothing
 * new and answers with the first message's id.
 */
@Singleton
@Requires(beans = EmbeddedMailServer.class)
public class BoiteSms implements FournisseurSms {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    BoiteSms(TenantTransactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public IssueEnvoi envoyer(Sms sms) {
        long id = transactions.inScope(Scope.territoire(sms.territoire()), () -> {
            jdbc.prepareStatement("""
                    INSERT INTO boite_sms (territoire, cle_idempotence, destinataire, texte) VALUES (?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT boite_sms_cle_uk DO NOTHING""", ps -> {
                ps.setString(1, sms.territoire());
                ps.setString(2, sms.cleIdempotence());
                ps.setString(3, sms.destinataire());
                ps.setString(4, sms.texte());
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("SELECT id FROM boite_sms WHERE territoire = ? AND cle_idempotence = ?", ps -> {
                ps.setString(1, sms.territoire());
                ps.setString(2, sms.cleIdempotence());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        });
        return new IssueEnvoi.Envoye("sms-" + sms.territoire() + "-" + id);
    }
}
