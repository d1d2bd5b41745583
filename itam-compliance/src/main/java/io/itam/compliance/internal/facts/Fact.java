package io.itam.compliance.internal.facts;

import static java.util.Objects.requireNonNull;

import io.itam.model.inventory.Device;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import org.jspecify.annotations.Nullable;

/**
 * One unit of consumption that needs covering, as an object: an installation, an access record or a
 * usage measurement that counts on the as-of date. The engine keeps facts in the {@link Facts}
 * columns; a {@code Fact} is built from them on demand, where a rule needs the records themselves
 * (counting a representative's hardware, explaining a row).
 */
public final class Fact {
  /** What kind of record a fact comes from. */
  public enum Kind {
    INSTALLATION("installation"),
    ACCESS("access"),
    USAGE("usage");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final int id;
  private final Kind kind;
  private final String product;
  private final @Nullable String version;
  private final @Nullable String edition;
  private final @Nullable Device device;
  private final @Nullable User user;
  private final @Nullable Usage usage;
  private final @Nullable String evidence;

  Fact(
      int id,
      Kind kind,
      String product,
      @Nullable String version,
      @Nullable String edition,
      @Nullable Device device,
      @Nullable User user,
      @Nullable Usage usage,
      @Nullable String evidence) {
    this.id = id;
    this.kind = requireNonNull(kind);
    this.product = requireNonNull(product);
    this.version = version;
    this.edition = edition;
    this.device = device;
    this.user = user;
    this.usage = usage;
    this.evidence = evidence;
  }

  /** Position in the canonical order of facts. */
  public int id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String product() {
    return product;
  }

  /** What discovery found for an installation (a SWID tag's data); {@code null} when none. */
  public @Nullable String evidence() {
    return evidence;
  }

  /** Installed version; {@code null} when unknown or not an installation. */
  public @Nullable String version() {
    return version;
  }

  /** Installed edition; {@code null} when unknown or not an installation. */
  public @Nullable String edition() {
    return edition;
  }

  /** The installing device, or the device of a device access record. */
  public @Nullable Device device() {
    return device;
  }

  /** The user of a user access record. */
  public @Nullable User user() {
    return user;
  }

  /** The usage measurement of a usage fact. */
  public @Nullable Usage usage() {
    return usage;
  }

  /** The id of the device, user or unit the record is about. */
  public String consumer() {
    if (device != null) {
      return device.id();
    }
    if (user != null) {
      return user.id();
    }
    Usage u = requireNonNull(usage);
    return usagePool(u.unit());
  }

  /**
   * The consumer id of the usage pool of {@code unit}: {@code usage:acme-de}, or {@code usage:all}.
   */
  public static String usagePool(@Nullable String unit) {
    return "usage:" + (unit == null ? "all" : unit);
  }

  /** For people: {@code installation of word 2021 on pc-0001}. */
  public String describe() {
    return switch (kind) {
      case INSTALLATION ->
          "installation of "
              + product
              + (version == null ? "" : " " + version)
              + (edition == null ? "" : " " + edition)
              + " on "
              + requireNonNull(device).id()
              + (evidence == null ? "" : " (" + evidence + ")");
      case ACCESS ->
          "access to "
              + product
              + " by "
              + (user != null ? "user " + user.id() : "device " + requireNonNull(device).id());
      case USAGE -> {
        Usage u = requireNonNull(usage);
        yield "usage of "
            + product
            + " ("
            + u.peakConcurrentUsers()
            + " concurrent, "
            + u.from()
            + ".."
            + u.until()
            + (u.unit() == null ? "" : ", " + u.unit())
            + ")";
      }
    };
  }

  @Override
  public String toString() {
    return "#" + id + " " + describe();
  }
}
