package io.itam.compliance.internal.position;

import io.itam.compliance.internal.demand.Option;
import io.itam.compliance.internal.eligibility.Eligibility;
import io.itam.model.entitlement.Entitlement;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable reasons of the position: the metric arithmetic, the rights used, and what made
 * an entitlement cover (or fail to cover) a consumer.
 */
final class Reasons {
  private Reasons() {}

  static String allocation(
      Option option,
      Option.Line line,
      List<String> evidence,
      Entitlement e,
      Eligibility eligibility,
      String choice) {
    List<String> parts = base(option, line, evidence);
    if (!choice.isEmpty()) {
      parts.add(choice);
    }
    if (eligibility.isPinnedTo(e, option)) {
      parts.add(0, "pinned allocation");
    }
    if (option.maintenanceNeeded() != null) {
      parts.add("maintenance of " + e.id() + " until " + e.maintenanceUntil());
    }
    if (option.needsActiveMaintenance()) {
      parts.add("maintenance of " + e.id() + " active until " + e.maintenanceUntil() + " (SQL-04)");
    }
    return String.join("; ", parts);
  }

  static String shortfall(
      Option option, Option.Line line, List<String> evidence, String whyNot, String choice) {
    List<String> parts = base(option, line, evidence);
    if (!choice.isEmpty()) {
      parts.add(choice);
    }
    parts.add("not covered: " + whyNot);
    return String.join("; ", parts);
  }

  private static List<String> base(Option option, Option.Line line, List<String> evidence) {
    List<String> parts = new ArrayList<>();
    parts.add(option.arithmetic());
    if (!line.note().isEmpty()) {
      parts.add(line.note());
    }
    parts.addAll(option.rights());
    for (String found : evidence) {
      parts.add("evidence: " + found);
    }
    return parts;
  }
}
