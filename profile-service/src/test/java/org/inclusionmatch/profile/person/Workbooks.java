package org.inclusionmatch.profile.person;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** XLSX workbooks for the import's tests, written with POI: rows of strings, numbers, booleans and dates. */
public final class Workbooks {

    private Workbooks() {
    }

    /** A workbook whose first sheet holds these rows from row 1; a null cell is left out. */
    public static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Sheet sheet = workbook.createSheet("Klienti");
            workbook.createSheet("Piezīmes").createRow(0).createCell(0).setCellValue("not read: only the first sheet is");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r);
                if (values == null) {
                    continue; // an empty row: no <row> at all
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (value) {
                        case Number number -> cell.setCellValue(number.doubleValue());
                        case Boolean yes -> cell.setCellValue(yes);
                        case LocalDate day -> {
                            cell.setCellValue(day);
                            cell.setCellStyle(date);
                        }
                        default -> cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook with {@code spaces} blanks put into its sheet's XML: valid, and compressed about a thousandfold,
     * as a zip bomb is.
     */
    public static byte[] bomb(byte[] xlsx, int spaces) {
        return padded(xlsx, spaces, false);
    }

    /** The workbook with a comment of {@code bytes} random letters in its sheet's XML: large, and compressed little. */
    public static byte[] padded(byte[] xlsx, int bytes) {
        return padded(xlsx, bytes, true);
    }

    private static byte[] padded(byte[] xlsx, int spaces, boolean random) {
        java.util.Random letters = new java.util.Random(26);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    out.write(random ? "<!--".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
                    byte[] blanks = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int written = 0; written < spaces; written += blanks.length) {
                        if (random) {
                            for (int i = 0; i < blanks.length; i++) {
                                blanks[i] = (byte) ('a' + letters.nextInt(26));
                            }
                        }
                        out.write(blanks, 0, Math.min(blanks.length, spaces - written));
                    }
                    out.write(random ? "-->".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
