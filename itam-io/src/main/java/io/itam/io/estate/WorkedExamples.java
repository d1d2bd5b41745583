package io.itam.io.estate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.JsonInput;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Worked examples of licensing rules as data: each a small estate and the requirement a licence
 * model must compute for it, named by the rule's example id ({@code WS-E5}). Publishers and SAM
 * teams write them beside their licence models and check the models against them.
 *
 * <pre>{@code
 * {
 *   "common": { "asOf": "2026-11-27", "products": [...], "licenseModels": [...] },
 *   "examples": [
 *     { "id": "WS-E5", "text": "2 CPU × 12 cores → 24",
 *       "estate": { "devices": [...], "installations": [...] },
 *       "expect": [ { "product": "windows-server", "licenseModel": "ws-dc", "required": 24 } ] }
 *   ]
 * }
 * }</pre>
 *
 * <p>Each example's estate is the {@code common} part with the example's lists appended (and its
 * scalar fields taking precedence); {@code format} defaults to 1. An expectation names a product
 * row of the position and any of {@code required}, {@code covered}, {@code shortfall}, {@code
 * packs} (of the remedy), and an optional {@code reasonContains} that some allocation or shortfall
 * reason of the product must contain; {@code "compliant"} on the example checks the whole position.
 */
public final class WorkedExamples {
  private final ImmutableList<WorkedExample> examples;

  private WorkedExamples(List<WorkedExample> examples) {
    this.examples = ImmutableList.copyOf(examples);
  }

  /**
   * One worked example.
   *
   * @param id the example id ({@code WS-E5})
   * @param text what it shows, for people
   * @param estate its estate
   * @param compliant the expected compliance of the whole position, or {@code null}
   * @param expectations expected product rows
   */
  public record WorkedExample(
      String id,
      String text,
      Estate estate,
      @Nullable Boolean compliant,
      List<Expectation> expectations) {
    public WorkedExample {
      requireNonNull(id, "id");
      requireNonNull(text, "text");
      requireNonNull(estate, "estate");
      expectations = ImmutableList.copyOf(expectations);
    }

    /** Every way {@code position} differs from the expectations; empty when it matches. */
    public List<String> mismatches(Position position) {
      List<String> out = new ArrayList<>();
      if (compliant != null && compliant != position.compliant()) {
        out.add(id + ": expected compliant " + compliant + ", was " + position.compliant());
      }
      for (Expectation e : expectations) {
        e.check(position).ifPresent(m -> out.add(id + ": " + m));
      }
      return out;
    }

    /** Reconciles the example with {@code reconciler} and returns the mismatches. */
    public List<String> check(Function<Estate, Position> reconciler) {
      return mismatches(reconciler.apply(estate));
    }
  }

  /**
   * An expected product row; {@code null} fields are not checked.
   *
   * @param product the product
   * @param licenseModel the model measuring it; {@code null} for the row no model covers
   * @param required expected required units
   * @param covered expected covered units
   * @param shortfall expected shortfall units
   * @param packs expected packs of the remedy
   * @param reasonContains text some allocation or shortfall reason of the product must contain
   */
  public record Expectation(
      String product,
      @Nullable String licenseModel,
      @Nullable Long required,
      @Nullable Long covered,
      @Nullable Long shortfall,
      @Nullable Long packs,
      @Nullable String reasonContains) {

    public Expectation {
      requireNonNull(product, "product");
    }

    Optional<String> check(Position position) {
      ProductPosition row =
          position.products().stream()
              .filter(
                  p ->
                      p.product().equals(product) && Objects.equals(p.licenseModel(), licenseModel))
              .findFirst()
              .orElse(null);
      String name = product + "/" + (licenseModel == null ? "no model" : licenseModel);
      if (row == null) {
        return Optional.of("no product row " + name + "; rows: " + describe(position));
      }
      List<String> wrong = new ArrayList<>();
      compare(wrong, "required", required, row.required());
      compare(wrong, "covered", covered, row.covered());
      compare(wrong, "shortfall", shortfall, row.shortfall());
      if (packs != null) {
        compare(wrong, "packs", packs, row.remedy() == null ? 0 : row.remedy().packs());
      }
      if (reasonContains != null) {
        boolean found =
            position.allocations().stream()
                    .anyMatch(
                        a -> a.product().equals(product) && a.reason().contains(reasonContains))
                || position.shortfalls().stream()
                    .anyMatch(
                        s -> s.product().equals(product) && s.reason().contains(reasonContains));
        if (!found) {
          wrong.add("no reason contains \"" + reasonContains + "\"");
        }
      }
      return wrong.isEmpty()
          ? Optional.empty()
          : Optional.of(name + ": " + String.join(", ", wrong));
    }

    private static void compare(
        List<String> wrong, String what, @Nullable Long expected, long actual) {
      if (expected != null && expected != actual) {
        wrong.add(what + " expected " + expected + ", was " + actual);
      }
    }

    private static String describe(Position position) {
      List<String> rows = new ArrayList<>();
      for (ProductPosition p : position.products()) {
        rows.add(p.product() + "/" + p.licenseModel() + " " + p.required());
      }
      return rows.toString();
    }
  }

  public ImmutableList<WorkedExample> examples() {
    return examples;
  }

  /**
   * Reads worked examples.
   *
   * @throws ValidationException naming the example and every problem of its estate, or of the file
   */
  public static WorkedExamples read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads worked examples from {@code in} (left open). */
  public static WorkedExamples read(InputStream in) throws IOException {
    return read(in, EstateReader.create());
  }

  /** Reads worked examples, reading their estates with {@code reader} (its libraries). */
  public static WorkedExamples read(Path file, EstateReader reader) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, reader);
    }
  }

  /** Reads worked examples from {@code in} (left open), estates with {@code reader}. */
  public static WorkedExamples read(InputStream in, EstateReader reader) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<WorkedExample> examples = new ArrayList<>();
    try (JsonParser parser = JsonFormat.FACTORY.createParser(JsonInput.requireUtf8(in))) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, "the file must hold an object");
      Map<String, List<String>> commonLists = new LinkedHashMap<>();
      Map<String, String> commonScalars = new LinkedHashMap<>();
      List<RawExample> raw = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "format" -> parser.getIntValue();
          case "common" -> fields(parser, commonLists, commonScalars);
          case "examples" -> {
            expect(parser.currentToken(), JsonToken.START_ARRAY, "\"examples\" must be an array");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              raw.add(example(parser));
            }
          }
          default ->
              throw new ValidationException(
                  List.of(
                      Problem.at(
                          field, "unknown field \"" + field + "\" (expected common, examples)")));
        }
      }
      for (int i = 0; i < raw.size(); i++) {
        RawExample r = raw.get(i);
        String json = merge(commonLists, commonScalars, r.lists, r.scalars);
        try {
          Estate estate = reader.read(json);
          examples.add(new WorkedExample(r.id, r.text, estate, r.compliant, r.expectations));
        } catch (ValidationException e) {
          for (Problem p : e.problems()) {
            problems.add(Problem.at("examples[" + i + "] " + r.id + ": " + p.path(), p.message()));
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          List.of(Problem.at("", "malformed worked examples: " + e.getOriginalMessage())));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new WorkedExamples(examples);
  }

  private static final class RawExample {
    String id = "?";
    String text = "";
    @Nullable Boolean compliant;
    final Map<String, List<String>> lists = new LinkedHashMap<>();
    final Map<String, String> scalars = new LinkedHashMap<>();
    final List<Expectation> expectations = new ArrayList<>();
  }

  private static RawExample example(JsonParser parser) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "an example must be an object");
    RawExample r = new RawExample();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "id" -> r.id = parser.getText();
        case "text" -> r.text = parser.getText();
        case "compliant" -> r.compliant = parser.getBooleanValue();
        case "estate" -> fields(parser, r.lists, r.scalars);
        case "expect" -> {
          expect(parser.currentToken(), JsonToken.START_ARRAY, "\"expect\" must be an array");
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            r.expectations.add(expectation(parser));
          }
        }
        default ->
            throw new ValidationException(
                List.of(Problem.at(r.id, "unknown field \"" + field + "\" in an example")));
      }
    }
    return r;
  }

  private static Expectation expectation(JsonParser parser) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "an expectation must be an object");
    String product = null;
    String model = null;
    Long required = null;
    Long covered = null;
    Long shortfall = null;
    Long packs = null;
    String reason = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "product" -> product = parser.getText();
        case "licenseModel" ->
            model = parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getText();
        case "required" -> required = parser.getLongValue();
        case "covered" -> covered = parser.getLongValue();
        case "shortfall" -> shortfall = parser.getLongValue();
        case "packs" -> packs = parser.getLongValue();
        case "reasonContains" -> reason = parser.getText();
        default ->
            throw new ValidationException(
                List.of(Problem.at(field, "unknown field \"" + field + "\" in an expectation")));
      }
    }
    if (product == null) {
      throw new ValidationException(
          List.of(Problem.at("expect", "an expectation needs a \"product\"")));
    }
    return new Expectation(product, model, required, covered, shortfall, packs, reason);
  }

  /** Reads an object's fields: arrays as raw JSON elements, anything else as raw JSON. */
  private static void fields(
      JsonParser parser, Map<String, List<String>> lists, Map<String, String> scalars)
      throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT, "an estate must be an object");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY) {
        List<String> elements = lists.computeIfAbsent(field, k -> new ArrayList<>());
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          elements.add(raw(parser));
        }
      } else {
        scalars.put(field, raw(parser));
      }
    }
  }

  private static String raw(JsonParser parser) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JsonFormat.FACTORY.createGenerator(text)) {
      g.copyCurrentStructure(parser);
    }
    return text.toString();
  }

  private static String merge(
      Map<String, List<String>> commonLists,
      Map<String, String> commonScalars,
      Map<String, List<String>> lists,
      Map<String, String> scalars) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("format", "1");
    fields.putAll(commonScalars);
    fields.putAll(scalars);
    Map<String, List<String>> merged = new LinkedHashMap<>();
    commonLists.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    lists.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    StringBuilder json = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      json.append(first ? "" : ",").append(quoted(f.getKey())).append(':').append(f.getValue());
      first = false;
    }
    for (Map.Entry<String, List<String>> f : merged.entrySet()) {
      json.append(first ? "" : ",")
          .append(quoted(f.getKey()))
          .append(":[")
          .append(String.join(",", f.getValue()))
          .append(']');
      first = false;
    }
    return json.append('}').toString();
  }

  private static String quoted(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonFormat.FACTORY.createGenerator(out)) {
      g.writeString(name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void expect(JsonToken actual, JsonToken expected, String message) {
    if (actual != expected) {
      throw new ValidationException(List.of(Problem.at("", message)));
    }
  }
}
