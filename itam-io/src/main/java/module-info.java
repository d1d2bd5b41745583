/**
 * Reading and writing itam's documents and the formats inventories come in: the estate and position
 * JSON documents, the licence-model library, CSV exports, ISO/IEC 19770-2 SWID and CoSWID tags,
 * CycloneDX licensing data; the position as a text table, CSV views, an HTML report and a diff of
 * two positions.
 */
module io.itam.io {
  requires transitive io.itam.model;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires com.fasterxml.jackson.dataformat.csv;
  requires java.xml;

  exports io.itam.io.csv;
  exports io.itam.io.cyclonedx;
  exports io.itam.io.diff;
  exports io.itam.io.json;
  exports io.itam.io.report;
  exports io.itam.io.swid;
  exports io.itam.io.text;
}
