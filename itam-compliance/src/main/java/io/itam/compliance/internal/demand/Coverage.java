package io.itam.compliance.internal.demand;

import com.google.common.collect.ImmutableList;
import io.itam.compliance.internal.facts.Fact;
import io.itam.compliance.internal.index.EstateIndex;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Whether a licence model's terms cover a fact's product, edition and version, and which rights
 * that takes.
 *
 * <ul>
 *   <li>Product: the model's product, or a component of it when it is a suite.
 *   <li>Edition: the granted one; a lower one with the edition-downgrade right (DG-05). An unknown
 *       edition is covered only by a model granting any edition, or the top edition with the
 *       downgrade right. Editions of a suite's components are not compared (a suite's edition says
 *       which components it has).
 *   <li>Version: the granted one; an older one with the version-downgrade right (DG-01, DG-02); a
 *       newer one with the upgrade-with-maintenance right, provided the entitlement's maintenance
 *       reaches the release date of the installed version (checked per entitlement). An unknown
 *       version is covered only by a model granting any version, or the newest version with the
 *       downgrade right. Components' versions are compared through the suite's version names, or
 *       else their release dates.
 * </ul>
 */
public final class Coverage {
  private Coverage() {}

  /**
   * The outcome of a check.
   *
   * @param covered whether the model may cover the fact
   * @param rights the rights used, for the reason ("version downgrade 2022→2019 (DG-01)")
   * @param maintenanceNeeded for an upgrade under maintenance, the release date that the
   *     entitlement's maintenance must reach; {@code null} otherwise
   * @param refusal why the model does not cover the fact; {@code null} when it does
   */
  public record Result(
      boolean covered,
      ImmutableList<String> rights,
      @Nullable LocalDate maintenanceNeeded,
      @Nullable String refusal) {

    static Result refused(String why) {
      return new Result(false, ImmutableList.of(), null, why);
    }
  }

  /**
   * Checks whether {@code model} covers a record of {@code kind} of {@code productId} with {@code
   * version} and {@code edition} (both {@code null} for access and usage records).
   */
  public static Result check(
      Fact.Kind kind,
      String productId,
      @Nullable String version,
      @Nullable String edition,
      LicenseModel model,
      EstateIndex index) {
    List<String> rights = new ArrayList<>();
    boolean direct = productId.equals(model.product());
    if (!direct) {
      if (!index.closure(model.product()).contains(productId)) {
        return Result.refused(
            "model " + model.id() + " licenses " + model.product() + ", not " + productId);
      }
    }
    if (kind != Fact.Kind.INSTALLATION) {
      return new Result(true, ImmutableList.copyOf(rights), null, null);
    }
    Product product = index.product(productId);
    if (direct) {
      String refusal = checkEdition(edition, model, product, rights);
      if (refusal != null) {
        return Result.refused(refusal);
      }
    }
    LocalDate[] maintenance = new LocalDate[1];
    String refusal =
        checkVersion(version, product, model, index.product(model.product()), rights, maintenance);
    if (refusal != null) {
      return Result.refused(refusal);
    }
    return new Result(true, ImmutableList.copyOf(rights), maintenance[0], null);
  }

  private static @Nullable String checkEdition(
      @Nullable String edition, LicenseModel model, Product product, List<String> rights) {
    String granted = model.edition();
    if (granted == null) {
      return null;
    }
    boolean downgrade = model.rights().editionDowngrade();
    if (edition == null) {
      String top = product.editions().get(product.editions().size() - 1);
      if (granted.equals(top) && downgrade) {
        rights.add(
            "edition unknown: covered by the top edition "
                + granted
                + " with edition downgrade (DG-05)");
        return null;
      }
      return "edition unknown; model " + model.id() + " grants " + granted + " only";
    }
    if (edition.equals(granted)) {
      return null;
    }
    int installed = product.editionRank(edition).orElseThrow();
    int licensed = product.editionRank(granted).orElseThrow();
    if (installed > licensed) {
      return "edition "
          + edition
          + " is higher than the "
          + granted
          + " that model "
          + model.id()
          + " grants";
    }
    if (!downgrade) {
      return "edition "
          + edition
          + " differs from the "
          + granted
          + " that model "
          + model.id()
          + " grants (no edition-downgrade right)";
    }
    rights.add("edition downgrade " + granted + "→" + edition + " (DG-05)");
    return null;
  }

  private static @Nullable String checkVersion(
      @Nullable String version,
      Product product,
      LicenseModel model,
      Product licensed,
      List<String> rights,
      LocalDate[] maintenanceNeeded) {
    String granted = model.version();
    if (granted == null) {
      return null;
    }
    boolean downgrade = model.rights().versionDowngrade();
    if (version == null) {
      String newest = licensed.versions().get(licensed.versions().size() - 1).name();
      if (granted.equals(newest) && downgrade) {
        rights.add(
            "version unknown: covered by the newest version "
                + granted
                + " with version downgrade (DG-01)");
        return null;
      }
      return "version unknown; model " + model.id() + " grants " + granted + " only";
    }
    int order = compare(version, product, granted, licensed);
    if (order == Integer.MIN_VALUE) {
      return "version "
          + version
          + " of "
          + product.id()
          + " cannot be compared with version "
          + granted
          + " of "
          + licensed.id()
          + " (no common version name or release dates)";
    }
    if (order == 0) {
      return null;
    }
    if (order < 0) {
      if (!downgrade) {
        return "version "
            + version
            + " is older than the "
            + granted
            + " that model "
            + model.id()
            + " grants (no version-downgrade right)";
      }
      rights.add("version downgrade " + granted + "→" + version + " (DG-01)");
      return null;
    }
    if (!model.rights().upgradeWithMaintenance()) {
      return "version "
          + version
          + " is newer than the "
          + granted
          + " that model "
          + model.id()
          + " grants (an upgrade needs maintenance or a new licence, DG-E4)";
    }
    ProductVersion installed = product.version(version);
    LocalDate released = installed == null ? null : installed.released();
    if (released == null) {
      return "version "
          + version
          + " is newer than the granted "
          + granted
          + ", and its release date is unknown, so maintenance cannot cover it";
    }
    maintenanceNeeded[0] = released;
    rights.add(
        "upgrade with maintenance " + granted + "→" + version + " (released " + released + ")");
    return null;
  }

  /**
   * Compares an installed version with a granted version: negative when older, 0 when the same,
   * positive when newer, {@link Integer#MIN_VALUE} when they cannot be compared.
   */
  private static int compare(String version, Product product, String granted, Product licensed) {
    OptionalInt grantedIndex = licensed.versionIndex(granted);
    OptionalInt installedIndex = licensed.versionIndex(version);
    if (grantedIndex.isPresent() && installedIndex.isPresent()) {
      return Integer.compare(installedIndex.getAsInt(), grantedIndex.getAsInt());
    }
    ProductVersion installed = product.version(version);
    ProductVersion grantedVersion = licensed.version(granted);
    if (installed != null
        && grantedVersion != null
        && installed.released() != null
        && grantedVersion.released() != null) {
      return installed.released().compareTo(grantedVersion.released());
    }
    return Integer.MIN_VALUE;
  }
}
