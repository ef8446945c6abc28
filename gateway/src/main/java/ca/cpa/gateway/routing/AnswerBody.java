package ca.cpa.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A service's answer, streamed on to the caller: complete once its declared length arrived,
 * even if the connection closed before the end was seen. A service that answers before it has
 * read the whole request (a 413, a 415) and closes the connection can otherwise lose its
 * answer's end: Vert.x's client reports the close to an answer it has not finished delivering
 * and drops the end still waiting behind its data, and the caller would wait for it forever.
 * An answer that is really cut short fails, once what did arrive was passed on.
 */
final class AnswerBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long length;
    private final Context context;
    private long received;
    private boolean paused = true;
    private boolean ended;
    private Throwable failure;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;

    /**
     * @param length        the declared length, or -1
     * @param brokenAlready how the connection failed before the answer was streamed on, or null
     */
    AnswerBody(ReadStream<Buffer> source, long length, Throwable brokenAlready, Context context) {
        this.source = source;
        this.length = length;
        this.context = context;
        source.handler(this::chunk);
        source.endHandler(end -> end());
        source.exceptionHandler(this::failed);
        if (brokenAlready != null) {
            failed(brokenAlready);
        }
    }

    private void chunk(Buffer chunk) {
        received += chunk.length();
        if (handler != null) {
            handler.handle(chunk);
        }
        if (failure != null && complete()) {
            end();
        }
    }

    private boolean complete() {
        return length >= 0 && received >= length;
    }

    private void end() {
        if (!ended) {
            ended = true;
            if (endHandler != null) {
                endHandler.handle(null);
            }
        }
    }

    private void failed(Throwable cause) {
        if (ended) {
            return;
        }
        if (complete()) {
            end();
            return;
        }
        failure = cause;
        reportOnceDrained();
    }

    /** What arrived before the connection closed may still wait in the paused answer: it goes first. */
    private void reportOnceDrained() {
        if (!paused) {
            context.runOnContext(drained -> {
                if (!ended && !paused) {
                    ended = true;
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(failure);
                    }
                }
            });
        }
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        paused = true;
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        paused = false;
        source.fetch(amount);
        if (failure != null) {
            reportOnceDrained();
        }
        return this;
    }
}
