/**
 * Reading and writing itam's documents and the formats inventories come in, by pipeline end: {@code
 * io.itam.io.estate} (the estate document, the licence-model library, worked examples, and {@link
 * io.itam.io.estate.EstateSources} combining a document with the other inputs), {@code
 * io.itam.io.inventory} and its sub-packages (CSV exports, ISO/IEC 19770-2 SWID and CoSWID tags,
 * CycloneDX licensing data, and the mapping of software identities to catalogue products), and
 * {@code io.itam.io.position} (the position as the JSON document, CSV views, an XLSX workbook, an
 * HTML report, a text table, CycloneDX licensing data, and the diff of two positions). The package
 * {@code io.itam.io.internal} holds what they share and is not exported.
 */
module io.itam.io {
  requires transitive io.itam.model;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires com.fasterxml.jackson.dataformat.csv;
  requires java.xml;
  requires org.dhatim.fastexcel;

  exports io.itam.io.estate;
  exports io.itam.io.inventory;
  exports io.itam.io.inventory.csv;
  exports io.itam.io.inventory.cyclonedx;
  exports io.itam.io.inventory.swid;
  exports io.itam.io.position;
}
