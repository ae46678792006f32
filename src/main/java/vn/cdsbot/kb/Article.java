package vn.cdsbot.kb;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base article as written by the editors.
 *
 * @param file where it was read from (for messages)
 * @param body the plain-text body, NFC, as shown to users
 */
public record Article(String id, String service, String title, List<String> questions, List<String> keywords,
                      List<Source> sources, String body, Path file) {

    /**
     * @param checked the day an editor last read the page and found the article still right
     * @param published the page's own date when the editor wrote it down (null: unknown or read from the address)
     */
    public record Source(String url, LocalDate checked, LocalDate published) {
        public Source {
            Objects.requireNonNull(url, "url == null");
            Objects.requireNonNull(checked, "checked == null");
        }

        public Source(String url, LocalDate checked) {
            this(url, checked, null);
        }
    }

    public Article {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(title, "title == null");
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
        Objects.requireNonNull(body, "body == null");
    }

    /** The same article with another body (the facts' values in place of their {{keys}}). */
    public Article withBody(String newBody) {
        return newBody.equals(body) ? this : new Article(id, service, title, questions, keywords, sources, newBody, file);
    }

    /** The source shown to users: the first one, which editors list as the primary reference. */
    public Source primarySource() {
        return sources.get(0);
    }
}
