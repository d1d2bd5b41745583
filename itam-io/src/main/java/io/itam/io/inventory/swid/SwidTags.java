package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import io.itam.io.inventory.ProductMapping;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads software identification tags (ISO/IEC 19770-2; iso19770-formats.md §1–3, §9) and turns them
 * into installations of the catalogue's products.
 *
 * <p><b>Where tags come from.</b> {@link #read(Path, ProductMapping)} reads a directory with one
 * subdirectory per device, named by the device id, holding that device's {@code .swidtag} (XML) and
 * {@code .coswid} (CBOR) files, at any depth below it; tags directly in the directory belong to the
 * device their Evidence {@code deviceId} names (a discovery tool's tags), else to none:
 *
 * <pre>
 * tags/
 *   pc-0001/example.com-exampledb-enterprise-12.1.0.swidtag
 *   pc-0001/example.com-exampledb-enterprise-12.1.0-activation.swidtag
 *   srv-db-01/exampledb.coswid
 *   scanner-export-0001.swidtag        (Evidence deviceId="lt-0001")
 * </pre>
 *
 * <p><b>XML.</b> Tags are parsed with the JDK's StAX parser, namespace-aware, with DTDs and
 * external entities off. The 2015 namespace {@code
 * http://standards.iso.org/iso/19770/-2/2015/schema.xsd} and the 2009 one ({@code …/2009/…}) are
 * read, and so are the drafts seen in the wild: {@code …/2015-current/…} and {@code …/2014-DIS/…}
 * as 2015, {@code …/2008/…} as 2009. Unknown attributes and elements, and those of other
 * namespaces, are skipped: a tag is never rejected for them. A tag must have a tag id and a name.
 *
 * <p><b>From tags to installations</b>, per device: the highest {@code tagVersion} of a tag id
 * wins; supplemental tags merge into the tag their {@code Link rel="supplemental"
 * href="swid:<tagId>"} names (its own Meta values win), patch tags into the release their {@code
 * rel="patches"} names when it is on the device; primary tags, patch tags without their release and
 * tags with Evidence become installations; corpus tags (installers) do not. The {@link
 * ProductMapping} gives each its catalogue product, edition and version. Every tag that is no
 * installation is listed in {@link SwidInventory#unmapped()} with the reason: nothing is dropped.
 *
 * <p><b>Problems.</b> Malformed or unreadable tags (bad XML or CBOR, a missing tag id or name, a
 * file over 16 MiB) are reported all at once, each at {@code file:line:column} (CoSWID: {@code
 * file:label} or {@code file:byte N}), in one {@link ValidationException}.
 *
 * <pre>{@code
 * ProductMapping mapping = ProductMapping.read(Path.of("swid-mapping.json"), estate.products());
 * SwidInventory found = SwidTags.read(Path.of("tags"), mapping);
 * for (SwidInstallation i : found.installations()) System.out.println(i.describe());
 * }</pre>
 */
public final class SwidTags {
  /** The largest tag file read, in bytes (16 MiB). */
  public static final int MAX_FILE_BYTES = 16 << 20;

  private SwidTags() {}

  /**
   * Reads the tags under {@code directory} (see the type's description) and maps them.
   *
   * @throws IOException when the directory or a file cannot be read
   * @throws ValidationException listing every problem of every tag
   */
  public static SwidInventory read(Path directory, ProductMapping mapping) throws IOException {
    requireNonNull(mapping, "mapping");
    return inventory(readTags(directory), mapping);
  }

  /**
   * The tags under {@code directory}, each with the device of the subdirectory it is in, sorted by
   * file; {@code directory} may also be a single tag file.
   *
   * @throws IOException when the directory or a file cannot be read
   * @throws ValidationException listing every problem of every tag
   */
  public static List<SwidTag> readTags(Path directory) throws IOException {
    requireNonNull(directory, "directory");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).filter(SwidTags::isTagFile).sorted().toList();
    }
    List<Problem> problems = new ArrayList<>();
    List<SwidTag> tags = new ArrayList<>();
    for (Path file : files) {
      Path relative = directory.relativize(file);
      String device = relative.getNameCount() >= 2 ? relative.getName(0).toString() : null;
      SwidTag tag = parse(file, device, problems);
      if (tag != null) {
        tags.add(tag);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return List.copyOf(tags);
  }

  /**
   * Maps {@code tags} (from any source) to installations: the tag merge of the type's description.
   */
  public static SwidInventory inventory(Iterable<SwidTag> tags, ProductMapping mapping) {
    requireNonNull(tags, "tags");
    requireNonNull(mapping, "mapping");
    return TagMerge.inventory(tags, mapping);
  }

  /**
   * Reads one tag file: CoSWID when its name ends with {@code .coswid} or {@code .cbor}, else XML.
   *
   * @param device the device the tag was collected from; {@code null} when unknown
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the tag
   */
  public static SwidTag parse(Path file, @Nullable String device) throws IOException {
    List<Problem> problems = new ArrayList<>();
    SwidTag tag = parse(file, device, problems);
    if (tag == null || !problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return tag;
  }

  /**
   * Reads one XML tag from {@code in}, which is left open; {@code source} names it in problems.
   *
   * @param device the device the tag was collected from; {@code null} when unknown
   * @throws IOException when {@code in} fails
   * @throws ValidationException listing every problem of the tag
   */
  public static SwidTag parse(InputStream in, String source, @Nullable String device)
      throws IOException {
    requireNonNull(source, "source");
    List<Problem> problems = new ArrayList<>();
    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    SwidTag tag = null;
    if (bytes.length > MAX_FILE_BYTES) {
      problems.add(tooLarge(source));
    } else {
      tag = SwidXml.parse(bytes, source, device, problems);
    }
    if (tag == null || !problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return tag;
  }

  private static @Nullable SwidTag parse(Path file, @Nullable String device, List<Problem> problems)
      throws IOException {
    String source = file.toString();
    if (Files.size(file) > MAX_FILE_BYTES) {
      problems.add(tooLarge(source));
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    return isCoswid(file)
        ? CoswidTags.parse(bytes, source, device, problems)
        : SwidXml.parse(bytes, source, device, problems);
  }

  /** The content of {@code file}, at most {@link #MAX_FILE_BYTES}. */
  static byte[] bytes(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new ValidationException(List.of(tooLarge(file.toString())));
    }
    return Files.readAllBytes(file);
  }

  private static Problem tooLarge(String source) {
    return Problem.at(source, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB: not a tag");
  }

  private static boolean isTagFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".swidtag") || name.endsWith(".coswid");
  }

  private static boolean isCoswid(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".coswid") || name.endsWith(".cbor");
  }
}
