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
    private final KnowledgeBase kb;
    private final Clock clock;

    KbChat(KnowledgeBase kb, Clock clock) {
        this.kb = kb;
        this.clock = clock;
    }

    @Override
    public List<Reply> answer(Incoming message, Sender sender, Connection tx) throws Exception {
        Optional<Reply> chat = SmallTalk.reply(message.text());
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
        return List.of(KbReplies.forDecision(d));
    }

    List<Command> commands() {
        return List.of(
                new Command(KbReplies.SHOW, List.of(), Command.everyone(),
                        "#xem MÃ_BÀI — xem một bài hướng dẫn (dùng cho các nút gợi ý)", this::show),
                new Command(KbReplies.HELPFUL, List.of(), Command.everyone(),
                        "#huuich MÃ_BÀI — báo câu trả lời hữu ích", call -> feedback(call, true)),
                new Command(KbReplies.WRONG, List.of(), Command.everyone(),
                        "#chuadung MÃ_BÀI — báo câu trả lời chưa đúng để người biên tập sửa", call -> feedback(call, false)));
    }

    private List<Reply> show(CommandCall call) throws Exception {
        Optional<String> id = articleId(call.args());
        if (id.isEmpty()) return List.of(KbReplies.missingId(KbReplies.SHOW));
        Optional<Article> a = kb.article(id.get());
        if (a.isEmpty()) return List.of(KbReplies.unknownArticle(id.get()));
        KbStore.choseArticle(call.tx(), call.sender().userId(), a.get().id());
        return List.of(KbReplies.answer(a.get()));
    }

    private List<Reply> feedback(CommandCall call, boolean helpful) throws Exception {
        String command = helpful ? KbReplies.HELPFUL : KbReplies.WRONG;
        Optional<String> id = articleId(call.args());
        if (id.isEmpty()) return List.of(KbReplies.missingId(command));
        if (kb.article(id.get()).isEmpty()) return List.of(KbReplies.unknownArticle(id.get()));
        String question = helpful ? null : KbStore.questionFor(call.tx(), call.sender().userId(), id.get());
        KbStore.logFeedback(call.tx(), call.message().inboxId(), new KbStore.Feedback(call.sender().userId(), id.get(),
                helpful, question, call.now().toEpochMilli()));
        return List.of(helpful ? KbReplies.thanksHelpful() : KbReplies.thanksWrong());
    }

    private static Optional<String> articleId(String args) {
        String first = args.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return first.isEmpty() ? Optional.empty() : Optional.of(first);
    }
}
