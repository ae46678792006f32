package vn.cdsbot.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** Writes small knowledge-base files for tests. */
final class KbFiles {
    private KbFiles() {}

    static String article(String id, String service, String title, List<String> questions, String body) {
        StringBuilder b = new StringBuilder("---\nid: ").append(id).append("\nservice: ").append(service)
                .append("\ntitle: ").append(title).append("\nquestions:\n");
        questions.forEach(q -> b.append("  - ").append(q).append('\n'));
        b.append("keywords: [").append(title).append("]\nsources:\n  - url: https://dichvucong.gov.vn/p/home\n")
                .append("    checked: 2026-11-20\n---\n").append(body).append('\n');
        return b.toString();
    }

    static String passportArticle() {
        return article("cap-ho-chieu", "dv12", "Cấp hộ chiếu phổ thông lần đầu", List.of(
                "Làm hộ chiếu lần đầu ở đâu?", "lam ho chieu o dau", "xin cấp passport đi du lịch",
                "hộ chiếu làm online được không", "làm hộ chiếu mất bao lâu", "lệ phí làm hộ chiếu bao nhiêu"),
                "1. Nộp trên Cổng Dịch vụ công quốc gia hoặc tại Công an tỉnh.\nLệ phí: 200.000đ.");
    }

    static String birthArticle() {
        return article("khai-sinh", "dv09", "Đăng ký khai sinh cho con", List.of(
                "Làm giấy khai sinh cho con ở đâu?", "dang ky khai sinh cho be", "khai sinh online trên vneid",
                "đăng ký khai sinh cần giấy tờ gì", "trẻ mới sinh làm khai sinh thế nào", "khai sinh mất bao lâu"),
                "1. Nộp trên VNeID hoặc tại UBND xã.\nLệ phí: miễn phí khi đăng ký đúng hạn.");
    }

    /** Writes and moves the modification time forward, so a poll sees the change even on coarse clocks. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        FileTime before = Files.exists(f) ? Files.getLastModifiedTime(f) : FileTime.fromMillis(0);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        long next = Math.max(System.currentTimeMillis(), before.toMillis() + 2000);
        Files.setLastModifiedTime(f, FileTime.fromMillis(next));
        return f;
    }
}
