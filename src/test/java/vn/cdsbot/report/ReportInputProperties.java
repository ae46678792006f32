package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/**
 * Hostile input to weekly reports: the parser alone, then the whole report flow through the real router and a real
 * database. Arbitrary Unicode, huge numbers, emoji, control characters and 10,000-character messages never throw;
 * the parser gives bounded non-negative figures or problems in Vietnamese; the flow answers in Vietnamese and
 * stores a report only after #xacnhan of a draft it showed, never a half-written one.
 */
class ReportInputProperties {
    /** Some letter only Vietnamese spelling has: proof the answer is in Vietnamese, not a stack trace or a code. */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CODES = Set.of("hotro", "vneid", "dvc", "thanhtoan", "tuyentruyen");
    private static final List<String> REPORTISH = List.of("hotro", "hỗ trợ", "ho tro", "vneid", "VNeID", "dvc",
            "dịch vụ công", "thanhtoan", "tuyentruyen", "tuần", "tuan", "tuần trước", "tuần này", "năm", "=", ":", ",",
            ";", "/", "-", "1.234", "1,234", "12.500", "0", "-5", "3,5", "2000000", "999999", "1000000", "1000001",
            "99999999999999999999999999", "9223372036854775808", "1e9", "٣", "４２", "Ⅻ", "BP-DXO-01", "BP", "😀",
            "👨‍👩‍👧‍👦", "\u0000", "\u0007", "\u001B[2J", "\u202E", "\u200B", "\uFEFF", "e\u0301", "\uD800", "\r\n", "\t",
            "\u00A0", "'; DROP TABLE reports; --", "%s", " ");

    private static Path dir;
    private static Database db;
    private static ChatRouter router;
    private static ReportParser parser;
    private static final MutableClock CLOCK = MutableClock.at("2026-11-24T10:00");
    private static final AtomicLong IDS = new AtomicLong(1);

    @BeforeContainer
    static void wire() throws Exception {
        dir = Files.createTempDirectory("report-props");
        BotConfig config = PeopleFixture.config(dir);
        db = PeopleFixture.database(config, CLOCK);
        router = vn.cdsbot.testing.ReportingRouter.create(config, db, CLOCK,
                (m, s, tx) -> List.of(Reply.text("Câu hỏi về dịch vụ công")));
        parser = new ReportParser(new Indicators(config.reporting().indicators()));
    }

    @AfterContainer
    static void close() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> reportText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(REPORTISH),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(4));
        Arbitrary<String> mixed = piece.list().ofMaxSize(25).map(l -> String.join(" ", l));
        Arbitrary<String> huge = Combinators.combine(piece, Arbitraries.integers().between(9_000, 10_000))
                .as((p, n) -> (p.isBlank() ? "hotro 1 " : p + " ").repeat(n / (p.length() + 1) + 1).substring(0, n));
        return Arbitraries.frequencyOf(Tuple.of(9, mixed), Tuple.of(1, huge));
    }

    // ---------- the parser alone

    @Property(tries = 1000)
    void aOneLineReportIsReadWithinBoundsOrRefusedInVietnamese(@ForAll("reportText") String text) {
        ReportParser.Result r = parser.parse(text, s -> s.equalsIgnoreCase("BP-DXO-01"));
        if (r instanceof ReportParser.Result.Ok ok) {
            assertThat(CODES).containsAll(ok.values().keySet());
            ok.values().values().forEach(v -> assertThat(v).isBetween(0L, ReportParser.MAX_VALUE));
            if (ok.period() instanceof vn.cdsbot.period.PeriodSpec.WeekNumber n) assertThat(n.number()).isBetween(0, 99);
        } else {
            List<String> problems = ((ReportParser.Result.Invalid) r).problems();
            assertThat(problems).isNotEmpty();
            problems.forEach(ReportInputProperties::assertClearVietnamese);
        }
    }

    @Property(tries = 1000)
    void aGuidedAnswerIsANumberWithinBoundsASkipOrAProblemInVietnamese(@ForAll("reportText") String text) {
        ReportParser.Answer a = parser.answer(text);
        if (a instanceof ReportParser.Answer.Value v) assertThat(v.value()).isBetween(0L, ReportParser.MAX_VALUE);
        if (a instanceof ReportParser.Answer.Problem p) assertClearVietnamese(p.message());
    }

    // ---------- the report flow through the router, on a real database

    @Property(tries = 300)
    void aOneLineReportStoresNothingUntilConfirmedAndOnlyValidFigures(@ForAll("reportText") String text) {
        String user = enrolNewMember();
        String shown = say(user, "#baocao " + text);
        assertThat(count("SELECT COUNT(*) FROM reports WHERE submitted_by = ?", user)).as("stored before #xacnhan").isZero();
        assertDraftValid(user);
        // Refused (nothing kept) or no figures given (the guided flow asks them one by one): nothing to confirm.
        if (count("SELECT COUNT(*) FROM report_drafts WHERE user_id = ? AND step IS NULL", user) == 0) return;
        assertThat(shown).as("a draft is shown with its confirm button").contains("#xacnhan");
        String answer = say(user, "#xacnhan");
        long stored = count("SELECT COUNT(*) FROM reports WHERE submitted_by = ?", user);
        assertThat(stored).isBetween(0L, 1L);
        if (stored == 1) {
            assertThat(answer).contains("Đã ghi nhận");
            assertThat(count("SELECT COUNT(*) FROM report_values v JOIN reports r ON r.id = v.report_id "
                    + "WHERE r.submitted_by = ? AND (v.value < 0 OR v.value > ?)", user, ReportParser.MAX_VALUE)).isZero();
        }
    }

    @Property(tries = 300)
    void aGuidedAnswerNeverLeavesAnInvalidDraftOrAReport(@ForAll("reportText") String text) {
        String user = enrolNewMember();
        say(user, "#baocao");
        say(user, text);
        assertThat(count("SELECT COUNT(*) FROM reports WHERE submitted_by = ?", user)).isZero();
        assertDraftValid(user);
    }

    private static void assertDraftValid(String user) {
        String values = db.read(c -> PeopleFixture.query(c, "SELECT draft_values FROM report_drafts WHERE user_id = ?", user))
                .stream().findFirst().orElse("{}");
        assertThat(values).as("draft values are a JSON object of known indicators and bounded numbers")
                .matches("\\{(\"(hotro|vneid|dvc|thanhtoan|tuyentruyen)\":\\d{1,7}(,|(?=})))*}");
    }

    // ---------- helpers

    private static String enrolNewMember() {
        String user = "m" + IDS.incrementAndGet();
        PeopleFixture.enrol(db, user, "BP-DXO-01", Role.MEMBER, CLOCK.millis());
        return user;
    }

    /** The bot's answer; every message must be clear Vietnamese. */
    private static String say(String user, String text) {
        List<Reply> replies = db.inTransaction(tx -> router.handle(
                new Incoming(IDS.incrementAndGet(), user, text, CLOCK.instant()), tx));
        assertThat(replies).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Reply r : replies) {
            String t = ((Reply.Text) r).text();
            assertClearVietnamese(t);
            all.append(t).append('\n');
            ((Reply.Text) r).buttons().forEach(b -> all.append(b.payload()).append('\n'));
        }
        return all.toString();
    }

    private static void assertClearVietnamese(String message) {
        assertThat(message).isNotBlank();
        assertThat(Normalizer.isNormalized(message, Normalizer.Form.NFC)).as("NFC: %s", message).isTrue();
        assertThat(VIETNAMESE.matcher(message).find()).as("Vietnamese: %s", message).isTrue();
        assertThat(message).doesNotContain("Exception", "\tat ");
    }

    private static long count(String sql, Object... args) {
        return Long.parseLong(PeopleFixture.rows(db, sql, args).get(0));
    }
}
