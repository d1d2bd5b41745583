package io.itam.compliance;

import static io.itam.compliance.TestEstates.estate;
import static io.itam.compliance.TestEstates.install;
import static io.itam.compliance.TestEstates.product;
import static io.itam.compliance.TestEstates.reasonsOf;
import static io.itam.compliance.TestEstates.reconcile;
import static io.itam.compliance.TestEstates.required;
import static io.itam.compliance.TestEstates.server;
import static io.itam.compliance.TestEstates.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.inventory.Access;
import io.itam.model.inventory.Cluster;
import io.itam.model.inventory.Device;
import io.itam.model.inventory.User;
import io.itam.model.position.Position;
import io.itam.model.terms.FactorTableRef;
import io.itam.model.terms.LicenseModel;
import io.itam.model.terms.Metric;
import io.itam.model.terms.MetricType;
import io.itam.model.terms.Virtualization;
import io.itam.model.terms.VirtualizationMode;
import org.junit.jupiter.api.Test;

/**
 * Oracle Named User Plus: the larger of the named users and the minimum per processor (OR-05) or
 * per server (OR-04), with the arithmetic in the reason.
 */
class NamedUserMinimumReasonsTest {
  private static final String CONSUMER = "named-users:p";

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "«" + part + "» not in «" + text + "»");
  }

  private static LicenseModel model(String id, Metric metric, Virtualization virtualization) {
    return LicenseModel.builder(id, "p").metric(metric).virtualization(virtualization).build();
  }

  /** OR-E1: 4 × 4 Xeon cores × 0.5 = 8 processors × 25 = 200, with one named user. */
  @Test
  void enterpriseEdition_minimumPerProcessor_oneUser() {
    Metric nup =
        Metric.builder(MetricType.USER)
            .userMinimumPerProcessor(25)
            .coreFactors(FactorTableRef.builtIn("oracle"))
            .build();
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("nup", nup, null))
                .add(server("s", 4, 4, "Intel Xeon E7-4830"))
                .add(install("s", "p"))
                .add(User.of("u1", "acme-de"))
                .add(Access.byUser("p", "u1")));
    assertEquals(200, required(position, "p", "nup"));
    String reason = reasonsOf(position, CONSUMER);
    assertContains(
        reason,
        "named users with a minimum per processor or server (OR-04, OR-05): max(1 user, minimum"
            + " 200 = s: 4 × 4 cores × ");
    assertContains(reason, " processors × 25 = 200) = 200");
  }

  /** OR-E10: SE2 in a cluster of 4 two-socket hosts: 4 × 10 = 40 over 15 users. */
  @Test
  void standardEdition2_minimumPerServerOfTheCluster() {
    Metric nup = Metric.builder(MetricType.USER).minimumPerDevice(10).maximumSockets(2).build();
    Estate.Builder estate =
        estate()
            .add(product("p"))
            .add(model("se2-nup", nup, Virtualization.of(VirtualizationMode.CLUSTER)))
            .add(Cluster.of("vc", "h1", "h2", "h3", "h4"));
    for (int h = 1; h <= 4; h++) {
      estate.add(server("h" + h, 2, 8));
    }
    estate.add(vm("db", "h1", 4)).add(install("db", "p"));
    for (int i = 0; i < 15; i++) {
      estate.add(User.of("u" + i, "acme-de")).add(Access.byUser("p", "u" + i));
    }
    Position position = reconcile(estate);
    assertEquals(40, required(position, "p", "se2-nup"));
    assertContains(
        reasonsOf(position, CONSUMER),
        "max(15 users, minimum 40 = h1: 10 per server + h2: 10 per server + h3: 10 per server +"
            + " h4: 10 per server) = 40");
  }

  /** OR-04, OR-E9: SE2 may not run on a server with more than 2 sockets. */
  @Test
  void standardEdition2_onAFourSocketServer_refused() {
    Metric nup = Metric.builder(MetricType.USER).minimumPerDevice(10).maximumSockets(2).build();
    Device fourSocket =
        Device.builder("big", io.itam.model.inventory.DeviceKind.SERVER)
            .unit("acme-de")
            .processors(2L, 8L)
            .maxProcessors(4L)
            .build();
    Position position =
        reconcile(
            estate()
                .add(product("p"))
                .add(model("se2-nup", nup, null))
                .add(fourSocket)
                .add(install("big", "p"))
                .add(User.of("u1", "acme-de"))
                .add(Access.byUser("p", "u1")));
    assertContains(
        reasonsOf(position, "big"),
        "model se2-nup may run only on servers of at most 2 sockets (OR-04); big has 4");
  }
}
