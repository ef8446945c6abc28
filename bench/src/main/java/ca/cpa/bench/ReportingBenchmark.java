package ca.cpa.bench;

import ca.cpa.runtime.LocalSuite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * reporting-service's figures: a 100,000-row history import (rows/s, and how far the service's
 * resident memory grows meanwhile), the Program report read at load with 150 officers deployed
 * and 5,000 historical deployments, and the time from a deployment's event to the report
 * showing it. The deployments are announced on personnel-service's topic, as it announces them.
 */
final class ReportingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HEADER = "missionCode,missionName,hostCountry,partnerOrganization,policeServiceCode,"
            + "officerRef,memberType,startDate,endDate\n";

    private final LocalSuite suite;
    private final String planner;
    private final int runs;
    private final int seconds;
    private final int warmUpSeconds;
    private final int connections;
    private final Path workDir;

    ReportingBenchmark(LocalSuite suite, String planner, int runs, int seconds, int warmUpSeconds, int connections, Path workDir) {
        this.suite = suite;
        this.planner = planner;
        this.runs = runs;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.connections = connections;
        this.workDir = workDir;
    }

    void measure(Map<String, Object> report, Table table) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        importRows(100_000, "BENCHX", results, table);
        importRows(5_000, "BENCHH", new LinkedHashMap<>(), new Table());
        String mission = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = Events.producer(suite.bootstrapServers())) {
            Events.announce(producer, "cpa.mission.events", "ca.cpa.mission.created.v1", mission, """
                    {"missionId": "%s", "code": "BENCH-REPORT", "nameEn": "Benchmark", "nameFr": "Mesure", "hostCountry": "HT",
                     "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations", "status": "ACTIVE"}""".formatted(mission));
            for (int i = 0; i < 150; i++) {
                String deployment = UUID.randomUUID().toString();
                String officer = UUID.randomUUID().toString();
                Events.announce(producer, "cpa.personnel.events", "ca.cpa.deployment.planned.v1", deployment, planned(deployment,
                        officer, mission, "RCMP"));
                Events.announce(producer, "cpa.personnel.events", "ca.cpa.deployment.started.v1", deployment, """
                        {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "arrivalDate": "%s", "endDate": "%s"}"""
                        .formatted(deployment, officer, mission, LocalDate.now(), LocalDate.now().plusMonths(9)));
            }
            producer.flush();
            awaitReport(report150 -> missionDeployed(report150, mission) >= 150, Duration.ofSeconds(60));
            readAtLoad(results, table);
            eventToFigure(producer, mission, results, table);
        }
        report.put("reporting", results);
    }

    private void importRows(int rows, String missionCode, Map<String, Object> results, Table table) throws Exception {
        Path file = workDir.resolve("history-" + rows + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            long officers = UUID.randomUUID().getMostSignificantBits() >>> 12;
            for (int i = 0; i < rows; i++) {
                out.write(missionCode + ",Benchmark history,HT,United Nations,RCMP," + String.format("ab0%013x", officers + i)
                        + ",SWORN_OFFICER," + LocalDate.of(1990 + i % 30, 1 + i % 12, 1) + ","
                        + LocalDate.of(1990 + i % 30, 1 + i % 12, 28) + "\n");
            }
        }
        long pid = suite.processIds().get("reporting-service");
        ProcessMemory before = ProcessMemory.of(pid);
        double[] peak = {before.rssMb()};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], ProcessMemory.of(pid).rssMb());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create(suite.serviceUrl("reporting-service") + "/api/v1/history/imports"))
                .header("Authorization", "Bearer " + planner).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        double elapsed = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        Files.delete(file);
        if (answer.statusCode() != 201 || JSON.readTree(answer.body()).path("rowsImported").asLong() != rows) {
            throw new IllegalStateException("the import of " + rows + " rows answered " + answer.statusCode() + ": " + answer.body());
        }
        double rate = rows / elapsed;
        double growth = peak[0] - before.rssMb();
        results.put("import" + rows, Map.of("seconds", elapsed, "rowsPerSecond", rate, "rssBeforeMb", before.rssMb(),
                "rssPeakMb", peak[0], "rssGrowthMb", growth));
        table.add(String.format(Locale.ROOT, "history import of %,d rows (direct): rows/s · RSS growth MB (%.0f → peak %.0f)",
                        rows, before.rssMb(), peak[0]), String.format(Locale.ROOT, "%,.0f · %.0f", rate, growth),
                "≥ 20,000 · ≤ 100", rate >= 20_000 && growth <= 100);
    }

    private void readAtLoad(Map<String, Object> results, Table table) {
        Path script = Tools.wrkScript("GET", null, Map.of("Authorization", "Bearer " + planner));
        String path = "/api/v1/reports/program";
        List<Tools.Runs> measured = Tools.wrkInTurns(List.of(suite.serviceUrl("reporting-service") + path,
                suite.gatewayUrl() + path), script, connections, seconds, runs, warmUpSeconds);
        for (int i = 0; i < 2; i++) {
            String route = i == 0 ? "direct" : "gateway";
            results.put("GET /api/v1/reports/program " + route, measured.get(i).asMap());
            table.add("GET /api/v1/reports/program (150 deployed, 105,000 historical), " + route + ": req/s · p50 ms · p99 ms",
                    measured.get(i).quoted(), "p50 ≤ 10", Figures.of(measured.get(i).p50()).median() <= 10);
        }
    }

    /** A deployment planned for a police service of its own, until the report counts it; one at a time. */
    private void eventToFigure(KafkaProducer<String, byte[]> producer, String mission, Map<String, Object> results,
                               Table table) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String service = "BENCH" + i;
            String deployment = UUID.randomUUID().toString();
            long sent = System.nanoTime();
            Events.announce(producer, "cpa.personnel.events", "ca.cpa.deployment.planned.v1", deployment,
                    planned(deployment, UUID.randomUUID().toString(), mission, service));
            producer.flush();
            awaitReport(report -> {
                for (JsonNode entry : report.path("byPoliceService")) {
                    if (service.equals(entry.path("policeServiceCode").asText())) {
                        return true;
                    }
                }
                return false;
            }, Duration.ofSeconds(30));
            samples.add((System.nanoTime() - sent) / 1e6);
        }
        results.put("eventToFigure", Map.of("p50Ms", Figures.percentile(samples, 50), "p99Ms", Figures.percentile(samples, 99),
                "samples", samples.size()));
        table.add("event → figure visible (deployment planned → GET /api/v1/reports/program counts it), p50 · p99 ms",
                String.format(Locale.ROOT, "%.1f · %.1f", Figures.percentile(samples, 50), Figures.percentile(samples, 99)),
                "p99 ≤ 2,000", Figures.percentile(samples, 99) <= 2000);
    }

    private static String planned(String deployment, String officer, String mission, String service) {
        return """
                {"deploymentId": "%s", "officerId": "%s", "missionId": "%s", "role": "COMMUNITY_POLICING",
                 "startDate": "%s", "endDate": "%s", "policeServiceCode": "%s", "memberType": "SWORN_OFFICER"}"""
                .formatted(deployment, officer, mission, LocalDate.now(), LocalDate.now().plusMonths(9), service);
    }

    private interface ReportCondition {
        boolean holds(JsonNode report);
    }

    private void awaitReport(ReportCondition condition, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                            URI.create(suite.serviceUrl("reporting-service") + "/api/v1/reports/program"))
                    .header("Authorization", "Bearer " + planner).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && condition.holds(JSON.readTree(answer.body()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the report did not show the events within " + patience);
            }
            Thread.sleep(1);
        }
    }

    private static long missionDeployed(JsonNode report, String mission) {
        for (JsonNode entry : report.path("byMission")) {
            if (mission.equals(entry.path("missionId").asText())) {
                return entry.path("deployed").asLong();
            }
        }
        return 0;
    }
}
