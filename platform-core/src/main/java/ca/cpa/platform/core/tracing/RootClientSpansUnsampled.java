package ca.cpa.platform.core.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The sampler of every CPA process: OpenTelemetry's default (a span is recorded when its parent
 * was, and a new trace always), except a call out that nothing started. The outbox relay, the
 * inbox and the webhook dispatcher poll their tables every second or so; each poll's SQL would
 * otherwise be a trace of its own and drown the traces of requests and events. The SQL of a
 * request or an event has a parent and is recorded.
 */
@Singleton
public class RootClientSpansUnsampled implements Sampler {

    private final Sampler standard = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return standard.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RootClientSpansUnsampled{" + standard.getDescription() + "}";
    }
}
