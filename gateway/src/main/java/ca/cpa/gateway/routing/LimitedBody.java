package ca.cpa.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body without Content-Length, passed on only while it stays within the limit; past
 * it the stream fails, so the call to the service is abandoned, and {@code whenExceeded} runs
 * (the caller gets a 413 at once, even if the service has not been reached yet).
 */
final class LimitedBody implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable whenExceeded;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long limit, Runnable whenExceeded) {
        this.source = source;
        this.limit = limit;
        this.whenExceeded = whenExceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        source.handler(handler == null ? null : buffer -> {
            if (exceeded) {
                return;
            }
            received += buffer.length();
            if (received > limit) {
                exceeded = true;
                whenExceeded.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
            } else {
                handler.handle(buffer);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        source.endHandler(handler);
        return this;
    }
}
