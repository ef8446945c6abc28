package ca.cpa.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The test application's domain state: what a committed change or an applied event wrote. */
@Entity
@Table(name = "platform_test_note")
public class Note extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String subject;

    /** The inbound event that wrote it; null for a note the application wrote itself. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(nullable = false)
    public String text;

    public static Note of(String subject, UUID eventId, String text) {
        Note note = new Note();
        note.subject = subject;
        note.eventId = eventId;
        note.text = text;
        return note;
    }
}
