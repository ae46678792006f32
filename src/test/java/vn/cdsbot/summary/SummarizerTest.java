package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Week;

class SummarizerTest {
    static final Week W = new Week(LocalDate.of(2026, 11, 16));
    static final Week P = W.previous();
    /** Well after the week: it is over, nothing in it is "so far". */
    static final Instant NOW = Instant.parse("2026-12-10T03:00:00Z");

    @TempDir
    Path dir;

    /** Two clusters, five communes; every rule of the brief on a case small enough to check by hand. */
    static TestData handChecked(Path dir) {
        TestData t = new TestData(dir);
        long beforeWeek = W.start(TestData.ZONE).toEpochMilli() - 1;
        long duringWeek = W.start(TestData.ZONE).toEpochMilli() + 3_600_000;
        t.unit("BP", "Tỉnh Bình Phước", null, "province")
                .unit("BP-DXO", "Cụm Đồng Xoài", "BP", "group")
                .unit("BP-DXO-01", "Phường Tân Bình", "BP-DXO", "commune")
                .unit("BP-DXO-02", "Phường Tân Đồng", "BP-DXO", "commune")
                .unit("BP-DXO-03", "Xã Tân Thành", "BP-DXO", "commune", false, beforeWeek)
                .unit("BP-PLO", "Cụm Phước Long", "BP", "group")
                .unit("BP-PLO-01", "Phường Long Phước", "BP-PLO", "commune")
                .unit("BP-PLO-02", "Xã Long Giang", "BP-PLO", "commune", false, duringWeek);
        // Previous week.
        t.report("BP-DXO-01", P, 8, 1, 1, 1, 1);
        t.report("BP-DXO-02", P, 2, 0, 0, 0, 0);
        t.report("BP-PLO-01", P, 7, 0, 0, 0, 0);
        t.report("BP-PLO-02", P, 4, 4, 4, 4, 4);
        // The week: a zero report sent late, a report corrected after the deadline with an overridden warning.
        t.report("BP-DXO-01", W, 10, 2, 3, 0, 1);
        t.report("BP-DXO-02", W, new long[] {0, 0, 0, 0, 0}, "u2", TestData.saturday(W).plusSeconds(3 * 86400), true, false);
        t.report("BP-PLO-01", W, 5, 0, 0, 0, 0);
        Instant afterDeadline = W.monday().plusDays(8).atTime(9, 30).atZone(TestData.ZONE).toInstant();
        t.report("BP-PLO-01", W, new long[] {7, 1, 1, 1, 1}, "u3", afterDeadline, true, true);
        // Weeks before the campaign start do not count in the cumulative total.
        t.report("BP-DXO-01", new Week(LocalDate.of(2025, 12, 29)), 1000, 0, 0, 0, 0);
        return t;
    }

    @Test
    void handCheckedWeek() throws Exception {
        try (TestData t = handChecked(dir)) {
            Settings settings = Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir)));
            Summarizer s = new Summarizer(settings);
            ScopeSummary sum = t.read(c -> {
                UnitTree tree = UnitTree.load(c);
                return s.summarize(c, tree, tree.root(), W, true, NOW);
            });
            // Xã Tân Thành was deactivated before the week: not expected. Xã Long Giang, deactivated during it, is.
            assertThat(sum.expected()).extracting(Unit::code)
                    .containsExactly("BP-DXO-01", "BP-DXO-02", "BP-PLO-01", "BP-PLO-02");
            assertThat(sum.reported()).isEqualTo(3); // the zero report counts as reported
            assertThat(sum.missing()).extracting(Unit::code).containsExactly("BP-PLO-02");
            assertThat(sum.late()).extracting(ReportData.Current::unit).containsExactly("BP-DXO-02", "BP-PLO-01");
            assertThat(sum.correctedAfterDeadline()).extracting(ReportData.Current::unit).containsExactly("BP-PLO-01");
            assertThat(sum.overridden()).extracting(ReportData.Current::unit).containsExactly("BP-PLO-01");
            assertThat(sum.totals()).containsExactly(17, 3, 4, 1, 2); // 10+0+7, the corrected value replaces 5
            // Like with like: the three units that reported both weeks (Xã Long Giang, 4 last week, has not yet).
            assertThat(sum.total().compared()).isEqualTo(3);
            assertThat(sum.total().comparedBefore()).containsExactly(17, 1, 1, 1, 1);
            assertThat(sum.total().comparedNow()).containsExactly(17, 3, 4, 1, 2);
            assertThat(sum.cumulative()).containsExactly(38, 8, 9, 6, 7);
            assertThat(sum.parts()).extracting(p -> p.unit().code()).containsExactly("BP-DXO", "BP-PLO");
            assertThat(sum.parts().get(0).tally().totals()[0]).isEqualTo(10);
            assertThat(sum.parts().get(0).tally().expected()).isEqualTo(2);
            assertThat(sum.parts().get(1).tally().reported()).isEqualTo(1);
            assertThat(sum.parts().get(1).tally().comparedBefore()[0]).isEqualTo(7);

            String text = String.join("\n", new SummaryTexts(settings).summary(sum, t.read(UnitTree::load)));
            assertThat(text)
                    .contains("TỔNG HỢP TUẦN 47/2026")
                    .contains("16/11–22/11/2026 · Tỉnh Bình Phước")
                    .contains("Đã báo cáo: 3/4 đơn vị (75,00 %)")
                    .contains("Đúng hạn 1 · Muộn 2 · Chưa báo cáo 1")
                    .contains("Kết quả của 3/4 đơn vị đã báo cáo")
                    .contains("• Lượt người dân được hỗ trợ: 17\n   Bằng tuần trước · Lũy kế 38")
                    .contains("• Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 3\n   Tăng 2 (200,00 %)")
                    .contains("So với tuần trước: cùng 3 đơn vị, đều báo cáo cả hai tuần.")
                    .contains("1. Cụm Đồng Xoài: 2/2 đã báo cáo (1 muộn)\nHỗ trợ 10 (=)")
                    .contains("2. Cụm Phước Long: 1/2 đã báo cáo (1 muộn)\nHỗ trợ 7 (=)")
                    .doesNotContain("ĐANG DIỄN RA").doesNotContain("Giảm 4")
                    .contains("Chưa báo cáo (1):\n– Xã Long Giang (Cụm Phước Long)")
                    .contains("– Sửa số liệu sau hạn (1): Phường Long Phước (sửa 24/11 09:30)")
                    .contains("– Số vượt ngưỡng, người gửi đã xác nhận (1): Phường Long Phước")
                    .doesNotContain("Xã Tân Thành");
        }
    }

    @Test
    void aUnitThatReportedCountsEvenIfDeactivatedAndLeafScopeHasNoBreakdown() throws Exception {
        try (TestData t = handChecked(dir)) {
            t.report("BP-DXO-03", W, 3, 0, 0, 0, 0);
            Summarizer s = new Summarizer(Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir))));
            ScopeSummary sum = t.read(c -> {
                UnitTree tree = UnitTree.load(c);
                return s.summarize(c, tree, tree.get("BP-DXO").orElseThrow(), W, false, NOW);
            });
            assertThat(sum.expected()).hasSize(3);
            assertThat(sum.reported()).isEqualTo(3);
            assertThat(sum.totals()[0]).isEqualTo(13);
            ScopeSummary leaf = t.read(c -> {
                UnitTree tree = UnitTree.load(c);
                return s.summarize(c, tree, tree.get("BP-PLO-02").orElseThrow(), W, false, NOW);
            });
            assertThat(leaf.parts()).isEmpty();
            assertThat(leaf.missing()).extracting(Unit::code).containsExactly("BP-PLO-02");
        }
    }

    @Test
    void cachedValuesFollowNewReportsCorrectionsAndDeletions() throws Exception {
        try (TestData t = handChecked(dir)) {
            Summarizer s = new Summarizer(Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir))));
            // The cache's copy of week W, as the next week's comparison and the cumulative totals read it.
            java.util.function.Supplier<long[]> totals = () -> t.read(c ->
                    new long[] {s.values(c).week(W).values().stream().mapToLong(v -> v.values()[0]).sum()});
            java.util.function.Supplier<long[]> cumulative = () -> t.read(c -> {
                UnitTree tree = UnitTree.load(c);
                return s.summarize(c, tree, tree.root(), W, true, NOW).cumulative();
            });
            assertThat(totals.get()[0]).isEqualTo(17);
            assertThat(cumulative.get()[0]).isEqualTo(38);
            t.report("BP-PLO-02", W, 100, 0, 0, 0, 0);               // a late arrival
            assertThat(totals.get()[0]).isEqualTo(117);
            t.report("BP-DXO-01", W, 1, 0, 0, 0, 0);                 // a correction: 10 → 1
            assertThat(totals.get()[0]).isEqualTo(108);
            assertThat(cumulative.get()[0]).isEqualTo(129);
            t.exec("DELETE FROM report_values WHERE report_id = (SELECT id FROM reports WHERE unit_code = 'BP-PLO-02' "
                    + "AND week_start = ? AND superseded_by IS NULL)", W.key());
            t.exec("DELETE FROM reports WHERE unit_code = 'BP-PLO-02' AND week_start = ?", W.key());
            assertThat(totals.get()[0]).isEqualTo(8);               // noticed by the fingerprint: reloaded
            assertThat(cumulative.get()[0]).isEqualTo(29);
        }
    }

    /** Random trees and report histories, checked against a separate, naive computation. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomDataMatchesAnIndependentComputation(long seed) throws Exception {
        Random rnd = new Random(seed);
        try (TestData t = new TestData(dir)) {
            // Model: parent links, kinds, deactivation, and per (unit, week) the last submitted values.
            Map<String, String> parent = new HashMap<>();
            Map<String, String> kind = new HashMap<>();
            Map<String, Long> deactivated = new HashMap<>();
            List<String> all = new ArrayList<>();
            t.unit("P", "Tỉnh", null, "province");
            all.add("P");
            kind.put("P", "province");
            int groups = 2 + rnd.nextInt(4);
            List<String> containers = new ArrayList<>(List.of("P"));
            for (int g = 0; g < groups; g++) {
                String code = "G" + g;
                String p = containers.get(rnd.nextInt(containers.size()));
                t.unit(code, "Cụm " + g, p, "group");
                parent.put(code, p);
                kind.put(code, "group");
                all.add(code);
                containers.add(code);
            }
            Week first = W.plusWeeks(-6);
            int communes = 10 + rnd.nextInt(30);
            for (int i = 0; i < communes; i++) {
                String code = "C" + i;
                String p = containers.get(rnd.nextInt(containers.size()));
                boolean active = rnd.nextInt(5) > 0;
                Long deact = active ? null : first.plusWeeks(rnd.nextInt(8)).start(TestData.ZONE).toEpochMilli()
                        + rnd.nextInt(3) * 86_400_000L - 1;
                t.unit(code, "Xã " + i, p, "commune", active, deact);
                parent.put(code, p);
                kind.put(code, "commune");
                if (deact != null) deactivated.put(code, deact);
                all.add(code);
            }
            Map<String, Map<Week, long[]>> last = new HashMap<>();
            Map<String, Set<Week>> lateUnits = new HashMap<>();
            for (Week w = first; w.compareTo(W) <= 0; w = w.plusWeeks(1)) {
                for (String code : all) {
                    if (!kind.get(code).equals("commune") || rnd.nextInt(4) == 0) continue;
                    int versions = 1 + (rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(2) : 0);
                    for (int v = 0; v < versions; v++) {
                        long[] vals = new long[5];
                        for (int k = 0; k < 5; k++) vals[k] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(2000);
                        boolean late = rnd.nextInt(6) == 0;
                        t.report(code, w, vals, "u", TestData.saturday(w).plusSeconds(v * 60L), late, false);
                        last.computeIfAbsent(code, k -> new HashMap<>()).put(w, vals);
                        if (late) lateUnits.computeIfAbsent(code, k -> new HashSet<>()).add(w);
                        else lateUnits.getOrDefault(code, new HashSet<>()).remove(w);
                    }
                }
            }

            Settings settings = Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir)));
            Settings s2 = new Settings(settings.calendar(), vn.cdsbot.people.ReportingLevels.of("commune"), settings.indicators(), first.plusWeeks(2),
                    settings.digest(), settings.exportLinkLifetime(), settings.messagingWindow(), settings.publicUrl(),
                    settings.issuer(), settings.issuerParent(), settings.issuerPlace());
            Summarizer summarizer = new Summarizer(s2);
            List<String> scopes = new ArrayList<>(containers);
            scopes.add("C0");
            for (String scopeCode : scopes) {
                ScopeSummary sum = t.read(c -> {
                    UnitTree tree = UnitTree.load(c);
                    return summarizer.summarize(c, tree, tree.get(scopeCode).orElseThrow(), W, true, NOW);
                });
                // Independent: climb parents to decide membership.
                Set<String> inScope = new TreeSet<>();
                for (String code : all) if (isUnder(code, scopeCode, parent)) inScope.add(code);
                long weekStart = W.start(TestData.ZONE).toEpochMilli();
                Set<String> expected = new TreeSet<>();
                Set<String> reported = new TreeSet<>();
                long[] totals = new long[5];
                long[] prev = new long[5];
                long[] prevNow = new long[5];
                long[] cum = new long[5];
                int late = 0;
                for (String code : inScope) {
                    Map<Week, long[]> byWeek = last.getOrDefault(code, Map.of());
                    boolean has = byWeek.containsKey(W);
                    boolean alive = !deactivated.containsKey(code) || deactivated.get(code) >= weekStart;
                    if (has || (kind.get(code).equals("commune") && alive)) expected.add(code);
                    if (has) {
                        reported.add(code);
                        add(totals, byWeek.get(W));
                        if (lateUnits.getOrDefault(code, Set.of()).contains(W)) late++;
                    }
                    if (has && byWeek.containsKey(P)) {   // a change compares only units that reported both weeks
                        add(prev, byWeek.get(P));
                        add(prevNow, byWeek.get(W));
                    }
                    for (Map.Entry<Week, long[]> e : byWeek.entrySet()) {
                        if (e.getKey().compareTo(first.plusWeeks(2)) >= 0 && e.getKey().compareTo(W) <= 0) add(cum, e.getValue());
                    }
                }
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(reported);

                assertThat(sum.expected()).extracting(Unit::code).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(sum.reports()).extracting(ReportData.Current::unit).containsExactlyInAnyOrderElementsOf(reported);
                assertThat(sum.missing()).extracting(Unit::code).containsExactlyInAnyOrderElementsOf(missing);
                assertThat(sum.late()).hasSize(late);
                assertThat(sum.totals()).as("totals of %s", scopeCode).containsExactly(totals);
                assertThat(sum.total().comparedBefore()).containsExactly(prev);
                assertThat(sum.total().comparedNow()).containsExactly(prevNow);
                assertThat(sum.cumulative()).containsExactly(cum);
                long partsTotal = sum.parts().stream().mapToLong(p -> p.tally().totals()[0]).sum();
                int partsExpected = sum.parts().stream().mapToInt(p -> p.tally().expected()).sum();
                if (!kind.get(scopeCode).equals("commune")) {
                    int own = expected.contains(scopeCode) ? 1 : 0;
                    assertThat(partsExpected + own).isEqualTo(expected.size());
                    assertThat(partsTotal).isEqualTo(totals[0]);
                }
                for (int i = 1; i < sum.parts().size(); i++) {
                    ScopeSummary.Tally before = sum.parts().get(i - 1).tally();
                    ScopeSummary.Tally after = sum.parts().get(i).tally();
                    // Units without any report come last, never ranked as zeros among the rest.
                    assertThat(before.noReports() && !after.noReports()).isFalse();
                    if (!after.noReports()) assertThat(before.totals()[0]).isGreaterThanOrEqualTo(after.totals()[0]);
                }
            }
        }
    }

    private static boolean isUnder(String code, String scope, Map<String, String> parent) {
        for (String c = code; c != null; c = parent.get(c)) if (c.equals(scope)) return true;
        return false;
    }

    private static void add(long[] sum, long[] v) {
        for (int i = 0; i < sum.length; i++) sum[i] += v[i];
    }
}
