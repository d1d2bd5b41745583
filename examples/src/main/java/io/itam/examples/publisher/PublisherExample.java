package io.itam.examples.publisher;

import io.itam.compliance.Reconciler;
import io.itam.io.estate.EstateReader;
import io.itam.io.estate.LicenseModelLibrary;
import io.itam.io.estate.WorkedExamples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A publisher models its licence terms as data and checks them against its own worked examples:
 * reads its library ({@code acme-library.json}), reads the worked examples that use it with {@code
 * "basedOn"} ({@code acme-worked-examples.json}), reconciles each and prints the result.
 *
 * <pre>
 * java -cp examples/target/itam.jar io.itam.examples.publisher.PublisherExample examples/data/publisher
 * </pre>
 */
public final class PublisherExample {
  private PublisherExample() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "examples/data/publisher");
    List<String> failures = check(folder);
    failures.forEach(System.out::println);
    System.out.println(
        failures.isEmpty() ? "all worked examples hold" : failures.size() + " failed");
  }

  /** Every mismatch between the library's models and the worked examples; empty when all hold. */
  public static List<String> check(Path folder) throws IOException {
    LicenseModelLibrary library = LicenseModelLibrary.read(folder.resolve("acme-library.json"));
    EstateReader reader = EstateReader.create().withLibrary(library);
    WorkedExamples examples =
        WorkedExamples.read(folder.resolve("acme-worked-examples.json"), reader);
    Reconciler reconciler = Reconciler.create();
    return examples.examples().stream()
        .flatMap(example -> example.check(reconciler::reconcile).stream())
        .toList();
  }
}
