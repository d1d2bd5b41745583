package io.itam.model;

/**
 * The documented limits of an estate. Values beyond them are validation errors, so that no
 * arithmetic downstream can overflow silently (and any that still could throws).
 *
 * <table>
 *   <caption>Where each limit applies ({@link EstateValidator} checks them all)</caption>
 *   <tr><th>limit</th><th>value</th><th>applies to</th></tr>
 *   <tr><td>{@link #MAX_QUANTITY}</td><td>10<sup>12</sup></td>
 *       <td>entitlement {@code quantity}; usage {@code peakConcurrentUsers}; device {@code
 *       processors}, {@code coresPerProcessor}, {@code threadsPerCore}, {@code maxProcessors},
 *       {@code vcpus}, and a server's cores ({@code processors} or {@code maxProcessors} × {@code
 *       coresPerProcessor}); every metric, virtualization and rights count ({@code packSize},
 *       minimums, {@code processorsPerUnit}, {@code maximumSockets}, {@code maximumVcpus}, {@code
 *       vmsPerSet}, {@code vcpusPerProcessor}, {@code failoverDevices}); and, as decimals, prices,
 *       core factors, PVU per core and device attributes</td></tr>
 *   <tr><td>{@link #MAX_DECIMAL_PLACES}</td><td>6</td>
 *       <td>prices, core factors, PVU per core, device attributes</td></tr>
 *   <tr><td>{@link #MAX_ID_LENGTH}</td><td>256 characters</td>
 *       <td>the ids of organisation units, products, licence models, entitlements, clusters,
 *       devices and users (a longer reference names no record, so it is unknown)</td></tr>
 *   <tr><td>{@link #MAX_TEXT_LENGTH}</td><td>4096 characters</td>
 *       <td>product {@code publisher}, {@code name}, edition and version names; model {@code
 *       title}, {@code rules}, {@code capacityAttribute}; CPU patterns of inline tables;
 *       entitlement {@code reference}; device {@code cpu} and attribute names; exemption {@code
 *       reason}</td></tr>
 *   <tr><td>{@link #MAX_ORGANIZATION_DEPTH}</td><td>64 levels</td>
 *       <td>the organisation tree (a root is level 1); reported once, at the first unit too
 *       deep</td></tr>
 *   <tr><td>{@link #MAX_SUITE_DEPTH}</td><td>16 levels</td>
 *       <td>suites within suites (a product that is no suite is level 1), whatever the order of
 *       the list; reported at the outermost suite</td></tr>
 *   <tr><td>{@link #MAX_WINDOW_DAYS}</td><td>3660 days</td>
 *       <td>a concurrent-user metric's {@code windowDays} (at least 1)</td></tr>
 * </table>
 *
 * <p>The JSON reader adds limits of its own, beyond which the reading ends as malformed JSON:
 * nesting at most 64 deep, strings at most 1 MiB, numbers at most 64 characters, field names at
 * most 64 KiB; and a decimal written as a string (a price, a factor) has at most 64 characters.
 * Arithmetic on counts within these limits can still exceed a {@code long} (a count times a factor,
 * sums over millions of records): it then throws {@link ArithmeticException}, never wraps.
 */
public final class Limits {
  /** Largest quantity, count or attribute: 10^12 units. */
  public static final long MAX_QUANTITY = 1_000_000_000_000L;

  /** Longest id, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  /** Longest free text (names, reasons, references, CPU strings), in characters. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** Deepest organisation tree (a root has depth 1). */
  public static final int MAX_ORGANIZATION_DEPTH = 64;

  /** Deepest nesting of suites within suites. */
  public static final int MAX_SUITE_DEPTH = 16;

  /** Most decimal places of a price, a factor or an attribute. */
  public static final int MAX_DECIMAL_PLACES = 6;

  /** Largest concurrent-user window, in days (about 10 years). */
  public static final long MAX_WINDOW_DAYS = 3660;

  private Limits() {}
}
