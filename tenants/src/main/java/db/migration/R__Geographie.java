package db.migration;

import fr.sne.tenants.geographie.GeographieImport;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Repeatable migration loading the administrative geography (tables of V2). Flyway finds it by
 * scanning {@code classpath:db/migration} and runs it after the versioned migrations, again
 * whenever its checksum changes: the checksum is computed from the data resources, so a refreshed
 * data file re-imports and an unchanged one does not. Runs in Flyway's transaction, as the owner.
 */
public class R__Geographie extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(R__Geographie.class);

    private final GeographieImport geographie = new GeographieImport();

    @Override
    public Integer getChecksum() {
        return geographie.checksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        long debut = System.nanoTime();
        List<GeographieImport.Mouvements> mouvements = geographie.importer(context.getConnection());
        LOG.info("Geography imported in {} ms: {}", (System.nanoTime() - debut) / 1_000_000, mouvements);
    }
}
