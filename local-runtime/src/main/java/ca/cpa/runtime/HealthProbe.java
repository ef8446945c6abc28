package ca.cpa.runtime;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** Asks a process's health endpoint, as the launcher and the tests that start processes do. */
public final class HealthProbe {

    private HealthProbe() {
    }

    /** Whether {@code uri} answers 200 within a few seconds; false while nothing listens there yet. */
    public static boolean answersOk(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }
}
