package io.itam.io.inventory.swid;

import com.google.common.collect.ImmutableList;
import io.itam.model.Estate;
import io.itam.model.inventory.Installation;
import java.util.List;

/**
 * What a set of SWID and CoSWID tags says is installed: installations for the estate, each with its
 * tag data, and every tag that did not become one, with the reason (iso19770-formats.md §9).
 *
 * <pre>{@code
 * SwidInventory found = SwidTags.read(Path.of("tags"), ProductMapping.automatic(products));
 * Estate.Builder estate = base.toBuilder();
 * found.addTo(estate);
 * found.unmapped().forEach(tag -> System.err.println("not counted: " + tag));
 * }</pre>
 *
 * @param installations installations, sorted by device, product and tag id
 * @param unmapped tags that are no installation, sorted by device and tag id
 */
public record SwidInventory(List<SwidInstallation> installations, List<UnmappedTag> unmapped) {

  public SwidInventory {
    installations = ImmutableList.copyOf(installations);
    unmapped = ImmutableList.copyOf(unmapped);
  }

  /** The installation records, in the order of {@link #installations()}. */
  public List<Installation> records() {
    ImmutableList.Builder<Installation> records = ImmutableList.builder();
    installations.forEach(i -> records.add(i.installation().withEvidence(i.describe())));
    return records.build();
  }

  /** Adds the installation records to {@code estate}; returns it. */
  public Estate.Builder addTo(Estate.Builder estate) {
    return estate.addAll(records());
  }
}
