package io.itam.model.terms;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A core-factor or PVU table shipped with itam as versioned data ({@code *.tsv} resources beside
 * this class), each row with its source and whether the source is verified. See {@link
 * BuiltInTables} for the ids.
 */
public final class BuiltInTable implements FactorSource {
  private final String id;
  private final String kind;
  private final ImmutableList<FactorMatch> rows;
  private final @Nullable FactorMatch defaultRow;

  private BuiltInTable(String id, String kind, List<FactorMatch> rows, @Nullable FactorMatch def) {
    this.id = id;
    this.kind = kind;
    this.rows = ImmutableList.copyOf(rows);
    this.defaultRow = def;
  }

  /** Loads the table {@code id} of {@code kind} from the resource {@code resource}. */
  static BuiltInTable load(String id, String kind, String resource) {
    InputStream in = BuiltInTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("built-in table resource missing: " + resource);
    }
    List<FactorMatch> rows = new ArrayList<>();
    FactorMatch def = null;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length < 5) {
          throw new IllegalStateException(resource + ":" + number + ": expected 5 or 6 columns");
        }
        Long maxSockets = cells[1].equals("*") ? null : Long.valueOf(cells[1]);
        boolean verified = cells[4].equals("verified");
        FactorMatch row =
            new FactorMatch(
                id,
                cells[0],
                maxSockets,
                new BigDecimal(cells[2]),
                cells[3],
                verified,
                cells.length > 5 ? cells[5] : "");
        if (cells[0].equals("default")) {
          def = row;
        } else {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuiltInTable(id, kind, rows, def);
  }

  public String id() {
    return id;
  }

  /** Every row but the default, in table order. */
  public ImmutableList<FactorMatch> rows() {
    return rows;
  }

  /** The row applying when no pattern matches; empty when the table has none. */
  public Optional<FactorMatch> defaultRow() {
    return Optional.ofNullable(defaultRow);
  }

  @Override
  public Optional<FactorMatch> lookup(@Nullable String cpu, @Nullable Long socketCapacity) {
    if (cpu != null) {
      String haystack = FactorSource.normalize(cpu);
      String best = null;
      for (FactorMatch row : rows) {
        String needle = FactorSource.normalize(row.pattern());
        if (haystack.contains(needle)
            && (best == null
                || needle.length() > best.length()
                || (needle.length() == best.length() && needle.compareTo(best) < 0))) {
          best = needle;
        }
      }
      if (best != null) {
        FactorMatch fit = null;
        for (FactorMatch row : rows) {
          if (!FactorSource.normalize(row.pattern()).equals(best)) {
            continue;
          }
          Long limit = row.maxSockets();
          if (limit == null) {
            if (fit == null) {
              fit = row;
            }
          } else if (socketCapacity != null
              && socketCapacity <= limit
              && (fit == null || fit.maxSockets() == null || limit < fit.maxSockets())) {
            fit = row;
          }
        }
        if (fit != null) {
          return Optional.of(fit);
        }
        // The processor is known but no socket-capacity row fits (capacity unknown or beyond the
        // table): the table's default applies, if it has one.
      }
    }
    return Optional.ofNullable(defaultRow);
  }

  @Override
  public String describe() {
    return kind + " \"" + id + "\"";
  }

  @Override
  public String toString() {
    return describe();
  }
}
