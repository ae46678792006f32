package vn.cdsbot.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles currently served and their index. {@link #reloadIfChanged()} re-reads the folder when a file
 * changed; if the new content has any error, the errors are logged with file and line and the previous index
 * keeps serving. Safe for concurrent use: searches read one immutable generation.
 */
public final class KnowledgeBase {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    static final int HITS = 10;

    /** {@code byId} holds the articles as written ({{keys}} unresolved); the index, today's wording. */
    private record Generation(KbIndex index, Map<String, Article> byId, Facts facts, String fingerprint) {}

    private final Path dir;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final int staleAfterDays;
    private final SearchOptions options;
    private final AnswerPolicy policy;
    private volatile Generation current;
    /** Fingerprint of the last content tried, good or bad, so a broken file is reported once, not every poll. */
    private volatile String lastTried;

    private KnowledgeBase(Path dir, Clock clock, java.time.ZoneId zone, int staleAfterDays, SearchOptions options,
                          AnswerPolicy policy) {
        this.dir = dir;
        this.clock = clock;
        this.zone = zone;
        this.staleAfterDays = staleAfterDays;
        this.options = options;
        this.policy = policy;
    }

    /**
     * Loads the folder. At start-up there is no previous index to fall back on, so broken files are left out
     * (and logged) and every valid article is served.
     */
    public static KnowledgeBase open(Path dir, Clock clock, java.time.ZoneId zone, int staleAfterDays,
                                     AnswerPolicy policy) {
        return open(dir, clock, zone, staleAfterDays, policy, SearchOptions.DEFAULT);
    }

    static KnowledgeBase open(Path dir, Clock clock, java.time.ZoneId zone, int staleAfterDays, AnswerPolicy policy,
                              SearchOptions options) {
        KnowledgeBase kb = new KnowledgeBase(dir, clock, zone, staleAfterDays, options, policy);
        String fingerprint = kb.fingerprint();
        KbLoader.Snapshot snapshot = kb.load();
        report(snapshot.problems());
        kb.current = kb.generation(snapshot, fingerprint);
        kb.lastTried = fingerprint;
        log.info("Knowledge base: {} articles, {} abbreviations from {}{}", snapshot.articles().size(),
                snapshot.abbreviations().size(), dir.toAbsolutePath(),
                snapshot.hasErrors() ? " (" + snapshot.errors().size() + " errors; broken files left out)" : "");
        return kb;
    }

    /** Re-reads the folder if any file was added, removed or modified since the last attempt. */
    public synchronized boolean reloadIfChanged() {
        String fingerprint = fingerprint();
        if (fingerprint.equals(lastTried)) return false;
        lastTried = fingerprint;
        KbLoader.Snapshot snapshot = load();
        report(snapshot.problems());
        if (snapshot.hasErrors()) {
            log.error("Knowledge base NOT reloaded: {} error(s) above; the previous version ({} articles) keeps serving",
                    snapshot.errors().size(), current.byId().size());
            return false;
        }
        current = generation(snapshot, fingerprint);
        log.info("Knowledge base reloaded: {} articles", snapshot.articles().size());
        return true;
    }

    public AnswerPolicy.Decision ask(String question) {
        return policy.decide(current.index().search(question, HITS));
    }

    public KbIndex.Result search(String question) {
        return current.index().search(question, HITS);
    }

    public Optional<Article> article(String id) {
        return Optional.ofNullable(current.byId().get(id));
    }

    /** The article as a citizen sees it today: each {{key}} replaced by the value in force on this day. */
    public Article shown(Article a) {
        Generation g = current;
        Article written = g.byId().getOrDefault(a.id(), a);
        return written.withBody(g.facts().render(written.body(), today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<Article> articles() {
        return current.index().articles();
    }

    private KbLoader.Snapshot load() {
        return KbLoader.load(dir, today(), staleAfterDays);
    }

    private Generation generation(KbLoader.Snapshot s, String fingerprint) {
        // Indexed with the values of the load day, so retrieval sees the same words as before facts existed.
        List<Article> worded = s.articles().stream().map(a -> a.withBody(s.facts().render(a.body(), today()))).toList();
        KbIndex index = KbIndex.build(worded, s.abbreviations(), options);
        Map<String, Article> byId = s.articles().stream().collect(Collectors.toUnmodifiableMap(Article::id, Function.identity()));
        return new Generation(index, byId, s.facts(), fingerprint);
    }

    /** Errors one by one (an article is not served); warnings as one line, since editors read them in kb check. */
    private static void report(List<KbProblem> problems) {
        long warnings = 0;
        for (KbProblem p : problems) {
            if (p.isError()) log.error("{}", p);
            else warnings++;
        }
        if (warnings > 0) {
            log.warn("Knowledge base: {} warning(s) for editors (sources to re-check, facts to review); "
                    + "list them with: java -jar target/cdsbot.jar kb check", warnings);
        }
    }

    /** Names, sizes and modification times of the watched files: cheap enough to compute every 2 seconds. */
    private String fingerprint() {
        if (!Files.isDirectory(dir)) return "missing";
        StringBuilder b = new StringBuilder();
        for (Path f : KbLoader.watchedFiles(dir)) {
            try {
                b.append(f.getFileName()).append('|').append(Files.size(f)).append('|')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            } catch (IOException e) {
                b.append(f.getFileName()).append("|?\n");
            }
        }
        return b.toString();
    }
}
