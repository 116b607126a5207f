package org.homestretch.base;

/** Text made safe for XML and HTML markup we write ourselves, such as server-drawn SVG. */
public final class XmlText {

    private XmlText() {
    }

    /**
     * Escapes the five markup characters and drops control characters that XML 1.0 forbids (tab
     * and newline are kept), so user text in a label can never become markup or break the file.
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
                    if (cp >= 0x20 || cp == '\t' || cp == '\n') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
