package io.itam.compliance;

import static io.itam.compliance.TestEstates.assertProducts;
import static io.itam.compliance.TestEstates.entitlement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Estate;
import io.itam.model.position.Position;
import io.itam.model.position.SolverNote;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pools whose consumers choose among multi-unit covers (Windows Server Standard or Datacenter on a
 * virtualization host) are solved by the integer programme: the exact optimum with the default node
 * budget, and with a budget too small to prove it, the best allocation found with its bound and gap
 * in the position's notes.
 */
class IntegerProgrammeTest {

  /**
   * Hosts h1 and h2 of 1 CPU × 16 cores, each with 4 VMs running Standard: each host needs
   * Datacenter 16 cores (WS-01, WS-05) or Standard 16 × ceil(4 / 2) = 32 (WS-04, WS-E10). 24
   * Datacenter licences (700.00 each) cover one host and 24 Standard licences (120.00) three
   * quarters of the other, so either way 8 units stay short: the fractional relaxation covers
   * everything (1.5 hosts on Datacenter, 0.5 on Standard), the integer optimum does not.
   */
  private static Estate twoHosts() {
    return TestEstates.twoHostsStandardOrDatacenter()
        .add(entitlement("PO-DC", "ws-dc", 24, "700.00"))
        .add(entitlement("PO-STD", "ws-std", 24, "120.00"))
        .build();
  }

  @Test
  void exact_oneHostPerEdition_eightStandardCoresShort() {
    // Both on Datacenter: 32 - 24 = 8 short at 700.00 = 5,600.00. Both on Standard: 64 - 24 = 40
    // short at 120.00 = 4,800.00. One each: Datacenter 16 of 24, Standard 32 - 24 = 8 short at
    // 120.00 = 960.00, the least.
    Position position = Reconciler.create().reconcile(twoHosts());
    assertProducts(position, List.of("p/ws-dc 16=16+0", "p/ws-std 32=24+8"));
    assertEquals(0, new BigDecimal("960").compareTo(position.summary().shortfallCost()));
    assertEquals(16, TestEstates.allocated(position, "h1", "p"));
    assertEquals(24, TestEstates.allocated(position, "h2", "p"));
    assertEquals(8, TestEstates.shortOf(position, "h2", "p"));
    assertEquals(8, TestEstates.licenseRow(position, "ws-dc").surplus());
    assertEquals(0, TestEstates.licenseRow(position, "ws-std").surplus());
    assertTrue(position.notes().isEmpty(), "proven optimal: " + position.notes());
  }

  @Test
  void nodeBudgetOfOne_bestFoundReportedWithTheRelaxationBoundAndGap() {
    Position position =
        Reconciler.create(ReconcileOptions.DEFAULTS.withNodeBudget(1)).reconcile(twoHosts());
    assertEquals(1, position.notes().size(), position.notes().toString());
    SolverNote note = position.notes().get(0);
    assertEquals("ws-dc, ws-std", note.pool());
    assertEquals(
        "best found within the node budget of 1 per tier (branch and bound)", note.method());
    // The start: each host on its cheapest cover at remedy prices (Standard 32 × 120.00 = 3,840.00
    // against Datacenter 16 × 700.00 = 11,200.00), so both on Standard: 64 − 24 = 40 short at
    // 120.00 = 4,800.00 (the rounded relaxation, both on Datacenter at 5,600.00, is worse). One
    // node
    // cannot improve it; the root relaxation, which covers everything fractionally, bounds it at 0.
    assertEquals(0, new BigDecimal("4800").compareTo(note.objective()), note.toString());
    assertEquals(0, BigDecimal.ZERO.compareTo(note.bound()), note.toString());
    assertEquals(0, new BigDecimal("4800").compareTo(note.gap()), note.toString());
    assertTrue(note.objective().compareTo(new BigDecimal("960")) >= 0, "never below the optimum");
    assertFalse(position.compliant());
    assertEquals(0, note.objective().compareTo(position.summary().shortfallCost()));
    assertProducts(position, List.of("p/ws-std 64=24+40"));
  }
}
