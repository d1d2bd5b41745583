package io.itam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.model.catalog.Product;
import io.itam.model.columnar.ColumnarParity;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.DeviceKind;
import io.itam.model.inventory.Installation;
import io.itam.model.inventory.Usage;
import io.itam.model.inventory.User;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A columnar estate reports exactly the problems of an {@link Estate} of the same records: every
 * check of installations, access and usage at once, and the CPU rule, which reads installations.
 * (Every case of {@link EstateValidatorTest} and {@link LimitsTest} is also checked this way.)
 */
class ColumnarValidationTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

  private static Estate.Builder frame() {
    return Estate.builder(AS_OF)
        .unit("acme")
        .add(
            Product.builder("p")
                .editions("Std", "Ent")
                .version("2019", LocalDate.parse("2019-11-04"))
                .version("2022")
                .build())
        .add(Product.builder("q").build())
        .add(
            LicenseModel.builder("ee", "p")
                .metric(
                    Metric.builder(MetricType.CORE)
                        .coreFactors(FactorTableRef.builtIn("oracle"))
                        .build())
                .virtualization(Virtualization.of(VirtualizationMode.CLUSTER))
                .build())
        .add(
            Device.builder("s1", DeviceKind.SERVER)
                .unit("acme")
                .processors(2L, 8L)
                .cpu("Acme Quantum 9000")
                .build())
        .add(Device.builder("s2", DeviceKind.SERVER).unit("acme").processors(2L, 8L).build())
        .add(Device.builder("v1", DeviceKind.VM).unit("acme").host("s1").vcpus(4L).build())
        .add(Device.builder("pc", DeviceKind.DESKTOP).unit("acme").build())
        .add(Cluster.of("c", "s1", "s2"))
        .add(User.of("u", "acme"));
  }

  @Test
  void everyConsumptionCheck_sameProblemsAsTheEstate() {
    LocalDate day = LocalDate.parse("2026-02-01");
    Estate.Builder estate =
        frame()
            .add(Installation.of("pc", "p", "2019").withEdition("Std")) // sound
            .add(Installation.of("esx-9", "p"))
            .add(Installation.of("pc", "nothing", "1.0"))
            .add(Installation.of("pc", "p", "2025").withEdition("Pro"))
            .add(Installation.of("pc", "q", "1").withEdition("Std"))
            .add(new Installation("pc", "p", null, null, day, day.minusDays(1)))
            .add(Installation.of("pc", "p").withEvidence("x".repeat(Limits.MAX_TEXT_LENGTH + 1)))
            .add(Installation.of("pc", "p").withEvidence("x".repeat(Limits.MAX_TEXT_LENGTH)))
            .add(Installation.of("v1", "p")) // priced at s1 and s2 (cluster): s1's CPU unknown
            .add(Access.byUser("q", "u")) // sound
            .add(Access.byUser("nothing", "nobody"))
            .add(Access.byDevice("p", "esx-9"))
            .add(new Access("p", "u", "pc"))
            .add(new Access("p", null, null))
            .add(Usage.of("q", 0, AS_OF, AS_OF)) // sound
            .add(Usage.of("p", -1, AS_OF, AS_OF.minusDays(1)))
            .add(Usage.of("nothing", Limits.MAX_QUANTITY + 1, AS_OF, AS_OF))
            .add(new Usage("p", 3, AS_OF, AS_OF, "nowhere"));
    List<Problem> expected =
        List.of(
            Problem.at("access[1].product", "unknown product \"nothing\""),
            Problem.at("access[1].user", "unknown user \"nobody\""),
            Problem.at("access[2].device", "unknown device \"esx-9\""),
            Problem.at("access[3]", "gives both \"user\" and \"device\"; give one"),
            Problem.at("access[4]", "needs a \"user\" or a \"device\""),
            Problem.at(
                "devices[0].cpu",
                "no row of the core-factor table \"oracle\" matches CPU \"Acme Quantum 9000\", and"
                    + " the table has no default (licence model ee counts device s1)"),
            Problem.at(
                "devices[1].cpu",
                "no CPU model given, which the core-factor table \"oracle\" needs, and the table"
                    + " has no default (licence model ee counts device s2)"),
            Problem.at("installations[1].device", "unknown device \"esx-9\""),
            Problem.at("installations[2].product", "unknown product \"nothing\""),
            Problem.at(
                "installations[3].edition",
                "edition \"Pro\" is not declared by product \"p\" (editions: Std, Ent)"),
            Problem.at(
                "installations[3].version",
                "version \"2025\" is not declared by product \"p\" (versions: 2019, 2022)"),
            Problem.at("installations[4].edition", "product \"q\" declares no editions"),
            Problem.at("installations[4].version", "product \"q\" declares no versions"),
            Problem.at("installations[5].lastUsed", "2026-01-31 is before installed 2026-02-01"),
            Problem.at("installations[6].evidence", "longer than 4096 characters"),
            Problem.at("usage[1].peakConcurrentUsers", "must not be negative, was -1"),
            Problem.at("usage[1].until", "2026-11-26 is before from 2026-11-27"),
            Problem.at(
                "usage[2].peakConcurrentUsers",
                "larger than the limit of 1000000000000, was 1000000000001"),
            Problem.at("usage[2].product", "unknown product \"nothing\""),
            Problem.at("usage[3].unit", "unknown organisation unit \"nowhere\""));
    assertEquals(expected, estate.problems());
    ColumnarParity.assertSameProblems(estate.unvalidated(), ValidationContext.IN_CODE, expected);
  }

  @Test
  void datesAtTheEndsOfLocalDate_outOfOrder_sameProblemsAsTheEstate() {
    Estate.Builder estate =
        frame()
            .add(new Installation("pc", "q", null, null, LocalDate.MIN, LocalDate.MAX)) // sound
            .add(new Installation("pc", "q", null, null, LocalDate.MAX, LocalDate.MIN))
            .add(Usage.of("q", 1, LocalDate.MIN, LocalDate.MIN.plusDays(10))) // sound
            .add(Usage.of("q", 1, LocalDate.MAX, LocalDate.MIN));
    List<Problem> expected =
        List.of(
            Problem.at(
                "installations[1].lastUsed",
                "-999999999-01-01 is before installed +999999999-12-31"),
            Problem.at("usage[1].until", "-999999999-01-01 is before from +999999999-12-31"));
    assertEquals(expected, estate.problems());
    ColumnarParity.assertSameProblems(estate.unvalidated(), ValidationContext.IN_CODE, expected);
  }

  @Test
  void readersContext_unreadIdsAndLocator_sameProblemsAsTheEstate() {
    Estate.Builder estate =
        frame()
            .add(Installation.of("ghost", "broken"))
            .add(Installation.of("ghost", "p", "2022"))
            .add(Access.byDevice("broken", "ghost2"))
            .add(new Usage("broken", 1, AS_OF, AS_OF, "lost"));
    ValidationContext context =
        new ValidationContext(
            (section, i) -> "$." + section.field() + "[" + (i + 1) + "]",
            Map.of(
                EstateSection.DEVICES, Set.of("ghost"),
                EstateSection.PRODUCTS, Set.of("broken"),
                EstateSection.ORGANIZATION, Set.of("lost")));
    List<Problem> expected = List.of(Problem.at("$.access[1].device", "unknown device \"ghost2\""));
    assertEquals(expected, EstateValidator.validate(estate.unvalidated(), context));
    ColumnarParity.assertSameProblems(estate.unvalidated(), context, expected);
  }
}
