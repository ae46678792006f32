package vn.cdsbot.kb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.period.PeriodParser;
import vn.cdsbot.period.ReportingCalendar;

/**
 * What editors have to look at for a period: unanswered questions and "Chưa đúng" presses, grouped by the
 * nearest article, as chat text, full text (command line) or a spreadsheet. Never carries a Zalo id.
 */
final class EditorQueue {
    /** Zalo shows 2,000 characters per message; the chat summary stays under this and points to the sheet. */
    static final int CHAT_LIMIT = 1800;
    private static final int QUOTE = 90;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /**
     * Days {@code from}..{@code to}, both inclusive, in the bot's zone. Kept to a plain date range so it can be
     * replaced by the shared period model.
     */
    record Period(LocalDate from, LocalDate to, String label) {
        long startMillis(ZoneId zone) {
            return from.atStartOfDay(zone).toInstant().toEpochMilli();
        }

        long endMillis(ZoneId zone) {
            return to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }

        static Period lastDays(LocalDate today, int days) {
            return new Period(today.minusDays(days - 1L), today, days + " ngày qua");
        }

        /**
         * "" (the last 7 days), "N ngày" (the last N days), or any period the shared parser reads ("tuần này",
         * "tuần trước", "tuần 48", "tháng 11", "02/12"…) up to today; empty when not understood or not begun.
         */
        static Optional<Period> parse(String text, Instant now, ReportingCalendar calendar) {
            LocalDate today = calendar.today(now);
            String f = Texts.fold(text).replaceAll("\\s+", " ").strip();
            if (f.isEmpty()) return Optional.of(lastDays(today, 7));
            if (f.matches("\\d{1,3} ?ngay")) {
                int days = Integer.parseInt(f.replaceAll("\\D", ""));
                return days >= 1 && days <= 365 ? Optional.of(lastDays(today, days)) : Optional.empty();
            }
            PeriodParser.Found found = PeriodParser.find(text);
            if (found.period() == null || !found.problems().isEmpty() || !found.rest().isBlank()) return Optional.empty();
            if (!(calendar.resolve(found.period(), now) instanceof ReportingCalendar.Resolved.Ok ok)) return Optional.empty();
            vn.cdsbot.period.Period p = ok.period();
            return Optional.of(new Period(p.first(), p.last().isAfter(today) ? today : p.last(), p.typed()));
        }

        String shown() {
            return label + " (" + DAY.format(from) + "–" + DAY.format(to) + ")";
        }
    }

    /** One nearest article (or none) and what was asked or said about it. */
    record Group(String articleId, String title, List<KbStore.EditorItem> items) {
        long unanswered() {
            return items.stream().filter(i -> !i.wrong()).count();
        }

        long wrong() {
            return items.stream().filter(KbStore.EditorItem::wrong).count();
        }
    }

    private final Period period;
    private final List<Group> groups;
    private final ZoneId zone;

    private EditorQueue(Period period, List<Group> groups, ZoneId zone) {
        this.period = period;
        this.groups = groups;
        this.zone = zone;
    }

    static EditorQueue load(Connection c, Period period, ZoneId zone, Function<String, Optional<Article>> articles)
            throws SQLException {
        Map<String, List<KbStore.EditorItem>> byArticle = new LinkedHashMap<>();
        for (KbStore.EditorItem i : KbStore.editorItems(c, period.startMillis(zone), period.endMillis(zone))) {
            byArticle.computeIfAbsent(i.article() == null ? "" : i.article(), k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        byArticle.forEach((id, items) -> groups.add(new Group(id.isEmpty() ? null : id, id.isEmpty()
                ? "Không gần bài nào" : articles.apply(id).map(Article::title).orElse("(bài đã xóa hoặc đổi mã)"), items)));
        groups.sort(Comparator.comparingInt((Group g) -> -g.items().size()).thenComparing(g -> g.articleId() == null ? "" : g.articleId()));
        return new EditorQueue(period, List.copyOf(groups), zone);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    List<Group> groups() {
        return groups;
    }

    private String header() {
        long unanswered = groups.stream().mapToLong(Group::unanswered).sum();
        long wrong = groups.stream().mapToLong(Group::wrong).sum();
        return "Câu hỏi chưa trả lời được và góp ý \"Chưa đúng\", " + period.shown() + ": " + unanswered
                + " câu chưa trả lời, " + wrong + " góp ý chưa đúng, theo " + groups.size() + " bài gần nhất.";
    }

    /**
     * The chat version: biggest groups first, at most three lines each, under {@link #CHAT_LIMIT} characters;
     * what does not fit is in the spreadsheet.
     */
    String chatText(String sheetLink) {
        if (groups.isEmpty()) return "Không có câu hỏi chưa trả lời hay góp ý \"Chưa đúng\" nào trong " + period.shown() + ".";
        StringBuilder b = new StringBuilder(header());
        String footer = "\n\nThêm một cách hỏi vào bài: trên máy soạn bài chạy kb accept MÃ MÃ_BÀI (ví dụ kb accept C12 "
                + "cap-lai-the-can-cuoc), rồi xem lại và commit tệp bài."
                + (sheetLink == null ? "" : "\nDanh sách đầy đủ (Excel): " + sheetLink);
        int shown = 0;
        for (Group g : groups) {
            StringBuilder block = new StringBuilder("\n\n• ").append(g.title());
            if (g.articleId() != null) block.append(" [").append(g.articleId()).append("]");
            block.append(": ").append(counts(g));
            int lines = 0;
            for (Line l : lines(g)) {
                if (lines++ == 3) break;
                block.append("\n  ").append(l.text());
            }
            if (b.length() + block.length() + footer.length() + 60 > CHAT_LIMIT) break;
            b.append(block);
            shown++;
        }
        if (shown < groups.size()) b.append("\n\n(Còn ").append(groups.size() - shown).append(" bài nữa trong tệp Excel.)");
        return b.append(footer).toString();
    }

    /** Everything, for the command line. */
    String fullText() {
        if (groups.isEmpty()) return "Không có câu hỏi chưa trả lời hay góp ý \"Chưa đúng\" nào trong " + period.shown() + ".";
        StringBuilder b = new StringBuilder(header());
        for (Group g : groups) {
            b.append("\n\n").append(g.title());
            if (g.articleId() != null) b.append(" [").append(g.articleId()).append("]");
            b.append(": ").append(counts(g));
            for (Line l : lines(g)) b.append("\n  ").append(l.text());
        }
        return b.toString();
    }

    private static String counts(Group g) {
        List<String> parts = new ArrayList<>();
        if (g.unanswered() > 0) parts.add(g.unanswered() + " chưa trả lời");
        if (g.wrong() > 0) parts.add(g.wrong() + " chưa đúng");
        return String.join(", ", parts);
    }

    private record Line(String text) {}

    /** Same question asked several times is one line with a count; comments are always shown. */
    private static List<Line> lines(Group g) {
        Map<String, List<KbStore.EditorItem>> same = new LinkedHashMap<>();
        for (KbStore.EditorItem i : g.items()) {
            String key = (i.wrong() ? "P" : "C") + Texts.fold(i.question() == null ? "" : i.question()) + "|"
                    + (i.comment() == null ? "" : i.comment());
            same.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<KbStore.EditorItem>> ordered = new ArrayList<>(same.values());
        ordered.sort(Comparator.comparingInt((List<KbStore.EditorItem> l) -> l.get(0).comment() == null ? 1 : 0)
                .thenComparingInt(l -> -l.size()));
        List<Line> out = new ArrayList<>();
        for (List<KbStore.EditorItem> l : ordered) {
            KbStore.EditorItem first = l.get(0);
            StringBuilder t = new StringBuilder(first.ref()).append(' ');
            t.append(first.question() == null ? "(không rõ câu hỏi)" : "\"" + quote(first.question()) + "\"");
            if (l.size() > 1) t.append(" ×").append(l.size());
            if (first.comment() != null) t.append(" — người dân góp ý: \"").append(quote(first.comment())).append("\"");
            out.add(new Line(t.toString()));
        }
        return out;
    }

    private static String quote(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= QUOTE ? one : one.substring(0, QUOTE - 1).strip() + "…";
    }

    /** One row per question or press, with the article it was nearest to. */
    byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Chưa trả lời");
            String[] head = {"Mã", "Loại", "Mã bài gần nhất", "Bài gần nhất", "Câu hỏi của người dân",
                    "Người dân góp ý", "Thời gian"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            int r = 1;
            for (Group g : groups) {
                for (KbStore.EditorItem i : g.items()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(i.ref());
                    row.createCell(1).setCellValue(i.wrong() ? "Chưa đúng" : "Chưa trả lời được");
                    row.createCell(2).setCellValue(g.articleId() == null ? "" : g.articleId());
                    row.createCell(3).setCellValue(g.title());
                    row.createCell(4).setCellValue(i.question() == null ? "" : i.question());
                    row.createCell(5).setCellValue(i.comment() == null ? "" : i.comment());
                    row.createCell(6).setCellValue(TIME.format(Instant.ofEpochMilli(i.at()).atZone(zone)));
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < head.length; i++) sheet.setColumnWidth(i, i == 4 || i == 5 ? 60 * 256 : 18 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return "chua-tra-loi-" + period.from() + "-den-" + period.to() + ".xlsx";
    }

    Period period() {
        return period;
    }
}
