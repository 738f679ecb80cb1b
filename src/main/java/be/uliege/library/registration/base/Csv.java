package be.uliege.library.registration.base;

import java.util.List;

/**
 * Rows of the CSV files staff download (a load's report, a purge preview): separated by
 * semicolons, as the spreadsheets of a Belgian desk expect, every cell quoted, and a cell that a
 * spreadsheet would read as a formula written as text.
 */
public final class Csv {

    private Csv() {}

    /** One row, with its line end. */
    public static String row(List<String> cells) {
        var row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(';');
            }
            var cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            row.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return row.append("\r\n").toString();
    }
}
