package ca.cpa.reporting.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, so a file of any length is read in bounded memory:
 * fields separated by commas, records by CRLF or LF, a field in double quotes may hold commas,
 * line breaks and doubled quotes. A byte order mark at the start is skipped.
 */
public final class CsvReader {

    /** A record longer than this is refused rather than buffered without end. */
    public static final int MAX_RECORD_LENGTH = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private boolean started;
    private long recordNumber;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** Thrown for text that is not CSV: a quote left open, text after a closing quote, a record too long. */
    public static final class MalformedCsvException extends RuntimeException {
        private final long record;

        MalformedCsvException(long record, String message) {
            super(message);
            this.record = record;
        }

        /** The record (1 for the first) at which the text stopped being CSV. */
        public long record() {
            return record;
        }
    }

    /** The next record's fields, or null at the end of the text. A blank line is an empty list. */
    public List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (fill() && buffer[position] == '\uFEFF') {
                position++;
            }
        }
        if (!fill()) {
            return null;
        }
        recordNumber++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        while (fill()) {
            char c = buffer[position++];
            if (++length > MAX_RECORD_LENGTH) {
                throw new MalformedCsvException(recordNumber, "a record longer than " + MAX_RECORD_LENGTH + " characters");
            }
            if (quoted) {
                if (c == '"') {
                    if (fill() && buffer[position] == '"') {
                        position++;
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    any = true;
                }
                case '\r' -> {
                    if (fill() && buffer[position] == '\n') {
                        position++;
                    }
                    return finish(fields, field, any);
                }
                case '\n' -> {
                    return finish(fields, field, any);
                }
                case '"' -> {
                    if (afterQuote || !field.isEmpty()) {
                        throw new MalformedCsvException(recordNumber, "a quote inside a field that is not quoted");
                    }
                    quoted = true;
                    any = true;
                }
                default -> {
                    if (afterQuote) {
                        throw new MalformedCsvException(recordNumber, "text after a field's closing quote");
                    }
                    field.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(recordNumber, "a quoted field is never closed");
        }
        return finish(fields, field, any);
    }

    private static List<String> finish(List<String> fields, StringBuilder field, boolean any) {
        if (any) {
            fields.add(field.toString());
        }
        return fields;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }
}
