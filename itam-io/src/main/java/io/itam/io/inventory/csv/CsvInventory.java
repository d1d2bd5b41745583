package io.itam.io.inventory.csv;

import static com.google.common.base.Preconditions.checkElementIndex;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.User;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The records read from CSV tables ({@link CsvTable}): devices, users, installations and
 * entitlements, each in file order, with the file and line it came from, for a caller to add to an
 * estate that has the rest (organisation, catalogue, licence models).
 *
 * <pre>{@code
 * CsvInventory csv = CsvReader.create().withCurrency("EUR").readDirectory(Path.of("export"));
 * Estate estate = csv.addTo(EstateReader.create().read(base).toBuilder()).build();
 * }</pre>
 *
 * <p>{@link #source} locates a record in its file ({@code devices.csv:17}), so that a problem the
 * estate validator finds later (an unknown unit, a VM without a host) can be shown at its line.
 */
public final class CsvInventory {
  private static final CsvInventory EMPTY =
      new CsvInventory(List.of(), List.of(), List.of(), List.of(), Map.of());

  private final ImmutableList<Device> devices;
  private final ImmutableList<User> users;
  private final ImmutableList<Installation> installations;
  private final ImmutableList<Entitlement> entitlements;
  private final ImmutableMap<EstateSection, ImmutableList<String>> sources;

  CsvInventory(
      List<Device> devices,
      List<User> users,
      List<Installation> installations,
      List<Entitlement> entitlements,
      Map<EstateSection, ? extends List<String>> sources) {
    this.devices = ImmutableList.copyOf(devices);
    this.users = ImmutableList.copyOf(users);
    this.installations = ImmutableList.copyOf(installations);
    this.entitlements = ImmutableList.copyOf(entitlements);
    EnumMap<EstateSection, ImmutableList<String>> copy = new EnumMap<>(EstateSection.class);
    sources.forEach((section, list) -> copy.put(section, ImmutableList.copyOf(list)));
    this.sources = ImmutableMap.copyOf(copy);
  }

  /** No records. */
  public static CsvInventory empty() {
    return EMPTY;
  }

  public List<Device> devices() {
    return devices;
  }

  public List<User> users() {
    return users;
  }

  public List<Installation> installations() {
    return installations;
  }

  public List<Entitlement> entitlements() {
    return entitlements;
  }

  /**
   * Where record {@code index} of {@code section} was read: {@code file:line} ({@code
   * devices.csv:17}).
   *
   * @throws IndexOutOfBoundsException when there is no such record
   */
  public String source(EstateSection section, int index) {
    List<String> list =
        sources.getOrDefault(requireNonNull(section, "section"), ImmutableList.of());
    checkElementIndex(index, list.size(), "index");
    return list.get(index);
  }

  /** Adds every record to {@code estate}, in file order; returns it. */
  public Estate.Builder addTo(Estate.Builder estate) {
    return estate.addAll(devices).addAll(users).addAll(installations).addAll(entitlements);
  }

  /** The records of this inventory followed by those of {@code other}. */
  public CsvInventory plus(CsvInventory other) {
    EnumMap<EstateSection, List<String>> merged = new EnumMap<>(EstateSection.class);
    for (EstateSection section : EstateSection.values()) {
      List<String> mine = sources.getOrDefault(section, ImmutableList.of());
      List<String> theirs = other.sources.getOrDefault(section, ImmutableList.of());
      if (!mine.isEmpty() || !theirs.isEmpty()) {
        merged.put(section, ImmutableList.<String>builder().addAll(mine).addAll(theirs).build());
      }
    }
    return new CsvInventory(
        ImmutableList.<Device>builder().addAll(devices).addAll(other.devices).build(),
        ImmutableList.<User>builder().addAll(users).addAll(other.users).build(),
        ImmutableList.<Installation>builder()
            .addAll(installations)
            .addAll(other.installations)
            .build(),
        ImmutableList.<Entitlement>builder()
            .addAll(entitlements)
            .addAll(other.entitlements)
            .build(),
        merged);
  }

  @Override
  public String toString() {
    return "CsvInventory{devices="
        + devices.size()
        + ", users="
        + users.size()
        + ", installations="
        + installations.size()
        + ", entitlements="
        + entitlements.size()
        + "}";
  }
}
