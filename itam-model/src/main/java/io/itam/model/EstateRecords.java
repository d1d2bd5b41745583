package io.itam.model;

import io.itam.model.inventory.Access;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link ConsumptionRecords} of the lists of an {@link Estate}. */
final class EstateRecords implements ConsumptionRecords {
  private final Installations installations;
  private final Accesses access;
  private final Usages usage;

  EstateRecords(Estate estate) {
    this.installations = new Installations(estate.installations());
    this.access = new Accesses(estate.access());
    this.usage = new Usages(estate.usage());
  }

  @Override
  public InstallationRows installations() {
    return installations;
  }

  @Override
  public AccessRows access() {
    return access;
  }

  @Override
  public UsageRows usage() {
    return usage;
  }

  private static long day(@Nullable LocalDate date) {
    return date == null ? NO_DAY : date.toEpochDay();
  }

  private record Installations(List<Installation> list) implements InstallationRows {
    @Override
    public int size() {
      return list.size();
    }

    @Override
    public String device(int row) {
      return list.get(row).device();
    }

    @Override
    public String product(int row) {
      return list.get(row).product();
    }

    @Override
    public @Nullable String version(int row) {
      return list.get(row).version();
    }

    @Override
    public @Nullable String edition(int row) {
      return list.get(row).edition();
    }

    @Override
    public long installed(int row) {
      return day(list.get(row).installed());
    }

    @Override
    public long lastUsed(int row) {
      return day(list.get(row).lastUsed());
    }

    @Override
    public @Nullable String evidence(int row) {
      return list.get(row).evidence();
    }
  }

  private record Accesses(List<Access> list) implements AccessRows {
    @Override
    public int size() {
      return list.size();
    }

    @Override
    public String product(int row) {
      return list.get(row).product();
    }

    @Override
    public @Nullable String user(int row) {
      return list.get(row).user();
    }

    @Override
    public @Nullable String device(int row) {
      return list.get(row).device();
    }
  }

  private record Usages(List<Usage> list) implements UsageRows {
    @Override
    public int size() {
      return list.size();
    }

    @Override
    public String product(int row) {
      return list.get(row).product();
    }

    @Override
    public long peakConcurrentUsers(int row) {
      return list.get(row).peakConcurrentUsers();
    }

    @Override
    public long from(int row) {
      return list.get(row).from().toEpochDay();
    }

    @Override
    public long until(int row) {
      return list.get(row).until().toEpochDay();
    }

    @Override
    public @Nullable String unit(int row) {
      return list.get(row).unit();
    }
  }
}
