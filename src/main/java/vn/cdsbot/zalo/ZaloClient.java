package vn.cdsbot.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Zalo OA Open API calls the bot makes, over one shared OkHttp client. Transport failures are
 * IOExceptions; API failures come back as a {@link ZaloResponse} to inspect.
 */
public final class ZaloClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final MediaType PNG = MediaType.get("image/png");
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final OkHttpClient http;
    private final HttpUrl apiBase;
    private final HttpUrl oauthBase;

    public ZaloClient(OkHttpClient http, String apiBaseUrl, String oauthBaseUrl) {
        this.http = http;
        this.apiBase = base(apiBaseUrl, "zalo.api_base_url");
        this.oauthBase = base(oauthBaseUrl, "zalo.oauth_base_url");
    }

    private static HttpUrl base(String url, String key) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) throw new IllegalArgumentException(key + " is not an http(s) URL: " + url);
        return parsed;
    }

    /** POST /v3.0/oa/message/cs — a consultation message (text, buttons or media template). */
    public ZaloResponse sendMessage(String accessToken, ObjectNode body) throws IOException {
        Request request = new Request.Builder()
                .url(url(apiBase, "v3.0/oa/message/cs"))
                .header("access_token", accessToken)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                .build();
        return call(request);
    }

    /** POST /v2.0/oa/upload/image (multipart field "file"); data.attachment_id on success. */
    public ZaloResponse uploadImage(String accessToken, byte[] png, String fileName) throws IOException {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName, RequestBody.create(png, PNG))
                .build();
        Request request = new Request.Builder()
                .url(url(apiBase, "v2.0/oa/upload/image"))
                .header("access_token", accessToken)
                .post(form)
                .build();
        return call(request);
    }

    /**
     * POST /v2.0/oa/upload/file (multipart field "file"); data.token on success, to send in a file message. Zalo takes
     * PDF, DOC and DOCX up to 5 MB ({@link ZaloFiles}). Request shape as in the official SDK sample
     * zaloplatform/zalo-java-sdk src/test/java/v3/UploadFile.java; the answer's data.token as the fact sheet
     * (docs/ket-noi-zalo-oa.md) records it.
     */
    public ZaloResponse uploadFile(String accessToken, byte[] content, String fileName) throws IOException {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName, RequestBody.create(content, MediaType.get(ZaloFiles.mediaType(fileName))))
                .build();
        Request request = new Request.Builder()
                .url(url(apiBase, "v2.0/oa/upload/file"))
                .header("access_token", accessToken)
                .post(form)
                .build();
        return call(request);
    }

    /** GET /v3.0/oa/user/detail — display name and profile of a follower. */
    public ZaloResponse userDetail(String accessToken, String userId) throws IOException {
        String data = JSON.writeValueAsString(Map.of("user_id", userId));
        HttpUrl u = url(apiBase, "v3.0/oa/user/detail").newBuilder().addQueryParameter("data", data).build();
        return call(new Request.Builder().url(u).header("access_token", accessToken).get().build());
    }

    /** The v4 refresh: header secret_key = app secret; form app_id, refresh_token, grant_type. */
    public ZaloResponse refreshToken(String appId, String appSecret, String refreshToken) throws IOException {
        RequestBody form = new FormBody.Builder()
                .add("app_id", appId)
                .add("refresh_token", refreshToken)
                .add("grant_type", "refresh_token")
                .build();
        Request request = new Request.Builder()
                .url(url(oauthBase, "v4/oa/access_token"))
                .header("secret_key", appSecret)
                .post(form)
                .build();
        return call(request);
    }

    private static HttpUrl url(HttpUrl base, String path) {
        HttpUrl.Builder b = base.newBuilder();
        for (String segment : path.split("/")) b.addPathSegment(segment);
        return b.build();
    }

    private ZaloResponse call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            JsonNode json = null;
            if (body != null) {
                String s = body.string();
                try {
                    json = s.isBlank() ? null : JSON.readTree(s);
                } catch (IOException e) {
                    json = null; // an HTML error page from a proxy: judged by the status below
                }
            }
            // The OAuth host puts the tokens at the top level, not under data.
            if (json != null && json.has("access_token") && !json.has("data")) {
                ObjectNode wrapped = JSON.createObjectNode();
                wrapped.put("error", json.path("error").asInt(0));
                wrapped.set("data", json);
                json = wrapped;
            }
            return ZaloResponse.of(response.code(), json);
        }
    }
}
