package io.itam.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import io.itam.model.position.Accounting;
import io.itam.model.position.Exempt;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.synthetic.SyntheticEstate;
import io.itam.model.terms.LicenseModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, "Nothing lost": every installation, access and usage record of the input is accounted
 * for in the position, as counted (allocated or short), exempt, or rejected with a reason. Checked
 * on random estates (scopes, validity, pins, exemptions, inactive users, future installations) and
 * on synthetic estates (clusters, VMs, hardware metrics, CALs, concurrent use), against a recount
 * made here from the estate alone.
 */
class AccountingProperties {
  private static final long SEED = 20261127L;

  @Test
  void randomEstates_everyRecordIsAccountedFor() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(RandomEstates.estates())
        .checkAssert(estate -> assertNothingLost(estate, Reconciler.create().reconcile(estate)));
  }

  @Test
  void syntheticEstates_everyRecordIsAccountedFor() {
    qt().withFixedSeed(SEED)
        .withExamples(12)
        .forAll(integers().between(10, 60), longs().between(0, 1L << 40))
        .checkAssert(
            (devices, seed) -> {
              Estate estate = SyntheticEstate.generate(devices, seed);
              assertNothingLost(estate, Reconciler.create().reconcile(estate));
            });
  }

  @Test
  void anEmptyInventory_isAccountedForAsZeros() {
    Estate estate = TestEstates.estate().add(TestEstates.product("p")).build();
    assertEquals(
        List.of(
            new Accounting("installations", 0, 0, 0, 0),
            new Accounting("access", 0, 0, 0, 0),
            new Accounting("usage", 0, 0, 0, 0)),
        Reconciler.create().reconcile(estate).accounting());
  }

  /** The checks of "Nothing lost" on one estate and its position. */
  static void assertNothingLost(Estate estate, Position position) {
    List<Accounting> accounting = position.accounting();
    assertEquals(
        List.of("installations", "access", "usage"),
        accounting.stream().map(Accounting::record).toList(),
        "one row per kind of record");
    Accounting installations = accounting.get(0);
    Accounting access = accounting.get(1);
    Accounting usage = accounting.get(2);
    for (Accounting a : accounting) {
      assertEquals(a.total(), a.counted() + a.exempt() + a.rejected(), a.toString());
    }
    assertEquals(estate.installations().size(), installations.total());
    assertEquals(estate.access().size(), access.total());
    assertEquals(estate.usage().size(), usage.total());

    // Every rejected record has its row with a reason, and every exempt record its exemption.
    Map<String, Long> rejectedRows =
        position.rejected().stream()
            .collect(Collectors.groupingBy(Rejected::record, Collectors.counting()));
    assertEquals(installations.rejected(), rejectedRows.getOrDefault("installation", 0L));
    assertEquals(access.rejected(), rejectedRows.getOrDefault("access", 0L));
    assertEquals(usage.rejected(), rejectedRows.getOrDefault("usage", 0L));
    position.rejected().forEach(r -> assertTrue(!r.reason().isBlank(), r.toString()));
    assertEquals(
        installations.exempt() + access.exempt(),
        position.exempt().stream().mapToLong(Exempt::records).sum());
    assertEquals(estate.exemptions().size(), position.exempt().size());
    assertEquals(0, usage.exempt(), "usage is never exempt");

    // An independent recount from the estate: installed after the as-of date is rejected, an
    // exemption takes the record out, everything else counts (covered, short or unlicensable).
    Map<String, Set<String>> closure = closures(estate);
    Map<String, Device> devices = byId(estate.devices(), Device::id);
    Map<String, User> users = byId(estate.users(), User::id);
    long future = 0;
    long exempt = 0;
    Map<String, Long> countedByProduct = new TreeMap<>();
    for (Installation i : estate.installations()) {
      Device device = devices.get(i.device());
      if (i.installed() != null && i.installed().isAfter(position.asOf())) {
        future++;
      } else if (isExempt(estate, closure, i.product(), device, null)) {
        exempt++;
      } else {
        countedByProduct.merge(i.product(), 1L, Long::sum);
      }
    }
    assertEquals(future, installations.rejected(), "installations after the as-of date");
    assertEquals(exempt, installations.exempt(), "exempt installations");
    assertEquals(
        countedByProduct.values().stream().mapToLong(Long::longValue).sum(),
        installations.counted(),
        "counted installations");

    long inactive = 0;
    long exemptAccess = 0;
    for (Access a : estate.access()) {
      User user = a.user() == null ? null : users.get(a.user());
      Device device = a.device() == null ? null : devices.get(a.device());
      if (user != null && !user.active()) {
        inactive++;
      } else if (isExempt(estate, closure, a.product(), device, user)) {
        exemptAccess++;
      }
    }
    assertEquals(exemptAccess, access.exempt(), "exempt access");
    assertTrue(access.rejected() >= inactive, "access of inactive users is rejected");
    long futureUsage =
        estate.usage().stream().filter(u -> u.from().isAfter(position.asOf())).count();
    assertTrue(usage.rejected() >= futureUsage, "usage measured after the as-of date is rejected");

    // The per-product rows account for every counted installation: each counted product is
    // measured by a row of itself or of a suite containing it; installations no licence model
    // covers are one unit each of a row without a model, all short.
    Map<String, Long> unlicensable = new TreeMap<>();
    for (ProductPosition p : position.products()) {
      if (p.licenseModel() == null) {
        assertEquals(p.required(), p.shortfall(), p.toString());
        assertEquals(0, p.covered(), p.toString());
        unlicensable.merge(p.product(), p.required(), Long::sum);
      }
    }
    Set<String> modelled = new TreeSet<>();
    for (LicenseModel m : estate.licenseModels()) {
      modelled.addAll(closure.get(m.product()));
    }
    countedByProduct.forEach(
        (product, counted) -> {
          boolean measured =
              position.products().stream()
                  .anyMatch(p -> closure.get(p.product()).contains(product));
          assertTrue(measured, product + ": " + counted + " counted installations in no row");
          long without = unlicensable.getOrDefault(product, 0L);
          if (modelled.contains(product)) {
            assertTrue(without <= counted, product + ": " + without + " > " + counted);
          } else {
            assertEquals(counted.longValue(), without, product + " has no licence model");
          }
        });
    unlicensable.forEach(
        (product, units) ->
            assertTrue(
                countedByProduct.getOrDefault(product, 0L) >= units,
                product + ": " + units + " unlicensable units without counted installations"));
  }

  private static boolean isExempt(
      Estate estate,
      Map<String, Set<String>> closure,
      String product,
      @Nullable Device device,
      @Nullable User user) {
    for (Exemption x : estate.exemptions()) {
      if (!closure.get(x.product()).contains(product)) {
        continue;
      }
      if (x.device() != null && device != null && x.device().equals(device.id())) {
        return true;
      }
      if (x.user() != null
          && ((user != null && x.user().equals(user.id()))
              || (device != null && x.user().equals(device.primaryUser())))) {
        return true;
      }
    }
    return false;
  }

  /** Every product with, for a suite, its components, transitively. */
  private static Map<String, Set<String>> closures(Estate estate) {
    Map<String, Product> products = byId(estate.products(), Product::id);
    Map<String, Set<String>> closure = new HashMap<>();
    for (String id : products.keySet()) {
      Set<String> seen = new TreeSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String next = todo.poll();
        if (seen.add(next) && products.containsKey(next)) {
          todo.addAll(products.get(next).components());
        }
      }
      closure.put(id, seen);
    }
    return closure;
  }

  private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
    Map<String, T> map = new HashMap<>();
    for (T record : records) {
      map.put(id.apply(record), record);
    }
    return map;
  }
}
