package io.itam.model.columnar;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.synthetic.SyntheticEstate;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Measures the heap a {@link ColumnarEstate} of many installations takes, as a streaming reader
 * would fill it: not a test, run by hand (the figures are quoted in {@link ColumnarEstate}'s
 * javadoc). From the repository root, after {@code mvn -pl itam-model test-compile}:
 *
 * <pre>
 * java -Xmx1000m -cp itam-model/target/classes:itam-model/target/test-classes:$(ls
 *     ~/.m2/repository/com/google/guava/guava/33.5.0-jre/guava-33.5.0-jre.jar) \
 *     io.itam.model.columnar.ColumnarMemory 20000000 ids
 * </pre>
 *
 * The peak is bounded by running it under a smaller and smaller {@code -Xmx}. The frame holds one
 * desktop per 40 installations and 4,000 products of three versions each; the installations name
 * them in a random order, a tenth with an installation date. The form is {@code ids} (device,
 * product and version interned from a reused {@code char[]}, as from a JSON parser's buffer),
 * {@code strings} (a new {@code String} per value, as a reader without slices would make), or
 * {@code estate} (the same records as {@link Installation}s of an {@link Estate}, for comparison);
 * or {@code synthetic}, the whole estate of {@link SyntheticEstate#generateColumnar} with about as
 * many installations, frame included.
 */
public final class ColumnarMemory {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");
  private static final int PRODUCTS = 4_000;

  private final SplittableRandom random = new SplittableRandom(20261127);
  private final char[] buffer = new char[64];
  private final int devices;

  private ColumnarMemory(int devices) {
    this.devices = devices;
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
    String form = args.length > 1 ? args[1] : "ids";
    if (form.equals("synthetic")) {
      synthetic(count);
      return;
    }
    ColumnarMemory run = new ColumnarMemory(Math.max(1, count / 40));
    ColumnarEstate.Builder columnar = ColumnarEstate.builder(AS_OF).unit("acme");
    Estate.Builder estate = Estate.builder(AS_OF).unit("acme");
    for (int d = 0; d < run.devices; d++) {
      Device device = Device.builder("pc" + d, DeviceKind.DESKTOP).unit("acme").build();
      columnar.add(device);
      estate.add(device);
    }
    for (int p = 0; p < PRODUCTS; p++) {
      Product product =
          Product.builder("app" + p).version("2020").version("2022").version("2024").build();
      columnar.add(product);
      estate.add(product);
    }
    long frame = usedAfterGc();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      run.installation(form, columnar, estate);
    }
    long filled = System.nanoTime();
    Object built = form.equals("estate") ? estate.build() : columnar.build();
    long done = System.nanoTime();
    columnar = null; // only the built estate stays reachable
    estate = null;
    long after = usedAfterGc();
    System.out.printf(
        "%,d installations (%s): heap %,d bytes more than the frame's %,d: %.1f bytes each;"
            + " appending %.1f s, build with validation %.1f s (one run, wall clock) %s%n",
        count,
        form,
        after - frame,
        frame,
        (double) (after - frame) / count,
        (filled - start) / 1e9,
        (done - filled) / 1e9,
        built.hashCode() == 0 ? "" : "");
  }

  /**
   * The heap {@link SyntheticEstate#generateColumnar} takes for about {@code count} installations.
   */
  private static void synthetic(int count) {
    long before = usedAfterGc();
    long start = System.nanoTime();
    ColumnarEstate estate = SyntheticEstate.generateColumnar(count / 40, 20261127);
    long done = System.nanoTime();
    long after = usedAfterGc();
    System.out.printf(
        "%s: heap %,d bytes in all, %.1f bytes per installation; generated in %.1f s%n",
        estate,
        after - before,
        (double) (after - before) / estate.installations().size(),
        (done - start) / 1e9);
  }

  /** Appends one random installation in {@code form}. */
  private void installation(String form, ColumnarEstate.Builder columnar, Estate.Builder estate) {
    String device = "pc" + random.nextInt(devices);
    String product = "app" + random.nextInt(PRODUCTS);
    String version = String.valueOf(2020 + 2 * random.nextInt(3));
    long day = AS_OF.toEpochDay();
    long installed = random.nextInt(10) == 0 ? day - random.nextInt(1000) : ColumnarEstate.NO_DATE;
    LocalDate date = installed == ColumnarEstate.NO_DATE ? null : LocalDate.ofEpochDay(installed);
    switch (form) {
      case "ids" ->
          columnar.installation(
              intern(columnar.devices(), device),
              intern(columnar.products(), product),
              intern(columnar.versions(), version),
              ColumnarEstate.NONE,
              installed,
              ColumnarEstate.NO_DATE,
              ColumnarEstate.NONE);
      case "strings" -> columnar.installation(device, product, version, null, date, null, null);
      case "estate" -> estate.add(new Installation(device, product, version, null, date, null));
      default -> throw new IllegalArgumentException("form: ids, strings or estate, was " + form);
    }
  }

  private int intern(Dictionary.Builder dictionary, String value) {
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
