package io.itam.compliance.oracle;

import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.inventory.Installation;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.LicenseModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The documented coverage and scope rules, restated from the estate alone for the oracle (it reads
 * nothing of the engine's index or demand model).
 *
 * <ul>
 *   <li>Product: the model's product, or a component of it when it is a suite. Editions of a
 *       suite's components are not compared.
 *   <li>Edition (direct product only): a model granting none covers any; an unknown installed
 *       edition needs the product's top edition with edition downgrade (DG-05); the same edition is
 *       covered; a lower one with edition downgrade; a higher one never.
 *   <li>Version: a model granting none covers any; an unknown installed version needs the newest
 *       version of the model's product with version downgrade (DG-01); the same version is covered;
 *       an older one (by the model product's version list, else by release dates; not comparable:
 *       not covered) with version downgrade; a newer one with upgrade with maintenance, provided
 *       the entitlement's maintenance reaches the installed version's release date (unknown: not
 *       covered).
 *   <li>Scope: an entitlement scoped to unit U covers devices in U's subtree; a device without a
 *       unit only unscoped entitlements or ones scoped to the organisation's single root.
 * </ul>
 */
final class CoverageRules {
  private final Map<String, Product> products = new HashMap<>();
  private final Map<String, @Nullable String> parents = new HashMap<>();
  private final @Nullable String soleRoot;

  CoverageRules(Estate estate) {
    estate.products().forEach(p -> products.put(p.id(), p));
    estate.organization().forEach(u -> parents.put(u.id(), u.parent()));
    List<OrganizationUnit> roots =
        estate.organization().stream().filter(u -> u.parent() == null).toList();
    soleRoot = roots.size() == 1 ? roots.get(0).id() : null;
  }

  /**
   * How {@code model} may cover {@code installation}.
   *
   * @param upgradeReleased for an upgrade under maintenance, the release date the entitlement's
   *     maintenance must reach; {@code null} when no maintenance is needed
   */
  record Cover(@Nullable LocalDate upgradeReleased) {}

  /** The cover {@code model} offers {@code installation}, or empty when its terms do not. */
  Optional<Cover> cover(LicenseModel model, Installation installation) {
    Product licensed = products.get(model.product());
    Product installed = products.get(installation.product());
    boolean direct = installed.id().equals(licensed.id());
    if (!direct && !licensed.components().contains(installed.id())) {
      return Optional.empty();
    }
    if (direct && !editionCovered(model, licensed, installation.edition())) {
      return Optional.empty();
    }
    return versionCover(model, licensed, installed, installation.version());
  }

  private static boolean editionCovered(
      LicenseModel model, Product product, @Nullable String edition) {
    String granted = model.edition();
    boolean downgrade = model.rights().editionDowngrade();
    if (granted == null) {
      return true;
    }
    if (edition == null) {
      String top = product.editions().get(product.editions().size() - 1);
      return downgrade && granted.equals(top);
    }
    int installedRank = product.editions().indexOf(edition);
    int grantedRank = product.editions().indexOf(granted);
    return installedRank == grantedRank || (installedRank < grantedRank && downgrade);
  }

  private static Optional<Cover> versionCover(
      LicenseModel model, Product licensed, Product installed, @Nullable String version) {
    String granted = model.version();
    boolean downgrade = model.rights().versionDowngrade();
    Optional<Cover> plain = Optional.of(new Cover(null));
    if (granted == null) {
      return plain;
    }
    if (version == null) {
      String newest = licensed.versions().get(licensed.versions().size() - 1).name();
      return downgrade && granted.equals(newest) ? plain : Optional.empty();
    }
    Integer order = compareVersions(licensed, installed, version, granted);
    if (order == null) {
      return Optional.empty();
    }
    if (order == 0) {
      return plain;
    }
    if (order < 0) {
      return downgrade ? plain : Optional.empty();
    }
    ProductVersion installedVersion = installed.version(version);
    LocalDate released = installedVersion == null ? null : installedVersion.released();
    if (!model.rights().upgradeWithMaintenance() || released == null) {
      return Optional.empty();
    }
    return Optional.of(new Cover(released));
  }

  /**
   * Negative when {@code version} (of {@code installed}) is older than {@code granted} (of {@code
   * licensed}), 0 when the same, positive when newer; {@code null} when they cannot be compared.
   */
  private static @Nullable Integer compareVersions(
      Product licensed, Product installed, String version, String granted) {
    int grantedIndex = indexOf(licensed, granted);
    int installedIndex = indexOf(licensed, version);
    if (grantedIndex >= 0 && installedIndex >= 0) {
      return Integer.compare(installedIndex, grantedIndex);
    }
    ProductVersion a = installed.version(version);
    ProductVersion b = licensed.version(granted);
    if (a == null || b == null || a.released() == null || b.released() == null) {
      return null;
    }
    return a.released().compareTo(b.released());
  }

  private static int indexOf(Product product, String version) {
    List<ProductVersion> versions = product.versions();
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).name().equals(version)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether an entitlement scoped to {@code scope} may cover a device of {@code unit}. */
  boolean scopeContains(@Nullable String scope, @Nullable String unit) {
    if (scope == null) {
      return true;
    }
    if (unit == null) {
      return scope.equals(soleRoot);
    }
    for (String u = unit; u != null; u = parents.get(u)) {
      if (u.equals(scope)) {
        return true;
      }
    }
    return false;
  }
}
