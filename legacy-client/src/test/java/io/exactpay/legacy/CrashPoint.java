package io.exactpay.legacy;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Where a test's legacy process dies: its XA resources are wrapped so that the process halts (no
 * shutdown hooks, no rollback, as a power cut or kill -9 would) at that point of the commit.
 */
enum CrashPoint {

    /** Runs to the end. */
    NONE,
    /** Before anything is prepared (or, for a lone resource, before its one-phase commit). */
    FIRST_PREPARE,
    /** After the first resource (the database) is prepared, before the second: nothing is logged yet. */
    BETWEEN_PREPARES,
    /** After every resource is prepared and the transaction log is written, before the first commit. */
    FIRST_COMMIT;

    static final int HALTED = 86;

    private static final java.util.concurrent.atomic.AtomicInteger PREPARES = new java.util.concurrent.atomic.AtomicInteger();

    XAResource wrap(XAResource resource) {
        return this == NONE ? resource : new Crashing(resource, this);
    }

    private static void halt(String where) {
        System.err.println("halting " + where);
        System.err.flush();
        Runtime.getRuntime().halt(HALTED);
    }

    private record Crashing(XAResource delegate, CrashPoint point) implements XAResource {

        @Override
        public int prepare(Xid xid) throws XAException {
            if (point == FIRST_PREPARE) halt("before the first prepare");
            if (point == BETWEEN_PREPARES && PREPARES.incrementAndGet() == 2) halt("between the two prepares");
            return delegate.prepare(xid);
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            if (onePhase && point == FIRST_PREPARE) halt("before a one-phase commit");
            if (!onePhase && point == FIRST_COMMIT) halt("after the last prepare, before the first commit");
            delegate.commit(xid, onePhase);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            delegate.start(xid, flags);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            delegate.end(xid, flags);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            delegate.rollback(xid);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            delegate.forget(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return delegate.recover(flag);
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return delegate.isSameRM(other instanceof Crashing c ? c.delegate : other);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return delegate.getTransactionTimeout();
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return delegate.setTransactionTimeout(seconds);
        }
    }
}
