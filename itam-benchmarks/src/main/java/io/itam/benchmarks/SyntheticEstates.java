package io.itam.benchmarks;

import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A seeded synthetic estate for benchmarks: an office suite with components and second use, a few
 * standalone products per device and per user, several organisation units with scoped entitlements
 * that leave some products short and others spare. The same seed always gives the same estate.
 */
public final class SyntheticEstates {
  private static final String[] UNITS = {"unit-0", "unit-1", "unit-2", "unit-3"};

  private SyntheticEstates() {}

  /** An estate of {@code devices} desktops and laptops. */
  public static Estate generate(int devices, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Estate.Builder estate =
        Estate.builder(LocalDate.parse("2026-11-27")).currency("EUR").unit("org");
    for (String unit : UNITS) {
      estate.unit(unit, "org");
    }
    estate
        .add(
            Product.builder("suite").components("writer", "sheets", "mail").version("2024").build())
        .add(Product.builder("writer").version("2024").build())
        .add(Product.builder("sheets").version("2024").build())
        .add(Product.builder("mail").version("2024").build())
        .add(Product.builder("diagram").build())
        .add(Product.builder("pdf").build())
        .add(
            LicenseModel.builder("suite-device", "suite")
                .metric(MetricType.DEVICE)
                .rights(Rights.NONE.withSecondUse().withVersionDowngrade())
                .build())
        .add(LicenseModel.builder("writer-device", "writer").metric(MetricType.DEVICE).build())
        .add(LicenseModel.builder("diagram-device", "diagram").metric(MetricType.DEVICE).build())
        .add(LicenseModel.builder("pdf-user", "pdf").metric(MetricType.USER).build());
    int users = Math.max(1, devices * 3 / 4);
    for (int u = 0; u < users; u++) {
      estate.add(User.of("user-" + u, UNITS[u % UNITS.length]));
    }
    for (int d = 0; d < devices; d++) {
      String id = "device-" + d;
      String user = "user-" + random.nextInt(users);
      String unit = UNITS[random.nextInt(UNITS.length)];
      estate.add(
          random.nextInt(3) == 0 ? Device.laptop(id, unit, user) : Device.desktop(id, unit, user));
      int roll = random.nextInt(10);
      if (roll < 6) {
        estate.add(Installation.of(id, "suite", "2024"));
      } else if (roll < 9) {
        estate
            .add(Installation.of(id, "writer", "2024"))
            .add(Installation.of(id, "sheets", "2024"));
      } else {
        estate.add(Installation.of(id, "writer", "2024"));
      }
      if (random.nextInt(5) == 0) {
        estate.add(Installation.of(id, "diagram"));
      }
      if (random.nextInt(4) == 0) {
        estate.add(Installation.of(id, "pdf"));
      }
    }
    int line = 0;
    for (String unit : UNITS) {
      estate.add(entitlement("E-" + line++, "suite-device", devices / 6, unit, "420.00"));
      estate.add(entitlement("E-" + line++, "writer-device", devices / 20, unit, "150.00"));
      estate.add(entitlement("E-" + line++, "diagram-device", devices / 15, unit, "300.00"));
      estate.add(entitlement("E-" + line++, "pdf-user", devices / 12, unit, "180.00"));
    }
    return estate.build();
  }

  private static Entitlement entitlement(
      String id, String model, long quantity, String unit, String price) {
    return Entitlement.builder(id, model)
        .quantity(quantity)
        .scope(unit)
        .unitPrice(Money.of(price, "EUR"))
        .build();
  }
}
