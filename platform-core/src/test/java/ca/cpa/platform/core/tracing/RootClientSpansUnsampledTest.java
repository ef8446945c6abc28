package ca.cpa.platform.core.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RootClientSpansUnsampledTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private final RootClientSpansUnsampled sampler = new RootClientSpansUnsampled("parentbased_always_on", 1.0);

    @Test
    void aPollsSqlWithNothingAroundItIsNotRecorded() {
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT));
    }

    @Test
    void aRequestOrAnEventStartsARecordedTrace() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.SERVER));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.PRODUCER));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.CONSUMER));
    }

    @Test
    void theSqlOfARequestIsRecordedAsItsParentIs() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(parent(TraceFlags.getSampled()), SpanKind.CLIENT));
        assertEquals(SamplingDecision.DROP, decide(parent(TraceFlags.getDefault()), SpanKind.CLIENT));
    }

    @Test
    void theStandardSettingsChooseTheSamplerOfEverythingElse() {
        RootClientSpansUnsampled none = new RootClientSpansUnsampled("parentbased_traceidratio", 0.0);
        assertEquals(SamplingDecision.DROP, none.shouldSample(Context.root(), TRACE, "span", SpanKind.SERVER,
                Attributes.empty(), List.of()).getDecision());
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, none.shouldSample(parent(TraceFlags.getSampled()), TRACE, "span",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision(), "a sampled caller's trace is kept");
        assertThrows(IllegalArgumentException.class, () -> new RootClientSpansUnsampled("sometimes", 1.0));
    }

    private SamplingDecision decide(Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of()).getDecision();
    }

    private static Context parent(TraceFlags flags) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags,
                TraceState.getDefault())));
    }
}
