package io.itam.model.columnar;

import static io.itam.model.columnar.SampleEstates.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.ConsumptionRecords;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationContext;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.synthetic.SyntheticEstate;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Converting to and from the columnar form, and building it record by record. */
class ColumnarEstateTest {

  static Stream<Arguments> estates() {
    return Stream.of(
        Arguments.of("document example", SampleEstates.documentExample().build()),
        Arguments.of("frame only", SampleEstates.frameOnly().build()),
        Arguments.of("empty", Estate.builder(AS_OF).build()),
        Arguments.of("dates at the ends of LocalDate", SampleEstates.datesAtTheEnds().build()),
        Arguments.of("synthetic 10, seed 1", SyntheticEstate.generate(10, 1)),
        Arguments.of("synthetic 200, seed 7", SyntheticEstate.generate(200, 7)),
        Arguments.of("synthetic 2000, seed 20261127", SyntheticEstate.generate(2_000, 20261127)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estates")
  void of_thenToEstate_givesTheEstateBack(String name, Estate estate) {
    ColumnarEstate columnar = ColumnarEstate.of(estate);
    assertEquals(estate, columnar.toEstate());
    assertEquals(estate.recordCount(), columnar.recordCount());
    assertEquals(estate.asOf(), columnar.asOf());
    assertEquals(estate.frame(), columnar.frame());
    assertEquals(estate.installations().size(), columnar.installations().size());
    for (int row = 0; row < estate.installations().size(); row++) {
      assertEquals(estate.installations().get(row), columnar.installations().get(row));
    }
    for (int row = 0; row < estate.access().size(); row++) {
      assertEquals(estate.access().get(row), columnar.access().get(row));
    }
    for (int row = 0; row < estate.usage().size(); row++) {
      assertEquals(estate.usage().get(row), columnar.usage().get(row));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estates")
  void builder_inEveryForm_equalsOf(String name, Estate estate) {
    ColumnarEstate expected = ColumnarEstate.of(estate);
    for (Feed feed : Feed.values()) {
      ColumnarEstate built = feed.builder(estate).build();
      assertEquals(expected, built, feed.name());
      assertEquals(expected.hashCode(), built.hashCode(), feed.name());
      assertEquals(estate, built.toEstate(), feed.name());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 20261127})
  void syntheticColumnar_isTheSyntheticEstate(long seed) {
    Estate estate = SyntheticEstate.generate(300, seed);
    ColumnarEstate columnar = SyntheticEstate.generateColumnar(300, seed);
    assertEquals(ColumnarEstate.of(estate), columnar);
    assertEquals(estate, columnar.toEstate());
    assertTrue(columnar.installations().size() > 5_000, columnar.toString());
  }

  @Test
  void frame_holdsEverythingButInstallationsAccessAndUsage() {
    Estate estate = SampleEstates.documentExample().build();
    Estate frame = ColumnarEstate.of(estate).frame();
    assertTrue(frame.installations().isEmpty());
    assertTrue(frame.access().isEmpty());
    assertTrue(frame.usage().isEmpty());
    assertEquals(estate.devices(), frame.devices());
    assertEquals(estate.entitlements(), frame.entitlements());
    assertEquals(estate.exemptions(), frame.exemptions());
    assertEquals(estate.currency(), frame.currency());
    assertEquals(
        estate.recordCount(),
        frame.recordCount()
            + estate.installations().size()
            + estate.access().size()
            + estate.usage().size());
    Estate alreadyAFrame = SampleEstates.frameOnly().build();
    assertSame(alreadyAFrame, alreadyAFrame.frame());
  }

  @Test
  void columns_holdIdsOfTheirDictionaries() {
    ColumnarEstate columnar = ColumnarEstate.of(SampleEstates.documentExample().build());
    InstallationColumns installations = columnar.installations();
    assertEquals(
        List.of("vm-sql-01", "pc-0001", "lt-0001", "esx-02"), installations.devices().values());
    assertEquals("sqlserver", installations.products().get(installations.product(0)));
    assertEquals("Standard", installations.editions().get(installations.edition(0)));
    assertEquals(ColumnarEstate.NONE, installations.edition(1));
    assertEquals(ColumnarEstate.NONE, installations.version(3));
    assertEquals(ColumnarEstate.NONE, installations.evidence(1));
    assertEquals(LocalDate.parse("2024-02-01").toEpochDay(), installations.installed(0));
    assertEquals(-165, installations.installed(2)); // 1969-07-20, before the epoch
    assertEquals(ColumnarEstate.NO_DATE, installations.lastUsed(1));
    assertEquals(installations.device(1), installations.device(4));
    assertEquals(5, installations.deviceColumn().size());
    assertEquals(installations.product(3), installations.productColumn().chunk(0)[3]);

    AccessColumns access = columnar.access();
    assertSame(installations.products(), access.products());
    assertSame(installations.devices(), access.devices());
    assertEquals(ColumnarEstate.NONE, access.device(0));
    assertEquals(ColumnarEstate.NONE, access.user(1));
    assertEquals("pc-0001", access.devices().get(access.device(1)));
    assertEquals(List.of("u-0001", "u-0002"), access.users().values());

    UsageColumns usage = columnar.usage();
    assertSame(installations.products(), usage.products());
    assertEquals(12, usage.peakConcurrentUsers(0));
    assertEquals(ColumnarEstate.NONE, usage.unit(0));
    assertEquals("acme-us", usage.units().get(usage.unit(1)));
    assertEquals(LocalDate.parse("2026-10-31").toEpochDay(), usage.until(1));
  }

  @Test
  void equality_ignoresTheOrderOfDictionaryIds() {
    Estate estate = SampleEstates.documentExample().build();
    ColumnarEstate.Builder reversed = ColumnarEstate.builder(AS_OF).currency("EUR");
    // A reader that saw these ids first, in another order, and one never used.
    for (String device : List.of("unused", "esx-02", "lt-0001", "pc-0001", "vm-sql-01")) {
      reversed.devices().intern(device);
    }
    reversed.products().intern("excel");
    reversed.versions().intern("2021");
    reversed.users().intern("u-0002");
    Feed.frame(estate, reversed);
    Feed.IDS.consumption(estate, reversed);
    ColumnarEstate built = reversed.build();
    ColumnarEstate converted = ColumnarEstate.of(estate);
    assertNotEquals(converted.installations().devices(), built.installations().devices());
    assertEquals(converted, built);
    assertEquals(built, converted);
    assertEquals(converted.hashCode(), built.hashCode());
    assertEquals(estate, built.toEstate());
  }

  @Test
  void equality_seesEveryField() {
    Estate estate = SampleEstates.documentExample().build();
    ColumnarEstate columnar = ColumnarEstate.of(estate);
    Installation first = estate.installations().get(0);
    List<Estate> changed =
        List.of(
            withInstallation(estate, first.withEdition("Enterprise")),
            withInstallation(estate, first.withEdition(null)),
            withInstallation(estate, first.withEvidence(null)),
            withInstallation(estate, first.withInstalled(LocalDate.parse("2024-02-02"))),
            withInstallation(estate, Installation.of("esx-01", "sqlserver")),
            estate.toBuilder().add(Access.byUser("sqlserver", "u-0001")).build(),
            estate.toBuilder().add(Usage.of("sqlserver", 12, AS_OF, AS_OF)).build(),
            estate.toBuilder().add(Device.desktop("pc-9", "acme", null)).build(),
            estate.toBuilder().asOf(AS_OF.plusDays(1)).build());
    for (Estate other : changed) {
      assertNotEquals(columnar, ColumnarEstate.of(other), other.toString());
    }
    assertNotEquals(columnar, estate);
    assertEquals(columnar, ColumnarEstate.of(estate));
  }

  private static Estate withInstallation(Estate estate, Installation replacement) {
    return estate.frame().toBuilder()
        .add(replacement)
        .addAll(estate.installations().subList(1, estate.installations().size()))
        .addAll(estate.access())
        .addAll(estate.usage())
        .build();
  }

  @Test
  void builder_staysUsableAfterBuild() {
    Estate estate = SampleEstates.documentExample().build();
    ColumnarEstate.Builder builder = Feed.STRINGS.builder(estate);
    ColumnarEstate first = builder.build();
    builder.installation("esx-01", "word", "2021", null, null, null, null);
    builder.access("word", "u-0002", null);
    ColumnarEstate second = builder.build();
    assertEquals(ColumnarEstate.of(estate), first);
    assertEquals(estate.installations().size(), first.installations().size());
    assertEquals(-1, first.installations().devices().indexOf("esx-01"));
    assertEquals(estate.installations().size() + 1, second.installations().size());
    assertEquals(Installation.of("esx-01", "word", "2021"), second.installations().get(5));
    assertEquals(6, builder.installationCount());
    assertEquals(4, builder.accessCount());
    assertEquals(2, builder.usageCount());
  }

  @Test
  void idForm_rejectsIdsTheDictionaryHasNotGivenOut() {
    ColumnarEstate.Builder builder = ColumnarEstate.builder(AS_OF);
    int device = builder.devices().intern("pc");
    int product = builder.products().intern("p");
    int none = ColumnarEstate.NONE;
    long noDate = ColumnarEstate.NO_DATE;
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> builder.installation(device + 1, product, none, none, noDate, noDate, none));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> builder.installation(device, product, 0, none, noDate, noDate, none));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> builder.installation(device, product, none, none, noDate, noDate, -2));
    assertThrows(IndexOutOfBoundsException.class, () -> builder.access(product, 0, none));
    assertThrows(IndexOutOfBoundsException.class, () -> builder.usage(product, 1, 0, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.usage(product, 1, noDate, 0, none));
    assertEquals(0, builder.installationCount());
    builder.installation(device, product, none, none, noDate, noDate, none);
    assertEquals(
        List.of(
            Problem.at("installations[0].device", "unknown device \"pc\""),
            Problem.at("installations[0].product", "unknown product \"p\"")),
        builder.problems());
  }

  @Test
  void datesAtTheEnds_inEveryForm_haveTheEstateBuildersProblems_none() {
    Estate.Builder records = SampleEstates.datesAtTheEnds();
    assertEquals(List.of(), records.problems());
    Estate estate = records.build();
    ColumnarParity.assertSameProblems(estate, ValidationContext.IN_CODE, List.of());
    for (Feed feed : Feed.values()) {
      assertEquals(List.of(), feed.builder(estate).problems(), feed.name());
    }
  }

  @Test
  void datesAtTheEnds_areTheirEpochDaysInTheColumns() {
    ColumnarEstate columnar = ColumnarEstate.of(SampleEstates.datesAtTheEnds().build());
    long min = LocalDate.MIN.toEpochDay();
    long max = LocalDate.MAX.toEpochDay();
    assertEquals(-365_243_219_162L, min);
    assertEquals(365_241_780_471L, max);
    InstallationColumns installations = columnar.installations();
    assertEquals(max, installations.installed(0));
    assertEquals(max, installations.lastUsed(0));
    assertEquals(min, installations.installed(1));
    assertEquals(min, installations.lastUsed(1));
    assertEquals(ColumnarEstate.NO_DATE, installations.lastUsed(3));
    assertEquals(ColumnarEstate.NO_DATE, installations.installed(4));
    assertEquals(min, installations.installedColumn().chunk(0)[2]);
    assertEquals(max, installations.lastUsedColumn().chunk(0)[2]);
    UsageColumns usage = columnar.usage();
    assertEquals(min, usage.from(0));
    assertEquals(min + 10, usage.until(0));
    assertEquals(max, usage.untilColumn().get(1));
    assertEquals(List.of(min, max), List.of(usage.fromColumn().get(2), usage.untilColumn().get(2)));
    var records = columnar.records();
    assertEquals(min, records.installations().installed(1));
    assertEquals(ConsumptionRecords.NO_DAY, records.installations().installed(4));
    assertEquals(max, records.usage().until(1));
    assertEquals(LocalDate.MIN, installations.get(1).installed());
    assertEquals(LocalDate.MAX, installations.get(0).lastUsed());
  }

  @Test
  void idForm_refusesEpochDaysNoLocalDateHas_notClamped() {
    ColumnarEstate.Builder builder = ColumnarEstate.builder(AS_OF);
    int device = builder.devices().intern("pc");
    int product = builder.products().intern("p");
    int none = ColumnarEstate.NONE;
    long noDate = ColumnarEstate.NO_DATE;
    long afterMax = LocalDate.MAX.toEpochDay() + 1;
    long beforeMin = LocalDate.MIN.toEpochDay() - 1;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.installation(device, product, none, none, afterMax, noDate, none));
    assertEquals(
        "installed: epoch day 365241780472 is no date (a LocalDate's epoch day is from"
            + " -365243219162 to 365241780471)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.installation(device, product, none, none, noDate, beforeMin, none));
    assertTrue(e.getMessage().startsWith("lastUsed: epoch day -365243219163 "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.usage(product, 1, 0, Long.MAX_VALUE, none));
    assertTrue(e.getMessage().startsWith("until: epoch day 9223372036854775807 "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> builder.usage(product, 1, beforeMin, 0, none));
    assertTrue(e.getMessage().startsWith("from: "), e.getMessage());
    assertEquals(0, builder.installationCount());
    assertEquals(0, builder.usageCount());
    builder.installation(device, product, none, none, afterMax - 1, beforeMin + 1, none);
    builder.usage(product, 1, beforeMin + 1, afterMax - 1, none);
    assertEquals(1, builder.installationCount());
    assertEquals(1, builder.usageCount());
  }

  @Test
  void datesBeyondAnIntEpochDay_areHeld() {
    LocalDate far = LocalDate.of(6_000_000, 1, 1);
    ColumnarEstate.Builder builder = Feed.STRINGS.builder(SampleEstates.datesAtTheEnds().build());
    builder.installation("pc", "p", null, null, far, null, null);
    builder.usage("p", 1, LocalDate.MIN, far, null);
    ColumnarEstate built = builder.build();
    assertEquals(far.toEpochDay(), built.installations().installed(5));
    assertTrue(far.toEpochDay() > Integer.MAX_VALUE);
    assertEquals(
        new Installation("pc", "p", null, null, far, null),
        built.toEstate().installations().get(5));
    assertEquals(Usage.of("p", 1, LocalDate.MIN, far), built.toEstate().usage().get(3));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void records_readAsStringsPerRow(Feed feed) {
    Estate estate = SampleEstates.documentExample().build();
    var records = feed.builder(estate).build().records();
    assertEquals(5, records.installations().size());
    assertEquals("vm-sql-01", records.installations().device(0));
    assertNull(records.installations().version(3));
    assertEquals(LocalDate.parse("2026-11-20").toEpochDay(), records.installations().lastUsed(0));
    assertEquals(ConsumptionRecords.NO_DAY, records.installations().lastUsed(1));
    assertEquals("pc-0001", records.access().device(1));
    assertEquals("acme-us", records.usage().unit(1));
  }

  @Test
  void toString_countsTheRecords() {
    assertEquals(
        "ColumnarEstate{asOf=2026-11-27, devices=5, installations=5, access=3, usage=2}",
        ColumnarEstate.of(SampleEstates.documentExample().build()).toString());
  }
}
