package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The attachments of user_send_* events, in the shape Zalo documents (zalo-oa-api.md §1.4), read leniently. */
class EventParserTest {
    static WebhookEvent parse(String json) throws Exception {
        return EventParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileEventCarriesItsAttachment() throws Exception {
        WebhookEvent e = parse("""
                {"app_id":"1","event_name":"user_send_file","timestamp":"1700000000000","sender":{"id":"246845883529197922"},
                 "recipient":{"id":"9"},"message":{"msg_id":"m1","attachments":[{"type":"file","payload":{"size":"2048",
                 "name":"chỉ tiêu.xlsx","checksum":"0cc175b9c0f1b6a831c399e269772661","type":"xlsx",
                 "url":"https://f21-zfcloud.zdn.vn/abc/chi-tieu.xlsx"}}]}}""");
        assertThat(e.userId()).isEqualTo("246845883529197922");
        assertThat(e.text()).isEmpty();
        assertThat(e.attachments()).containsExactly(new WebhookEvent.Attachment("file",
                "https://f21-zfcloud.zdn.vn/abc/chi-tieu.xlsx", "chỉ tiêu.xlsx", 2048));
    }

    @Test
    void oddEntriesAreSkippedOrLeftWithoutTheMissingFields() throws Exception {
        WebhookEvent e = parse("""
                {"app_id":"1","event_name":"user_send_file","timestamp":"1","sender":{"id":"u"},
                 "message":{"msg_id":"m1","attachments":["x", 3, {"type":"file","payload":{"size":512,"name":"a.csv"}},
                 {"type":"image","payload":{"thumbnail":"https://t/1","url":"https://p/1"}},
                 {"type":"file","payload":{"size":"lớn","url":"https://f/2"}}]}}""");
        assertThat(e.attachments()).containsExactly(
                new WebhookEvent.Attachment("file", null, "a.csv", 512),
                new WebhookEvent.Attachment("image", "https://p/1", null, -1),
                new WebhookEvent.Attachment("file", "https://f/2", null, -1));
    }

    @Test
    void aTextEventHasNoAttachments() throws Exception {
        WebhookEvent e = parse("""
                {"app_id":"1","event_name":"user_send_text","timestamp":"1","sender":{"id":"u"},
                 "message":{"msg_id":"m1","text":"xin chào","attachments":{"not":"an array"}}}""");
        assertThat(e.text()).isEqualTo("xin chào");
        assertThat(e.attachments()).isEmpty();
    }
}
