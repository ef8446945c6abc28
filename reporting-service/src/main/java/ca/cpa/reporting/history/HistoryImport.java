package ca.cpa.reporting.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The record of one import that kept rows (a dry run or a rejected file leaves none). */
@Entity
@Table(name = "history_import")
public class HistoryImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "content_sha256")
    public String contentSha256;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "rows_imported")
    public long rowsImported;

    @Column(name = "rows_already_imported")
    public long rowsAlreadyImported;

    @Column(name = "rows_rejected")
    public long rowsRejected;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredError> errors;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "imported_at")
    public Instant importedAt;
}
