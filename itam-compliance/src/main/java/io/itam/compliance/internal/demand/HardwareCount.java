package io.itam.compliance.internal.demand;

import static java.util.Objects.requireNonNull;

import io.itam.model.inventory.Device;
import io.itam.model.terms.BuiltInTables;
import io.itam.model.terms.FactorMatch;
import io.itam.model.terms.FactorSource;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The hardware arithmetic of one device under one licence model, in exact decimals, with the
 * computation in words for the reason.
 *
 * <ul>
 *   <li>{@code core} on a physical server (WS-01, SQL-01, OR-01, VM-01): per processor {@code
 *       max(minimumPerProcessor, cores × core factor)}, summed, rounded up per server (or not, for
 *       aggregate rounding), then at least {@code minimumPerDevice}. Threads never count.
 *   <li>{@code processor} (RH-01, OR-03): occupied sockets ÷ {@code processorsPerUnit}, rounded up,
 *       at least {@code minimumPerDevice}.
 *   <li>{@code pvu} (IBM-01, IBM-02): cores × PVU per core of the CPU at the server's socket
 *       capacity.
 *   <li>A VM or cloud instance counted by itself (WS-06, SQL-02, OR-08, IBM-03): vCPUs ÷ threads
 *       per core ({@code virtualization.threadsPerCore}, unless the device says it has no
 *       multithreading), rounded up, at least {@code minimumPerVm}; no core factor; PVU at the
 *       host's (or the instance's) CPU; processors by {@code vcpusPerProcessor}, or one per VM.
 * </ul>
 *
 * @param exact the units before any final rounding, times {@code divisor}
 * @param divisor the denominator of {@code exact} (processors per unit), so that sums stay exact
 * @param units the units, rounded up per device
 * @param words the computation, for people
 */
record HardwareCount(BigDecimal exact, long divisor, long units, String words) {

  HardwareCount {
    requireNonNull(exact);
    requireNonNull(words);
  }

  HardwareCount(BigDecimal exact, long units, String words) {
    this(exact, 1, units, words);
  }

  /** A count or why the device cannot be counted. */
  record Result(@Nullable HardwareCount count, @Nullable String refusal) {
    static Result of(HardwareCount count) {
      return new Result(count, null);
    }

    static Result refused(String why) {
      return new Result(null, why);
    }
  }

  /** The socket capacity of a server: {@code maxProcessors}, else its occupied processors. */
  static @Nullable Long socketCapacity(Device server) {
    return server.maxProcessors() != null ? server.maxProcessors() : server.processors();
  }

  /** Counts a physical server in full under {@code model}. */
  static Result ofServer(LicenseModel model, Device server) {
    Metric metric = model.metric();
    Long sockets = server.processors();
    if (sockets == null) {
      return Result.refused(
          "server "
              + server.id()
              + " has no \"processors\", which "
              + metric.type()
              + " counting needs");
    }
    if (metric.maximumSockets() > 0) {
      Long capacity = socketCapacity(server);
      if (capacity != null && capacity > metric.maximumSockets()) {
        return Result.refused(
            "model "
                + model.id()
                + " may run only on servers of at most "
                + metric.maximumSockets()
                + " sockets (OR-04); "
                + server.id()
                + " has "
                + capacity);
      }
    }
    switch (metric.type()) {
      case PROCESSOR -> {
        return Result.of(
            finish(
                metric,
                BigDecimal.valueOf(sockets),
                metric.processorsPerUnit(),
                server.id()
                    + ": "
                    + sockets
                    + (sockets == 1 ? " occupied socket" : " occupied sockets")
                    + (metric.processorsPerUnit() == 1
                        ? ""
                        : " ÷ " + metric.processorsPerUnit() + " per unit"),
                true));
      }
      case CORE, PVU, USER -> {
        Long cores = server.coresPerProcessor();
        if (cores == null) {
          return Result.refused(
              "server " + server.id() + " has no \"coresPerProcessor\", which core counting needs");
        }
        boolean pvu = metric.type() == MetricType.PVU;
        FactorMatch factor = null;
        Optional<FactorSource> table =
            BuiltInTables.resolve(pvu ? metric.pvuTable() : metric.coreFactors(), pvu);
        if (table.isPresent()) {
          Optional<FactorMatch> match = table.get().lookup(server.cpu(), socketCapacity(server));
          if (match.isEmpty()) {
            return Result.refused(
                "no row of the "
                    + table.get().describe()
                    + " matches the CPU of "
                    + server.id()
                    + (server.cpu() == null ? " (none given)" : " \"" + server.cpu() + "\""));
          }
          factor = match.get();
        } else if (pvu) {
          return Result.refused("model " + model.id() + " counts PVU but names no pvuTable");
        }
        BigDecimal perProcessor = BigDecimal.valueOf(cores);
        String words = cores + (cores == 1 ? " core" : " cores");
        if (factor != null) {
          perProcessor = perProcessor.multiply(factor.factor());
          words += " × " + factor.describe();
        }
        if (metric.type() != MetricType.USER && metric.minimumPerProcessor() > 0) {
          BigDecimal minimum = BigDecimal.valueOf(metric.minimumPerProcessor());
          if (perProcessor.compareTo(minimum) < 0) {
            words = "max(" + metric.minimumPerProcessor() + ", " + words + ")";
            perProcessor = minimum;
          }
        }
        BigDecimal exact = perProcessor.multiply(BigDecimal.valueOf(sockets));
        String text = server.id() + ": " + sockets + " × " + words;
        if (metric.type() == MetricType.USER) {
          return Result.of(
              new HardwareCount(
                  exact, exact.setScale(0, RoundingMode.CEILING).longValueExact(), text));
        }
        return Result.of(finish(metric, exact, text));
      }
      default -> throw new IllegalArgumentException("not a hardware metric: " + metric.type());
    }
  }

  /** Counts a VM or cloud instance by its own vCPUs; {@code host} prices PVU for a VM. */
  static Result ofVirtual(LicenseModel model, Device device, @Nullable Device host) {
    Metric metric = model.metric();
    Virtualization v = model.effectiveVirtualization();
    Long vcpus = device.vcpus();
    if (vcpus == null) {
      return Result.refused(
          device.kind() + " " + device.id() + " has no \"vcpus\", which per-VM counting needs");
    }
    if (metric.maximumVcpus() > 0 && vcpus > metric.maximumVcpus()) {
      return Result.refused(
          "model "
              + model.id()
              + " may run only on instances of at most "
              + metric.maximumVcpus()
              + " vCPUs (OR-08); "
              + device.id()
              + " has "
              + vcpus);
    }
    long threads =
        device.threadsPerCore() != null && device.threadsPerCore() == 1 ? 1 : v.threadsPerCore();
    long cores = ceilDiv(vcpus, threads);
    String words =
        device.id()
            + ": "
            + vcpus
            + " vCPUs"
            + (threads == 1 ? "" : " ÷ " + threads + " threads per core = " + cores + " cores");
    switch (metric.type()) {
      case CORE -> {
        long units = cores;
        if (units < v.minimumPerVm()) {
          words += ", minimum " + v.minimumPerVm() + " per VM";
          units = v.minimumPerVm();
        }
        return Result.of(new HardwareCount(BigDecimal.valueOf(units), units, words));
      }
      case PROCESSOR -> {
        long processors = v.vcpusPerProcessor() > 0 ? ceilDiv(vcpus, v.vcpusPerProcessor()) : 1;
        String text =
            v.vcpusPerProcessor() > 0
                ? device.id()
                    + ": "
                    + vcpus
                    + " vCPUs, one processor per "
                    + v.vcpusPerProcessor()
                    + " = "
                    + processors
                : device.id() + ": one processor per VM";
        if (metric.processorsPerUnit() != 1) {
          text += " ÷ " + metric.processorsPerUnit() + " per unit";
        }
        return Result.of(
            finish(
                metric, BigDecimal.valueOf(processors), metric.processorsPerUnit(), text, false));
      }
      case PVU -> {
        Device priced = host != null ? host : device;
        Optional<FactorSource> table = BuiltInTables.resolve(metric.pvuTable(), true);
        if (table.isEmpty()) {
          return Result.refused("model " + model.id() + " counts PVU but names no pvuTable");
        }
        Optional<FactorMatch> match =
            table.get().lookup(priced.cpu(), host == null ? null : socketCapacity(host));
        if (match.isEmpty()) {
          return Result.refused(
              "no row of the " + table.get().describe() + " matches the CPU of " + priced.id());
        }
        BigDecimal exact = BigDecimal.valueOf(cores).multiply(match.get().factor());
        long units = exact.setScale(0, RoundingMode.CEILING).longValueExact();
        return Result.of(
            atLeast(
                new HardwareCount(
                    exact,
                    units,
                    words
                        + (threads == 1 ? " = " + cores + " virtual cores" : "")
                        + " × "
                        + match.get().describe()
                        + (host != null ? " of host " + host.id() : "")),
                v.minimumPerVm()));
      }
      default -> throw new IllegalArgumentException("not a hardware metric: " + metric.type());
    }
  }

  /** {@code count}, raised to the per-VM minimum when below it (WS-06, SQL-02). */
  private static HardwareCount atLeast(HardwareCount count, long minimumPerVm) {
    if (minimumPerVm <= 0 || count.units() >= minimumPerVm) {
      return count;
    }
    return new HardwareCount(
        BigDecimal.valueOf(minimumPerVm),
        minimumPerVm,
        count.words() + ", minimum " + minimumPerVm + " per VM");
  }

  private static HardwareCount finish(Metric metric, BigDecimal exact, String words) {
    return finish(metric, exact, 1, words, true);
  }

  /**
   * Rounds {@code exact ÷ divisor} up per device (unless aggregate rounding), then applies the
   * per-device minimum.
   */
  private static HardwareCount finish(
      Metric metric, BigDecimal exact, long divisor, String words, boolean deviceMinimum) {
    StringBuilder text = new StringBuilder(words);
    BigDecimal d = BigDecimal.valueOf(divisor);
    BigDecimal up = exact.divide(d, 0, RoundingMode.CEILING);
    boolean whole = up.multiply(d).compareTo(exact) == 0;
    long ceiling = up.longValueExact();
    BigDecimal numerator = exact;
    long denominator = divisor;
    if (whole) {
      text.append(" = ").append(ceiling);
    } else {
      text.append(" = ").append(fraction(exact, divisor));
      if (metric.rounding() == Rounding.PER_DEVICE) {
        text.append(", rounded up to ").append(ceiling).append(" (OR-01)");
        numerator = BigDecimal.valueOf(ceiling);
        denominator = 1;
      }
    }
    if (deviceMinimum
        && metric.minimumPerDevice() > 0
        && BigDecimal.valueOf(metric.minimumPerDevice())
                .multiply(BigDecimal.valueOf(denominator))
                .compareTo(numerator)
            > 0) {
      text.append(", minimum ").append(metric.minimumPerDevice()).append(" per server");
      numerator = BigDecimal.valueOf(metric.minimumPerDevice());
      denominator = 1;
      ceiling = metric.minimumPerDevice();
    }
    return new HardwareCount(numerator, denominator, ceiling, text.toString());
  }

  private static String fraction(BigDecimal numerator, long divisor) {
    String n = numerator.stripTrailingZeros().toPlainString();
    return divisor == 1 ? n : n + "/" + divisor;
  }

  static long ceilDiv(long a, long b) {
    return Math.floorDiv(Math.addExact(a, b - 1), b);
  }
}
