package be.uliege.library.registration.load.file;

/**
 * Where a row is (R-SIS-1): the file (an entry of a zip as {@code people.zip!/staff.xml}), the
 * number of its {@code <user>} element in that file (from 1) and the line where it starts.
 */
public record Position(String file, long element, long line) {}
