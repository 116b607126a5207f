package org.homestretch.base;

/** Text made safe for XML and HTML markup we write ourselves, such as server-drawn SVG. */
public final class XmlText {

    private XmlText() {
    }

    /**
     * Escapes the five markup characters and drops what XML 1.0 forbids: control characters (tab
     * and newline are kept), half emoji and U+FFFE/U+FFFF, so user text in a label can never
     * become markup or break the file.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (xmlChar(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** XML 1.0's "Char", less carriage return (a label is one line). */
    private static boolean xmlChar(int cp) {
        return cp == '\t' || cp == '\n' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
