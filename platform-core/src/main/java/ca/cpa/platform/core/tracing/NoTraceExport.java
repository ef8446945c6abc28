package ca.cpa.platform.core.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * {@code OTEL_TRACES_EXPORTER=none}, OpenTelemetry's standard setting, as Quarkus's own exporter
 * setting cannot be changed after the build: spans are still made (their ids are in every log
 * line and travel with requests and events) but sent nowhere. Where this bean is looked up,
 * Quarkus does not start its OTLP exporter. The local run and the tests set it unless an OTLP
 * endpoint is given.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "cpa.tracing.exporter", stringValue = "none")
public class NoTraceExport implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
