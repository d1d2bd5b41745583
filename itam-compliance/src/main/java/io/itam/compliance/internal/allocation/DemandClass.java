package io.itam.compliance.internal.allocation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Members with the same cover shapes: interchangeable for the optimisation, which decides only how
 * many of them take each shape. Members keep their canonical order.
 */
final class DemandClass {
  final ImmutableList<Shape> shapes;
  final List<Member> members = new ArrayList<>();

  DemandClass(List<Shape> shapes) {
    this.shapes = ImmutableList.copyOf(shapes);
  }

  /** The consumers the class stands for: the members, each with the devices it represents. */
  long size() {
    long size = 0;
    for (Member member : members) {
      size += member.weight();
    }
    return size;
  }

  /** Maximum units any shape needs, per member (for bounds). */
  long maxUnits() {
    long max = 0;
    for (Shape shape : shapes) {
      long sum = 0;
      for (long u : shape.units()) {
        sum = Math.addExact(sum, u);
      }
      max = Math.max(max, sum);
    }
    return max;
  }
}
