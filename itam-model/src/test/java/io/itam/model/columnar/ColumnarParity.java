package io.itam.model.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationContext;
import io.itam.model.ValidationException;
import java.util.List;

/**
 * Asserts that a {@link ColumnarEstate} of some records reports exactly the problems an {@link
 * Estate} of the same records reports, whichever form the records are given in.
 */
public final class ColumnarParity {
  private ColumnarParity() {}

  /**
   * Asserts that the records of {@code records} (an estate as it was given, not validated), given
   * to a {@link ColumnarEstate.Builder} in every form, have exactly {@code expected}, from {@code
   * problems()} and from {@code build(context)}; and when there are none, that the built estate
   * equals {@code ColumnarEstate.of(records)} and (unless the context leaves ids unread) converts
   * back to {@code records}.
   */
  public static void assertSameProblems(
      Estate records, ValidationContext context, List<Problem> expected) {
    for (Feed feed : Feed.values()) {
      ColumnarEstate.Builder builder = feed.builder(records);
      if (context == ValidationContext.IN_CODE) {
        assertEquals(expected, builder.problems(), feed.name());
      }
      if (expected.isEmpty()) {
        ColumnarEstate built = builder.build(context);
        assertEquals(ColumnarEstate.of(records), built, feed.name());
        if (context.unreadIds().isEmpty()) {
          assertEquals(records, built.toEstate(), feed.name());
        }
      } else {
        ValidationException e =
            assertThrows(ValidationException.class, () -> builder.build(context), feed.name());
        assertEquals(expected, e.problems(), feed.name());
      }
    }
  }
}
