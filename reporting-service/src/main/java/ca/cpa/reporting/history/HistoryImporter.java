package ca.cpa.reporting.history;

import ca.cpa.reporting.csv.CsvWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Imports a history file in one transaction, streaming: each row is read, checked and copied
 * into a staging table (PostgreSQL's COPY) as it arrives, so memory stays bounded whatever
 * the file's length; then one statement keeps the rows not imported before. A deployment
 * already imported (same officer, mission and start) is not imported again, so the same file
 * sent twice imports nothing new. Any invalid row keeps nothing, unless partial; a dry run
 * does everything and keeps nothing.
 */
@ApplicationScoped
public class HistoryImporter {

    /** Rows are handed to COPY in chunks of about this many bytes. */
    private static final int COPY_CHUNK = 256 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "cpa.history.max-listed-errors")
    int maxListedErrors;

    public enum Format { CSV, JSON }

    /** What an import did, or would do (a dry run), or why it kept nothing (rejected). */
    public record Outcome(UUID id, ImportStatus status, boolean rejected, long rowsRead, long rowsImported,
                          long rowsAlreadyImported, long rowsRejected, List<HistoryRow.Violation> errors,
                          String contentSha256, Instant importedAt) {
    }

    /** Long enough for the largest file the service takes (200 MB, some 2 million rows); the default is 60 s. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Outcome importFile(InputStream body, Format format, boolean dryRun, boolean partial, String importedBy) {
        MessageDigest sha256 = sha256();
        InputStream content = new DigestInputStream(body, sha256);
        try (Connection connection = dataSource.getConnection()) {
            stage(connection);
            Staged staged = copy(connection, rows(content, format));
            // what the client sent after the last row is part of the content, and of its digest
            content.transferTo(OutputStream.nullOutputStream());
            String digest = HexFormat.of().formatHex(sha256.digest());
            if (staged.rowsRead == 0) {
                throw new HistoryFileException(0, "rows", "history.file.no-rows");
            }
            if (staged.rowsRejected > 0 && !partial) {
                QuarkusTransaction.setRollbackOnly();
                return new Outcome(null, null, true, staged.rowsRead, 0, 0, staged.rowsRejected, staged.errors,
                        digest, null);
            }
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            ImportStatus status = dryRun ? ImportStatus.CHECKED
                    : staged.rowsRejected > 0 ? ImportStatus.PARTIALLY_IMPORTED : ImportStatus.IMPORTED;
            long imported = keep(connection, id, status, format, digest, staged, importedBy, now);
            if (dryRun) {
                QuarkusTransaction.setRollbackOnly();
                return new Outcome(null, status, false, staged.rowsRead, imported, staged.rowsValid - imported,
                        staged.rowsRejected, staged.errors, digest, null);
            }
            return new Outcome(id, status, false, staged.rowsRead, imported, staged.rowsValid - imported,
                    staged.rowsRejected, staged.errors, digest, now);
        } catch (CharacterCodingException e) {
            throw new HistoryFileException(0, "body", "history.file.not-utf8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("history import failed in the database", e);
        }
    }

    private HistoryRows rows(InputStream content, Format format) throws IOException {
        return switch (format) {
            case CSV -> new CsvHistoryRows(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()));
            case JSON -> new JsonHistoryRows(content);
        };
    }

    private static void stage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE import_row (
                        row_number BIGINT, mission_code TEXT, mission_name TEXT, host_country TEXT,
                        partner_organization TEXT, police_service_code TEXT, officer_ref TEXT, member_type TEXT,
                        start_date DATE, end_date DATE) ON COMMIT DROP""");
        }
    }

    private static final class Staged {
        long rowsRead;
        long rowsValid;
        long rowsRejected;
        final List<HistoryRow.Violation> errors = new ArrayList<>();
    }

    private Staged copy(Connection connection, HistoryRows rows) throws SQLException, IOException {
        Staged staged = new Staged();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY import_row FROM STDIN WITH (FORMAT csv)");
        try {
            CsvWriter chunk = new CsvWriter();
            for (HistoryRow row = rows.next(); row != null; row = rows.next()) {
                staged.rowsRead++;
                HistoryRow.Checked checked = row.check(today);
                if (checked.deployment() == null) {
                    staged.rowsRejected++;
                    checked.violations().stream().limit(Math.max(0, maxListedErrors - staged.errors.size()))
                            .forEach(staged.errors::add);
                    continue;
                }
                staged.rowsValid++;
                HistoryRow.Deployment d = checked.deployment();
                chunk.row(d.row(), d.missionCode(), d.missionName(), d.hostCountry(), d.partnerOrganization(),
                        d.policeServiceCode(), d.officerRef(), d.memberType(), d.startDate(), d.endDate());
                if (chunk.length() >= COPY_CHUNK) {
                    write(copy, chunk);
                    chunk = new CsvWriter();
                }
            }
            write(copy, chunk);
            copy.endCopy();
            return staged;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, CsvWriter chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** Records the import and keeps its rows not imported before; answers how many were new. */
    private long keep(Connection connection, UUID id, ImportStatus status, Format format, String digest, Staged staged,
                      String importedBy, Instant now) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement("""
                INSERT INTO history_import (id, status, media_type, content_sha256, rows_read, rows_imported,
                    rows_already_imported, rows_rejected, errors, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?::jsonb, ?, ?)""")) {
            record.setObject(1, id);
            record.setString(2, status.name());
            record.setString(3, format == Format.CSV ? "text/csv" : "application/json");
            record.setString(4, digest);
            record.setLong(5, staged.rowsRead);
            record.setLong(6, staged.rowsRejected);
            record.setString(7, errorsJson(staged.errors));
            record.setString(8, importedBy);
            record.setObject(9, now.atOffset(ZoneOffset.UTC));
            record.executeUpdate();
        }
        long imported;
        try (PreparedStatement keep = connection.prepareStatement("""
                INSERT INTO historical_deployment (import_id, mission_code, mission_name, host_country,
                    partner_organization, police_service_code, officer_ref, member_type, start_date, end_date)
                SELECT ?, mission_code, mission_name, host_country, partner_organization, police_service_code,
                       officer_ref, member_type, start_date, end_date
                FROM import_row ORDER BY row_number
                ON CONFLICT ON CONSTRAINT historical_deployment_once DO NOTHING""")) {
            keep.setObject(1, id);
            imported = keep.executeUpdate();
        }
        try (PreparedStatement counts = connection.prepareStatement(
                "UPDATE history_import SET rows_imported = ?, rows_already_imported = ? WHERE id = ?")) {
            counts.setLong(1, imported);
            counts.setLong(2, staged.rowsValid - imported);
            counts.setObject(3, id);
            counts.executeUpdate();
        }
        return imported;
    }

    private String errorsJson(List<HistoryRow.Violation> errors) {
        try {
            return objectMapper.writeValueAsString(errors.stream().map(StoredError::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import's errors could not be written as JSON", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
