package io.itam.model.inventory;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A cluster of host servers across which VMs can move (vMotion, live migration). Soft partitioning
 * counts every host of the cluster (OR-07).
 *
 * @param id unique id
 * @param hosts ids of the member servers
 */
public record Cluster(String id, List<String> hosts) {

  public Cluster {
    requireNonNull(id, "id");
    hosts = ImmutableList.copyOf(hosts);
  }

  public static Cluster of(String id, String... hosts) {
    return new Cluster(id, List.of(hosts));
  }
}
