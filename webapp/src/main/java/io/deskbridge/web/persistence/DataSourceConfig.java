package io.deskbridge.web.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. Values come from MicroProfile Config, so DESKBRIDGE_DB_URL,
 * DESKBRIDGE_DB_USER, DESKBRIDGE_DB_PASSWORD and DESKBRIDGE_DATA_DIR set them without a rebuild.
 */
@DataSourceDefinition(
    name = DataSourceConfig.JNDI_NAME,
    className = "io.deskbridge.web.persistence.DeskbridgeDataSource",
    url = "${MPCONFIG=deskbridge.db.url}",
    user = "${MPCONFIG=deskbridge.db.user}",
    password = "${MPCONFIG=deskbridge.db.password}",
    properties = {"dataDir=${MPCONFIG=deskbridge.data.dir}"},
    minPoolSize = 2,
    maxPoolSize = 32)
@ApplicationScoped
public class DataSourceConfig {

  public static final String JNDI_NAME = "java:app/jdbc/deskbridge";
}
