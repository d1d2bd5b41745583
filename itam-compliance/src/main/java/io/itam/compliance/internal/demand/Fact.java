package io.itam.compliance.internal.demand;

import static java.util.Objects.requireNonNull;

import io.itam.model.inventory.Access;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import org.jspecify.annotations.Nullable;

/**
 * One unit of consumption that needs covering: an installation, an access record or a usage
 * measurement that counts on the as-of date. Facts are numbered in a canonical order that does not
 * depend on the order of the input lists.
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
  private int recordKey = -1;

  private Fact(
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

  static Fact installation(int id, Installation installation, Device device) {
    return new Fact(
        id,
        Kind.INSTALLATION,
        installation.product(),
        installation.version(),
        installation.edition(),
        device,
        null,
        null,
        installation.evidence());
  }

  static Fact access(int id, Access access, @Nullable Device device, @Nullable User user) {
    return new Fact(id, Kind.ACCESS, access.product(), null, null, device, user, null, null);
  }

  static Fact usage(int id, Usage usage) {
    return new Fact(id, Kind.USAGE, usage.product(), null, null, null, null, usage, null);
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

  /**
   * The interned identity of what decides this fact's demand in a per-device family: its kind,
   * product, version, edition and evidence. Equal for equal records of different devices.
   */
  int recordKey() {
    return recordKey;
  }

  void recordKey(int key) {
    this.recordKey = key;
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
    return UsagePools.consumerId(u.unit());
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
