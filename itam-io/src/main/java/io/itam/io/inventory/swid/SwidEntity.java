package io.itam.io.inventory.swid;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation named by a tag, with its roles (iso19770-formats.md §1, {@code Entity}).
 *
 * <p>Roles keep the tag's spelling, except the draft role {@code softwareLicensor} and the CoSWID
 * role numbers, which are read as the 2015 names: {@code tagCreator}, {@code softwareCreator},
 * {@code aggregator}, {@code distributor}, {@code licensor}, {@code maintainer}. Whose entitlements
 * apply is the {@code licensor}'s.
 *
 * @param name the organisation's name; {@code null} when the tag leaves it out
 * @param regid its registration id ({@code example.com}, or {@code regid.2001-04.com.example} in
 *     2009 tags); {@code null} when absent
 * @param roles its roles, in the tag's order
 */
public record SwidEntity(@Nullable String name, @Nullable String regid, List<String> roles) {

  /** The role of whoever holds the rights to license the software. */
  public static final String LICENSOR = "licensor";

  /** The role of whoever made the software. */
  public static final String SOFTWARE_CREATOR = "softwareCreator";

  /** The role of whoever wrote the tag (a vendor, or a discovery tool). */
  public static final String TAG_CREATOR = "tagCreator";

  public SwidEntity {
    roles = ImmutableList.copyOf(roles);
  }

  /** Whether the entity has {@code role}. */
  public boolean has(String role) {
    return roles.contains(requireNonNull(role, "role"));
  }

  /** {@code name (regid)}, or whichever of the two is known. */
  @Override
  public String toString() {
    if (name == null) {
      return regid == null ? "(unnamed)" : regid;
    }
    return regid == null ? name : name + " (" + regid + ")";
  }
}
