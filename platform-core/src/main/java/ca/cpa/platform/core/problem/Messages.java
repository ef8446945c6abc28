package ca.cpa.platform.core.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * English and French texts of problems: a service's own bundle ({@code cpa-messages}) first,
 * then the platform's ({@code cpa-platform-messages}). The unsuffixed bundles are English.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);

    private static final List<String> BUNDLES = List.of("cpa-messages", "cpa-platform-messages");
    private static final ResourceBundle.Control NO_JVM_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text of {@code key} in {@code locale}; the key itself when no bundle has it. */
    public static String get(Locale locale, String key, Object... arguments) {
        for (String bundleName : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale,
                        Thread.currentThread().getContextClassLoader(), NO_JVM_LOCALE_FALLBACK);
                if (bundle.containsKey(key)) {
                    return new MessageFormat(bundle.getString(key), locale).format(arguments);
                }
            } catch (MissingResourceException e) {
                // this bundle does not exist in this service; try the next one
            }
        }
        return key;
    }

    /** The supported language an {@code Accept-Language} header prefers; English when absent or malformed. */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            return preferred(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList());
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    /** The supported language the client prefers, by the order of its Accept-Language ranges. */
    public static Locale preferred(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            if ("*".equals(wanted.getLanguage())) {
                return ENGLISH;
            }
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return ENGLISH;
    }
}
