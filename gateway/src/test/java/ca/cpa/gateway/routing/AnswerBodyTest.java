package ca.cpa.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * As Vert.x's client does when a connection closes before it delivered an answer it already
 * holds: the close is reported at once, the data waits until the answer is read, and the end
 * never comes.
 */
class AnswerBodyTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void anAnswerWhoseDeclaredLengthArrivedIsCompleteThoughItsConnectionClosed() throws Exception {
        assertEquals("{\"status\": 415}", streamed(15, "{\"status\":", " 415}").get(10, TimeUnit.SECONDS));
    }

    @Test
    void anAnswerCutShortFailsOnceWhatArrivedWasPassedOn() throws Exception {
        CompletableFuture<String> cut = streamed(40, "{\"status\":", " 415}");
        assertInstanceOf(HttpClosedException.class, cut.handle((body, failure) -> failure).get(10, TimeUnit.SECONDS));
        CompletableFuture<String> unknownLength = streamed(-1, "a,b\n", "1,2\n");
        assertInstanceOf(HttpClosedException.class, unknownLength.handle((body, failure) -> failure).get(10, TimeUnit.SECONDS));
    }

    /** Streams an answer of {@code length} (-1: not declared) whose connection closed while it held {@code chunks}. */
    private CompletableFuture<String> streamed(long length, String... chunks) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(start -> {
            HeldAnswer held = new HeldAnswer(context);
            for (String chunk : chunks) {
                held.queue.add(Buffer.buffer(chunk));
            }
            AnswerBody answer = new AnswerBody(held, length, new HttpClosedException("Connection was closed"), context);
            Collected collected = new Collected();
            answer.pipeTo(collected).onComplete(piped -> {
                if (piped.succeeded()) {
                    outcome.complete(collected.body.toString());
                } else {
                    outcome.completeExceptionally(piped.cause());
                }
            });
        });
        return outcome;
    }

    /** An answer held, paused, by the client: its data delivered only once read, asynchronously, and no end. */
    private static final class HeldAnswer implements ReadStream<Buffer> {

        final Queue<Buffer> queue = new ArrayDeque<>();
        private final Context context;
        private Handler<Buffer> handler;
        private boolean paused = true;

        HeldAnswer(Context context) {
            this.context = context;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            paused = true;
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return fetch(Long.MAX_VALUE);
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            paused = false;
            context.runOnContext(drain -> {
                while (!paused && !queue.isEmpty() && handler != null) {
                    handler.handle(queue.poll());
                }
            });
            return this;
        }
    }

    private static final class Collected implements WriteStream<Buffer> {

        final Buffer body = Buffer.buffer();

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public io.vertx.core.Future<Void> write(Buffer data) {
            body.appendBuffer(data);
            return io.vertx.core.Future.succeededFuture();
        }

        @Override
        public void write(Buffer data, Handler<io.vertx.core.AsyncResult<Void>> handler) {
            body.appendBuffer(data);
            handler.handle(io.vertx.core.Future.succeededFuture());
        }

        @Override
        public void end(Handler<io.vertx.core.AsyncResult<Void>> handler) {
            handler.handle(io.vertx.core.Future.succeededFuture());
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
