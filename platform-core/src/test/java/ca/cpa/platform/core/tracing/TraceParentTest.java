package ca.cpa.platform.core.tracing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceParentTest {

    private static final String INCOMING = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidHeaderIsContinuedInTheSameTraceWithANewHop() {
        TraceParent next = TraceParent.continueOrStart(INCOMING);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", next.traceId());
        assertNotEquals("00f067aa0ba902b7", next.parentId());
        assertEquals("01", next.flags());
        assertTrue(next.toString().matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01"));
    }

    @Test
    void anAbsentOrMalformedHeaderStartsANewTrace() {
        for (String header : new String[]{null, "", "garbage", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            TraceParent started = TraceParent.continueOrStart(header);
            assertTrue(TraceParent.parse(started.toString()).isPresent(), "a valid traceparent for " + header);
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", started.traceId());
        }
    }

    @Test
    void aClientsRequestIdIsKeptWhenSensibleAndReplacedOtherwise() {
        assertEquals("client-42", RequestId.acceptOrGenerate("client-42"));
        assertTrue(RequestId.acceptOrGenerate(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate("has spaces\n").matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate("x".repeat(201)).matches("[0-9a-f-]{36}"));
    }
}
