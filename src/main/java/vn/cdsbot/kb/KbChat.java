package vn.cdsbot.kb;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Sender;

/**
 * The knowledge base in the chat: answers free-text questions, and handles the commands behind its buttons
 * (#xem to open an offered article, #huuich / #chuadung for feedback). Writes go to the message's transaction.
 */
final class KbChat implements QuestionAnswerer {
    /** How long after "Chưa đúng" the next plain message is taken as the explanation, not as a question. */
    static final java.time.Duration COMMENT_WINDOW = java.time.Duration.ofMinutes(30);
    private static final int MAX_COMMENT_CHARS = 1000;

    private final KnowledgeBase kb;
    private final Clock clock;

    KbChat(KnowledgeBase kb, Clock clock) {
        this.kb = kb;
        this.clock = clock;
    }

    @Override
    public List<Reply> answer(Incoming message, Sender sender, Connection tx) throws Exception {
        Optional<Reply> chat = SmallTalk.reply(message.text());
        Optional<Long> explains = KbStore.takePendingComment(tx, sender.userId(),
                clock.millis() - COMMENT_WINDOW.toMillis());
        if (explains.isPresent() && chat.isEmpty()) {
            // The citizen's words on what was wrong go to the editors; they are not a new question.
            String comment = message.text().strip();
            KbStore.saveComment(tx, explains.get(),
                    comment.length() > MAX_COMMENT_CHARS ? comment.substring(0, MAX_COMMENT_CHARS) : comment);
            return List.of(KbReplies.thanksComment());
        }
        if (chat.isPresent()) return List.of(chat.get());
        Optional<Reply> otherApp = OtherApps.reply(message.text());
        if (otherApp.isPresent()) return List.of(otherApp.get());
        AnswerPolicy.Decision d = kb.ask(message.text());
        long now = clock.millis();
        String top = d.hits().isEmpty() ? null : d.hits().get(0).article().id();
        boolean answered = d.kind() == AnswerPolicy.Kind.ANSWER;
        KbStore.rememberQuestion(tx, sender.userId(), message.text(), answered ? top : null, now);
        if (!answered) {
            String decision = d.kind().name().toLowerCase(Locale.ROOT);
            KbStore.logUnanswered(tx, message.inboxId(),
                    new KbStore.Unanswered(sender.userId(), message.text(), decision, top, d.confidence(), now));
        }
        return List.of(KbReplies.forDecision(d, kb::shown));
    }

    List<Command> commands() {
        return List.of(
                // The suggestion and feedback buttons send these; nobody needs to type them, so #trogiup leaves them out.
                Command.forButtons(KbReplies.SHOW, Command.everyone(), this::show),
                Command.forButtons(KbReplies.HELPFUL, Command.everyone(), call -> feedback(call, true)),
                Command.forButtons(KbReplies.WRONG, Command.everyone(), call -> feedback(call, false)));
    }

    private List<Reply> show(CommandCall call) throws Exception {
        Optional<String> id = articleId(call.args());
        if (id.isEmpty()) return List.of(KbReplies.missingId(KbReplies.SHOW));
        Optional<Article> a = kb.article(id.get());
        if (a.isEmpty()) return List.of(KbReplies.unknownArticle(id.get()));
        KbStore.choseArticle(call.tx(), call.sender().userId(), a.get().id());
        return List.of(KbReplies.answer(kb.shown(a.get())));
    }

    private List<Reply> feedback(CommandCall call, boolean helpful) throws Exception {
        String command = helpful ? KbReplies.HELPFUL : KbReplies.WRONG;
        Optional<String> id = articleId(call.args());
        if (id.isEmpty()) return List.of(KbReplies.missingId(command));
        if (kb.article(id.get()).isEmpty()) return List.of(KbReplies.unknownArticle(id.get()));
        String question = helpful ? null : KbStore.questionFor(call.tx(), call.sender().userId(), id.get());
        long feedback = KbStore.logFeedback(call.tx(), call.message().inboxId(), new KbStore.Feedback(
                call.sender().userId(), id.get(), helpful, question, call.now().toEpochMilli()));
        if (helpful) return List.of(KbReplies.thanksHelpful());
        KbStore.awaitComment(call.tx(), call.sender().userId(), feedback, call.now().toEpochMilli());
        return List.of(KbReplies.askWhatWasWrong());
    }

    private static Optional<String> articleId(String args) {
        String first = args.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return first.isEmpty() ? Optional.empty() : Optional.of(first);
    }
}
