package io.deskbridge.web.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else runs. Flyway's lock table makes this safe when
 * several instances of a cluster start at once: one migrates, the others wait and find it done.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  private volatile String schemaVersion;

  @PostConstruct
  void migrate() {
    MigrateResult result = Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
        + " migrations applied now)");
  }

  /** The version reached at startup; null until migration finished. */
  public String schemaVersion() {
    return schemaVersion;
  }
}
