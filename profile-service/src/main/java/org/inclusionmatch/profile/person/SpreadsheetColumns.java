package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.domain.InvalidRequest;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns of a spreadsheet import (CSV, XLSX), named in the header row in English (the JSON field, also spaced
 * out) or in Latvian, case and spaces ignored. A row becomes the JSON object an NDJSON line would hold, so that the
 * import checks it with exactly the same rules: an empty cell leaves the field out, list cells are split on commas or
 * semicolons, codes are taken in any case, yes/no cells in English or Latvian; anything else is passed on as text,
 * for the usual checks to refuse it with their usual message. Nothing in a cell is evaluated: a formula is text.
 */
final class SpreadsheetColumns {

    enum Kind { TEXT, WHOLE_NUMBER, YES_NO, CODE, CODES, LANGUAGES, DATE }

    /** One column: its JSON field (a dotted path inside legalBasis), how cells are read, its names. */
    record Column(String field, Kind kind, List<String> english, List<String> latvian) {
    }

    /** The table in docs/persons-import.md, in the same order. */
    static final List<Column> COLUMNS = List.of(
            new Column("externalRef", Kind.TEXT, List.of("externalRef", "external ref"), List.of("ārējā atsauce", "lietas nr.", "lietas numurs")),
            new Column("personalCode", Kind.TEXT, List.of("personalCode", "personal code"), List.of("personas kods")),
            new Column("role", Kind.CODE, List.of("role"), List.of("loma")),
            new Column("archetype", Kind.CODE, List.of("archetype"), List.of("arhetips")),
            new Column("birthYear", Kind.WHOLE_NUMBER, List.of("birthYear", "birth year"), List.of("dzimšanas gads")),
            new Column("gender", Kind.CODE, List.of("gender"), List.of("dzimums")),
            new Column("region", Kind.CODE, List.of("region"), List.of("reģions")),
            new Column("municipality", Kind.TEXT, List.of("municipality"), List.of("pašvaldība")),
            new Column("targetGroups", Kind.CODES, List.of("targetGroups", "target groups"), List.of("mērķgrupas", "mērķa grupas")),
            new Column("needs", Kind.CODES, List.of("needs"), List.of("vajadzības")),
            new Column("goals", Kind.CODES, List.of("goals"), List.of("mērķi")),
            new Column("languages", Kind.LANGUAGES, List.of("languages"), List.of("valodas")),
            new Column("legalBasis.basis", Kind.CODE, List.of("legalBasis", "legal basis", "legalBasis.basis"), List.of("tiesiskais pamats")),
            new Column("legalBasis.consentDate", Kind.DATE, List.of("consentDate", "consent date", "legalBasis.consentDate"),
                    List.of("piekrišanas datums")),
            new Column("legalBasis.reference", Kind.TEXT, List.of("legalReference", "legal reference", "legalBasis.reference"),
                    List.of("tiesiskā atsauce")),
            new Column("matchingAllowed", Kind.YES_NO, List.of("matchingAllowed", "matching allowed"),
                    List.of("atlase atļauta", "atļauta atlase", "saskaņošana atļauta")));

    private static final Map<String, Column> BY_NAME = new HashMap<>();
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}(\\.0*)?");
    private static final Map<String, Boolean> YES_NO = Map.of("true", true, "false", false, "jā", true, "ja", true,
            "nē", false, "ne", false, "yes", true, "no", false, "1", true, "0", false);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static {
        for (Column column : COLUMNS) {
            for (String name : concat(column.english(), column.latvian())) {
                Column other = BY_NAME.put(key(name), column);
                if (other != null && other != column) {
                    throw new IllegalStateException("Two columns named " + name);
                }
            }
        }
    }

    private final Column[] columns;

    private SpreadsheetColumns(Column[] columns) {
        this.columns = columns;
    }

    /** The header row's columns: 400 when a name is unknown or said twice, or externalRef is missing. */
    static SpreadsheetColumns of(List<String> header) {
        Column[] columns = new Column[header.size()];
        List<String> unknown = new ArrayList<>();
        Map<Column, String> named = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : SPACES.matcher(header.get(i)).replaceAll(" ").strip();
            if (name.isEmpty()) {
                continue; // a column without a header may stay empty; a value in it is an error of its row
            }
            Column column = BY_NAME.get(key(name));
            if (column == null) {
                unknown.add("\"" + Problem.cut(name, 40) + "\"");
                continue;
            }
            String first = named.putIfAbsent(column, name);
            if (first != null) {
                throw new InvalidRequest("The header names the column " + column.field() + " twice (\"" + Problem.cut(first, 40)
                        + "\" and \"" + Problem.cut(name, 40) + "\")");
            }
            columns[i] = column;
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("The header has unknown columns: " + String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "")
                    + ". The columns are, in English or Latvian (case and spaces ignored): " + accepted());
        }
        if (!named.containsKey(COLUMNS.get(0))) {
            throw new InvalidRequest("The header has no externalRef column (\"externalRef\", \"ārējā atsauce\" or \"lietas nr.\"), "
                    + "by which the import finds each person");
        }
        return new SpreadsheetColumns(columns);
    }

    /** Every accepted name, column by column. */
    static String accepted() {
        return COLUMNS.stream().map(c -> String.join(" / ", concat(c.english(), c.latvian()))).collect(Collectors.joining("; "));
    }

    int size() {
        return columns.length;
    }

    /** A row's cells (null or blank: empty) as the JSON object of a person. */
    ObjectNode row(List<String> cells) throws RecordSource.Unreadable {
        ObjectNode person = NODES.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (i >= columns.length || columns[i] == null) {
                String letter = letter(i);
                throw new RecordSource.Unreadable("Column " + letter + " has a value but no header",
                        List.of(new Problem.Violation(letter, "has a value but no header")));
            }
            Column column = columns[i];
            ObjectNode target = person;
            String field = column.field();
            int dot = field.indexOf('.');
            if (dot > 0) {
                target = person.has(field.substring(0, dot)) ? (ObjectNode) person.get(field.substring(0, dot))
                        : person.putObject(field.substring(0, dot));
                field = field.substring(dot + 1);
            }
            target.set(field, value(column.kind(), cell));
        }
        return person;
    }

    /** Whether every cell is empty. */
    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    private static JsonNode value(Kind kind, String cell) {
        return switch (kind) {
            case TEXT, DATE -> NODES.textNode(cell);
            case CODE -> NODES.textNode(cell.toUpperCase(Locale.ROOT));
            case WHOLE_NUMBER -> {
                if (!WHOLE.matcher(cell).matches()) {
                    yield NODES.textNode(cell);
                }
                BigInteger number = new BigInteger(cell.replaceFirst("\\.0*$", "").replace("+", ""));
                yield number.bitLength() < 32 ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
            }
            case YES_NO -> {
                Boolean value = YES_NO.get(cell.toLowerCase(Locale.ROOT));
                yield value == null ? NODES.textNode(cell) : NODES.booleanNode(value);
            }
            case CODES, LANGUAGES -> {
                ArrayNode list = NODES.arrayNode();
                for (String item : LIST_SEPARATOR.split(cell)) {
                    if (!item.isBlank()) {
                        list.add(kind == Kind.CODES ? item.strip().toUpperCase(Locale.ROOT) : item.strip().toLowerCase(Locale.ROOT));
                    }
                }
                yield list;
            }
        };
    }

    /** A column's letter as spreadsheets show it: A, B, ..., Z, AA. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    /** A header name as compared: composed, lower case, without spaces. */
    static String key(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
