package io.itam.model.columnar;

import io.itam.model.Estate;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Feeds the records of an estate to a {@link ColumnarEstate.Builder} in each of its forms. */
enum Feed {
  /** {@code add(Installation)} and the like, the frame through {@code addAll}. */
  RECORDS {
    @Override
    void consumption(Estate estate, ColumnarEstate.Builder builder) {
      List<Object> all = new ArrayList<>();
      all.addAll(estate.installations());
      all.addAll(estate.access());
      all.addAll(estate.usage());
      builder.addAll(all);
    }
  },
  /** {@code installation(String, …)} and the like. */
  STRINGS {
    @Override
    void consumption(Estate estate, ColumnarEstate.Builder builder) {
      for (Installation i : estate.installations()) {
        builder.installation(
            i.device(),
            i.product(),
            i.version(),
            i.edition(),
            i.installed(),
            i.lastUsed(),
            i.evidence());
      }
      for (Access a : estate.access()) {
        builder.access(a.product(), a.user(), a.device());
      }
      for (Usage u : estate.usage()) {
        builder.usage(u.product(), u.peakConcurrentUsers(), u.from(), u.until(), u.unit());
      }
    }
  },
  /** Ids interned by the caller from character slices, dates as epoch days. */
  IDS {
    @Override
    void consumption(Estate estate, ColumnarEstate.Builder b) {
      for (Installation i : estate.installations()) {
        b.installation(
            slice(b.devices(), i.device()),
            slice(b.products(), i.product()),
            slice(b.versions(), i.version()),
            slice(b.editions(), i.edition()),
            day(i.installed()),
            day(i.lastUsed()),
            slice(b.evidence(), i.evidence()));
      }
      for (Access a : estate.access()) {
        b.access(
            slice(b.products(), a.product()),
            slice(b.users(), a.user()),
            slice(b.devices(), a.device()));
      }
      for (Usage u : estate.usage()) {
        b.usage(
            slice(b.products(), u.product()),
            u.peakConcurrentUsers(),
            day(u.from()),
            day(u.until()),
            slice(b.units(), u.unit()));
      }
    }
  };

  /** Appends the installations, access and usage of {@code estate} to {@code builder}. */
  abstract void consumption(Estate estate, ColumnarEstate.Builder builder);

  /** A builder holding every record of {@code estate}: the frame first, then the rest. */
  ColumnarEstate.Builder builder(Estate estate) {
    ColumnarEstate.Builder builder =
        ColumnarEstate.builder(estate.asOf()).format(estate.format()).currency(estate.currency());
    frame(estate, builder);
    consumption(estate, builder);
    return builder;
  }

  /** Adds every record of {@code estate} but the installations, access and usage. */
  static void frame(Estate estate, ColumnarEstate.Builder builder) {
    builder
        .addAll(estate.organization())
        .addAll(estate.products())
        .addAll(estate.licenseModels())
        .addAll(estate.entitlements())
        .addAll(estate.clusters())
        .addAll(estate.devices())
        .addAll(estate.users())
        .addAll(estate.allocations())
        .addAll(estate.exemptions());
  }

  /** Interns {@code value} as a slice of a larger buffer, as a streaming parser hands it out. */
  private static int slice(Dictionary.Builder dictionary, @Nullable String value) {
    if (value == null) {
      return ColumnarEstate.NONE;
    }
    char[] buffer = ("\"" + value + "\",").toCharArray();
    return dictionary.intern(buffer, 1, value.length());
  }

  private static long day(@Nullable LocalDate date) {
    return date == null ? ColumnarEstate.NO_DATE : date.toEpochDay();
  }
}
