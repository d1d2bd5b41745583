package io.itam.benchmarks;

import io.itam.model.Estate;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Installation;
import io.itam.model.terms.LicenseModel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer a SAM team would otherwise write: the simplest count-only licence position in SQL, on an
 * in-process DuckDB holding the same estates as {@link ReconcileBenchmark}. Per product: the number
 * of distinct devices with an installation ("required"), the quantity owned (the entitlements valid
 * on the as-of date whose licence model grants the product) and the shortfall. No metrics, no
 * hardware, no suites, rights or scopes: a lower bound on the work of a position, which is what
 * makes it a fair yardstick for speed (itam's time is reported as a ratio to it) and no yardstick
 * for correctness.
 *
 * <p>The estate is loaded with the DuckDB appender in the trial setup, not timed; the benchmark
 * times the query and the fetch of every row. DuckDB runs on as many threads as itam ({@code
 * threads}, 0 for one per available processor).
 *
 * <pre>
 * java -jar itam-benchmarks/target/benchmarks.jar DuckDbBaselineBenchmark -p records=10000,1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx12g"})
public class DuckDbBaselineBenchmark {
  /** The count-only position; the one parameter is the as-of date. */
  static final String POSITION_SQL =
      """
      WITH required AS (
        SELECT product, count(DISTINCT device) AS required
        FROM installation
        GROUP BY product
      ),
      owned AS (
        SELECT m.product, sum(e.quantity) AS owned
        FROM entitlement e JOIN license_model m ON m.id = e.license_model
        WHERE (e.valid_from IS NULL OR e.valid_from <= CAST(? AS DATE))
          AND (e.valid_until IS NULL OR e.valid_until >= CAST(? AS DATE))
        GROUP BY m.product
      )
      SELECT r.product,
             r.required,
             coalesce(o.owned, 0) AS owned,
             greatest(r.required - coalesce(o.owned, 0), 0) AS shortfall
      FROM required r LEFT JOIN owned o ON o.product = r.product
      ORDER BY r.product
      """;

  /** Target size of the estate in records, as in {@link ReconcileBenchmark}. */
  @Param({"10000", "1000000", "20000000"})
  public long records;

  /** DuckDB threads; 0 for one per available processor. */
  @Param({"0"})
  public int threads;

  private Connection connection;
  private PreparedStatement position;

  @Setup(Level.Trial)
  public void load() throws SQLException {
    BenchmarkEstate prepared = BenchmarkEstate.generate(records, BenchmarkEstate.SEED);
    System.err.println("estate: " + prepared.describe());
    connection = open(prepared.estate(), Threads.resolve(threads));
    position = prepare(connection, prepared.estate().asOf());
  }

  @Benchmark
  public long countOnlyPosition() throws SQLException {
    return fetchAll(position);
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    position.close();
    connection.close();
  }

  /** A new in-memory database on {@code threads} threads holding {@code estate}. */
  static Connection open(Estate estate, int threads) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute(
          "CREATE TABLE license_model (id VARCHAR NOT NULL, product VARCHAR NOT NULL)");
      statement.execute(
          "CREATE TABLE entitlement (id VARCHAR NOT NULL, license_model VARCHAR NOT NULL,"
              + " quantity BIGINT NOT NULL, valid_from DATE, valid_until DATE)");
      statement.execute(
          "CREATE TABLE installation (device VARCHAR NOT NULL, product VARCHAR NOT NULL,"
              + " version VARCHAR, edition VARCHAR)");
    }
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender =
        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "license_model")) {
      for (LicenseModel model : estate.licenseModels()) {
        appender.beginRow().append(model.id()).append(model.product()).endRow();
      }
    }
    try (DuckDBAppender appender =
        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "entitlement")) {
      for (Entitlement entitlement : estate.entitlements()) {
        appender.beginRow().append(entitlement.id()).append(entitlement.licenseModel());
        appender.append(entitlement.quantity());
        date(appender, entitlement.validFrom());
        date(appender, entitlement.validUntil());
        appender.endRow();
      }
    }
    try (DuckDBAppender appender =
        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "installation")) {
      for (Installation installation : estate.installations()) {
        appender.beginRow().append(installation.device()).append(installation.product());
        text(appender, installation.version());
        text(appender, installation.edition());
        appender.endRow();
      }
    }
    return connection;
  }

  /** The count-only position query for {@code asOf}, prepared on {@code connection}. */
  static PreparedStatement prepare(Connection connection, LocalDate asOf) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(POSITION_SQL);
    statement.setString(1, asOf.toString());
    statement.setString(2, asOf.toString());
    return statement;
  }

  /**
   * Runs {@code position} and reads every column of every row; returns a checksum so that nothing
   * is optimised away.
   */
  static long fetchAll(PreparedStatement position) throws SQLException {
    long checksum = 0;
    try (ResultSet rows = position.executeQuery()) {
      while (rows.next()) {
        checksum =
            31 * checksum
                + rows.getString(1).length()
                + rows.getLong(2)
                + 7 * rows.getLong(3)
                + 13 * rows.getLong(4);
      }
    }
    return checksum;
  }

  private static void date(DuckDBAppender appender, @Nullable LocalDate date) throws SQLException {
    if (date == null) {
      appender.appendNull();
    } else {
      appender.append(date);
    }
  }

  private static void text(DuckDBAppender appender, @Nullable String text) throws SQLException {
    if (text == null) {
      appender.appendNull();
    } else {
      appender.append(text);
    }
  }
}
