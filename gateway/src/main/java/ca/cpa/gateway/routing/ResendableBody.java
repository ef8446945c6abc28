package ca.cpa.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;

import java.util.Optional;

/**
 * The caller's request body, for as many attempts as the call takes. A body the caller may send
 * twice anyway (see {@link #of}) and that is small is read whole first, and each attempt sends
 * it again. Any other body is streamed through, as it arrives, and can be sent again only while
 * none of it was passed on (so nothing of the request was written): a view of the caller's
 * stream per attempt, a view left behind by a lost attempt no longer touching the stream.
 * Everything runs on the caller's request context.
 */
final class ResendableBody {

    private final ReadStream<Buffer> source;
    private final long length;
    private final Buffer whole;
    /** Whether anything of a streamed body (a chunk or its end) was passed on, so the request may have been written. */
    private boolean passedOn;
    private View current;

    private ResendableBody(ReadStream<Buffer> source, long length, Buffer whole) {
        this.source = source;
        this.length = length;
        this.whole = whole;
    }

    /**
     * The body of a call, read whole when it may be sent twice and is at most {@code keepUpTo}
     * bytes long, or is no body at all (no length and not chunked); streamed otherwise.
     */
    static Future<ResendableBody> of(Body body, boolean chunked, boolean sendableTwice, int keepUpTo) {
        long length = body.length();
        ReadStream<Buffer> source = body.stream();
        if (!sendableTwice || length > keepUpTo || length < 0 && chunked) {
            return Future.succeededFuture(new ResendableBody(source, length, null));
        }
        Promise<ResendableBody> read = Promise.promise();
        Buffer whole = Buffer.buffer();
        source.handler(whole::appendBuffer);
        source.exceptionHandler(read::tryFail);
        source.endHandler(end -> read.tryComplete(new ResendableBody(source, length, whole)));
        source.resume();
        return read.future();
    }

    /** The body for the first attempt. */
    Body first() {
        return whole != null ? copy() : view();
    }

    /** The body for one more attempt, if it can be sent again whole. */
    Optional<Body> again() {
        if (whole != null) {
            return Optional.of(copy());
        }
        if (passedOn) {
            return Optional.empty();
        }
        source.pause(); // until the next attempt's pipe reads it
        return Optional.of(view());
    }

    private Body copy() {
        // the framing the caller chose: its Content-Length, or none
        return Body.body(Body.body(whole.copy()).stream(), length);
    }

    private Body view() {
        current = new View();
        return Body.body(current, length);
    }

    /** The caller's stream as one attempt sees it: while it is the current attempt. */
    private final class View implements ReadStream<Buffer> {

        private boolean current() {
            return current == this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (current()) {
                source.handler(handler == null ? null : chunk -> {
                    passedOn = true;
                    handler.handle(chunk);
                });
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            if (current()) {
                source.endHandler(handler == null ? null : end -> {
                    passedOn = true;
                    handler.handle(end);
                });
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            if (current()) {
                source.exceptionHandler(handler);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            if (current()) {
                source.pause();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (current()) {
                source.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (current()) {
                source.fetch(amount);
            }
            return this;
        }
    }
}
