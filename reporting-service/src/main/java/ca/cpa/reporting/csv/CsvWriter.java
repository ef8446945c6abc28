package ca.cpa.reporting.csv;

/** Writes RFC 4180 CSV: CRLF between records, a field quoted when it holds a comma, a quote or a line break. */
public final class CsvWriter {

    private final StringBuilder text = new StringBuilder();

    public CsvWriter row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i]));
        }
        text.append("\r\n");
        return this;
    }

    /** The characters written so far. */
    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
