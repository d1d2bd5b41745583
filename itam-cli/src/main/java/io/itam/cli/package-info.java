/**
 * The {@code itam} command-line tool: {@link io.itam.cli.ItamCli} and one class per command
 * (reconcile, validate, diff, generate), on picocli; the shaded {@code itam.jar} is built from this
 * module.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.itam.cli;

import org.jspecify.annotations.NullMarked;
