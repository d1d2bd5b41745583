/**
 * The {@code itam} command-line tool ({@link io.itam.examples.cli.ItamCli}): reconcile an estate
 * document, completed by CSV exports, SWID and CoSWID tags and CycloneDX licensing data ({@link
 * io.itam.examples.cli.EstateInputs}), into its effective licence position (a table, the JSON
 * position document, CSV files, an HTML report or CycloneDX licensing data); validate the same
 * inputs; compare two positions. Exit codes and messages are meant for scripts and batch jobs.
 * Hand-written argument parsing; no dependency beyond the itam modules and slf4j-simple.
 */
package io.itam.examples.cli;
