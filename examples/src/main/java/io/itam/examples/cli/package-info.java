/**
 * The {@code itam} command-line tool ({@link io.itam.examples.cli.ItamCli}): reconcile an estate
 * document into its effective licence position (a table for people or the JSON position document)
 * and validate estate documents, with exit codes and messages meant for scripts and batch jobs.
 * Hand-written argument parsing; no dependency beyond the itam modules and slf4j-simple.
 */
package io.itam.examples.cli;
