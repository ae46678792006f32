package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cdsbot.config.ConfigLoader;

/** One-line reports as team members really type them, and guided answers. */
class ReportParserTest {
    static ReportParser parser;
    static final Set<String> UNITS = Set.of("BP-DXO-01", "BP-DXO-02");

    @BeforeAll
    static void indicatorsFromTheShippedConfig() {
        var config = ConfigLoader.load(Path.of("bot-config.yaml"), true, java.util.Map.of()).config();
        parser = new ReportParser(new Indicators(config.reporting().indicators()));
    }

    /** "hotro=35 vneid=20 w46/2026 @BP-DXO-01": values in order, then week and unit when given. */
    static String describe(ReportParser.Result r) {
        if (r instanceof ReportParser.Result.Invalid inv) return "INVALID " + String.join(" / ", inv.problems());
        ReportParser.Result.Ok ok = (ReportParser.Result.Ok) r;
        StringBuilder sb = new StringBuilder(ok.values().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        if (ok.period() instanceof vn.cdsbot.period.PeriodSpec.WeekNumber n) {
            sb.append(" w").append(n.number()).append(n.year() == null ? "" : "/" + n.year());
        } else if (ok.period() instanceof vn.cdsbot.period.PeriodSpec.Relative rel) {
            sb.append(" w").append(rel.offset() >= 0 ? "+" : "").append(rel.offset());
        }
        if (ok.unitCode() != null) sb.append(" @").append(ok.unitCode());
        return sb.toString().strip();
    }

    private static ReportParser.Result parse(String text) {
        return parser.parse(text, s -> UNITS.stream().anyMatch(u -> u.equalsIgnoreCase(s)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            hotro=35 vneid=20 dvc=12                                     | hotro=35 vneid=20 dvc=12
            hỗ trợ 35, vneid 20                                          | hotro=35 vneid=20
            ho tro 35, vneid 20                                          | hotro=35 vneid=20
            HỖ TRỢ: 35; VNeID: 20; DVC: 12                               | hotro=35 vneid=20 dvc=12
            hotro=35,vneid=20,dvc=12                                     | hotro=35 vneid=20 dvc=12
            hotro35 vneid20                                              | hotro=35 vneid=20
            hotro 35 va vneid 20                                         | hotro=35 vneid=20
            hotro 1.234                                                  | hotro=1234
            hotro 1,234                                                  | hotro=1234
            hỗ trợ 12.500, dvc 3                                         | hotro=12500 dvc=3
            hotro: 0                                                     | hotro=0
            tuan 46 hotro 35                                             | hotro=35 w46
            tuần 46 hotro=35                                             | hotro=35 w46
            tuần 46/2026 hotro=35                                        | hotro=35 w46/2026
            tuan 1/27 hotro=2                                            | hotro=2 w1/2027
            tuần 46 năm 2026, hỗ trợ 35                                  | hotro=35 w46/2026
            hotro 35 tuần 46                                             | hotro=35 w46
            tuần trước hotro 5                                           | hotro=5 w-1
            tuần vừa rồi: hỗ trợ 5                                       | hotro=5 w-1
            tuần này hotro 5                                             | hotro=5 w+0
            35 lượt hỗ trợ, 20 vneid, 12 hồ sơ                           | hotro=35 vneid=20 dvc=12
            35 hotro 20 vneid                                            | hotro=35 vneid=20
            dvc 12 hồ sơ                                                 | dvc=12
            hỗ trợ được 35 người dân                                     | hotro=35
            lượt người dân được hỗ trợ: 35                               | hotro=35
            tài khoản VNeID 20                                           | vneid=20
            định danh 15                                                 | vneid=15
            dich vu cong 12                                              | dvc=12
            thanh toán 8, tuyên truyền 1                                 | thanhtoan=8 tuyentruyen=1
            khong tien mat 8                                             | thanhtoan=8
            tập huấn 2 buổi                                              | tuyentruyen=2
            buổi tuyên truyền 3                                          | tuyentruyen=3
            'Báo cáo tuần 47: hỗ trợ 35 lượt, VNeID 20 tài khoản, DVC 12 hồ sơ, thanh toán 0, tuyên truyền 1 buổi' | hotro=35 vneid=20 dvc=12 thanhtoan=0 tuyentruyen=1 w47
            'em gửi số liệu ạ: hotro 35, vneid 20'                       | hotro=35 vneid=20
            BP-DXO-01 hotro=35                                           | hotro=35 @BP-DXO-01
            'hotro=35 bp-dxo-02.'                                        | hotro=35 @bp-dxo-02
            hotro=35 vneid=20 hotro=35                                   | hotro=35 vneid=20
            ''                                                           | ''
            tuần 46                                                      | w46
            gửi báo cáo tuần này                                         | w+0
            """)
    void understands(String text, String expected) {
        assertThat(describe(parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            hotro=abc                          | Giá trị của hotro ("abc") không phải là số
            hotro -5                           | Số liệu không thể âm: hotro = -5
            hotro=-5                           | Số liệu không thể âm: hotro = -5
            hotro 3,5                          | Giá trị của hotro ("3,5") không phải số nguyên
            hotro 2.5                          | Giá trị của hotro ("2.5") không phải số nguyên
            hotro 1.23                         | không phải số nguyên
            vnied 20                           | Bot không biết chỉ tiêu "vnied"
            abc=5                              | Bot không biết chỉ tiêu "abc"
            'hotro 35, số người 4'             | Số 4 không rõ là của chỉ tiêu nào
            hotro                              | Thiếu số liệu cho hotro
            'hotro 35, vneid'                  | Thiếu số liệu cho vneid
            35                                 | Số 35 không rõ là của chỉ tiêu nào
            hotro 35 40                        | Số 40 không rõ là của chỉ tiêu nào
            'hotro 35, hotro 40'               | hotro được ghi hai lần với hai số khác nhau (35 và 40)
            hotro 2000000                      | quá lớn cho một tuần
            hotro 99999999999999999999         | quá lớn cho một tuần
            tuan 4,5 hotro 3                   | Số tuần "4,5" không hợp lệ
            tuần 46 tuần 47 hotro 1            | ghi hai kỳ khác nhau
            BP-DXO-01 BP-DXO-02 hotro 1        | ghi hai đơn vị
            """)
    void namesTheProblem(String text, String problem) {
        assertThat(describe(parse(text))).startsWith("INVALID").contains(problem);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            35           | 35
            1.234        | 1234
            ' 12 '       | 12
            35 lượt      | 35
            khoảng 40    | 40
            0            | 0
            không        | 0
            Không        | 0
            ko           | 0
            bỏ qua       | skip
            Bỏ qua       | skip
            bo qua       | skip
            -            | skip
            -3           | problem: Số liệu không thể âm
            3,5          | problem: không phải số nguyên
            abc          | problem: Bot đang chờ số liệu
            làm căn cước ở đâu | problem: Bot đang chờ số liệu
            35 40        | problem: Mỗi câu chỉ cần một số
            2000000      | problem: quá lớn
            """)
    void readsGuidedAnswers(String text, String expected) {
        ReportParser.Answer a = parser.answer(text);
        String got = a instanceof ReportParser.Answer.Value v ? String.valueOf(v.value())
                : a instanceof ReportParser.Answer.Skip ? "skip"
                : "problem: " + ((ReportParser.Answer.Problem) a).message();
        if (expected.startsWith("problem: ")) assertThat(got).startsWith("problem: ").contains(expected.substring(9));
        else assertThat(got).isEqualTo(expected);
    }
}
