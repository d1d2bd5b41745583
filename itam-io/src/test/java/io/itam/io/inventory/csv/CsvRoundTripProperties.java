package io.itam.io.inventory.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * CSV round trip: records written by {@link CsvWriter} read back by {@link CsvReader} to equal
 * records, whatever their texts hold (delimiters, quotes, line breaks, spaces at either end,
 * non-ASCII); and whatever a file holds, reading it gives records or one {@link
 * ValidationException}.
 *
 * <p>Seeded ({@code 20261127} by default): pass {@code -DQT_SEED=<n>} to explore other cases or to
 * replay the seed a failure reports.
 */
class CsvRoundTripProperties {
  /** Characters of texts; no lone surrogates, which UTF-8 cannot carry. */
  private static final String[] ALPHABET = {
    "a", "b", "z", "Q", "0", "7", "-", "_", "/", ".", " ", ",", ";", "\"", "\"\"", "\n", "\r\n",
    "\t", "é", "ß", "Ж", "中", "😀", "'", "=", "#", "\u0001"
  };

  private record Tables(
      List<Device> devices,
      List<User> users,
      List<Installation> installations,
      List<Entitlement> entitlements) {}

  private static final class Draw {
    private final RandomnessSource in;

    Draw(RandomnessSource in) {
      this.in = in;
    }

    long between(long low, long high) {
      return in.next(Constraint.between(low, high));
    }

    boolean chance() {
      return between(0, 1) == 1;
    }

    <T> T pick(T[] values) {
      return values[(int) between(0, values.length - 1)];
    }

    /** A non-empty text (an empty cell is an absent value). */
    String text() {
      StringBuilder text = new StringBuilder(pick(ALPHABET));
      for (long n = between(0, 6); n > 0; n--) {
        text.append(pick(ALPHABET));
      }
      return text.toString();
    }

    @Nullable String maybeText() {
      return chance() ? text() : null;
    }

    @Nullable Long maybeCount() {
      return chance() ? between(-5, Long.MAX_VALUE / 2) : null;
    }

    @Nullable LocalDate maybeDate() {
      return chance() ? LocalDate.ofEpochDay(between(-800_000, 2_900_000)) : null;
    }

    String unique(Set<String> used) {
      String id;
      do {
        id = text();
      } while (!used.add(id));
      return id;
    }
  }

  private static Gen<Tables> tables() {
    return in -> {
      Draw draw = new Draw(in);
      List<Device> devices = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (long n = draw.between(0, 6); n > 0; n--) {
        Device.Builder device =
            Device.builder(draw.unique(ids), draw.pick(DeviceKind.values()))
                .unit(draw.maybeText())
                .processors(draw.maybeCount())
                .coresPerProcessor(draw.maybeCount())
                .threadsPerCore(draw.maybeCount())
                .maxProcessors(draw.maybeCount())
                .cpu(draw.maybeText())
                .host(draw.maybeText())
                .vcpus(draw.maybeCount())
                .primaryUser(draw.maybeText())
                .owner(draw.chance() ? draw.pick(DeviceOwner.values()) : null)
                .role(draw.chance() ? draw.pick(DeviceRole.values()) : null)
                .failoverFor(draw.maybeText());
        for (long a = draw.between(0, 2); a > 0; a--) {
          String name = draw.pick(new String[] {"ram", "gb", "seats", "Ж"});
          device.attribute(
              name + a, BigDecimal.valueOf(draw.between(0, 10_000_000), (int) draw.between(0, 6)));
        }
        devices.add(device.build());
      }
      List<User> users = new ArrayList<>();
      ids.clear();
      for (long n = draw.between(0, 4); n > 0; n--) {
        users.add(new User(draw.unique(ids), draw.maybeText(), draw.chance()));
      }
      List<Installation> installations = new ArrayList<>();
      for (long n = draw.between(0, 6); n > 0; n--) {
        installations.add(
            new Installation(
                draw.text(),
                draw.text(),
                draw.maybeText(),
                draw.maybeText(),
                draw.maybeDate(),
                draw.maybeDate()));
      }
      List<Entitlement> entitlements = new ArrayList<>();
      ids.clear();
      for (long n = draw.between(0, 4); n > 0; n--) {
        entitlements.add(
            Entitlement.builder(draw.unique(ids), draw.text())
                .quantity(draw.between(0, 1_000_000_000_000L))
                .scope(draw.maybeText())
                .validFrom(draw.maybeDate())
                .validUntil(draw.maybeDate())
                .maintenanceUntil(draw.maybeDate())
                .unitPrice(
                    draw.chance()
                        ? Money.of(
                            BigDecimal.valueOf(
                                draw.between(0, 99_999_999), (int) draw.between(0, 4)),
                            draw.pick(new String[] {"EUR", "USD", "JPY", "CHF"}))
                        : null)
                .reference(draw.maybeText())
                .build());
      }
      return new Tables(devices, users, installations, entitlements);
    };
  }

  private static CsvInventory roundTrip(CsvTable table, Writing write) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write.to(out);
      return CsvReader.create()
          .read(table, new ByteArrayInputStream(out.toByteArray()), table.fileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writing {
    void to(ByteArrayOutputStream out) throws IOException;
  }

  @Test
  void writeThenRead_givesEqualRecords() {
    CsvWriter writer = CsvWriter.create();
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(400)
        .forAll(tables())
        .checkAssert(
            t -> {
              assertEquals(
                  t.devices(),
                  roundTrip(CsvTable.DEVICES, out -> writer.writeDevices(t.devices(), out))
                      .devices());
              assertEquals(
                  t.users(),
                  roundTrip(CsvTable.USERS, out -> writer.writeUsers(t.users(), out)).users());
              assertEquals(
                  t.installations(),
                  roundTrip(
                          CsvTable.INSTALLATIONS,
                          out -> writer.writeInstallations(t.installations(), out))
                      .installations());
              assertEquals(
                  t.entitlements(),
                  roundTrip(
                          CsvTable.ENTITLEMENTS,
                          out -> writer.writeEntitlements(t.entitlements(), out))
                      .entitlements());
            });
  }

  @Test
  void read_ofAnyCorruption_isRecordsOrOneValidationException() {
    CsvWriter writer = CsvWriter.create();
    Gen<byte[]> corrupted =
        in -> {
          Tables t = tables().generate(in);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try {
            writer.writeDevices(t.devices(), out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          byte[] bytes = out.toByteArray();
          Draw draw = new Draw(in);
          for (long n = draw.between(1, 3); n > 0; n--) {
            int at = (int) draw.between(0, bytes.length);
            switch ((int) draw.between(0, 2)) {
              case 0 -> bytes = Arrays.copyOf(bytes, at);
              case 1 -> {
                if (at < bytes.length) {
                  bytes[at] = (byte) draw.between(0, 255);
                }
              }
              default -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                longer[at] =
                    (byte) draw.pick(new Character[] {'"', ',', '\n', '\r', 'x'}).charValue();
                bytes = longer;
              }
            }
          }
          return bytes;
        };
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(1000)
        .forAll(corrupted)
        .checkAssert(
            bytes ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> {
                      try {
                        CsvReader.create()
                            .read(CsvTable.DEVICES, new ByteArrayInputStream(bytes), "devices.csv");
                      } catch (ValidationException e) {
                        assertFalse(e.problems().isEmpty());
                        for (Problem problem : e.problems()) {
                          assertTrue(problem.path().startsWith("devices.csv"), problem.toString());
                          assertFalse(problem.message().isBlank(), problem.toString());
                        }
                      }
                    }));
  }
}
