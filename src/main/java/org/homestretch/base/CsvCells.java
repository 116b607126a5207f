package org.homestretch.base;

/**
 * One CSV cell (RFC 4180) that a spreadsheet shows as text. Shared by every CSV export, so that
 * all of them neutralise formulas the same way.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A cell starting with {@code = + - @} (or a tab or carriage return, which some programs skip
     * before looking) gets a leading apostrophe, so it is never run as a formula; then it is
     * quoted when it holds a comma, quote or line break.
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
