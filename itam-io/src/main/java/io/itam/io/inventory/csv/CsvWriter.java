package io.itam.io.inventory.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.itam.io.internal.CsvOutput;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes devices, users, installations and entitlements as CSV tables ({@link CsvTable}) that
 * {@link CsvReader} reads back to equal records: UTF-8, comma-separated, {@code \n} line endings, a
 * header row of the field names in the table's order (devices then every attribute as {@code
 * attributes.NAME}, sorted), absent values as empty cells, prices with their currency ({@code
 * 420.00 EUR}). A value is quoted when it holds a comma, a quote or a line break, or begins or ends
 * with white space. The same records always give the same bytes.
 *
 * <pre>{@code
 * CsvWriter.create().writeDirectory(estate, Path.of("export"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CsvWriter {
  private static final CsvWriter INSTANCE = new CsvWriter();

  private CsvWriter() {}

  /** The writer. */
  public static CsvWriter create() {
    return INSTANCE;
  }

  /** Writes the four tables of {@code estate} to {@code directory}, replacing the files. */
  public void writeDirectory(Estate estate, Path directory) throws IOException {
    requireNonNull(estate, "estate");
    Files.createDirectories(directory);
    try (OutputStream out = Files.newOutputStream(directory.resolve(CsvTable.DEVICES.fileName()))) {
      writeDevices(estate.devices(), out);
    }
    try (OutputStream out = Files.newOutputStream(directory.resolve(CsvTable.USERS.fileName()))) {
      writeUsers(estate.users(), out);
    }
    try (OutputStream out =
        Files.newOutputStream(directory.resolve(CsvTable.INSTALLATIONS.fileName()))) {
      writeInstallations(estate.installations(), out);
    }
    try (OutputStream out =
        Files.newOutputStream(directory.resolve(CsvTable.ENTITLEMENTS.fileName()))) {
      writeEntitlements(estate.entitlements(), out);
    }
  }

  /** Writes {@code devices} as {@code devices.csv} to {@code out}, which is flushed, left open. */
  public void writeDevices(Iterable<Device> devices, OutputStream out) throws IOException {
    TreeSet<String> attributes = new TreeSet<>();
    devices.forEach(d -> attributes.addAll(d.attributes().keySet()));
    List<String> header = new ArrayList<>(CsvTable.DEVICES.fields());
    attributes.forEach(a -> header.add(CsvTable.ATTRIBUTES + a));
    CsvOutput w = writer(out);
    w.row(header);
    for (Device d : devices) {
      List<String> cells = new ArrayList<>();
      cells.add(d.id());
      cells.add(d.kind().id());
      cells.add(text(d.unit()));
      cells.add(text(d.processors()));
      cells.add(text(d.coresPerProcessor()));
      cells.add(text(d.threadsPerCore()));
      cells.add(text(d.maxProcessors()));
      cells.add(text(d.cpu()));
      cells.add(text(d.host()));
      cells.add(text(d.vcpus()));
      cells.add(text(d.primaryUser()));
      cells.add(d.owner() == null ? "" : d.owner().id());
      cells.add(d.role() == null ? "" : d.role().id());
      cells.add(text(d.failoverFor()));
      for (String attribute : attributes) {
        BigDecimal value = d.attributes().get(attribute);
        cells.add(value == null ? "" : value.toPlainString());
      }
      w.row(cells);
    }
    w.flush();
  }

  /** Writes {@code users} as {@code users.csv} to {@code out}, which is flushed, left open. */
  public void writeUsers(Iterable<User> users, OutputStream out) throws IOException {
    CsvOutput w = writer(out);
    w.row(CsvTable.USERS.fields());
    for (User u : users) {
      w.row(List.of(u.id(), text(u.unit()), String.valueOf(u.active())));
    }
    w.flush();
  }

  /**
   * Writes {@code installations} as {@code installations.csv}; {@code out} is flushed, left open.
   */
  public void writeInstallations(Iterable<Installation> installations, OutputStream out)
      throws IOException {
    CsvOutput w = writer(out);
    w.row(CsvTable.INSTALLATIONS.fields());
    for (Installation i : installations) {
      w.row(
          List.of(
              i.device(),
              i.product(),
              text(i.version()),
              text(i.edition()),
              text(i.installed()),
              text(i.lastUsed())));
    }
    w.flush();
  }

  /** Writes {@code entitlements} as {@code entitlements.csv}; {@code out} is flushed, left open. */
  public void writeEntitlements(Iterable<Entitlement> entitlements, OutputStream out)
      throws IOException {
    CsvOutput w = writer(out);
    w.row(CsvTable.ENTITLEMENTS.fields());
    for (Entitlement e : entitlements) {
      Money price = e.unitPrice();
      w.row(
          List.of(
              e.id(),
              e.licenseModel(),
              String.valueOf(e.quantity()),
              text(e.scope()),
              text(e.validFrom()),
              text(e.validUntil()),
              text(e.maintenanceUntil()),
              price == null ? "" : price.amount().toPlainString() + " " + price.currency(),
              text(e.reference())));
    }
    w.flush();
  }

  private static CsvOutput writer(OutputStream out) throws IOException {
    return CsvOutput.forTrimmingReader(
        new BufferedWriter(new OutputStreamWriter(requireNonNull(out, "out"), UTF_8)));
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}
