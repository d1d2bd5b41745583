package io.itam.compliance.internal.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.internal.demand.Demand;
import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.facts.Facts;
import io.itam.compliance.internal.facts.RecordColumns;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Step 2 of the reconciliation: whether an entitlement may cover an option, and the reason when it
 * may not (model, validity, scope, maintenance for upgrades and for virtualization rights, pins).
 */
class EligibilityTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  private static Estate.Builder base() {
    return Estate.builder(AS_OF)
        .currency("EUR")
        .unit("acme")
        .unit("acme-de", "acme")
        .unit("acme-us", "acme")
        .add(
            Product.builder("p")
                .version("2019", LocalDate.parse("2019-01-01"))
                .version("2022", LocalDate.parse("2022-03-01"))
                .build())
        .add(LicenseModel.builder("m", "p").metric(MetricType.DEVICE).build())
        .add(LicenseModel.builder("other", "p").metric(MetricType.INSTALLATION).build())
        .add(new User("u1", "acme-de", true))
        .add(Device.desktop("pc-de", "acme-de", "u1"))
        .add(Device.builder("pc-none", DeviceKind.DESKTOP).build())
        .add(Installation.of("pc-de", "p"))
        .add(Installation.of("pc-none", "p"));
  }

  private static Entitlement.Builder po(String id) {
    return Entitlement.builder(id, "m").quantity(1);
  }

  /** The eligibility and the option of model {@code model} for {@code consumer}. */
  private record Fixture(Eligibility eligibility, EstateIndex index) {
    Option option(String model, String consumer) {
      Facts facts = Facts.of(index, RecordColumns.of(index.estate(), index));
      return Demand.allOptions(index, facts).stream()
          .filter(o -> o.model().id().equals(model) && o.consumer().equals(consumer))
          .findFirst()
          .orElseThrow();
    }

    String refusal(String consumer, String entitlement) {
      return eligibility.refusal(option("m", consumer), index.entitlement(entitlement));
    }
  }

  private static Fixture fixture(Estate estate) {
    EstateIndex index = EstateIndex.of(estate, AS_OF);
    return new Fixture(new Eligibility(index), index);
  }

  @Test
  void refusal_nullForAPlainEntitlementOfTheModel() {
    Fixture f = fixture(base().add(po("PO-1").build()).build());
    assertNull(f.refusal("pc-de", "PO-1"));
    assertNull(f.refusal("pc-none", "PO-1"), "an unscoped entitlement covers a unit-less device");
  }

  @Test
  void refusal_anotherModel() {
    Fixture f =
        fixture(base().add(Entitlement.builder("PO-X", "other").quantity(1).build()).build());
    assertEquals("of licence model other", f.refusal("pc-de", "PO-X"));
  }

  @Test
  void refusal_notValidOnTheDate_namesTheValidity() {
    Fixture f =
        fixture(
            base()
                .add(po("PO-FROM").validFrom(AS_OF.plusDays(1)).build())
                .add(po("PO-UNTIL").validUntil(AS_OF.minusDays(1)).build())
                .add(
                    po("PO-BOTH")
                        .validFrom(LocalDate.parse("2020-01-01"))
                        .validUntil(LocalDate.parse("2021-01-01"))
                        .build())
                .add(po("PO-LAST-DAY").validUntil(AS_OF).build())
                .add(po("PO-FIRST-DAY").validFrom(AS_OF).build())
                .build());
    assertEquals("not valid on 2026-11-27 (valid from 2026-11-28)", f.refusal("pc-de", "PO-FROM"));
    assertEquals(
        "not valid on 2026-11-27 (valid until 2026-11-26)", f.refusal("pc-de", "PO-UNTIL"));
    assertEquals(
        "not valid on 2026-11-27 (valid 2020-01-01..2021-01-01)", f.refusal("pc-de", "PO-BOTH"));
    assertNull(f.refusal("pc-de", "PO-LAST-DAY"), "valid on its last day");
    assertNull(f.refusal("pc-de", "PO-FIRST-DAY"), "valid on its first day");
  }

  @Test
  void refusal_scopeMustContainTheConsumer() {
    Fixture f =
        fixture(
            base()
                .add(po("PO-DE").scope("acme-de").build())
                .add(po("PO-US").scope("acme-us").build())
                .add(po("PO-ROOT").scope("acme").build())
                .build());
    assertNull(f.refusal("pc-de", "PO-DE"));
    assertNull(f.refusal("pc-de", "PO-ROOT"));
    assertEquals("scope acme-us does not contain acme-de", f.refusal("pc-de", "PO-US"));
    assertEquals(
        "scope acme-de does not contain consumers outside every unit",
        f.refusal("pc-none", "PO-DE"));
    assertNull(
        f.refusal("pc-none", "PO-ROOT"),
        "a consumer outside every unit belongs to the organisation's only root");
  }

  @Test
  void refusal_withTwoRoots_aRootScopeDoesNotContainUnitLessConsumers() {
    Fixture f = fixture(base().unit("other").add(po("PO-ROOT").scope("acme").build()).build());
    assertEquals(
        "scope acme does not contain consumers outside every unit",
        f.refusal("pc-none", "PO-ROOT"));
    assertNull(f.refusal("pc-de", "PO-ROOT"));
  }

  @Test
  void refusal_forADeviceAStandIn_usesItsOwnUnit() {
    Fixture f =
        fixture(base().add(po("PO-DE").scope("acme-de").build()).add(po("PO-ANY").build()).build());
    Option option = f.option("m", "pc-de");
    Entitlement de = f.index().entitlement("PO-DE");
    assertNull(f.eligibility().refusal(option, de, "acme-de"));
    assertEquals(
        "scope acme-de does not contain acme-us", f.eligibility().refusal(option, de, "acme-us"));
    assertEquals(
        "scope acme-de does not contain consumers outside every unit",
        f.eligibility().refusal(option, de, null));
    assertNull(f.eligibility().refusal(option, f.index().entitlement("PO-ANY"), null));
  }

  /** An upgrade right: a 2019 licence with maintenance runs the 2022 release (DG-01, DG-E4). */
  private static Estate upgrade(Entitlement... pos) {
    Estate.Builder estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .add(
                Product.builder("p")
                    .version("2019", LocalDate.parse("2019-01-01"))
                    .version("2022", LocalDate.parse("2022-03-01"))
                    .build())
            .add(
                LicenseModel.builder("m", "p")
                    .metric(MetricType.DEVICE)
                    .version("2019")
                    .rights(Rights.NONE.withUpgradeWithMaintenance())
                    .build())
            .add(Device.desktop("pc-de", "acme", null))
            .add(Installation.of("pc-de", "p", "2022"));
    for (Entitlement e : pos) {
      estate.add(e);
    }
    return estate.build();
  }

  @Test
  void refusal_anUpgradeNeedsMaintenanceUntilTheRelease() {
    Fixture f =
        fixture(
            upgrade(
                po("PO-NONE").build(),
                po("PO-SHORT").maintenanceUntil(LocalDate.parse("2022-02-28")).build(),
                po("PO-EXACT").maintenanceUntil(LocalDate.parse("2022-03-01")).build(),
                po("PO-LONG").maintenanceUntil(LocalDate.parse("2023-01-01")).build()));
    assertEquals(LocalDate.parse("2022-03-01"), f.option("m", "pc-de").maintenanceNeeded());
    assertEquals(
        "no maintenance, which the upgrade to a version released 2022-03-01 needs",
        f.refusal("pc-de", "PO-NONE"));
    assertEquals(
        "maintenance ended 2022-02-28, before the installed version was released (2022-03-01)",
        f.refusal("pc-de", "PO-SHORT"));
    assertNull(f.refusal("pc-de", "PO-EXACT"), "maintenance up to the release day is enough");
    assertNull(f.refusal("pc-de", "PO-LONG"));
  }

  @Test
  void refusal_perVmRightsNeedActiveMaintenance_sql04() {
    Estate estate =
        Estate.builder(AS_OF)
            .currency("EUR")
            .unit("acme")
            .add(Product.of("sql", "Microsoft", "SQL Server"))
            .add(
                LicenseModel.builder("m", "sql")
                    .metric(MetricType.CORE)
                    .virtualization(
                        Virtualization.of(VirtualizationMode.PER_VM)
                            .withMinimumPerVm(4)
                            .withRequiresMaintenance(true))
                    .build())
            .add(Device.builder("host", DeviceKind.SERVER).unit("acme").processors(1L, 8L).build())
            .add(Device.builder("vm", DeviceKind.VM).unit("acme").host("host").vcpus(2L).build())
            .add(Installation.of("vm", "sql"))
            .add(po("PO-SA").quantity(4).maintenanceUntil(AS_OF).build())
            .add(po("PO-LAPSED").quantity(4).maintenanceUntil(AS_OF.minusDays(1)).build())
            .build();
    Fixture f = fixture(estate);
    Option option =
        Demand.allOptions(f.index(), Facts.of(f.index(), RecordColumns.of(estate, f.index())))
            .stream()
            .filter(o -> o.model().id().equals("m"))
            .findFirst()
            .orElseThrow();
    assertTrue(option.needsActiveMaintenance());
    assertNull(f.eligibility().refusal(option, f.index().entitlement("PO-SA")));
    assertEquals(
        "maintenance not active on 2026-11-27 (the virtualization rights need it, SQL-04)",
        f.eligibility().refusal(option, f.index().entitlement("PO-LAPSED")));
  }

  @Test
  void pins_reserveTheEntitlementForItsConsumers() {
    Estate estate =
        base()
            .add(new User("u2", "acme-us", true))
            .add(Device.desktop("pc-us", "acme-us", "u2"))
            .add(Installation.of("pc-us", "p"))
            .add(po("PO-PIN").build())
            .add(po("PO-USER").build())
            .add(po("PO-FREE").build())
            .add(PinnedAllocation.toDevice("PO-PIN", "pc-us"))
            .add(PinnedAllocation.toDevice("PO-PIN", "pc-none"))
            .add(PinnedAllocation.toUser("PO-USER", "u1"))
            .build();
    Fixture f = fixture(estate);
    Eligibility eligibility = f.eligibility();
    Entitlement pin = f.index().entitlement("PO-PIN");
    Entitlement user = f.index().entitlement("PO-USER");
    Entitlement free = f.index().entitlement("PO-FREE");
    assertTrue(eligibility.isPinned(pin));
    assertTrue(eligibility.isPinned(user));
    assertFalse(eligibility.isPinned(free));
    assertEquals("pc-none, pc-us", eligibility.pinnedConsumers(pin));
    assertEquals("u1", eligibility.pinnedConsumers(user));
    assertEquals("", eligibility.pinnedConsumers(free));

    assertTrue(eligibility.isPinnedTo(pin, f.option("m", "pc-us")));
    assertFalse(eligibility.isPinnedTo(pin, f.option("m", "pc-de")));
    assertTrue(eligibility.isPinnedTo(user, f.option("m", "pc-de")), "pc-de's primary user is u1");
    assertFalse(eligibility.isPinnedTo(user, f.option("m", "pc-us")));
    assertFalse(eligibility.isPinnedTo(free, f.option("m", "pc-us")));

    assertNull(f.refusal("pc-us", "PO-PIN"));
    assertEquals("reserved by pinned allocation for pc-none, pc-us", f.refusal("pc-de", "PO-PIN"));
    assertNull(f.refusal("pc-de", "PO-USER"));
    assertEquals("reserved by pinned allocation for u1", f.refusal("pc-us", "PO-USER"));
    assertNull(f.refusal("pc-us", "PO-FREE"));
  }
}
