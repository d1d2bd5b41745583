package io.itam.io.estate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.itam.io.internal.JsonFormat;
import io.itam.io.internal.JsonInput;
import io.itam.io.internal.JsonInput.Price;
import io.itam.model.Estate;
import io.itam.model.EstateSection;
import io.itam.model.Money;
import io.itam.model.Problem;
import io.itam.model.Progress;
import io.itam.model.ValidationContext;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import io.itam.model.catalog.ProductVersion;
import io.itam.model.entitlement.Entitlement;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.DeviceOwner;
import io.itam.model.inventory.DeviceRole;
import io.itam.model.inventory.Exemption;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.PinnedAllocation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.org.OrganizationUnit;
import io.itam.model.terms.FactorTable;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Rights;
import io.itam.model.terms.Rounding;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One reading of an estate document: streams it record by record, builds every record that is
 * sound, remembers the ids of those that are not, then builds the {@link Estate} and merges the
 * validator's problems with its own.
 *
 * <p>A field is named once, in the {@code switch} that reads it into its record's builder (twice
 * when it is required: also in the check that it is there). The three large lists (installations,
 * access, usage) are parsed apart, in {@link ConsumptionRecords}, and come back through its {@link
 * ConsumptionRecords.Sink}. Prices are resolved after the whole document is read, since the
 * document's {@code currency} may come after them.
 */
final class EstateDocumentReader implements ConsumptionRecords.Sink {
  /** Records read between two progress reports (and checks for an interrupt). */
  private static final int PROGRESS_EVERY = 16_384;

  private final JsonInput in;
  private final ConsumptionRecords consumption;
  private final Function<String, Optional<LicenseModel>> templates;
  private final Progress progress;
  private long recordsRead;

  private @Nullable Integer format;
  private @Nullable LocalDate asOf;
  private @Nullable String currency;
  private boolean currencyWrong;

  private final Map<EstateSection, Section<?>> sections = new EnumMap<>(EstateSection.class);
  private final Section<OrganizationUnit> organization = section(EstateSection.ORGANIZATION);
  private final Section<Product> products = section(EstateSection.PRODUCTS);
  private final Section<LicenseModel> licenseModels = section(EstateSection.LICENSE_MODELS);
  private final Section<Entitlement> entitlements = section(EstateSection.ENTITLEMENTS);
  private final Section<Cluster> clusters = section(EstateSection.CLUSTERS);
  private final Section<Device> devices = section(EstateSection.DEVICES);
  private final Section<User> users = section(EstateSection.USERS);
  private final Section<Installation> installations = section(EstateSection.INSTALLATIONS);
  private final Section<Access> access = section(EstateSection.ACCESS);
  private final Section<Usage> usage = section(EstateSection.USAGE);
  private final Section<PinnedAllocation> allocations = section(EstateSection.ALLOCATIONS);
  private final Section<Exemption> exemptions = section(EstateSection.EXEMPTIONS);

  // Records with a price wait for the document's currency.
  private final List<Priced<LicenseModel>> pricedModels = new ArrayList<>();
  private final List<Priced<Entitlement>> pricedEntitlements = new ArrayList<>();

  /**
   * One instance of every reference text of the consumption records (device and product ids,
   * versions, editions): an estate of 20 million installations names a few hundred thousand devices
   * and a few thousand products, and holding each text once keeps the heap to a fraction.
   */
  private final Map<String, String> sharedTexts = new HashMap<>();

  EstateDocumentReader(
      JsonParser parser,
      boolean allowUnknownFields,
      Function<String, Optional<LicenseModel>> templates,
      Progress progress) {
    this.in = new JsonInput(parser, allowUnknownFields);
    this.consumption = new ConsumptionRecords(in, this);
    this.templates = templates;
    this.progress = progress;
  }

  private <T> Section<T> section(EstateSection section) {
    Section<T> s = new Section<>(section);
    sections.put(section, s);
    return s;
  }

  /**
   * Reads the document.
   *
   * @throws ValidationException listing every problem of the document
   * @throws IOException when the underlying input fails
   */
  Estate read() throws IOException {
    progress.phase("read");
    try {
      in.start();
      if (in.enterObject(true)) {
        document();
      }
      in.end();
    } catch (JsonProcessingException e) {
      in.malformed(e);
      throw new ValidationException(in.problems());
    }
    progress.advance(recordsRead);
    pricedModels.forEach(priced -> resolve(priced, licenseModels));
    pricedEntitlements.forEach(priced -> resolve(priced, entitlements));
    progress.phase("validate");
    return build();
  }

  private Estate build() {
    List<Problem> problems = new ArrayList<>(in.problems());
    if (asOf == null) {
      // Reported already (missing or invalid); without it there is no estate to validate.
      throw new ValidationException(problems);
    }
    Estate.Builder builder =
        Estate.builder(asOf)
            .format(format == null ? Estate.FORMAT : format)
            .currency(currencyWrong ? null : currency);
    Map<EstateSection, Set<String>> unread = new EnumMap<>(EstateSection.class);
    sections.forEach(
        (name, section) -> {
          builder.addAll(section.records);
          if (!section.unread.isEmpty()) {
            unread.put(name, section.unread);
          }
        });
    ValidationContext context =
        new ValidationContext((section, index) -> sections.get(section).path(index), unread);
    try {
      Estate estate = builder.build(context);
      if (problems.isEmpty()) {
        return estate;
      }
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    throw new ValidationException(problems);
  }

  // ---- document ----------------------------------------------------------------------------

  private void document() throws IOException {
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "format" -> format = in.int32(true);
        case "asOf" -> asOf = in.date(true);
        case "currency" -> {
          int mark = in.errors();
          currency = in.string(false);
          currencyWrong = in.errors() != mark;
        }
        case "organization" -> list(this::unit);
        case "products" -> list(this::product);
        case "licenseModels" -> list(this::licenseModel);
        case "entitlements" -> list(this::entitlement);
        case "clusters" -> list(this::cluster);
        case "devices" -> list(this::device);
        case "users" -> list(this::user);
        case "installations" -> list(consumption::installation);
        case "access" -> list(consumption::access);
        case "usage" -> list(consumption::usage);
        case "allocations" -> list(this::allocation);
        case "exemptions" -> list(this::exemption);
        default -> in.unknownField();
      }
    }
    in.required("format", format);
    in.required("asOf", asOf);
  }

  private void list(Element element) throws IOException {
    if (!in.enterArray()) {
      return;
    }
    for (int index; (index = in.nextElement()) >= 0; ) {
      element.read(index);
      if (++recordsRead % PROGRESS_EVERY == 0) {
        progress.advance(recordsRead);
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("reading cancelled: the thread was interrupted");
        }
      }
    }
  }

  /** Reads the record at {@code index} of a list. */
  @FunctionalInterface
  private interface Element {
    void read(int index) throws IOException;
  }

  /** Keeps {@code record} when nothing was wrong since {@code mark}, else its id as unread. */
  private <T> void keep(
      Section<T> section, int index, int mark, @Nullable String id, @Nullable T record) {
    if (in.errors() == mark && record != null) {
      section.add(record, index);
    } else {
      section.unread(id);
    }
  }

  private boolean sound(int mark) {
    return in.errors() == mark;
  }

  // ---- organisation and catalogue ------------------------------------------------------------

  private void unit(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String parent = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "parent" -> parent = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("id", id);
    }
    keep(organization, index, mark, id, sound(mark) ? new OrganizationUnit(id, parent) : null);
  }

  private void product(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String publisher = null;
    String name = null;
    List<String> editions = List.of();
    List<ProductVersion> versions = List.of();
    List<String> components = List.of();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "publisher" -> publisher = in.string(false);
          case "name" -> name = in.string(false);
          case "editions" -> editions = orEmpty(in.strings());
          case "versions" -> versions = orEmpty(versions());
          case "components" -> components = orEmpty(in.strings());
          default -> in.unknownField();
        }
      }
      in.required("id", id);
    }
    Product product =
        sound(mark) ? new Product(id, publisher, name, editions, versions, components) : null;
    keep(products, index, mark, id, product);
  }

  private @Nullable List<ProductVersion> versions() throws IOException {
    int mark = in.errors();
    if (!in.enterArray()) {
      return null;
    }
    List<ProductVersion> versions = new ArrayList<>();
    while (in.nextElement() >= 0) {
      String name = null;
      LocalDate released = null;
      if (in.enterObject(true)) {
        for (String field; (field = in.nextField()) != null; ) {
          switch (field) {
            case "name" -> name = in.string(true);
            case "released" -> released = in.date(false);
            default -> in.unknownField();
          }
        }
        if (in.required("name", name)) {
          versions.add(new ProductVersion(name, released));
        }
      }
    }
    return sound(mark) ? versions : null;
  }

  // ---- licence terms -----------------------------------------------------------------------

  private void licenseModel(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String product = null;
    String basedOn = null;
    Price price = null;
    Setters<LicenseModel.Builder> terms = new Setters<>();
    boolean hasMetric = false;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "product" -> product = in.string(true);
          case "basedOn" -> basedOn = in.string(false);
          case "unitPrice" -> price = in.price();
          case "title" -> terms.set(in.string(false), LicenseModel.Builder::title);
          case "rules" -> terms.set(in.strings(), LicenseModel.Builder::rules);
          case "edition" -> terms.set(in.string(false), LicenseModel.Builder::edition);
          case "version" -> terms.set(in.string(false), LicenseModel.Builder::version);
          case "metric" -> hasMetric = terms.set(metric(), LicenseModel.Builder::metric);
          case "virtualization" ->
              terms.set(virtualization(), LicenseModel.Builder::virtualization);
          case "rights" -> terms.set(rights(), LicenseModel.Builder::rights);
          case "clientAccess" -> terms.set(in.bool(false), LicenseModel.Builder::clientAccess);
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("product", product);
      if (basedOn == null && !hasMetric) {
        in.required("metric", null);
      }
    }
    LicenseModel template = basedOn == null ? null : template(basedOn);
    if (!sound(mark) || id == null || product == null) {
      licenseModels.unread(id);
      return;
    }
    LicenseModel.Builder builder =
        terms.applyTo(
            template == null ? LicenseModel.builder(id, product) : template.toBuilder(id, product));
    pricedModels.add(
        new Priced<>(
            index,
            id,
            price,
            money -> (money == null ? builder : builder.unitPrice(money)).build()));
  }

  /** The library model {@code basedOn} names; {@code null}, reported, when there is none. */
  private @Nullable LicenseModel template(String basedOn) {
    LicenseModel template = templates.apply(basedOn).orElse(null);
    if (template == null) {
      in.errorAt(
          in.path("basedOn"),
          "unknown library model "
              + JsonFormat.quote(basedOn)
              + " (the bundled library lists its models in docs/library.md)");
    }
    return template;
  }

  private @Nullable Metric metric() throws IOException {
    if (!in.enterObject(true)) {
      return null;
    }
    MetricType type = null;
    Setters<Metric.Builder> metric = new Setters<>();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "type" ->
            type =
                in.choice(
                    true, "metric type", MetricType::parse, MetricType.values(), MetricType::id);
        case "minimumPerProcessor" ->
            metric.set(in.integer(false), Metric.Builder::minimumPerProcessor);
        case "minimumPerDevice" -> metric.set(in.integer(false), Metric.Builder::minimumPerDevice);
        case "packSize" -> metric.set(in.integer(false), Metric.Builder::packSize);
        case "coreFactors" -> metric.set(table(), Metric.Builder::coreFactors);
        case "pvuTable" -> metric.set(table(), Metric.Builder::pvuTable);
        case "userMinimumPerProcessor" ->
            metric.set(in.integer(false), Metric.Builder::userMinimumPerProcessor);
        case "capacityAttribute" -> metric.set(in.string(false), Metric.Builder::capacityAttribute);
        case "processorsPerUnit" ->
            metric.set(in.integer(false), Metric.Builder::processorsPerUnit);
        case "windowDays" -> metric.set(in.integer(false), Metric.Builder::windowDays);
        case "rounding" ->
            metric.set(
                in.choice(false, "rounding", Rounding::parse, Rounding.values(), Rounding::id),
                Metric.Builder::rounding);
        case "maximumSockets" -> metric.set(in.integer(false), Metric.Builder::maximumSockets);
        case "maximumVcpus" -> metric.set(in.integer(false), Metric.Builder::maximumVcpus);
        default -> in.unknownField();
      }
    }
    return in.required("type", type) ? metric.applyTo(Metric.builder(type)).build() : null;
  }

  /** A built-in table's id, or an inline table of CPU pattern → factor (and {@code default}). */
  private @Nullable FactorTableRef table() throws IOException {
    if (in.isNull()) {
      return null;
    }
    if (in.isString()) {
      return FactorTableRef.builtIn(in.string(true));
    }
    if (!in.isObject()) {
      in.mismatch("a table id such as \"oracle\" or an object of CPU pattern → factor");
      return null;
    }
    int mark = in.errors();
    in.enterObject(true);
    Map<String, BigDecimal> factors = new TreeMap<>();
    BigDecimal defaultFactor = null;
    for (String pattern; (pattern = in.nextField()) != null; ) {
      BigDecimal factor = in.decimalString(true);
      if (pattern.equals("default")) {
        defaultFactor = factor;
      } else if (factor != null) {
        factors.put(pattern, factor);
      }
    }
    return sound(mark) ? FactorTableRef.inline(FactorTable.of(factors, defaultFactor)) : null;
  }

  private @Nullable Virtualization virtualization() throws IOException {
    if (!in.enterObject(false)) {
      return null;
    }
    VirtualizationMode mode = null;
    Setters<Virtualization> terms = new Setters<>();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "mode" ->
            mode =
                in.choice(
                    true,
                    "virtualization mode",
                    VirtualizationMode::parse,
                    VirtualizationMode.values(),
                    VirtualizationMode::id);
        case "minimumPerVm" -> terms.set(in.integer(false), Virtualization::withMinimumPerVm);
        case "threadsPerCore" -> terms.set(in.integer(false), Virtualization::withThreadsPerCore);
        case "capAtHost" -> terms.set(in.bool(false), Virtualization::withCapAtHost);
        case "vmsPerSet" -> terms.set(in.integer(false), Virtualization::withVmsPerSet);
        case "requiresMaintenance" ->
            terms.set(in.bool(false), Virtualization::withRequiresMaintenance);
        case "vcpusPerProcessor" ->
            terms.set(in.integer(false), Virtualization::withVcpusPerProcessor);
        case "virtualOnly" -> terms.set(in.bool(false), Virtualization::withVirtualOnly);
        default -> in.unknownField();
      }
    }
    return in.required("mode", mode) ? terms.applyTo(Virtualization.of(mode)) : null;
  }

  private @Nullable Rights rights() throws IOException {
    if (!in.enterObject(false)) {
      return null;
    }
    Setters<Rights> rights = new Setters<>();
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "versionDowngrade" -> rights.when(in.bool(false), Rights::withVersionDowngrade);
        case "editionDowngrade" -> rights.when(in.bool(false), Rights::withEditionDowngrade);
        case "secondUse" -> rights.when(in.bool(false), Rights::withSecondUse);
        case "upgradeWithMaintenance" ->
            rights.when(in.bool(false), Rights::withUpgradeWithMaintenance);
        case "failover" -> rights.when(in.bool(false), Rights::withFailover);
        case "failoverDevices" ->
            rights.set(in.integer(false), EstateDocumentReader::withFailoverDevices);
        default -> in.unknownField();
      }
    }
    return rights.applyTo(Rights.NONE);
  }

  /** {@code rights} with {@code devices} passive devices per active one, failover as it is. */
  private static Rights withFailoverDevices(Rights rights, long devices) {
    return new Rights(
        rights.versionDowngrade(),
        rights.editionDowngrade(),
        rights.secondUse(),
        rights.upgradeWithMaintenance(),
        rights.failover(),
        devices);
  }

  // ---- entitlements ------------------------------------------------------------------------

  private void entitlement(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String licenseModel = null;
    Long quantity = null;
    Price price = null;
    Setters<Entitlement.Builder> terms = new Setters<>();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "licenseModel" -> licenseModel = in.string(true);
          case "quantity" -> quantity = in.integer(true);
          case "unitPrice" -> price = in.price();
          case "scope" -> terms.set(in.string(false), Entitlement.Builder::scope);
          case "validFrom" -> terms.set(in.date(false), Entitlement.Builder::validFrom);
          case "validUntil" -> terms.set(in.date(false), Entitlement.Builder::validUntil);
          case "maintenanceUntil" ->
              terms.set(in.date(false), Entitlement.Builder::maintenanceUntil);
          case "reference" -> terms.set(in.string(false), Entitlement.Builder::reference);
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("licenseModel", licenseModel);
      in.required("quantity", quantity);
    }
    if (!sound(mark) || id == null || licenseModel == null || quantity == null) {
      entitlements.unread(id);
      return;
    }
    Entitlement.Builder builder =
        terms.applyTo(Entitlement.builder(id, licenseModel).quantity(quantity));
    pricedEntitlements.add(
        new Priced<>(index, id, price, money -> builder.unitPrice(money).build()));
  }

  private <T> void resolve(Priced<T> priced, Section<T> section) {
    Money money = null;
    if (priced.price() != null) {
      money = money(priced.price());
      if (money == null) {
        section.unread(priced.id());
        return;
      }
    }
    section.add(priced.build().apply(money), priced.index());
  }

  private @Nullable Money money(Price price) {
    if (price.code() != null) {
      return Money.of(price.amount(), price.code());
    }
    if (currency != null && Money.isCurrencyCode(currency)) {
      return Money.of(price.amount(), currency);
    }
    if (currency == null && !currencyWrong) {
      in.errorAt(price.path(), "a price needs the document's \"currency\"");
    }
    // Otherwise the document's currency itself is wrong, and reported as such.
    return null;
  }

  // ---- inventory ---------------------------------------------------------------------------

  private void cluster(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    List<String> hosts = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "hosts" -> hosts = in.strings();
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("hosts", hosts);
    }
    keep(clusters, index, mark, id, sound(mark) ? new Cluster(id, hosts) : null);
  }

  private void device(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    DeviceKind kind = null;
    Setters<Device.Builder> device = new Setters<>();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "kind" ->
              kind =
                  in.choice(
                      true, "device kind", DeviceKind::parse, DeviceKind.values(), DeviceKind::id);
          case "unit" -> device.set(in.string(false), Device.Builder::unit);
          case "processors" -> device.set(in.integer(false), Device.Builder::processors);
          case "coresPerProcessor" ->
              device.set(in.integer(false), Device.Builder::coresPerProcessor);
          case "threadsPerCore" -> device.set(in.integer(false), Device.Builder::threadsPerCore);
          case "maxProcessors" -> device.set(in.integer(false), Device.Builder::maxProcessors);
          case "cpu" -> device.set(in.string(false), Device.Builder::cpu);
          case "host" -> device.set(in.string(false), Device.Builder::host);
          case "vcpus" -> device.set(in.integer(false), Device.Builder::vcpus);
          case "primaryUser" -> device.set(in.string(false), Device.Builder::primaryUser);
          case "owner" ->
              device.set(
                  in.choice(
                      false,
                      "device owner",
                      DeviceOwner::parse,
                      DeviceOwner.values(),
                      DeviceOwner::id),
                  Device.Builder::owner);
          case "role" ->
              device.set(
                  in.choice(
                      false, "device role", DeviceRole::parse, DeviceRole.values(), DeviceRole::id),
                  Device.Builder::role);
          case "failoverFor" -> device.set(in.string(false), Device.Builder::failoverFor);
          case "attributes" ->
              attributes()
                  .forEach((name, value) -> device.set(value, (b, v) -> b.attribute(name, v)));
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("kind", kind);
    }
    Device built =
        sound(mark) && id != null && kind != null
            ? device.applyTo(Device.builder(id, kind)).build()
            : null;
    keep(devices, index, mark, id, built);
  }

  /** A free map of attribute name → number (decimals allowed, exact). */
  private Map<String, BigDecimal> attributes() throws IOException {
    Map<String, BigDecimal> attributes = new TreeMap<>();
    if (!in.enterObject(false)) {
      return attributes;
    }
    for (String name; (name = in.nextField()) != null; ) {
      BigDecimal value = in.number(true);
      if (value != null) {
        attributes.put(name, value);
      }
    }
    return attributes;
  }

  private void user(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String unit = null;
    Boolean active = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "unit" -> unit = in.string(false);
          case "active" -> active = in.bool(false);
          default -> in.unknownField();
        }
      }
      in.required("id", id);
    }
    User user = sound(mark) ? new User(id, unit, !Boolean.FALSE.equals(active)) : null;
    keep(users, index, mark, id, user);
  }

  // ---- consumption: the sink of ConsumptionRecords -------------------------------------------

  @Override
  public void installation(
      int index,
      String device,
      String product,
      @Nullable String version,
      @Nullable String edition,
      @Nullable LocalDate installed,
      @Nullable LocalDate lastUsed,
      @Nullable String evidence) {
    installations.add(
        new Installation(
            shared(device),
            shared(product),
            sharedOrNull(version),
            sharedOrNull(edition),
            installed,
            lastUsed,
            evidence),
        index);
  }

  @Override
  public void access(int index, String product, @Nullable String user, @Nullable String device) {
    access.add(new Access(shared(product), sharedOrNull(user), sharedOrNull(device)), index);
  }

  @Override
  public void usage(
      int index,
      String product,
      long peakConcurrentUsers,
      LocalDate from,
      LocalDate until,
      @Nullable String unit) {
    usage.add(new Usage(shared(product), peakConcurrentUsers, from, until, unit), index);
  }

  private String shared(String text) {
    String known = sharedTexts.putIfAbsent(text, text);
    return known == null ? text : known;
  }

  private @Nullable String sharedOrNull(@Nullable String text) {
    return text == null ? null : shared(text);
  }

  // ---- pinned allocations and exemptions -----------------------------------------------------

  private void allocation(int index) throws IOException {
    int mark = in.errors();
    String entitlement = null;
    String device = null;
    String user = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "entitlement" -> entitlement = in.string(true);
          case "device" -> device = in.string(false);
          case "user" -> user = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("entitlement", entitlement);
    }
    PinnedAllocation pinned = sound(mark) ? new PinnedAllocation(entitlement, device, user) : null;
    keep(allocations, index, mark, null, pinned);
  }

  private void exemption(int index) throws IOException {
    int mark = in.errors();
    String device = null;
    String user = null;
    String product = null;
    String reason = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "device" -> device = in.string(false);
          case "user" -> user = in.string(false);
          case "product" -> product = in.string(true);
          case "reason" -> reason = in.string(true);
          default -> in.unknownField();
        }
      }
      in.required("product", product);
      in.required("reason", reason);
    }
    Exemption exemption = sound(mark) ? new Exemption(device, user, product, reason) : null;
    keep(exemptions, index, mark, null, exemption);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  // ---- bookkeeping -------------------------------------------------------------------------

  /**
   * The values read for one record's builder (or immutable value), applied in reading order once
   * the fields it is created with are known: a field read with a value becomes one call of its
   * setter; an absent one, none (so a template's term stays).
   */
  private static final class Setters<B> {
    private final List<UnaryOperator<B>> setters = new ArrayList<>();

    /** Adds {@code setter(value)} when there is a value; returns whether there is one. */
    <V> boolean set(@Nullable V value, BiFunction<B, V, B> setter) {
      if (value == null) {
        return false;
      }
      setters.add(builder -> setter.apply(builder, value));
      return true;
    }

    /** Adds {@code setter()} when {@code flag} is true. */
    void when(@Nullable Boolean flag, UnaryOperator<B> setter) {
      if (Boolean.TRUE.equals(flag)) {
        setters.add(setter);
      }
    }

    B applyTo(B start) {
      B built = start;
      for (UnaryOperator<B> setter : setters) {
        built = setter.apply(built);
      }
      return built;
    }
  }

  /**
   * The records of one list that could be built, each with its index in the document, and the ids
   * of those that could not.
   */
  private static final class Section<T> {
    private final EstateSection section;
    private final List<T> records = new ArrayList<>();
    private int[] positions = new int[16];
    private final Set<String> unread = new HashSet<>();

    Section(EstateSection section) {
      this.section = section;
    }

    void add(T record, int position) {
      if (records.size() == positions.length) {
        positions = Arrays.copyOf(positions, positions.length * 2);
      }
      positions[records.size()] = position;
      records.add(record);
    }

    void unread(@Nullable String id) {
      if (id != null) {
        unread.add(id);
      }
    }

    /** The document path of the record at {@code index} of the built list. */
    String path(int index) {
      return section.path(index >= 0 && index < records.size() ? positions[index] : index);
    }
  }

  /**
   * A record waiting for its price to be resolved against the document's currency.
   *
   * @param index its index in the document
   * @param id its id
   * @param price its price as written; {@code null} when it has none
   * @param build builds the record with the resolved price
   */
  private record Priced<T>(
      int index, String id, @Nullable Price price, Function<@Nullable Money, T> build) {}
}
