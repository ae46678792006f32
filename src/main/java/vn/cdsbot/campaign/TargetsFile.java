package vn.cdsbot.campaign;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.cdsbot.chat.Texts;

/**
 * A targets file as the secretariat keeps it: CSV or XLSX (first sheet), a header row with {@code unit_code} (or
 * "mã đơn vị") and one column per indicator code, then one row per unit. Every problem is reported with its line so
 * the file can be fixed and sent again; nothing is stored from a file with problems.
 */
public final class TargetsFile {
    private static final int MAX_PROBLEMS = 10;
    private static final List<String> UNIT_HEADERS = List.of("unit_code", "ma don vi", "ma_don_vi", "code", "don vi");

    /** The outcome of reading a file. */
    public sealed interface Parsed {
        /** unit → indicator → target, in file order; {@code indicators} the indicator columns found. */
        record Ok(Map<String, Map<String, Long>> targets, List<String> indicators) implements Parsed {}

        record Invalid(List<String> problems) implements Parsed {}
    }

    private TargetsFile() {}

    /**
     * @param indicators the indicators the file may have columns for (a campaign's, or all configured ones)
     * @param unitCode the canonical code of a unit that may have a target, empty when the code is unknown
     */
    public static Parsed parse(byte[] content, List<String> indicators,
                               java.util.function.Function<String, java.util.Optional<String>> unitCode) {
        List<List<String>> rows;
        try {
            rows = isXlsx(content) ? xlsxRows(content) : csvRows(content);
        } catch (IOException | RuntimeException e) {
            return new Parsed.Invalid(List.of("Không đọc được tệp: cần tệp CSV (UTF-8) hoặc Excel .xlsx."));
        }
        if (rows.isEmpty()) return new Parsed.Invalid(List.of("Tệp trống: dòng đầu phải là tiêu đề, ví dụ unit_code,"
                + String.join(",", indicators) + "."));
        List<String> header = rows.get(0);
        int unitCol = -1;
        Map<Integer, String> indicatorCols = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = Texts.fold(header.get(i)).strip().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) continue;
            if (UNIT_HEADERS.contains(h) && unitCol < 0) unitCol = i;
            else if (indicators.contains(h)) indicatorCols.put(i, h);
            else problems.add("Dòng 1: cột \"" + header.get(i).strip() + "\" không phải mã chỉ tiêu của chiến dịch ("
                    + String.join(", ", indicators) + ").");
        }
        if (unitCol < 0) problems.add(0, "Dòng 1: thiếu cột unit_code (mã đơn vị).");
        if (indicatorCols.isEmpty()) problems.add("Dòng 1: không có cột chỉ tiêu nào (" + String.join(", ", indicators) + ").");
        if (!problems.isEmpty()) return new Parsed.Invalid(cap(problems));
        Map<String, Map<String, Long>> targets = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(s -> s == null || s.isBlank())) continue;
            String typed = cell(row, unitCol);
            if (typed.isEmpty()) {
                problems.add("Dòng " + line + ": thiếu mã đơn vị.");
                continue;
            }
            java.util.Optional<String> code = unitCode.apply(typed);
            if (code.isEmpty()) {
                problems.add("Dòng " + line + ": không có đơn vị mã \"" + typed + "\" trong danh sách đơn vị.");
                continue;
            }
            Integer first = lineOf.putIfAbsent(code.get(), line);
            if (first != null) {
                problems.add("Dòng " + line + ": đơn vị " + code.get() + " đã có ở dòng " + first + ".");
                continue;
            }
            Map<String, Long> values = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> col : indicatorCols.entrySet()) {
                String v = cell(row, col.getKey());
                if (v.isEmpty()) continue;
                Long n = number(v);
                if (n == null) problems.add("Dòng " + line + ", cột " + col.getValue() + ": \"" + v
                        + "\" không phải số nguyên không âm.");
                else values.put(col.getValue(), n);
            }
            if (!values.isEmpty()) targets.put(code.get(), values);
        }
        if (!problems.isEmpty()) return new Parsed.Invalid(cap(problems));
        if (targets.isEmpty()) return new Parsed.Invalid(List.of("Tệp không có chỉ tiêu nào dưới dòng tiêu đề."));
        return new Parsed.Ok(targets, List.copyOf(indicatorCols.values()));
    }

    /** "1.234", "1 234", "1234" and a spreadsheet's "1234.0" are 1234; anything else, or a negative, is not a target. */
    static Long number(String text) {
        String s = text.strip().replace("\u00a0", "").replace(" ", "");
        if (s.matches("\\d+\\.0+")) s = s.substring(0, s.indexOf('.'));
        if (s.matches("\\d{1,3}([.,]\\d{3})+")) s = s.replaceAll("[.,]", "");
        if (!s.matches("\\d{1,12}")) return null;
        return Long.parseLong(s);
    }

    private static List<String> cap(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) return problems;
        List<String> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        out.add("… và " + (problems.size() - MAX_PROBLEMS) + " lỗi khác.");
        return out;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).strip() : "";
    }

    private static boolean isXlsx(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private static List<List<String>> csvRows(byte[] content) throws IOException {
        String s = new String(content, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        // Excel in Vietnamese locales saves "CSV" with semicolons.
        String firstLine = s.lines().findFirst().orElse("");
        char sep = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class)
                .with(CSV.schema().withColumnSeparator(sep)).readValues(s)) {
            while (it.hasNextValue()) out.add(it.nextValue());
        }
        return out;
    }

    private static List<List<String>> xlsxRows(byte[] content) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }
}
