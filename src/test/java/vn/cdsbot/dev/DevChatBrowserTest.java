package vn.cdsbot.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cdsbot.testing.TestApp;

/**
 * The chat simulator in the system's headless Chromium, phone-sized: a question without diacritics gets an
 * answer, a reply button sends its payload and brings the follow-up, switching persona changes the note, and the
 * Vietnamese on screen is not mojibake. Leaves target/screenshots/dev-chat.png.
 *
 * <p>Skipped only on a developer machine without Chromium; in CI (CI set) a missing browser fails the test.
 */
class DevChatBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TITLE = "Trò chuyện thử với cdsbot (chế độ cục bộ)";

    @TempDir Path dir;
    private TestApp app;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        assumeTrue(present || ci, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        assertThat(present).as("CI must have /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)").isTrue();

        app = TestApp.local(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=vi-VN", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())   // an explicit driver: Selenium Manager never runs
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(390, 844));   // a common phone size
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
    }

    @Test
    void askClickAReplyButtonAndSwitchPersonaOnAPhoneSizedScreen() throws Exception {
        browser.get(app.url("/dev/chat"));
        // The page re-renders its note and messages while polling: an element found a moment ago may be replaced.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(TITLE);   // fails on any mis-decoding
        wait.until(d -> d.findElement(By.id("note-text")).getText().contains("u-citizen-1"));
        String citizenNote = wait.until(d -> d.findElement(By.id("note-text")).getText());
        assertThat(citizenNote).contains("Người dân").contains("không dấu");

        // A question typed the way people type on a phone: no diacritics.
        type("lam lai cccd bi mat o dau");
        waitForBotMessages(wait, 1);
        String answer = wait.until(d -> d.findElements(By.cssSelector(".msg.bot")).get(0).getText());
        assertNotMojibake(answer);
        assertThat(answer).contains("căn cước").contains("Nguồn:");

        // One word is too vague to answer: the bot offers the closest articles as buttons.
        type("cccd");
        waitForBotMessages(wait, 2);
        String clarify = wait.until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(".msg.bot"));
            return all.get(all.size() - 1).getText();
        });
        assertThat(clarify).contains("Bạn muốn hỏi về");
        By clarifyButtons = By.cssSelector(".msg.bot:last-child .buttons button");
        wait.until(d -> !d.findElements(clarifyButtons).isEmpty());
        int botBefore = browser.findElements(By.cssSelector(".msg.bot")).size();
        int meBefore = browser.findElements(By.cssSelector(".msg.me")).size();
        String buttonTitle = wait.until(d -> d.findElements(clarifyButtons).get(0).getText());
        assertNotMojibake(buttonTitle);
        wait.until(d -> {
            d.findElements(clarifyButtons).get(0).click();
            return true;
        });
        waitForBotMessages(wait, botBefore + 1);
        // A command button is oa.query.hide: as in Zalo, the tap does not appear as the user's own message.
        assertThat(browser.findElements(By.cssSelector(".msg.me"))).hasSize(meBefore);
        String followUp = wait.until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector(".msg.bot"));
            return all.get(all.size() - 1).getText();
        });
        assertNotMojibake(followUp);
        assertThat(followUp).as("the article the button names").contains(buttonTitle.substring(0, Math.min(20, buttonTitle.length())));

        // The layout fits the phone: nothing wider than the screen, the input visible at the bottom.
        Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
        Long innerWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerWidth;");
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
        WebElement input = browser.findElement(By.id("text"));
        assertThat(input.isDisplayed()).isTrue();
        assertThat(input.getRect().getY() + input.getRect().getHeight()).isLessThanOrEqualTo(844);

        Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "screenshots", "dev-chat.png"), StandardCopyOption.REPLACE_EXISTING);

        // Switch to a team member: the note changes and explains enrolment; the citizen's chat is kept aside.
        new Select(browser.findElement(By.id("persona"))).selectByVisibleText("Thành viên tổ");
        wait.until(d -> d.findElement(By.id("note-text")).getText().contains("u-member-1"));
        String memberNote = wait.until(d -> d.findElement(By.id("note-text")).getText());
        assertThat(memberNote).isNotEqualTo(citizenNote).contains("Thành viên tổ").contains("#dangky");
        assertThat(browser.findElements(By.cssSelector(".msg"))).isEmpty();
        type("#toi");
        waitForBotMessages(wait, 1);
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "screenshots", "dev-chat-member.png"), StandardCopyOption.REPLACE_EXISTING);

        new Select(browser.findElement(By.id("persona"))).selectByVisibleText("Người dân");
        wait.until(d -> d.findElement(By.id("note-text")).getText().contains("u-citizen-1"));
        assertThat(browser.findElements(By.cssSelector(".msg.bot")).size()).isGreaterThanOrEqualTo(botBefore + 1);
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private List<WebElement> waitForBotMessages(WebDriverWait wait, int atLeast) {
        wait.until(d -> d.findElements(By.cssSelector(".msg.bot")).size() >= atLeast);
        return browser.findElements(By.cssSelector(".msg.bot"));
    }

    /** UTF-8 read as Latin-1 shows up as "Ã", "á»", "Ä‘"; a lost character as U+FFFD. */
    private static void assertNotMojibake(String s) {
        // UTF-8 read as Latin-1 shows as "Ã" + a C1/Latin-1 byte, "á»"/"áº" or "Ä‘"; a lone "Ã" is a real letter (MÃ).
        assertThat(s).doesNotContain("\uFFFD").doesNotContainPattern("Ã[\u0080-\u00BF]").doesNotContain("á»")
                .doesNotContain("áº").doesNotContain("Ä‘");
    }
}
