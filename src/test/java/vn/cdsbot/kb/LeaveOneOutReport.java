package vn.cdsbot.kb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;

/**
 * For editors: which articles take each other's questions. Each question variant is left out of its article in
 * turn and asked against the rest of the knowledge base (no evaluation question is used). Prints the misses and
 * the most confused article pairs to target/kb-eval/leave-one-out.txt. Run with {@code mvn -q -Peval verify}.
 */
@Tag("eval")
class LeaveOneOutReport {
    /**
     * Tuning figures that never touch held-out questions: BM25-order Hit@1 on the leave-one-out set; re-ranked
     * Hit@1 with weights fitted on the odd variant positions and tested on the even ones and vice versa; and dev
     * Hit@1 with weights fitted on the whole leave-one-out set.
     */
    private static String crossValidated(KbLoader.Snapshot kb) {
        SearchOptions bm25 = SearchOptions.DEFAULT.withRerank(false);
        List<RerankTraining.Example> all = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        int most = kb.articles().stream().mapToInt(a -> a.questions().size()).max().orElse(0);
        for (int j = 0; j < most; j++) {
            List<RerankTraining.Example> ex = RerankTraining.leaveOut(kb.articles(), kb.abbreviations(), bm25, j);
            all.addAll(ex);
            for (int i = 0; i < ex.size(); i++) position.add(j);
        }
        List<RerankTraining.Example> odd = new ArrayList<>(), even = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) (position.get(i) % 2 == 1 ? odd : even).add(all.get(i));
        double l2 = KbEvaluation.RERANK_L2;
        double[] wOdd = RerankTraining.fit(odd, l2, 5000, 0.5), wEven = RerankTraining.fit(even, l2, 5000, 0.5);
        double cv = (RerankTraining.hit1(even, wOdd) * even.size() + RerankTraining.hit1(odd, wEven) * odd.size()) / all.size();
        double[] wAll = RerankTraining.fit(all, l2, 5000, 0.5);
        List<RerankTraining.Example> longOdd = new ArrayList<>(), longEven = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).words() >= KbIndex.FOCUS_WORDS) (position.get(i) % 2 == 1 ? longOdd : longEven).add(all.get(i));
        }
        int longN = longOdd.size() + longEven.size();
        String longLine = String.format("  of which long (%d words or more) n=%d: BM25 order %.3f, re-ranked 2-fold %.3f%n",
                KbIndex.FOCUS_WORDS, longN, (RerankTraining.hit1(longOdd, new double[RerankFeature.COUNT]) * longOdd.size()
                        + RerankTraining.hit1(longEven, new double[RerankFeature.COUNT]) * longEven.size()) / Math.max(1, longN),
                (RerankTraining.hit1(longEven, wOdd) * longEven.size() + RerankTraining.hit1(longOdd, wEven) * longOdd.size()) / Math.max(1, longN));
        EvalSet set = EvalSet.load(Path.of("eval"));
        int devN = 0, devHits = 0, devHitsInUse = 0;
        try (KbIndex plain = KbIndex.build(kb.articles(), kb.abbreviations(), bm25)) {
            for (EvalSet.Question q : set.questions()) {
                if (!q.inScope() || !q.dev()) continue;
                RerankTraining.Example e = RerankTraining.example(plain, q.text(), q.articleId());
                devN++;
                if (RerankTraining.hit1(List.of(e), wAll) == 1) devHits++;
                if (RerankTraining.hit1(List.of(e), Reranker.DEFAULT.weights()) == 1) devHitsInUse++;
            }
        }
        return String.format("tuning: leave-one-out n=%d BM25 order Hit@1 %.3f | re-ranked, 2-fold by variant position %.3f"
                        + " | dev n=%d Hit@1 re-ranked (refit) %.3f, (weights in use) %.3f%n", all.size(),
                RerankTraining.hit1(all, new double[RerankFeature.COUNT]), cv, devN, (double) devHits / devN,
                (double) devHitsInUse / devN) + longLine;
    }

    @Test
    void report() throws Exception {
        BotConfig config = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();
        KbLoader.Snapshot kb = KbLoader.load(Path.of(config.kb().dir()), LocalDate.now(config.zone()),
                config.kb().staleAfterDays());
        List<Article> articles = kb.articles();
        int most = articles.stream().mapToInt(a -> a.questions().size()).max().orElse(0);
        List<String> misses = new ArrayList<>();
        Map<String, Integer> pairs = new TreeMap<>();
        int asked = 0, hits = 0, hits3 = 0;
        for (int j = 0; j < most; j++) {
            List<Article> reduced = new ArrayList<>();
            for (Article a : articles) reduced.add(a.questions().size() > j ? RerankTraining.without(a, j) : a);
            try (KbIndex index = KbIndex.build(reduced, kb.abbreviations(), SearchOptions.DEFAULT)) {
                for (Article a : articles) {
                    if (a.questions().size() <= j) continue;
                    String q = a.questions().get(j);
                    List<String> ids = index.search(q, 10).hits().stream().map(h -> h.article().id()).toList();
                    asked++;
                    if (!ids.isEmpty() && ids.get(0).equals(a.id())) hits++;
                    if (ids.subList(0, Math.min(3, ids.size())).contains(a.id())) hits3++;
                    if (ids.isEmpty() || !ids.get(0).equals(a.id())) {
                        String got = ids.isEmpty() ? "-" : ids.get(0);
                        misses.add(String.format("%-42s → %-42s %s", a.id(), got, q));
                        String key = a.id().compareTo(got) < 0 ? a.id() + " ~ " + got : got + " ~ " + a.id();
                        pairs.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(crossValidated(kb));
        out.append(String.format("leave-one-out: %d questions, Hit@1 %.3f, Hit@3 %.3f%n", asked, (double) hits / asked,
                (double) hits3 / asked));
        out.append("\nmost confused pairs:\n");
        pairs.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> out.append(String.format("%3d  %s%n", e.getValue(), e.getKey())));
        out.append("\nmisses (expected → got, question):\n");
        misses.forEach(m -> out.append(m).append('\n'));
        Path file = Path.of("target/kb-eval/leave-one-out.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.print(out);
    }
}
