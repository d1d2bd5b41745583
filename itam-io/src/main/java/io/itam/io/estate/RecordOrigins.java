package io.itam.io.estate;

import static java.util.Objects.requireNonNull;

import io.itam.io.inventory.csv.ColumnMapping;
import io.itam.io.inventory.csv.CsvTable;
import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.Problem;
import io.itam.model.ValidationContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where every record of an estate merged from a base document and other inputs came from, so that a
 * problem the estate validator finds in a merged record points at its source: a CSV record at
 * {@code file:line:Header} (the column as the mapping names it), a SWID installation at its tag
 * file, a CycloneDX entitlement at its licence in the BOM; a record of the base document at {@code
 * base.json:devices[3]}.
 *
 * <p>Records are registered in the order they are added to the estate's builder, after the base
 * estate's. The validator's locator cannot say where a path ends and a field begins, so a merged
 * record's path is a token that {@link #locate(Problem)} replaces afterwards, in the problem's path
 * and in its message ({@code duplicate id "PO-1" (first at …)}).
 */
final class RecordOrigins {
  private static final char OPEN = '\u0001';
  private static final char CLOSE = '\u0002';
  private static final Pattern TOKEN = Pattern.compile(OPEN + "([0-9]+)" + CLOSE);

  /** Where one merged record came from. */
  private record Origin(
      String where, String record, @Nullable CsvTable table, @Nullable ColumnMapping mapping) {

    /** The location of {@code rest}, a field path such as {@code .licenseModel}, in the source. */
    String locate(String rest) {
      if (rest.isEmpty()) {
        return where;
      }
      String field = rest.startsWith(".") ? rest.substring(1) : rest;
      if (table != null && mapping != null && table.hasField(field)) {
        return where + ":" + mapping.header(table, field);
      }
      return table != null ? where + ":" + field : where + " (" + record + rest + ")";
    }
  }

  private final String base;
  private final Map<EstateSection, Integer> baseCounts = new EnumMap<>(EstateSection.class);
  private final Map<EstateSection, List<Integer>> merged = new EnumMap<>(EstateSection.class);
  private final List<Origin> origins = new ArrayList<>();

  /** Origins for records merged into {@code estate}, read from the document named {@code base}. */
  RecordOrigins(String base, Estate estate) {
    this.base = requireNonNull(base, "base");
    for (EstateSection section : EstateSection.values()) {
      baseCounts.put(section, size(estate, section));
      merged.put(section, new ArrayList<>());
    }
  }

  /** The next record of a CSV table, read at {@code where} ({@code entitlements.csv:4}). */
  void csv(CsvTable table, String where, ColumnMapping mapping) {
    add(table.section(), new Origin(where, singular(table.section()), table, mapping));
  }

  /** The next record of {@code section}, read from {@code where} (a file, a path in a file). */
  void other(EstateSection section, String where) {
    add(section, new Origin(where, singular(section), null, null));
  }

  private void add(EstateSection section, Origin origin) {
    merged.get(section).add(origins.size());
    origins.add(origin);
  }

  /** The context to build the merged estate with. */
  ValidationContext context() {
    return new ValidationContext(this::path, Map.of());
  }

  private String path(EstateSection section, int index) {
    int inBase = baseCounts.get(section);
    if (index < inBase) {
      return base + ":" + section.path(index);
    }
    List<Integer> ids = merged.get(section);
    int at = index - inBase;
    return at < ids.size() ? OPEN + String.valueOf(ids.get(at)) + CLOSE : section.path(index);
  }

  /** {@code problem} with its path and message pointing into the sources. */
  Problem locate(Problem problem) {
    String path = problem.path();
    Matcher matcher = TOKEN.matcher(path);
    if (matcher.lookingAt()) {
      path = origin(matcher).locate(path.substring(matcher.end()));
    }
    return Problem.at(path, replaceTokens(problem.message()));
  }

  private String replaceTokens(String text) {
    Matcher matcher = TOKEN.matcher(text);
    StringBuilder replaced = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(replaced, Matcher.quoteReplacement(origin(matcher).where()));
    }
    matcher.appendTail(replaced);
    return replaced.toString();
  }

  private Origin origin(Matcher token) {
    return origins.get(Integer.parseInt(token.group(1)));
  }

  private static String singular(EstateSection section) {
    return switch (section) {
      case ORGANIZATION -> "unit";
      case PRODUCTS -> "product";
      case LICENSE_MODELS -> "licenseModel";
      case ENTITLEMENTS -> "entitlement";
      case CLUSTERS -> "cluster";
      case DEVICES -> "device";
      case USERS -> "user";
      case INSTALLATIONS -> "installation";
      case ACCESS -> "access";
      case USAGE -> "usage";
      case ALLOCATIONS -> "allocation";
      case EXEMPTIONS -> "exemption";
    };
  }

  private static int size(Estate estate, EstateSection section) {
    return switch (section) {
      case ORGANIZATION -> estate.organization().size();
      case PRODUCTS -> estate.products().size();
      case LICENSE_MODELS -> estate.licenseModels().size();
      case ENTITLEMENTS -> estate.entitlements().size();
      case CLUSTERS -> estate.clusters().size();
      case DEVICES -> estate.devices().size();
      case USERS -> estate.users().size();
      case INSTALLATIONS -> estate.installations().size();
      case ACCESS -> estate.access().size();
      case USAGE -> estate.usage().size();
      case ALLOCATIONS -> estate.allocations().size();
      case EXEMPTIONS -> estate.exemptions().size();
    };
  }
}
