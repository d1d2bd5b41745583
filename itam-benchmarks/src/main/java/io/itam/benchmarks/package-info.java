/**
 * JMH benchmarks of the reconciliation engine against two baselines on the same seeded synthetic
 * estates ({@link io.itam.benchmarks.BenchmarkEstate}, sized in records): the exact engine ({@link
 * io.itam.benchmarks.ReconcileBenchmark}), a count-only position in SQL on DuckDB ({@link
 * io.itam.benchmarks.DuckDbBaselineBenchmark}) and the first-fit allocation of the commercial
 * engines ({@link io.itam.benchmarks.GreedyBaselineBenchmark}); {@link
 * io.itam.benchmarks.BenchmarkTable} runs all three and prints the README table, {@link
 * io.itam.benchmarks.QualityReport} compares exact and first-fit positions. See the module's README
 * for the commands.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.benchmarks;

import org.jspecify.annotations.NullMarked;
