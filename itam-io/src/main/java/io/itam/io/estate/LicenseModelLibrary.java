package io.itam.io.estate;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.itam.model.Estate;
import io.itam.model.catalog.Product;
import io.itam.model.terms.LicenseModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A library of licence models: publishers' terms written once as data and used by id. A library is
 * an estate document holding only a catalogue ({@code products}) and {@code licenseModels}, so it
 * is read and validated like any estate; each model names the rule ids of vendor-rules.md it
 * implements.
 *
 * <p>The bundled library ({@link #bundled()}, {@code docs/library.md}) covers Windows Server
 * (Standard, Datacenter, per VM, CALs), SQL Server (Enterprise and Standard per core and per VM,
 * Server + CAL), Oracle Database (Enterprise and Standard Edition 2, Processor and Named User
 * Plus), IBM PVU (full and sub-capacity), VMware by core and Red Hat Enterprise Linux (socket and
 * VM pairs). An estate document uses one with {@code "basedOn"}: its fields override the
 * template's.
 *
 * <pre>{@code
 * { "id": "ws-std", "basedOn": "microsoft/windows-server-standard-core", "product": "windows-server" }
 * }</pre>
 */
public final class LicenseModelLibrary {
  private static final String BUNDLED = "licence-model-library.json";

  private final Estate document;
  private final ImmutableMap<String, LicenseModel> models;
  private final ImmutableMap<String, Product> products;

  private LicenseModelLibrary(Estate document) {
    this.document = document;
    Map<String, LicenseModel> byId = new LinkedHashMap<>();
    document.licenseModels().forEach(m -> byId.put(m.id(), m));
    Map<String, Product> productsById = new LinkedHashMap<>();
    document.products().forEach(p -> productsById.put(p.id(), p));
    this.models = ImmutableMap.copyOf(byId);
    this.products = ImmutableMap.copyOf(productsById);
  }

  /** The library shipped with itam. */
  public static LicenseModelLibrary bundled() {
    return Bundled.LIBRARY;
  }

  /** A library from a document of products and licence models, already validated. */
  public static LicenseModelLibrary of(Estate document) {
    return new LicenseModelLibrary(requireNonNull(document, "document"));
  }

  /**
   * Reads a library document (a publisher's own).
   *
   * @throws io.itam.model.ValidationException listing every problem of the document
   */
  public static LicenseModelLibrary read(Path file) throws IOException {
    return new LicenseModelLibrary(EstateReader.create().read(file));
  }

  /** The library's models, in document order; their ids are the library ids. */
  public ImmutableList<LicenseModel> models() {
    return models.values().asList();
  }

  /** The model with library id {@code id}. */
  public Optional<LicenseModel> find(String id) {
    return Optional.ofNullable(models.get(id));
  }

  /** The catalogue entry the library's model {@code id} is written for (its editions). */
  public Product productOf(String id) {
    LicenseModel model = models.get(id);
    if (model == null) {
      throw new IllegalArgumentException("id: unknown library model \"" + id + "\"");
    }
    return products.get(model.product());
  }

  /**
   * The library model {@code templateId} as a model of an estate, with its own id and product.
   *
   * @throws IllegalArgumentException if the library has no such model
   */
  public LicenseModel use(String templateId, String id, String product) {
    LicenseModel template =
        find(templateId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "templateId: unknown library model \"" + templateId + "\""));
    return template.toBuilder(id, product).build();
  }

  /** The document the library was read from. */
  public Estate document() {
    return document;
  }

  private static final class Bundled {
    static final LicenseModelLibrary LIBRARY = load();

    private static LicenseModelLibrary load() {
      try (InputStream in = LicenseModelLibrary.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("bundled licence-model library missing: " + BUNDLED);
        }
        return new LicenseModelLibrary(EstateReader.create().read(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
