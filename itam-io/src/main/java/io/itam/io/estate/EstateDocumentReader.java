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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One reading of an estate document: streams it record by record, builds every record that is
 * sound, remembers the ids of those that are not, then builds the {@link Estate} and merges the
 * validator's problems with its own.
 *
 * <p>Prices are resolved after the whole document is read, since the document's {@code currency}
 * may come after them.
 */
final class EstateDocumentReader {
  private final JsonInput in;

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

  private final java.util.function.Function<String, java.util.Optional<LicenseModel>> templates;

  /**
   * One instance of every reference text of the installations (device and product ids, versions,
   * editions): an estate of 20 million installations names a few hundred thousand devices and a few
   * thousand products, and holding each text once keeps the heap to a fraction.
   */
  private final Map<String, String> sharedTexts = new java.util.HashMap<>();

  private @Nullable String shared(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String known = sharedTexts.putIfAbsent(text, text);
    return known == null ? text : known;
  }

  /** Records read between two progress reports. */
  private static final int PROGRESS_EVERY = 16_384;

  private final io.itam.model.Progress progress;
  private long recordsRead;

  EstateDocumentReader(
      JsonParser parser,
      boolean allowUnknownFields,
      java.util.function.Function<String, java.util.Optional<LicenseModel>> templates,
      io.itam.model.Progress progress) {
    this.templates = templates;
    this.in = new JsonInput(parser, allowUnknownFields);
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
    for (Section<?> section : sections.values()) {
      builder.addAll(section.records);
    }
    Map<EstateSection, Set<String>> unread = new EnumMap<>(EstateSection.class);
    sections.forEach(
        (name, section) -> {
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
        case "installations" -> list(this::installation);
        case "access" -> list(this::access);
        case "usage" -> list(this::usage);
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
          throw new java.util.concurrent.CancellationException(
              "reading cancelled: the thread was interrupted");
        }
      }
    }
  }

  /** Reads the record at {@code index} of a list. */
  @FunctionalInterface
  private interface Element {
    void read(int index) throws IOException;
  }

  /** Keeps the record when nothing was wrong with it since {@code mark}, else its id as unread. */
  private <T> void keep(
      Section<T> section, int index, int mark, @Nullable String id, Supplier<T> record) {
    if (in.errors() == mark) {
      section.add(record.get(), index);
    } else {
      section.unread(id);
    }
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
    String unitId = id;
    String parentId = parent;
    keep(organization, index, mark, id, () -> new OrganizationUnit(unitId, parentId));
  }

  private void product(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String publisher = null;
    String name = null;
    List<String> editions = null;
    List<ProductVersion> versions = null;
    List<String> components = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "publisher" -> publisher = in.string(false);
          case "name" -> name = in.string(false);
          case "editions" -> editions = in.strings();
          case "versions" -> versions = versions();
          case "components" -> components = in.strings();
          default -> in.unknownField();
        }
      }
      in.required("id", id);
    }
    Product product =
        new Product(
            id == null ? "" : id,
            publisher,
            name,
            orEmpty(editions),
            orEmpty(versions),
            orEmpty(components));
    keep(products, index, mark, id, () -> product);
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
    return in.errors() == mark ? versions : null;
  }

  // ---- licence terms -----------------------------------------------------------------------

  private void licenseModel(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String product = null;
    String edition = null;
    String version = null;
    Metric metric = null;
    Virtualization virtualization = null;
    Rights rights = null;
    Boolean clientAccess = null;
    Price price = null;
    String title = null;
    List<String> rules = null;
    String basedOn = null;
    LicenseModel template = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "basedOn" -> basedOn = in.string(false);
          case "title" -> title = in.string(false);
          case "rules" -> rules = in.strings();
          case "product" -> product = in.string(true);
          case "edition" -> edition = in.string(false);
          case "version" -> version = in.string(false);
          case "metric" -> metric = metric();
          case "virtualization" -> virtualization = virtualization();
          case "rights" -> rights = rights();
          case "clientAccess" -> clientAccess = in.bool(false);
          case "unitPrice" -> price = in.price();
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("product", product);
      if (basedOn != null) {
        template = templates.apply(basedOn).orElse(null);
        if (template == null) {
          in.errorAt(
              in.path("basedOn"),
              "unknown library model "
                  + JsonFormat.quote(basedOn)
                  + " (the bundled library lists its models in docs/library.md)");
        }
      } else {
        in.required("metric", metric);
      }
    }
    if (in.errors() != mark) {
      licenseModels.unread(id);
      return;
    }
    LicenseModel.Builder builder =
        template != null ? template.toBuilder(id, product) : LicenseModel.builder(id, product);
    if (template == null || edition != null) {
      builder.edition(edition);
    }
    if (template == null || version != null) {
      builder.version(version);
    }
    if (metric != null) {
      builder.metric(metric);
    }
    if (template == null || virtualization != null) {
      builder.virtualization(virtualization);
    }
    if (template == null || rights != null) {
      builder.rights(rights == null ? Rights.NONE : rights);
    }
    if (template == null || clientAccess != null) {
      builder.clientAccess(Boolean.TRUE.equals(clientAccess));
    }
    if (template == null || title != null) {
      builder.title(title);
    }
    if (template == null || rules != null) {
      builder.rules(rules == null ? List.of() : rules);
    }
    if (template != null && price == null && template.unitPrice() != null) {
      builder.unitPrice(template.unitPrice());
    }
    pricedModels.add(
        new Priced<>(
            index,
            id,
            price,
            money -> (money == null ? builder : builder.unitPrice(money)).build()));
  }

  private @Nullable Metric metric() throws IOException {
    if (!in.enterObject(true)) {
      return null;
    }
    MetricType type = null;
    Long minimumPerProcessor = null;
    Long minimumPerDevice = null;
    Long packSize = null;
    FactorTableRef coreFactors = null;
    FactorTableRef pvuTable = null;
    Long userMinimumPerProcessor = null;
    String capacityAttribute = null;
    Long processorsPerUnit = null;
    Long windowDays = null;
    Rounding rounding = null;
    Long maximumSockets = null;
    Long maximumVcpus = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "type" ->
            type =
                in.choice(
                    true, "metric type", MetricType::parse, MetricType.values(), MetricType::id);
        case "minimumPerProcessor" -> minimumPerProcessor = in.integer(false);
        case "minimumPerDevice" -> minimumPerDevice = in.integer(false);
        case "packSize" -> packSize = in.integer(false);
        case "coreFactors" -> coreFactors = table();
        case "pvuTable" -> pvuTable = table();
        case "userMinimumPerProcessor" -> userMinimumPerProcessor = in.integer(false);
        case "capacityAttribute" -> capacityAttribute = in.string(false);
        case "processorsPerUnit" -> processorsPerUnit = in.integer(false);
        case "windowDays" -> windowDays = in.integer(false);
        case "rounding" ->
            rounding =
                in.choice(false, "rounding", Rounding::parse, Rounding.values(), Rounding::id);
        case "maximumSockets" -> maximumSockets = in.integer(false);
        case "maximumVcpus" -> maximumVcpus = in.integer(false);
        default -> in.unknownField();
      }
    }
    if (!in.required("type", type)) {
      return null;
    }
    Metric.Builder metric =
        Metric.builder(type)
            .coreFactors(coreFactors)
            .pvuTable(pvuTable)
            .capacityAttribute(capacityAttribute);
    if (minimumPerProcessor != null) {
      metric.minimumPerProcessor(minimumPerProcessor);
    }
    if (minimumPerDevice != null) {
      metric.minimumPerDevice(minimumPerDevice);
    }
    if (packSize != null) {
      metric.packSize(packSize);
    }
    if (userMinimumPerProcessor != null) {
      metric.userMinimumPerProcessor(userMinimumPerProcessor);
    }
    if (processorsPerUnit != null) {
      metric.processorsPerUnit(processorsPerUnit);
    }
    if (windowDays != null) {
      metric.windowDays(windowDays);
    }
    if (rounding != null) {
      metric.rounding(rounding);
    }
    if (maximumSockets != null) {
      metric.maximumSockets(maximumSockets);
    }
    if (maximumVcpus != null) {
      metric.maximumVcpus(maximumVcpus);
    }
    return metric.build();
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
    return in.errors() == mark
        ? FactorTableRef.inline(FactorTable.of(factors, defaultFactor))
        : null;
  }

  private @Nullable Virtualization virtualization() throws IOException {
    if (!in.enterObject(false)) {
      return null;
    }
    VirtualizationMode mode = null;
    Long minimumPerVm = null;
    Long threadsPerCore = null;
    Boolean capAtHost = null;
    Long vmsPerSet = null;
    Boolean requiresMaintenance = null;
    Long vcpusPerProcessor = null;
    Boolean virtualOnly = null;
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
        case "minimumPerVm" -> minimumPerVm = in.integer(false);
        case "threadsPerCore" -> threadsPerCore = in.integer(false);
        case "capAtHost" -> capAtHost = in.bool(false);
        case "vmsPerSet" -> vmsPerSet = in.integer(false);
        case "requiresMaintenance" -> requiresMaintenance = in.bool(false);
        case "vcpusPerProcessor" -> vcpusPerProcessor = in.integer(false);
        case "virtualOnly" -> virtualOnly = in.bool(false);
        default -> in.unknownField();
      }
    }
    if (!in.required("mode", mode)) {
      return null;
    }
    Virtualization virtualization = Virtualization.of(mode);
    if (minimumPerVm != null) {
      virtualization = virtualization.withMinimumPerVm(minimumPerVm);
    }
    if (threadsPerCore != null) {
      virtualization = virtualization.withThreadsPerCore(threadsPerCore);
    }
    if (capAtHost != null) {
      virtualization = virtualization.withCapAtHost(capAtHost);
    }
    if (vmsPerSet != null) {
      virtualization = virtualization.withVmsPerSet(vmsPerSet);
    }
    if (requiresMaintenance != null) {
      virtualization = virtualization.withRequiresMaintenance(requiresMaintenance);
    }
    if (Boolean.TRUE.equals(virtualOnly)) {
      virtualization = virtualization.withVirtualOnly(true);
    }
    if (vcpusPerProcessor != null) {
      virtualization = virtualization.withVcpusPerProcessor(vcpusPerProcessor);
    }
    return virtualization;
  }

  private @Nullable Rights rights() throws IOException {
    if (!in.enterObject(false)) {
      return null;
    }
    boolean versionDowngrade = false;
    boolean editionDowngrade = false;
    boolean secondUse = false;
    boolean upgradeWithMaintenance = false;
    boolean failover = false;
    Long failoverDevices = null;
    for (String field; (field = in.nextField()) != null; ) {
      switch (field) {
        case "versionDowngrade" -> versionDowngrade = flag(in.bool(false));
        case "editionDowngrade" -> editionDowngrade = flag(in.bool(false));
        case "secondUse" -> secondUse = flag(in.bool(false));
        case "upgradeWithMaintenance" -> upgradeWithMaintenance = flag(in.bool(false));
        case "failover" -> failover = flag(in.bool(false));
        case "failoverDevices" -> failoverDevices = in.integer(false);
        default -> in.unknownField();
      }
    }
    return new Rights(
        versionDowngrade,
        editionDowngrade,
        secondUse,
        upgradeWithMaintenance,
        failover,
        failoverDevices == null ? Rights.DEFAULT_FAILOVER_DEVICES : failoverDevices);
  }

  private static boolean flag(@Nullable Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  // ---- entitlements ------------------------------------------------------------------------

  private void entitlement(int index) throws IOException {
    int mark = in.errors();
    String id = null;
    String licenseModel = null;
    Long quantity = null;
    String scope = null;
    LocalDate validFrom = null;
    LocalDate validUntil = null;
    LocalDate maintenanceUntil = null;
    Price price = null;
    String reference = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "licenseModel" -> licenseModel = in.string(true);
          case "quantity" -> quantity = in.integer(true);
          case "scope" -> scope = in.string(false);
          case "validFrom" -> validFrom = in.date(false);
          case "validUntil" -> validUntil = in.date(false);
          case "maintenanceUntil" -> maintenanceUntil = in.date(false);
          case "unitPrice" -> price = in.price();
          case "reference" -> reference = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("licenseModel", licenseModel);
      in.required("quantity", quantity);
    }
    if (in.errors() != mark) {
      entitlements.unread(id);
      return;
    }
    Entitlement.Builder builder =
        Entitlement.builder(id, licenseModel)
            .quantity(quantity)
            .scope(scope)
            .validFrom(validFrom)
            .validUntil(validUntil)
            .maintenanceUntil(maintenanceUntil)
            .reference(reference);
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
    String clusterId = id;
    List<String> hostIds = hosts;
    keep(clusters, index, mark, id, () -> new Cluster(clusterId, hostIds));
  }

  private void device(int index) throws IOException {
    int mark = in.errors();
    Device.Builder device = null;
    String id = null;
    DeviceKind kind = null;
    String unit = null;
    Long processors = null;
    Long coresPerProcessor = null;
    Long threadsPerCore = null;
    Long maxProcessors = null;
    String cpu = null;
    String host = null;
    Long vcpus = null;
    String primaryUser = null;
    DeviceOwner owner = null;
    DeviceRole role = null;
    String failoverFor = null;
    Map<String, BigDecimal> attributes = Map.of();
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "id" -> id = in.string(true);
          case "kind" ->
              kind =
                  in.choice(
                      true, "device kind", DeviceKind::parse, DeviceKind.values(), DeviceKind::id);
          case "unit" -> unit = in.string(false);
          case "processors" -> processors = in.integer(false);
          case "coresPerProcessor" -> coresPerProcessor = in.integer(false);
          case "threadsPerCore" -> threadsPerCore = in.integer(false);
          case "maxProcessors" -> maxProcessors = in.integer(false);
          case "cpu" -> cpu = in.string(false);
          case "host" -> host = in.string(false);
          case "vcpus" -> vcpus = in.integer(false);
          case "primaryUser" -> primaryUser = in.string(false);
          case "owner" ->
              owner =
                  in.choice(
                      false,
                      "device owner",
                      DeviceOwner::parse,
                      DeviceOwner.values(),
                      DeviceOwner::id);
          case "role" ->
              role =
                  in.choice(
                      false, "device role", DeviceRole::parse, DeviceRole.values(), DeviceRole::id);
          case "failoverFor" -> failoverFor = in.string(false);
          case "attributes" -> attributes = attributes();
          default -> in.unknownField();
        }
      }
      in.required("id", id);
      in.required("kind", kind);
    }
    if (in.errors() == mark) {
      device =
          Device.builder(id, kind)
              .unit(unit)
              .processors(processors)
              .coresPerProcessor(coresPerProcessor)
              .threadsPerCore(threadsPerCore)
              .maxProcessors(maxProcessors)
              .cpu(cpu)
              .host(host)
              .vcpus(vcpus)
              .primaryUser(primaryUser)
              .owner(owner)
              .role(role)
              .failoverFor(failoverFor);
      attributes.forEach(device::attribute);
    }
    Device.Builder built = device;
    keep(devices, index, mark, id, () -> built.build());
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
    User user = new User(id == null ? "" : id, unit, !Boolean.FALSE.equals(active));
    keep(users, index, mark, id, () -> user);
  }

  // ---- consumption -------------------------------------------------------------------------

  private void installation(int index) throws IOException {
    int mark = in.errors();
    String device = null;
    String product = null;
    String version = null;
    String edition = null;
    LocalDate installed = null;
    LocalDate lastUsed = null;
    String evidence = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "device" -> device = in.string(true);
          case "product" -> product = in.string(true);
          case "version" -> version = in.string(false);
          case "edition" -> edition = in.string(false);
          case "installed" -> installed = in.date(false);
          case "lastUsed" -> lastUsed = in.date(false);
          case "evidence" -> evidence = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("device", device);
      in.required("product", product);
    }
    Installation installation =
        in.errors() == mark
            ? new Installation(
                shared(device),
                shared(product),
                shared(version),
                shared(edition),
                installed,
                lastUsed,
                evidence)
            : null;
    keep(installations, index, mark, null, () -> installation);
  }

  private void access(int index) throws IOException {
    int mark = in.errors();
    String product = null;
    String user = null;
    String device = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "product" -> product = in.string(true);
          case "user" -> user = in.string(false);
          case "device" -> device = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("product", product);
    }
    Access record = in.errors() == mark ? new Access(product, user, device) : null;
    keep(access, index, mark, null, () -> record);
  }

  private void usage(int index) throws IOException {
    int mark = in.errors();
    String product = null;
    Long peak = null;
    LocalDate from = null;
    LocalDate until = null;
    String unit = null;
    if (in.enterObject(true)) {
      for (String field; (field = in.nextField()) != null; ) {
        switch (field) {
          case "product" -> product = in.string(true);
          case "peakConcurrentUsers" -> peak = in.integer(true);
          case "from" -> from = in.date(true);
          case "until" -> until = in.date(true);
          case "unit" -> unit = in.string(false);
          default -> in.unknownField();
        }
      }
      in.required("product", product);
      in.required("peakConcurrentUsers", peak);
      in.required("from", from);
      in.required("until", until);
    }
    Usage record = in.errors() == mark ? new Usage(product, peak, from, until, unit) : null;
    keep(usage, index, mark, null, () -> record);
  }

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
    PinnedAllocation record =
        in.errors() == mark ? new PinnedAllocation(entitlement, device, user) : null;
    keep(allocations, index, mark, null, () -> record);
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
    Exemption record = in.errors() == mark ? new Exemption(device, user, product, reason) : null;
    keep(exemptions, index, mark, null, () -> record);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  // ---- bookkeeping -------------------------------------------------------------------------

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
