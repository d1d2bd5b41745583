package io.itam.model.position;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What became of every input record of one kind: counted (allocated or short), exempt, or not
 * counted with a reason in {@code rejected}. Nothing is dropped: {@code counted + exempt + rejected
 * = total}.
 *
 * @param record the kind of record: {@code "installations"}, {@code "access"} or {@code "usage"}
 * @param total records of that kind in the estate
 * @param counted records counted towards the requirement
 * @param exempt records left out by an exemption
 * @param rejected records that do not count, each with a row in {@code rejected}
 */
public record Accounting(String record, long total, long counted, long exempt, long rejected) {

  public Accounting {
    requireNonNull(record, "record");
    checkArgument(counted >= 0 && exempt >= 0 && rejected >= 0, "counts must not be negative");
    checkArgument(
        Math.addExact(Math.addExact(counted, exempt), rejected) == total,
        "%s: counted %s + exempt %s + rejected %s must equal total %s",
        record,
        counted,
        exempt,
        rejected,
        total);
  }
}
