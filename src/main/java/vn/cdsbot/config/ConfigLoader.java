package vn.cdsbot.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads bot-config.yaml strictly, then applies the documented environment overrides. With no file at the
 * default path the copy embedded in the jar is used, so the bot runs from anywhere.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "bot-config.yaml";
    private static final String EMBEDDED = "/embedded/bot-config.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private ConfigLoader() {}

    /** Where the config came from, for the start-up log. */
    public record Loaded(BotConfig config, String source) {}

    public static Loaded load(Path file, boolean explicit, Map<String, String> env) {
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new Loaded(parse(in, file.toString(), env), file.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (explicit) throw new ConfigException("config file not found: " + file.toAbsolutePath());
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new ConfigException("no " + DEFAULT_FILE + " here and no embedded default in the jar");
            return new Loaded(parse(in, "embedded " + DEFAULT_FILE, env), "embedded default (no " + DEFAULT_FILE + " in "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ConfigException("cannot read the embedded config: " + e.getMessage(), e);
        }
    }

    static BotConfig parse(InputStream in, String name, Map<String, String> env) {
        ObjectNode tree;
        try {
            var node = YAML.readTree(in);
            if (node == null || !node.isObject()) throw new ConfigException(name + ": expected a YAML mapping at the top");
            tree = (ObjectNode) node;
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        applyEnv(tree, env, name);
        // Checked before binding: the missing new key would otherwise be reported first, hiding what replaced the old one.
        if (tree.path("units").has("reporting_kind")) throw new ConfigException(name + ": " + RETIRED_REPORTING_KIND);
        try {
            return YAML.treeToValue(tree, BotConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ConfigException(name + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static void applyEnv(ObjectNode tree, Map<String, String> env, String name) {
        override(tree, env, "CDSBOT_PORT", "server", "port", true);
        override(tree, env, "CDSBOT_PUBLIC_URL", "server", "public_url", false);
        override(tree, env, "CDSBOT_DB", "storage", "database", false);
        override(tree, env, "ZALO_API_BASE_URL", "zalo", "api_base_url", false);
        override(tree, env, "ZALO_OAUTH_BASE_URL", "zalo", "oauth_base_url", false);
        override(tree, env, "ZALO_SITE_VERIFICATION", "zalo", "site_verification", false);
        readVerifierFile(tree);
    }

    /**
     * {@code site_verification} may name the zalo_verifier….html file the operator downloaded: its text is what
     * gets served, byte for byte, so Zalo finds exactly what it generated.
     */
    private static void readVerifierFile(ObjectNode tree) {
        if (!(tree.get("zalo") instanceof ObjectNode zalo) || !zalo.path("site_verification").isTextual()) return;
        String value = zalo.path("site_verification").asText().strip();
        if (value.contains("<") || !value.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) return;
        java.nio.file.Path file = java.nio.file.Path.of(value);
        try {
            zalo.put("site_verification", java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException("zalo.site_verification: cannot read the verification file " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + "); give the code, the meta tag or the path of the file Zalo gave");
        }
    }

    private static void override(ObjectNode tree, Map<String, String> env, String var, String section, String key,
                                 boolean integer) {
        String value = env.get(var);
        if (value == null || value.isBlank()) return;
        if (!(tree.get(section) instanceof ObjectNode node)) return; // the missing section is reported by binding
        if (integer) {
            try {
                node.put(key, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("environment variable " + var + ": expected a whole number, got '" + value + "'");
            }
        } else {
            node.put(key, value.strip());
        }
    }

    /** Replaced when hamlet teams became units that report too: a list of levels instead of one kind. */
    static final String RETIRED_REPORTING_KIND = "key 'units.reporting_kind' is no longer used: replace it with the list "
            + "'units.reporting_kinds', for example 'reporting_kinds: [commune, hamlet]' (commune teams and hamlet teams "
            + "both report) or 'reporting_kinds: [commune]' (as before)";

    static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException u && path.equals("zalo.messaging_window_days")) {
            // Replaced when Zalo's free 48 h and billed 7-day windows were modelled: say what to write instead.
            return "key 'zalo.messaging_window_days' is no longer used: delete it. Scheduled messages now go to people "
                    + "active within 48 h (free); set 'zalo.paid_messages: true' to also reach those active within 7 days "
                    + "(billed, needs a Zalo Cloud Account)";
        }
        if (e instanceof UnrecognizedPropertyException u && path.equals("units.reporting_kind")) return RETIRED_REPORTING_KIND;
        if (e instanceof UnrecognizedPropertyException u) {
            String where = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the top level";
            return "unknown key '" + path + "' (allowed in " + where + ": "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return "key '" + path + "': wrong type, expected " + simpleType(f.getTargetType()) + " but got '" + f.getValue() + "'";
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return "key '" + path + "': " + cause.getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property") || msg.startsWith("Missing creator property")) {
                String prop = msg.replaceAll("(?s)^[^']*'([^']+)'.*", "$1");
                String full = path.isEmpty() ? prop : path.endsWith(prop) ? path : path + "." + prop;
                return "missing required key '" + full + "'";
            }
            if (msg.startsWith("Null value for creator property")) {
                return "key '" + path + "' must have a value";
            }
            return "key '" + path + "': wrong type, expected " + simpleType(m.getTargetType());
        }
        return "key '" + path + "': " + firstLine(e.getOriginalMessage());
    }

    private static String simpleType(Class<?> c) {
        if (c == null) return "another type";
        if (c == int.class || c == Integer.class || c == long.class) return "a whole number";
        if (c == double.class || c == Double.class) return "a number";
        if (c == boolean.class || c == Boolean.class) return "true or false";
        if (c == String.class) return "text";
        if (java.util.List.class.isAssignableFrom(c)) return "a list";
        return "a mapping (" + c.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
