package ca.cpa.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;

/** HTTP calls as the services' users make them: JSON, with a bearer token, alone or many at once. */
public final class Calls {

    private Calls() {
    }

    /** A JSON call by a caller holding {@code role}. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.of(role)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Runs every call at the same moment on {@code threads} threads; answers their results in order. */
    public static <T> List<T> concurrently(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many events of {@code type} (any type when null) the service's inbox counted with {@code outcome}. */
    public static double inboxCount(String outcome, String type) {
        return inboxCount(given().get("/q/metrics").then().statusCode(200).extract().asString(), outcome, type);
    }

    /** The same count read from a service's Prometheus text ({@code /q/metrics}). */
    public static double inboxCount(String metrics, String outcome, String type) {
        return metrics.lines()
                .filter(line -> line.startsWith("cpa_inbox_events_total{") && line.contains("outcome=\"" + outcome + "\"")
                        && (type == null || line.contains("type=\"" + type + "\"")))
                .mapToDouble(Calls::sampleValue)
                .sum();
    }

    /**
     * The value of one sample line of a service's metrics: the number after its labels. An
     * exemplar (OpenMetrics; the trace of the last counted event) may follow it.
     */
    public static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf('}') + 1).trim().split("\\s+")[0]);
    }
}
