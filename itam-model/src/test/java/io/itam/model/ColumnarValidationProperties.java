package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.itam.model.catalog.Product;
import io.itam.model.columnar.ColumnarEstate;
import io.itam.model.columnar.ColumnarParity;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Over random installations, access and usage records, valid and not, naming known, unknown and
 * unread ids, a {@link ColumnarEstate} fed in any form reports exactly the problems of an {@link
 * Estate} of the same records; when there are none, it converts back to that estate.
 *
 * <p>Seeded ({@code 20261127} by default): pass {@code -DQT_SEED=<n>} to explore other cases or to
 * replay the seed a failure reports.
 */
class ColumnarValidationProperties {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final String LONG_TEXT = "e".repeat(Limits.MAX_TEXT_LENGTH);
  private static final List<String> DEVICES = List.of("s1", "s2", "v1", "v2", "c1", "pc");
  private static final List<String> UNKNOWN_DEVICES = List.of("ghost", "", "S1");
  private static final List<String> PRODUCTS = List.of("p", "q", "suite");
  private static final List<String> UNKNOWN_PRODUCTS = List.of("nothing", "broken");
  private static final List<String> USERS = List.of("u1", "u2");
  private static final List<String> UNITS = List.of("acme", "de");
  private static final List<String> CPUS =
      List.of("Intel Xeon Gold 6338", "Intel Xeon E5-2690", "AMD EPYC 7543");
  private static final ValidationContext READER =
      new ValidationContext(
          (section, i) -> "$." + section.field() + "[" + (i + 1) + "]",
          Map.of(EstateSection.DEVICES, Set.of("ghost"), EstateSection.PRODUCTS, Set.of("broken")));

  /** Draws from QuickTheories' randomness, so that cases shrink and replay from a seed. */
  private record Draw(RandomnessSource in) {
    int between(int low, int high) {
      return (int) in.next(Constraint.between(low, high));
    }

    boolean chance(int inTen) {
      return between(0, 9) < inTen;
    }

    <T> T pick(List<T> values) {
      return values.get(between(0, values.size() - 1));
    }

    <T> @Nullable T maybe(List<T> values) {
      return chance(5) ? pick(values) : null;
    }

    /** Mostly one of {@code known}, sometimes one of {@code unknown}. */
    String known(List<String> known, List<String> unknown) {
      return chance(9) ? pick(known) : pick(unknown);
    }

    /** Mostly absent or one of {@code known}, sometimes {@code unknown}. */
    @Nullable String maybeKnown(List<String> known, String unknown) {
      return chance(9) ? maybe(known) : unknown;
    }

    /** Mostly a CPU the factor tables know, sometimes one they do not or none. */
    @Nullable String cpu() {
      return chance(8) ? pick(CPUS) : maybe(List.of("Acme Quantum 9000"));
    }

    @Nullable LocalDate date() {
      return chance(4) ? null : AS_OF.plusDays(between(-40, 40));
    }
  }

  private static Gen<Estate> estates() {
    return in -> records(new Draw(in)).unvalidated();
  }

  private static Estate.Builder records(Draw draw) {
    Estate.Builder estate = frame(draw);
    for (int n = draw.between(0, 6); n > 0; n--) {
      String product = draw.known(PRODUCTS, UNKNOWN_PRODUCTS);
      boolean declared = product.equals("p") || draw.chance(1);
      LocalDate installed = draw.date();
      LocalDate lastUsed =
          installed == null || draw.chance(1) ? draw.date() : installed.plusDays(3);
      String evidence =
          draw.chance(9) ? draw.maybe(List.of("swid:tag", LONG_TEXT)) : LONG_TEXT + "!";
      estate.add(
          new Installation(
              draw.known(DEVICES, UNKNOWN_DEVICES),
              product,
              declared ? draw.maybeKnown(List.of("2019", "2022"), "2025") : null,
              declared ? draw.maybeKnown(List.of("Std", "Ent"), "Pro") : null,
              installed,
              lastUsed,
              evidence));
    }
    for (int n = draw.between(0, 4); n > 0; n--) {
      String user = draw.chance(5) ? draw.known(USERS, List.of("nobody")) : null;
      String device = user == null || draw.chance(1) ? draw.maybeKnown(DEVICES, "ghost") : null;
      estate.add(new Access(draw.known(PRODUCTS, UNKNOWN_PRODUCTS), user, device));
    }
    for (int n = draw.between(0, 3); n > 0; n--) {
      LocalDate from = AS_OF.minusDays(draw.between(0, 30));
      long peak =
          draw.chance(8)
              ? draw.between(0, 50)
              : draw.pick(List.of(-1L, Limits.MAX_QUANTITY, Limits.MAX_QUANTITY + 1));
      LocalDate until = from.plusDays(draw.chance(9) ? draw.between(0, 30) : -1);
      String unit = draw.maybeKnown(UNITS, "nowhere");
      estate.add(new Usage(draw.known(PRODUCTS, UNKNOWN_PRODUCTS), peak, from, until, unit));
    }
    return estate;
  }

  /** A small frame whose servers' CPUs and licence model vary, so that the CPU rule is drawn. */
  private static Estate.Builder frame(Draw draw) {
    Metric metric =
        draw.chance(5)
            ? Metric.builder(MetricType.CORE).coreFactors(FactorTableRef.builtIn("oracle")).build()
            : Metric.builder(MetricType.PVU).pvuTable(FactorTableRef.builtIn("ibm")).build();
    VirtualizationMode mode = draw.pick(List.of(VirtualizationMode.values()));
    return Estate.builder(AS_OF)
        .unit("acme")
        .unit("de", "acme")
        .add(Product.builder("p").editions("Std", "Ent").version("2019").version("2022").build())
        .add(Product.builder("q").build())
        .add(Product.builder("suite").components("p", "q").build())
        .add(
            LicenseModel.builder("m", draw.pick(List.of("p", "suite")))
                .metric(metric)
                .virtualization(
                    mode == VirtualizationMode.HOST_PER_VM_SET
                        ? Virtualization.of(mode).withVmsPerSet(2)
                        : Virtualization.of(mode))
                .build())
        .add(server("s1", draw.cpu()))
        .add(server("s2", draw.cpu()))
        .add(Device.builder("v1", DeviceKind.VM).unit("acme").host("s1").vcpus(4L).build())
        .add(Device.builder("v2", DeviceKind.VM).unit("de").host("s2").vcpus(2L).build())
        .add(Device.builder("c1", DeviceKind.CLOUD).unit("de").vcpus(8L).cpu(draw.cpu()).build())
        .add(Device.builder("pc", DeviceKind.DESKTOP).unit("de").primaryUser("u1").build())
        .add(Cluster.of("cl", "s1", "s2"))
        .add(User.of("u1", "acme"))
        .add(User.of("u2", "de"));
  }

  private static Device server(String id, @Nullable String cpu) {
    return Device.builder(id, DeviceKind.SERVER).unit("acme").processors(2L, 8L).cpu(cpu).build();
  }

  @Test
  void columnarProblems_areTheEstatesProblems() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(400)
        .forAll(estates())
        .checkAssert(
            records ->
                ColumnarParity.assertSameProblems(
                    records,
                    ValidationContext.IN_CODE,
                    EstateValidator.validate(records, ValidationContext.IN_CODE)));
  }

  @Test
  void columnarProblems_inAReadersContext_areTheEstatesProblems() {
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(200)
        .forAll(estates())
        .checkAssert(
            records ->
                ColumnarParity.assertSameProblems(
                    records, READER, EstateValidator.validate(records, READER)));
  }

  @Test
  void generator_drawsValidAndInvalidEstates() {
    int[] valid = new int[2];
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(400)
        .forAll(estates())
        .checkAssert(
            records ->
                valid[
                    EstateValidator.validate(records, ValidationContext.IN_CODE).isEmpty()
                        ? 1
                        : 0]++);
    assertEquals(
        true, valid[0] > 40 && valid[1] > 40, "invalid, valid: " + valid[0] + ", " + valid[1]);
  }
}
