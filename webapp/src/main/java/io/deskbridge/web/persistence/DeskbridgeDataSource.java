package io.deskbridge.web.persistence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one data source class the connection pool is configured with. It picks the database from the
 * URL alone, so switching from embedded H2 to PostgreSQL is a matter of setting
 * DESKBRIDGE_DB_URL: an empty URL (or "embedded") means an H2 file under the data directory.
 */
public class DeskbridgeDataSource implements DataSource {

  static final String EMBEDDED = "embedded";

  private String url = EMBEDDED;
  private String user;
  private String password;
  private String dataDir = "./data";
  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setURL(String url) {
    this.url = url;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  /** The JDBC URL actually used: an H2 file under the data directory unless a URL was given. */
  String effectiveUrl() {
    if (url == null || url.isBlank() || url.equals(EMBEDDED) || url.startsWith("${")) {
      Path file = Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir)
          .toAbsolutePath().normalize().resolve("deskbridge");
      // WRITE_DELAY=0: a commit reaches the file at once, so a killed process loses nothing it acknowledged.
      return "jdbc:h2:file:" + file + ";MODE=LEGACY;WRITE_DELAY=0";
    }
    return url;
  }

  private DataSource delegate() throws SQLException {
    DataSource ds = delegate;
    if (ds == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = create(effectiveUrl());
        }
        ds = delegate;
      }
    }
    return ds;
  }

  private DataSource create(String jdbcUrl) throws SQLException {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(jdbcUrl);
      pg.setUser(user);
      pg.setPassword(password);
      return pg;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      h2.setUser(user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
    throw new SQLException("Unsupported database URL (use jdbc:postgresql: or jdbc:h2:): " + jdbcUrl);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    return delegate().getConnection(username, pass);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
