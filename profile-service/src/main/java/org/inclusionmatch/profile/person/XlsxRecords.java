package org.inclusionmatch.profile.person;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.OverLimit;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first sheet of an XLSX workbook as records, its first row the header ({@link SpreadsheetColumns}), rows
 * numbered as the spreadsheet shows them. The body is first written to a temporary file (a ZIP archive is read from
 * its end; owner-only, and unlinked as soon as it is open), at most {@code maxBodyBytes}; then the sheet's XML is read as a stream (StAX), so memory holds one row and
 * the shared strings, whose XML may hold at most {@code maxSharedStringsBytes} (they are all held in memory). What the
 * archive expands to is counted, at most {@code maxExpandedBytes}, and POI's
 * {@code ZipSecureFile} refuses entries that expand more than a hundredfold: a zip bomb is a 413, not a full heap.
 * Cells are taken as stored, never evaluated: a formula cell gives its cached value; a number its decimal text
 * (1992.0 is 1992), a number formatted as a date its ISO date, a yes/no cell true or false.
 */
final class XlsxRecords extends SpreadsheetRecords {

    private static final int MAX_COLUMNS = 16_384; // XFD, the last column of a sheet

    private final Path file;
    private final OPCPackage workbook;
    private final Budget budget;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final XMLStreamReader sheet;

    XlsxRecords(InputStream body, long maxBodyBytes, long maxExpandedBytes, long maxSharedStringsBytes) throws IOException {
        this.file = Files.createTempFile("person-import-", ".xlsx");
        OPCPackage opened = null;
        try {
            spool(body, file, maxBodyBytes);
            this.budget = new Budget(maxExpandedBytes);
            try {
                opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
                // The workbook may hold personal codes: once open, its file has no name any more. The open handle reads
                // on, and the system frees the data when it closes, even if this process dies.
                Files.deleteIfExists(file);
                XSSFReader reader = new XSSFReader(opened);
                List<PackagePart> shared = opened.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                this.strings = shared.isEmpty() ? null : new ReadOnlySharedStringsTable(
                        new Budget(maxSharedStringsBytes).count(budget.count(shared.get(0).getInputStream())));
                this.styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                if (!sheets.hasNext()) {
                    throw new InvalidRequest("The XLSX workbook has no sheet");
                }
                this.sheet = XMLHelper.newXMLInputFactory().createXMLStreamReader(budget.count(sheets.next()));
            } catch (InvalidRequest e) {
                throw e;
            } catch (Exception e) {
                throw unreadable(e, "The body is not an XLSX workbook (Office Open XML spreadsheet, .xlsx)");
            }
            this.workbook = opened;
            readHeader("The XLSX workbook's first sheet is empty: its first row must be the header");
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.revert();
            }
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void spool(InputStream body, Path file, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxBytes) {
                    throw new OverLimit("The XLSX workbook is larger than " + maxBytes + " bytes; split it or send it as CSV");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /** A 413 for a workbook that expands too far, else a 400 with this detail. */
    private RuntimeException unreadable(Exception e, String detail) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Budget.Exceeded || (cause.getMessage() != null && cause.getMessage().contains("Zip bomb"))) {
                long max = cause instanceof Budget.Exceeded exceeded ? exceeded.max : budget.max;
                return new OverLimit("The XLSX workbook expands to more than " + max + " bytes, or compresses far more "
                        + "than a spreadsheet does; it was refused as a possible zip bomb");
            }
        }
        return new InvalidRequest(detail);
    }

    @Override
    List<String> nextRow() throws IOException {
        try {
            while (sheet.hasNext()) {
                int event = sheet.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    String r = sheet.getAttributeValue(null, "r");
                    number = r == null ? number + 1 : Long.parseLong(r);
                    return cells();
                }
            }
            return null;
        } catch (XMLStreamException | NumberFormatException | IndexOutOfBoundsException e) {
            throw unreadable(e, "The XLSX workbook's first sheet could not be read after row " + number);
        } catch (IOException e) {
            throw unreadable(e, "The XLSX workbook could not be read after row " + number);
        }
    }

    private List<String> cells() throws XMLStreamException, IOException {
        List<String> cells = new ArrayList<>();
        while (true) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                String type = sheet.getAttributeValue(null, "t");
                String style = sheet.getAttributeValue(null, "s");
                String value = cell(type, style);
                while (cells.size() <= column) {
                    cells.add(null);
                }
                cells.set(column, value);
            }
        }
    }

    /** Reads one {@code <c>} to its end: its value as text. */
    private String cell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = sheet.getLocalName();
                if ("v".equals(name)) {
                    raw = sheet.getElementText();
                } else if ("t".equals(name)) {
                    inline.append(sheet.getElementText());
                } else if ("rPh".equals(name) || "f".equals(name)) {
                    skip(); // a phonetic guide, a formula: not the cell's value
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (type == null || type.equals("n")) {
            return raw == null ? null : number(raw, style);
        }
        return switch (type) {
            case "s" -> raw == null || strings == null ? null : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "inlineStr" -> inline.toString();
            case "b" -> raw == null ? null : "1".equals(raw.strip()) ? "true" : "false";
            default -> raw; // str (a formula's text), d (an ISO date), e (an error such as #N/A: refused by the checks)
        };
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = sheet.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String number(String raw, String style) {
        BigDecimal value = new BigDecimal(raw.strip());
        if (style != null && isDate(Integer.parseInt(style)) && DateUtil.isValidExcelDate(value.doubleValue())) {
            return DateUtil.getLocalDateTime(value.doubleValue()).toLocalDate().toString();
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private boolean isDate(int style) {
        return styles != null && dateStyles.computeIfAbsent(style, s -> {
            XSSFCellStyle cellStyle = s < styles.getNumCellStyles() ? styles.getStyleAt(s) : null;
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    /** The column of a cell reference such as "AB12", from 0. */
    private static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMNS) {
                throw new IndexOutOfBoundsException("column " + ref);
            }
        }
        return column - 1;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing only
        } finally {
            workbook.revert();
            Files.deleteIfExists(file);
        }
    }

    /** The bytes the archive has expanded to so far, across its parts. */
    private static final class Budget {
        final long max;
        long used;

        Budget(long max) {
            this.max = max;
        }

        InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    add(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int read = super.read(b, off, len);
                    add(Math.max(read, 0));
                    return read;
                }
            };
        }

        void add(long bytes) throws Exceeded {
            used += bytes;
            if (used > max) {
                throw new Exceeded(max);
            }
        }

        static final class Exceeded extends IOException {
            final long max;

            Exceeded(long max) {
                super("The workbook expands past its limit", null);
                this.max = max;
            }
        }
    }
}
