package vn.cdsbot.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZaloErrorsTest {
    private static ZaloErrors.Action of(int error) {
        return ZaloErrors.classify(new ZaloResponse(200, error, "x", null));
    }

    @Test
    void knownRefusalsAreFinalAndUnknownOnesAreFlagged() {
        for (int code : new int[] {-230, -232, -213, -217, -227, -244, -201}) {
            assertThat(of(code)).as("code %d", code).isEqualTo(ZaloErrors.Action.GIVE_UP);
        }
        assertThat(of(-9999)).isEqualTo(ZaloErrors.Action.UNEXPECTED);
        assertThat(of(-216)).isEqualTo(ZaloErrors.Action.TOKEN);
        assertThat(of(-234)).isEqualTo(ZaloErrors.Action.NIGHT);
        assertThat(of(-32)).isEqualTo(ZaloErrors.Action.RETRY);
    }
}
