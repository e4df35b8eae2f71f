package dev.reportgateway.logging;

import java.util.List;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Masks credentials in every log line, whatever logged them and at whatever level: {@code Basic}/{@code Bearer}
 * header values (values, not words: "the Bearer token" stays readable), token and secret fields of JSON and form
 * bodies, user information in URLs ({@code https://user:pass@host}), and the configured secret and token
 * themselves. Installed on the console and file handlers ({@code quarkus.log.*.filter=redact-credentials}).
 */
@LoggingFilter(name = "redact-credentials")
public final class CredentialRedactionFilter implements Filter {

    static final String MASK = "***";
    private static final Pattern AUTH_SCHEMES = Pattern.compile("(?i)\\b(Basic|Bearer)\\s+([A-Za-z0-9\\-._~+/]+=*)");
    /** A plain word after a scheme name ("Bearer token.", "Bearer realm="): prose or a parameter name, not a credential. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Z]?[a-z]{1,19}[.=]*");
    /** The user information of a URL ({@code scheme://user:password@}), up to its last {@code @} before the host. */
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://)[^/?#\\s]+@");
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(?i)(\"?\\b(?:access_token|id_token|refresh_token|client_secret|password|token)\"?\\s*[:=]\\s*\"?)[^\"&,\\s}\\]]+");

    private final List<String> configuredSecrets;

    public CredentialRedactionFilter(@ConfigProperty(name = "acronis.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "acronis.token") Optional<String> token) {
        this.configuredSecrets = Stream.of(clientSecret, token).flatMap(Optional::stream)
                .filter(secret -> !secret.isBlank()).toList();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String redacted = redact(message);
            if (redacted != null && (!redacted.equals(message) || ext.getParameters() != null)) {
                // formatted once here: the handler writes this text instead of formatting the record again
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    /** The text with every credential masked. */
    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : configuredSecrets) {
            result = result.replace(secret, MASK);
        }
        result = URL_USERINFO.matcher(result).replaceAll("$1" + MASK + "@");
        result = AUTH_SCHEMES.matcher(result).replaceAll(scheme -> PLAIN_WORD.matcher(scheme.group(2)).matches()
                ? Matcher.quoteReplacement(scheme.group())
                : scheme.group(1) + " " + MASK);
        return SECRET_FIELDS.matcher(result).replaceAll("$1" + MASK);
    }
}
