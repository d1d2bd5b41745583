package io.itam.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.compliance.Reconciler;
import io.itam.model.position.Position;
import org.junit.jupiter.api.Test;

class SyntheticEstatesTest {
  @Test
  void sameSeedSameEstate_andItHasShortfallsAndSurplus() {
    assertEquals(SyntheticEstates.generate(300, 7), SyntheticEstates.generate(300, 7));
    Position position = Reconciler.create().reconcile(SyntheticEstates.generate(300, 7));
    assertFalse(position.compliant());
    assertTrue(position.summary().surplusValue().signum() > 0);
    assertTrue(position.notes().isEmpty(), "every pool proven optimal: " + position.notes());
  }
}
