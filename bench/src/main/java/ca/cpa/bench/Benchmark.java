package ca.cpa.bench;

import ca.cpa.runtime.Directories;
import ca.cpa.runtime.LocalSuite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench/run}: starts the suite as {@code ./cpa up} does (its own data directory, the
 * rate limiter on but above the load), measures it, prints a table and keeps it as JSON and
 * Markdown in {@code bench/results/}. Every figure is taken over several runs after a warm-up
 * and quoted as the median with the minimum and maximum. Settings (environment):
 * {@code CPA_BENCH_RUNS} (3), {@code CPA_BENCH_SECONDS} per load run (10),
 * {@code CPA_BENCH_CONNECTIONS} (8), {@code CPA_BENCH_EVENTS} per run (200); {@code CPA_BENCH_ONLY=webhooks}
 * measures the webhook deliveries alone.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LATENCY_TOPIC = "cpa.bench.latency";
    /** The embedded server's user, or that of the server named by CPA_DB_URL (pgbench reads PGPASSWORD). */
    private static final String DB_USER = System.getenv().getOrDefault("CPA_DB_USER", "postgres");
    private static final String DB_PASSWORD = System.getenv().getOrDefault("CPA_DB_PASSWORD", "");

    private final int runs = setting("CPA_BENCH_RUNS", 3);
    private final int seconds = setting("CPA_BENCH_SECONDS", 10);
    private final int connections = setting("CPA_BENCH_CONNECTIONS", 8);
    private final int manyConnections = setting("CPA_BENCH_MANY_CONNECTIONS", 32);
    private final int warmUpSeconds = setting("CPA_BENCH_WARMUP_SECONDS", 20);
    private final int events = setting("CPA_BENCH_EVENTS", 200);
    /** {@code webhooks}: only the webhook figures, kept apart from the whole run's (not as latest.*). */
    private final String only = System.getenv().getOrDefault("CPA_BENCH_ONLY", "").trim();
    private final Path root;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final Table table = new Table();
    private LocalSuite suite;
    private String planner;
    private String partner;
    private String approver;

    private Benchmark(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Tools.require("wrk", "install it (Debian: apt-get install wrk)");
        Tools.require("pgbench", "install it (Debian: apt-get install postgresql-client postgresql; pgbench comes with the server)");
        new Benchmark(Path.of(System.getProperty("cpa.root", ".")).toAbsolutePath().normalize()).run();
    }

    private void run() throws Exception {
        Path dataDir = root.resolve("bench/.data");
        Directories.deleteRecursively(dataDir);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("CPA_RATE_LIMIT_RPS", "1000000");
        environment.put("CPA_RATE_LIMIT_BURST", "1000000");
        // the webhook benchmark's receiver listens on this machine, over http
        environment.put("CPA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
        report.put("when", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        report.put("settings", Map.of("runs", runs, "secondsPerRun", seconds, "warmUpSeconds", warmUpSeconds,
                "connections", connections, "manyConnections", manyConnections, "eventsPerRun", events));
        // The first start after a build records each service's class-data archive as it stops
        // (docs/performance.md); every later start, the one measured, starts from it.
        Duration firstStart;
        try (LocalSuite first = LocalSuite.prepare(root, dataDir, LocalSuite.Ports.fromEnvironment(environment), environment)
                .start()) {
            firstStart = first.startupTime();
        }
        suite = LocalSuite.prepare(root, dataDir, LocalSuite.Ports.fromEnvironment(environment), environment).start();
        report.put("firstStartAfterBuildSeconds", firstStart.toMillis() / 1000.0);
        Map<String, ProcessMemory> afterStart = Map.of();
        try {
            planner = suite.tokens().issue("bench-planner", List.of("mission-planner"), null, Duration.ofHours(8));
            partner = suite.tokens().issue("bench-partner", List.of("requesting-partner"), "UN-DPO", Duration.ofHours(8));
            approver = suite.tokens().issue("bench-gac", List.of("gac-approver"), null, Duration.ofHours(8));
            if (!only.isEmpty() && !only.equals("webhooks")) {
                throw new IllegalArgumentException("CPA_BENCH_ONLY is webhooks or unset, not " + only);
            }
            if (only.isEmpty()) {
                startUp();
                Thread.sleep(5000);
                afterStart = memory();
                http();
                consumersCatchUp();
                eventLatency();
                kafkaLatency();
                new ReportingBenchmark(suite, planner, runs, seconds, warmUpSeconds, connections, dataDir).measure(report, table);
            }
            new WebhookBenchmark(suite, planner, 60, 10).measure(report, table);
            if (only.isEmpty()) {
                postgres();
                memory(afterStart, memory());
                startUpAlone();
            }
        } finally {
            suite.close();
        }
        write();
    }

    private void startUp() {
        Map<String, Object> ready = new LinkedHashMap<>();
        suite.readyTimes().forEach((process, time) -> ready.put(process, time.toMillis() / 1000.0));
        report.put("readySeconds", ready);
        double whole = suite.startupTime().toMillis() / 1000.0;
        report.put("suiteReadySeconds", whole);
        table.add("start-up of the whole suite to ready (s), the first (a new data directory; each service without an archive records one)",
                String.format(Locale.ROOT, "%.1f", (Double) report.get("firstStartAfterBuildSeconds")));
        table.add("start-up of the whole suite to ready (s), started again as ./cpa up does (its data kept): " + listed(ready),
                String.format(Locale.ROOT, "%.1f", whole), "≤ 12", whole <= 12);
    }

    /** "name seconds, name seconds, ...". */
    private static String listed(Map<String, Object> seconds) {
        return seconds.entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format(Locale.ROOT, "%.1f", (Double) entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Each service stopped and started again while the others run: its own start-up, without five others competing. */
    private void startUpAlone() {
        Map<String, Object> ready = new LinkedHashMap<>();
        for (String service : LocalSuite.SERVICE_NAMES) {
            suite.stopService(service);
            suite.startService(service);
            ready.put(service, suite.readyTimes().get(service).toMillis() / 1000.0);
        }
        report.put("readySecondsAlone", ready);
        table.add("start-up to ready (s), each alone", listed(ready), "each ≤ 2",
                ready.values().stream().allMatch(seconds -> (Double) seconds <= 2));
    }

    /**
     * GET of one mission and POST of a mission request, on the service itself and through the
     * gateway in turns (the read at two concurrencies), and POST of a new mission on the service.
     */
    private void http() throws Exception {
        String mission = created(planner, "/api/v1/missions", missionBody("BENCH-" + System.nanoTime() % 100000));
        String request = """
                {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                 "positions": [{"role": "TRAINING_MENTORING_MONITORING", "count": 2, "languages": ["fr"],
                                "minYearsOfService": 5, "memberType": "SWORN_OFFICER"}],
                 "durationMonths": 12, "justification": "Mentoring of the Haitian National Police."}""".formatted(mission)
                .replaceAll("\\s*\\n\\s*", " ");
        Path get = Tools.wrkScript("GET", null, Map.of("Authorization", "Bearer " + planner));
        Path fileRequest = Tools.wrkScript("POST", request, Map.of("Authorization", "Bearer " + partner,
                "Content-Type", "application/json"));
        Path createMission = Tools.wrkUniqueScript("POST", missionBody("CODE"), Map.of("Authorization", "Bearer " + planner,
                "Content-Type", "application/json"));
        Map<String, Object> results = new LinkedHashMap<>();
        for (int concurrency : List.of(connections, manyConnections)) {
            directAndGateway("GET /api/v1/missions/{id}", "/api/v1/missions/" + mission, get, concurrency, true, results);
        }
        directAndGateway("POST /api/v1/mission-requests", "/api/v1/mission-requests", fileRequest, connections, false, results);
        Tools.Runs missions = Tools.wrkInTurns(List.of(suite.serviceUrl("mission-service") + "/api/v1/missions"),
                createMission, connections, seconds, runs, warmUpSeconds).get(0);
        results.put("POST /api/v1/missions direct", missions.asMap());
        table.add("POST /api/v1/missions (each a new code), direct at " + connections + " connections: req/s · p50 ms · p99 ms",
                missions.quoted());
        report.put("http", results);
    }

    private static String missionBody(String code) {
        return """
                {"code": "%s", "nameEn": "Benchmark mission", "nameFr": "Mission de mesure", "hostCountry": "HT",
                 "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(code)
                .replaceAll("\\s*\\n\\s*", " ");
    }

    /** One call on the service and through the gateway, in turns: each figure, and the gateway's share. */
    private void directAndGateway(String operation, String path, Path script, int concurrency, boolean targeted,
                                  Map<String, Object> results) {
        List<Tools.Runs> measured = Tools.wrkInTurns(List.of(suite.serviceUrl("mission-service") + path,
                suite.gatewayUrl() + path), script, concurrency, seconds, runs, warmUpSeconds);
        Tools.Runs direct = measured.get(0);
        Tools.Runs gateway = measured.get(1);
        String at = " at " + concurrency + " connections";
        results.put(operation + " direct" + at, direct.asMap());
        results.put(operation + " gateway" + at, gateway.asMap());
        table.add(operation + ", direct" + at + ": req/s · p50 ms · p99 ms", direct.quoted());
        table.add(operation + ", gateway" + at + ": req/s · p50 ms · p99 ms", gateway.quoted());
        double ratio = Figures.of(gateway.rates()).median() / Figures.of(direct.rates()).median();
        double addedP50 = Figures.of(gateway.p50()).median() - Figures.of(direct.p50()).median();
        results.put(operation + " gateway/direct" + at, Map.of("throughputRatio", ratio, "addedP50Ms", addedP50));
        String figure = operation + ", gateway/direct" + at + ": throughput · added p50 ms";
        String value = String.format(Locale.ROOT, "%.2f · %+.2f", ratio, addedP50);
        if (targeted) {
            table.add(figure, value, "≥ 0.80 · ≤ 1", ratio >= 0.80 && addedP50 <= 1 && gateway.failed() == 0);
        } else {
            table.add(figure, value);
        }
    }

    /**
     * After the write load, until every service's consumer has applied the events it left behind:
     * the events the creates announced wait in Kafka while the consumers apply them one transaction
     * each, and the event latency is measured only once none is waiting.
     */
    private void consumersCatchUp() throws Exception {
        long started = System.nanoTime();
        long waitingAtStart = -1;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()))) {
            while (true) {
                long waiting = 0;
                for (String group : List.of("mission-service", "personnel-service", "authorization-service", "reporting-service",
                        "webhook-service")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                            .stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                            .all().get(30, TimeUnit.SECONDS);
                    for (var entry : committed.entrySet()) {
                        waiting += ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
                    }
                }
                if (waitingAtStart < 0) {
                    waitingAtStart = waiting;
                }
                if (waiting == 0) {
                    break;
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(15)) {
                    throw new IllegalStateException(waiting + " events still waiting for the consumers after 15 minutes");
                }
                Thread.sleep(500);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.put("consumersCatchUp", Map.of("eventsWaiting", waitingAtStart, "seconds", seconds));
        table.add("events waiting for the consumers after the write load (all groups) · seconds until every one was applied",
                String.format(Locale.ROOT, "%,d · %.1f", waitingAtStart, seconds));
    }

    /** From the submission's answer to the authorization case being readable through the gateway. */
    private void eventLatency() throws Exception {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = -1; run < runs; run++) { // run -1 warms up
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < (run < 0 ? 20 : events); i++) {
                String mission = created(planner, "/api/v1/missions", """
                        {"code": "EVT-%d", "nameEn": "Event latency", "nameFr": "Latence", "hostCountry": "HT",
                         "type": "UN_PEACE_OPERATION", "partnerOrganization": "United Nations"}""".formatted(System.nanoTime() % 10_000_000));
                String request = created(partner, "/api/v1/mission-requests", """
                        {"missionId": "%s", "requestingOrganization": {"type": "UNITED_NATIONS"},
                         "positions": [{"role": "TRAINING_MENTORING_MONITORING", "count": 1, "languages": ["fr"],
                                        "minYearsOfService": 5, "memberType": "SWORN_OFFICER"}],
                         "durationMonths": 12, "justification": "Mentoring."}""".formatted(mission));
                expect(200, call(planner, "POST", "/api/v1/mission-requests/" + request + "/assessment",
                        "{\"riskLevel\": \"LOW\", \"recommendation\": \"PROCEED\"}"));
                expect(200, call(planner, "POST", "/api/v1/mission-requests/" + request + "/submission", null));
                long answered = System.nanoTime();
                while (JSON.readTree(call(approver, "GET", "/api/v1/authorization-cases?missionId=" + mission, null).body())
                        .path("items").isEmpty()) {
                    if (System.nanoTime() - answered > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("no case for " + request + " within 30 s");
                    }
                    Thread.sleep(1);
                }
                samples.add((System.nanoTime() - answered) / 1_000_000.0);
            }
            if (run >= 0) {
                p50.add(Figures.percentile(samples, 50));
                p99.add(Figures.percentile(samples, 99));
            }
        }
        report.put("eventLatency", Map.of("p50Ms", p50, "p99Ms", p99, "samplesPerRun", events));
        table.add("event: submission answered → case readable, p50 · p99 ms",
                Figures.of(p50).quoted(1) + " · " + Figures.of(p99).quoted(1), "≤ 30 · ≤ 100",
                Figures.of(p50).median() <= 30 && Figures.of(p99).median() <= 100);
    }

    /** Kafka's own producer-to-consumer latency on the same broker, in the same run. */
    private void kafkaLatency() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(LATENCY_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            String classpath = System.getProperty("java.class.path");
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            Tools.kafkaEndToEnd(classpath, suite.bootstrapServers(), LATENCY_TOPIC, 200); // warm-up
            for (int run = 0; run < runs; run++) {
                Tools.Latency latency = Tools.kafkaEndToEnd(classpath, suite.bootstrapServers(), LATENCY_TOPIC, 1000);
                p50.add(latency.p50());
                p99.add(latency.p99());
            }
            admin.deleteTopics(List.of(LATENCY_TOPIC)).all().get(30, TimeUnit.SECONDS);
            report.put("kafkaEndToEndLatency", Map.of("p50Ms", p50, "p99Ms", p99, "messagesPerRun", 1000));
            table.add("Kafka's EndToEndLatency (acks=all, 512 B), p50 · p99 ms",
                    Figures.of(p50).quoted(1) + " · " + Figures.of(p99).quoted(1));
        }
    }

    /**
     * pgbench with the transactions the two creates commit (a mission request: the request, its
     * position, its outbox event; a mission: the mission and its outbox event), on
     * mission-service's own schema in a database of its own, at the same concurrency as the HTTP
     * load and with the same durability (synchronous_commit on): what the database alone allows.
     */
    @SuppressWarnings("unchecked")
    private void postgres() throws Exception {
        String serviceUrl;
        try (Connection connection = suite.database("mission-service")) {
            serviceUrl = connection.getMetaData().getURL();
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS cpa_bench");
                statement.execute("CREATE DATABASE cpa_bench");
            }
        }
        Matcher server = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(serviceUrl);
        if (!server.find()) {
            throw new IllegalStateException("cannot read the server of " + serviceUrl);
        }
        String benchUrl = serviceUrl.replaceFirst("/[^/?]+(\\?|$)", "/cpa_bench$1");
        try (Connection connection = DriverManager.getConnection(benchUrl, DB_USER, DB_PASSWORD);
             Statement statement = connection.createStatement()) {
            for (Path migration : migrations()) {
                statement.execute(Files.readString(migration));
            }
            statement.execute("""
                    INSERT INTO mission (id, code, name_en, name_fr, host_country, type, partner_organization, status,
                                         created_at, updated_at, version)
                    VALUES (gen_random_uuid(), 'BENCH', 'Benchmark', 'Mesure', 'HT', 'UN_PEACE_OPERATION', 'UN', 'PLANNED',
                            now(), now(), 0)""");
        }
        Map<String, Object> http = (Map<String, Object>) report.get("http");
        Map<String, Object> results = new LinkedHashMap<>();
        String host = server.group(1);
        int port = Integer.parseInt(server.group(2));
        compareWithPgbench("POST /api/v1/mission-requests", "the request, its position and its event", """
                BEGIN;
                WITH request AS (
                  INSERT INTO mission_request (id, mission_id, organization_type, organization_name, duration_months,
                                               justification, status, filed_by, received_at, updated_at, version)
                  SELECT gen_random_uuid(), id, 'UNITED_NATIONS', 'UN-DPO', 12, 'Mentoring of the Haitian National Police.',
                         'RECEIVED', 'bench-partner', now(), now(), 0 FROM mission LIMIT 1 RETURNING id
                ), position AS (
                  INSERT INTO requested_position (mission_request_id, position_index, role, count, languages,
                                                  min_years_of_service, member_type)
                  SELECT id, 0, 'TRAINING_MENTORING_MONITORING', 2, ARRAY['fr'], 5, 'SWORN_OFFICER' FROM request
                )
                INSERT INTO outbox_message (event_id, topic, event_type, subject, occurred_at, payload)
                SELECT gen_random_uuid(), 'cpa.mission.events', 'ca.cpa.mission-request.received.v1', id::text, now(),
                       '{"requestId":"' || id || '","missionId":"00000000-0000-0000-0000-000000000000","organization":{"type":"UNITED_NATIONS","name":"UN-DPO"},"positions":[{"role":"TRAINING_MENTORING_MONITORING","count":2,"languages":["fr"],"minYearsOfService":5,"memberType":"SWORN_OFFICER"}],"durationMonths":12}'
                FROM request;
                END;
                """, (Map<String, Object>) http.get("POST /api/v1/mission-requests direct at " + connections + " connections"),
                host, port, results);
        compareWithPgbench("POST /api/v1/missions", "the mission and its event", """
                BEGIN;
                WITH created AS (
                  INSERT INTO mission (id, code, name_en, name_fr, host_country, type, partner_organization, status,
                                       created_at, updated_at, version)
                  VALUES (gen_random_uuid(), 'PG' || md5(random()::text), 'Benchmark mission', 'Mission de mesure', 'HT',
                          'UN_PEACE_OPERATION', 'United Nations', 'PLANNED', now(), now(), 0) RETURNING id, code
                )
                INSERT INTO outbox_message (event_id, topic, event_type, subject, occurred_at, payload)
                SELECT gen_random_uuid(), 'cpa.mission.events', 'ca.cpa.mission.created.v1', id::text, now(),
                       '{"missionId":"' || id || '","code":"' || code || '","nameEn":"Benchmark mission","nameFr":"Mission de mesure","hostCountry":"HT","type":"UN_PEACE_OPERATION","partnerOrganization":"United Nations","status":"PLANNED"}'
                FROM created;
                END;
                """, (Map<String, Object>) http.get("POST /api/v1/missions direct"), host, port, results);
        report.put("pgbench", results);
    }

    /** pgbench with {@code transaction}, and the service's rate for the same writes as a share of it. */
    @SuppressWarnings("unchecked")
    private void compareWithPgbench(String operation, String what, String transaction, Map<String, Object> service,
                                    String host, int port, Map<String, Object> results) throws IOException {
        Path script = Files.createTempFile("cpa-bench-", ".sql");
        script.toFile().deleteOnExit();
        Files.writeString(script, transaction);
        Tools.pgbench(host, port, DB_USER, "cpa_bench", script, connections, 3); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            rates.add(Tools.pgbench(host, port, DB_USER, "cpa_bench", script, connections, seconds));
        }
        Figures pgbench = Figures.of(rates);
        double ratio = Figures.of((List<Double>) service.get("requestsPerSecond")).median() / pgbench.median();
        results.put(operation, Map.of("transactionsPerSecond", rates, "clients", connections, "serviceToPgbench", ratio));
        table.add("pgbench, " + what + " in one transaction, " + connections + " clients: tx/s", pgbench.quoted(0));
        long failed = ((Number) service.get("failedAnswers")).longValue();
        table.add(operation + " direct / pgbench", String.format(Locale.ROOT, "%.2f", ratio)
                + (failed > 0 ? " · **" + failed + " answers not 2xx**" : ""), "≥ 0.30", ratio >= 0.30 && failed == 0);
    }

    /** mission-service's schema as Flyway builds it: the platform's tables and its own, in version order. */
    private List<Path> migrations() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(root.resolve("platform/src/main/resources/db/platform"),
                root.resolve("mission-service/src/main/resources/db/migration"))) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(file -> file.toString().endsWith(".sql")).forEach(files::add);
            }
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    private Map<String, ProcessMemory> memory() {
        Map<String, ProcessMemory> memory = new LinkedHashMap<>();
        suite.processIds().forEach((process, pid) -> memory.put(process, ProcessMemory.of(pid)));
        return memory;
    }

    private void memory(Map<String, ProcessMemory> afterStart, Map<String, ProcessMemory> afterLoad) {
        Map<String, Object> memory = new LinkedHashMap<>();
        StringBuilder row = new StringBuilder();
        afterLoad.forEach((process, load) -> {
            ProcessMemory start = afterStart.get(process);
            memory.put(process, Map.of("rssMbAfterStart", start.rssMb(), "rssMbAfterLoad", load.rssMb(),
                    "pssMbAfterLoad", load.pssMb()));
            row.append(row.isEmpty() ? "" : ", ").append(process).append(String.format(Locale.ROOT, " %.0f → %.0f",
                    start.rssMb(), load.rssMb()));
        });
        double suitePss = afterLoad.values().stream().mapToDouble(ProcessMemory::pssMb).sum();
        memory.put("suitePssMbAfterLoad", suitePss);
        report.put("memory", memory);
        table.add("resident memory MB, after start-up → after the load", row.toString(),
                "each domain service ≤ 200, gateway ≤ 128", afterLoad.entrySet().stream().allMatch(entry ->
                        !LocalSuite.SERVICE_NAMES.contains(entry.getKey())
                                || entry.getValue().rssMb() <= (entry.getKey().equals("gateway") ? 128 : 200)));
        table.add("the whole suite (PSS, Kafka and PostgreSQL included) MB after the load",
                String.format(Locale.ROOT, "%.0f", suitePss), "≤ 1,200", suitePss <= 1200);
    }

    private void write() throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder markdown = new StringBuilder("# CPA Deployments benchmark, " + report.get("when") + "\n\n")
                .append(String.format(Locale.ROOT, "%s; %d runs of %d s at %d connections (and %d where named) after a "
                                + "%d s warm-up, direct and gateway runs in turns; %d events a run; median (min–max) of the runs.%n%n",
                        report.get("machine"), runs, seconds, connections, manyConnections, warmUpSeconds, events))
                .append(table.markdown());
        Path results = Files.createDirectories(root.resolve("bench/results"));
        if (!only.isEmpty()) {
            stamp += "-" + only;
        }
        Files.writeString(results.resolve(stamp + ".json"), JSON.writeValueAsString(report));
        Files.writeString(results.resolve(stamp + ".md"), markdown);
        if (only.isEmpty()) {
            Files.writeString(results.resolve("latest.md"), markdown);
            Files.writeString(results.resolve("latest.json"), JSON.writeValueAsString(report));
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("kept in " + results.resolve(stamp + ".json") + " and .md (and latest.*)");
    }

    private String created(String token, String path, String json) throws Exception {
        HttpResponse<String> answer = call(token, "POST", path, json);
        expect(201, answer);
        JsonNode body = JSON.readTree(answer.body());
        return body.path("id").asText();
    }

    private static void expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        }
    }

    private HttpResponse<String> call(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int setting(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
