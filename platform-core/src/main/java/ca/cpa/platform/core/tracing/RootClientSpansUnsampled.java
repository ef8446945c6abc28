package ca.cpa.platform.core.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;

/**
 * The sampler of every CPA process: the one OpenTelemetry's standard settings name
 * ({@code OTEL_TRACES_SAMPLER}, {@code OTEL_TRACES_SAMPLER_ARG}; read at start, where Quarkus's
 * own sampler setting is fixed at build), except for a call out that nothing started. The outbox
 * relay, the inbox and the webhook dispatcher poll their tables every second or so; each poll's
 * SQL would otherwise be a trace of its own and drown the traces of requests and events. The
 * SQL of a request or an event has a parent and is sampled as its parent is.
 */
@Singleton
public class RootClientSpansUnsampled implements Sampler {

    private final Sampler configured;

    @Inject
    public RootClientSpansUnsampled(@ConfigProperty(name = "cpa.tracing.sampler") String sampler,
                                    @ConfigProperty(name = "cpa.tracing.sampler-arg") double ratio) {
        this.configured = switch (sampler.trim().toLowerCase(Locale.ROOT)) {
            case "always_on" -> Sampler.alwaysOn();
            case "always_off" -> Sampler.alwaysOff();
            case "traceidratio" -> Sampler.traceIdRatioBased(ratio);
            case "parentbased_always_on" -> Sampler.parentBased(Sampler.alwaysOn());
            case "parentbased_always_off" -> Sampler.parentBased(Sampler.alwaysOff());
            case "parentbased_traceidratio" -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
            default -> throw new IllegalArgumentException("OTEL_TRACES_SAMPLER (cpa.tracing.sampler) is " + sampler
                    + ": always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off"
                    + " or parentbased_traceidratio");
        };
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return configured.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RootClientSpansUnsampled{" + configured.getDescription() + "}";
    }
}
