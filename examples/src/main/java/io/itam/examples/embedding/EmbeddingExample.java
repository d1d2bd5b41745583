package io.itam.examples.embedding;

import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.model.Estate;
import io.itam.model.Money;
import io.itam.model.catalog.Product;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.position.Position;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.MetricType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Embedding itam in a SAM tool: build or read an estate, reconcile it, read the position. The
 * README shows {@link #inCode()} line for line.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** An estate built in code: two PCs run Visio, one licence is owned. */
  public static Position inCode() {
    Estate estate =
        Estate.builder(LocalDate.parse("2026-11-27"))
            .currency("EUR")
            .unit("acme")
            .add(Product.of("visio", "Microsoft", "Visio"))
            .add(LicenseModel.builder("visio-device", "visio").metric(MetricType.DEVICE).build())
            .add(
                Entitlement.builder("PO-1", "visio-device")
                    .quantity(1)
                    .unitPrice(Money.of("610.00", "EUR"))
                    .build())
            .add(Device.desktop("pc-1", "acme", null))
            .add(Installation.of("pc-1", "visio"))
            .add(Device.desktop("pc-2", "acme", null))
            .add(Installation.of("pc-2", "visio"))
            .build();
    Position position = Reconciler.create().reconcile(estate);
    position.shortfalls().forEach(s -> System.out.println(s.consumer() + ": " + s.reason()));
    return position;
  }

  /** An estate document read from a file (see docs/estate-format.md). */
  public static Position fromFile(Path file) throws IOException {
    Estate estate = EstateReader.create().read(file);
    return Reconciler.create().reconcile(estate);
  }

  public static void main(String[] args) throws IOException {
    Position position = args.length > 0 ? fromFile(Path.of(args[0])) : inCode();
    System.out.println(
        (position.compliant() ? "compliant" : "not compliant")
            + ", shortfall cost "
            + position.summary().shortfallCost()
            + " "
            + position.currency());
  }
}
