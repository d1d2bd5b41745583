package io.itam.compliance.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lookups the engine relies on: organisation tree, suite closures, and id order throughout. */
class EstateIndexTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  /** acme → acme-de → acme-de-ber; acme → acme-us; a second root "other". */
  private static final Estate ESTATE =
      Estate.builder(AS_OF)
          .currency("EUR")
          .unit("acme")
          .unit("acme-us", "acme")
          .unit("acme-de", "acme")
          .unit("acme-de-ber", "acme-de")
          .unit("other")
          .add(Product.builder("office").components("word", "excel").build())
          .add(Product.builder("mega").components("office", "visio").build())
          .add(Product.of("word", "T", "word"))
          .add(Product.of("excel", "T", "excel"))
          .add(Product.of("visio", "T", "visio"))
          .add(LicenseModel.builder("z-word", "word").metric(MetricType.DEVICE).build())
          .add(LicenseModel.builder("a-mega", "mega").metric(MetricType.DEVICE).build())
          .add(LicenseModel.builder("m-office", "office").metric(MetricType.DEVICE).build())
          .add(Entitlement.builder("PO-2", "z-word").quantity(1).build())
          .add(Entitlement.builder("PO-1", "z-word").quantity(1).build())
          .add(Entitlement.builder("PO-3", "m-office").quantity(1).build())
          .add(new User("u1", "acme-de", true))
          .add(Device.builder("h2", DeviceKind.SERVER).processors(1L, 4L).build())
          .add(Device.builder("h1", DeviceKind.SERVER).processors(1L, 4L).build())
          .add(Device.builder("vm-b", DeviceKind.VM).host("h1").vcpus(2L).build())
          .add(Device.builder("vm-a", DeviceKind.VM).host("h1").vcpus(2L).build())
          .add(Device.desktop("pc-2", "acme-de", "u1"))
          .add(Device.desktop("pc-1", "acme-de", "u1"))
          .add(new Cluster("cl", List.of("h2", "h1")))
          .build();

  private static final EstateIndex INDEX = EstateIndex.of(ESTATE, AS_OF.minusDays(1));

  @Test
  void of_keepsTheEstateAndTheDate() {
    assertSame(ESTATE, INDEX.estate());
    assertEquals(AS_OF.minusDays(1), INDEX.asOf());
  }

  @Test
  void closure_containsTheComponentsTransitively() {
    assertEquals(
        List.of("excel", "mega", "office", "visio", "word"), INDEX.closure("mega").asList());
    assertEquals(List.of("excel", "office", "word"), INDEX.closure("office").asList());
    assertEquals(List.of("word"), INDEX.closure("word").asList());
  }

  @Test
  void modelsCovering_includesSuitesContainingTheProduct_inIdOrder() {
    assertEquals(
        List.of("a-mega", "m-office", "z-word"),
        INDEX.modelsCovering("word").stream().map(LicenseModel::id).toList());
    assertEquals(
        List.of("a-mega"), INDEX.modelsCovering("visio").stream().map(LicenseModel::id).toList());
    assertTrue(INDEX.modelsCovering("nothing").isEmpty());
  }

  @Test
  void lists_areInIdOrder() {
    assertEquals(
        List.of("a-mega", "m-office", "z-word"),
        INDEX.models().stream().map(LicenseModel::id).toList());
    assertEquals(
        List.of("PO-1", "PO-2", "PO-3"),
        INDEX.entitlements().stream().map(Entitlement::id).toList());
    assertEquals(
        List.of("PO-1", "PO-2"),
        INDEX.entitlementsOf("z-word").stream().map(Entitlement::id).toList());
    assertTrue(INDEX.entitlementsOf("a-mega").isEmpty());
    assertEquals(List.of("vm-a", "vm-b"), INDEX.vmsOf("h1").stream().map(Device::id).toList());
    assertTrue(INDEX.vmsOf("h2").isEmpty());
    assertEquals(List.of("pc-1", "pc-2"), INDEX.devicesOf("u1").stream().map(Device::id).toList());
    assertEquals(List.of("excel", "mega", "office", "visio", "word"), INDEX.productIds().asList());
  }

  @Test
  void ranks_arePositionsInIdOrder() {
    assertEquals(
        Map.of("h1", 0, "h2", 1, "pc-1", 2, "pc-2", 3, "vm-a", 4, "vm-b", 5), INDEX.deviceRanks());
    assertEquals(
        Map.of("excel", 0, "mega", 1, "office", 2, "visio", 3, "word", 4), INDEX.productRanks());
    assertSame(INDEX.deviceRanks(), INDEX.deviceRanks(), "computed once");
  }

  @Test
  void lookups_byIdAndNull() {
    assertEquals("pc-1", INDEX.device("pc-1").id());
    assertNull(INDEX.device(null));
    assertNull(INDEX.device("nope"));
    assertEquals("u1", INDEX.user("u1").id());
    assertNull(INDEX.user(null));
    assertEquals("word", INDEX.product("word").id());
    assertEquals("z-word", INDEX.model("z-word").id());
    assertEquals("PO-3", INDEX.entitlement("PO-3").id());
    assertEquals("cl", INDEX.clusterOf("h1").id());
    assertEquals("cl", INDEX.clusterOf("h2").id());
    assertNull(INDEX.clusterOf("pc-1"));
  }

  @Test
  void isWithin_theScopeAndItsSubtree() {
    assertTrue(INDEX.isWithin("acme-de-ber", null), "no scope is everything");
    assertTrue(INDEX.isWithin(null, null));
    assertTrue(INDEX.isWithin("acme-de", "acme-de"));
    assertTrue(INDEX.isWithin("acme-de-ber", "acme-de"));
    assertTrue(INDEX.isWithin("acme-de-ber", "acme"));
    assertFalse(INDEX.isWithin("acme-us", "acme-de"), "a sibling");
    assertFalse(INDEX.isWithin("acme", "acme-de"), "the parent");
    assertFalse(INDEX.isWithin("other", "acme"), "another root");
    assertFalse(INDEX.isWithin(null, "acme"), "outside every unit");
  }

  @Test
  void depthOf_countsFromTheRoot() {
    assertEquals(0, INDEX.depthOf(null));
    assertEquals(1, INDEX.depthOf("acme"));
    assertEquals(1, INDEX.depthOf("other"));
    assertEquals(2, INDEX.depthOf("acme-de"));
    assertEquals(3, INDEX.depthOf("acme-de-ber"));
    assertEquals(1, INDEX.depthOf("unknown"));
  }
}
