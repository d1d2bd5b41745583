package io.itam.model.columnar;

import io.itam.model.catalog.Product;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Measures the heap a {@link ColumnarEstate} of many installations takes, as a streaming reader
 * would fill it: not a test, run by hand (the figures are quoted in {@link ColumnarEstate}'s
 * javadoc). From the repository root, after {@code mvn -pl itam-model test-compile}:
 *
 * <pre>
 * java -Xmx1200m -cp itam-model/target/classes:itam-model/target/test-classes:$(ls
 *     ~/.m2/repository/com/google/guava/guava/33.5.0-jre/guava-33.5.0-jre.jar) \
 *     io.itam.model.columnar.ColumnarMemory 20000000 ids
 * </pre>
 *
 * The peak is bounded by running it under a smaller and smaller {@code -Xmx}. The frame holds one
 * desktop per 40 installations and 4,000 products of three versions each; the installations name
 * them in a random order, a tenth with an installation date. The form is {@code ids} (device and
 * product ids interned from a reused {@code char[]}, as from a JSON parser's buffer) or {@code
 * strings} (a new {@code String} per id, as a reader without slices would make).
 */
public final class ColumnarMemory {
  private ColumnarMemory() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
    boolean slices = args.length < 2 || args[1].equals("ids");
    int devices = Math.max(1, count / 40);
    int products = 4_000;
    LocalDate asOf = LocalDate.parse("2026-11-27");
    ColumnarEstate.Builder builder = ColumnarEstate.builder(asOf).unit("acme");
    for (int d = 0; d < devices; d++) {
      builder.add(Device.builder("pc" + d, DeviceKind.DESKTOP).unit("acme").build());
    }
    for (int p = 0; p < products; p++) {
      builder.add(
          Product.builder("app" + p).version("2020").version("2022").version("2024").build());
    }
    long frame = usedAfterGc();
    SplittableRandom random = new SplittableRandom(20261127);
    char[] buffer = new char[64];
    int day = (int) asOf.toEpochDay();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String device = "pc" + random.nextInt(devices);
      String product = "app" + random.nextInt(products);
      String version = String.valueOf(2020 + 2 * random.nextInt(3));
      int installed = random.nextInt(10) == 0 ? day - random.nextInt(1000) : ColumnarEstate.NO_DATE;
      if (slices) {
        builder.installation(
            intern(builder.devices(), device, buffer),
            intern(builder.products(), product, buffer),
            intern(builder.versions(), version, buffer),
            ColumnarEstate.NONE,
            installed,
            ColumnarEstate.NO_DATE,
            ColumnarEstate.NONE);
      } else {
        builder.installation(
            device,
            product,
            version,
            null,
            installed == ColumnarEstate.NO_DATE ? null : LocalDate.ofEpochDay(installed),
            null,
            null);
      }
    }
    long filled = System.nanoTime();
    ColumnarEstate estate = builder.build();
    long built = System.nanoTime();
    long after = usedAfterGc();
    System.out.printf(
        "%,d installations (%s): heap %,d bytes more than the frame's %,d: %.1f bytes each;"
            + " appending %.1f s, build with validation %.1f s (one run, wall clock)%n",
        estate.installations().size(),
        slices ? "ids from char slices" : "strings",
        after - frame,
        frame,
        (double) (after - frame) / count,
        (filled - start) / 1e9,
        (built - filled) / 1e9);
  }

  private static int intern(Dictionary.Builder dictionary, String value, char[] buffer) {
    value.getChars(0, value.length(), buffer, 0);
    return dictionary.intern(buffer, 0, value.length());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
