package io.itam.model.columnar;

/**
 * The dictionaries of a {@link ColumnarEstate}, one per kind of id, shared by its column sets: a
 * device or product has one id whichever record names it.
 */
record Dictionaries(
    Dictionary devices,
    Dictionary products,
    Dictionary versions,
    Dictionary editions,
    Dictionary evidence,
    Dictionary users,
    Dictionary units) {}
