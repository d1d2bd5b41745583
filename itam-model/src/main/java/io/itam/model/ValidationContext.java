package io.itam.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.Set;

/**
 * What a reader tells the validator about where an estate came from, so that problems point into
 * the source document.
 *
 * @param locator maps an element of the estate to its path in the source
 * @param unreadIds ids of records the reader could not build (their own problems are already
 *     reported); references to them are not reported again as unknown
 */
public record ValidationContext(Locator locator, Map<EstateSection, Set<String>> unreadIds) {

  /** Estates built in code: paths are list positions, nothing was left unread. */
  public static final ValidationContext IN_CODE =
      new ValidationContext(EstateSection::path, ImmutableMap.of());

  public ValidationContext {
    requireNonNull(locator, "locator");
    ImmutableMap.Builder<EstateSection, Set<String>> copy = ImmutableMap.builder();
    unreadIds.forEach((section, ids) -> copy.put(section, ImmutableSet.copyOf(ids)));
    unreadIds = copy.buildOrThrow();
  }

  /** Whether {@code id} names a record of {@code section} that could not be read. */
  public boolean isUnread(EstateSection section, String id) {
    Set<String> ids = unreadIds.get(section);
    return ids != null && ids.contains(id);
  }

  /** Maps the element at {@code index} of an estate list to its path in the source document. */
  @FunctionalInterface
  public interface Locator {
    String path(EstateSection section, int index);
  }
}
