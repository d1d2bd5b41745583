package io.itam.io.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.Progress;
import io.itam.model.synthetic.SyntheticEstate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming reader reports its progress and stops when its thread is interrupted. */
class ReaderProgressTest {
  private static Estate estate;
  private static byte[] document;

  @BeforeAll
  static void write() throws IOException {
    estate = SyntheticEstate.generate(1_000, 11);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EstateWriter.create().write(estate, out);
    document = out.toByteArray();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void reportsReadThenValidate_withTheRecordsReadSoFar() throws IOException {
    List<String> phases = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    Progress progress =
        new Progress() {
          @Override
          public void phase(String name) {
            phases.add(name);
          }

          @Override
          public void advance(long records) {
            done.add(records);
          }
        };
    Estate read = EstateReader.create().read(new ByteArrayInputStream(document), progress);

    assertEquals(estate, read);
    assertEquals(List.of("read", "validate"), phases);
    assertTrue(done.size() >= 2, "a large document reports along the way: " + done);
    for (int i = 1; i < done.size(); i++) {
      assertTrue(done.get(i) >= done.get(i - 1), "never backwards: " + done);
    }
    long listed =
        estate.organization().size()
            + estate.products().size()
            + estate.licenseModels().size()
            + estate.entitlements().size()
            + estate.clusters().size()
            + estate.devices().size()
            + estate.users().size()
            + estate.installations().size()
            + estate.access().size()
            + estate.usage().size()
            + estate.allocations().size()
            + estate.exemptions().size();
    assertEquals(listed, done.get(done.size() - 1), "the last report counts every record read");
  }

  @Test
  void interrupted_stopsWithCancellation() {
    Thread.currentThread().interrupt();
    assertThrows(
        CancellationException.class,
        () -> EstateReader.create().read(new ByteArrayInputStream(document)));
    assertTrue(Thread.interrupted(), "the interrupt status stays set");
  }
}
