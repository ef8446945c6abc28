package ca.cpa.platform.core.tracing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @Test
    void aClientsRequestIdIsKeptWhenSensibleAndReplacedOtherwise() {
        assertEquals("client-42", RequestId.acceptOrGenerate("client-42"));
        assertTrue(RequestId.acceptOrGenerate(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate("has spaces\n").matches("[0-9a-f-]{36}"));
        assertTrue(RequestId.acceptOrGenerate("x".repeat(201)).matches("[0-9a-f-]{36}"));
    }
}
