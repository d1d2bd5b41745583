package io.itam.model;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an input document, located by its JSON path.
 *
 * @param path where the problem is, in JSON path notation without the leading {@code $} (for
 *     example {@code devices[17].host}); empty for the document as a whole
 * @param message what is wrong, for a person to read (for example {@code unknown device "esx-9"})
 */
public record Problem(String path, String message) implements Comparable<Problem> {

  public Problem {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** Creates a problem at {@code path}. */
  public static Problem at(String path, String message) {
    return new Problem(path, message);
  }

  /** Problems sort by document position: path segments compared with array indexes as numbers. */
  @Override
  public int compareTo(Problem other) {
    int byPath = PathOrder.compare(path, other.path);
    return byPath != 0 ? byPath : message.compareTo(other.message);
  }

  /** {@code path: message}, or the message alone for the whole document. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }

  /** Orders paths such as {@code devices[9]} before {@code devices[10]}. */
  private static final class PathOrder {
    private PathOrder() {}

    static int compare(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        char ca = a.charAt(i);
        char cb = b.charAt(j);
        if (Character.isDigit(ca) && Character.isDigit(cb)) {
          int endA = i;
          while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
            endA++;
          }
          int endB = j;
          while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
            endB++;
          }
          String na = a.substring(i, endA);
          String nb = b.substring(j, endB);
          int byLength = Integer.compare(na.length(), nb.length());
          if (byLength != 0) {
            return byLength;
          }
          int byDigits = na.compareTo(nb);
          if (byDigits != 0) {
            return byDigits;
          }
          i = endA;
          j = endB;
        } else {
          if (ca != cb) {
            return Character.compare(ca, cb);
          }
          i++;
          j++;
        }
      }
      return Integer.compare(a.length() - i, b.length() - j);
    }
  }
}
