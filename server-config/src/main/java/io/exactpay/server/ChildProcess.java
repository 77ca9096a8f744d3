package io.exactpay.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A part of the system that runs as a process of its own: it can be asked to stop, or killed. */
public abstract class ChildProcess implements AutoCloseable {

    protected final Process process;
    private final Duration stopGrace;

    protected ChildProcess(Process process, Duration stopGrace) {
        this.process = process;
        this.stopGrace = stopGrace;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Ends the process at once (SIGKILL), as a power cut or an OOM kill would: no shutdown hooks run. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the process to stop (SIGTERM runs its shutdown hooks), and insists after the grace period. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly().waitFor();
    }
}
