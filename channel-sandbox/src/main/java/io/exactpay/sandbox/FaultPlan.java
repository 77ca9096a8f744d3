package io.exactpay.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** The faults set for one trade number; may be set before the trade exists. */
final class FaultPlan {

    private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
    private long delayMillis;
    private int repeat = 1;

    synchronized void set(Set<Fault> newFaults, long newDelayMillis) {
        set(newFaults, newDelayMillis, 1);
    }

    synchronized void set(Set<Fault> newFaults, long newDelayMillis, int newRepeat) {
        faults.clear();
        faults.addAll(newFaults);
        delayMillis = newDelayMillis;
        repeat = newRepeat;
    }

    /** How many more times DUPLICATE_CALLBACK delivers an acknowledged callback. */
    synchronized int repeat() {
        return repeat;
    }

    synchronized boolean has(Fault fault) {
        return faults.contains(fault);
    }

    /** Reports whether the fault is set, and clears it when it hits only once. */
    synchronized boolean take(Fault fault) {
        boolean present = faults.contains(fault);
        if (present && fault.oneShot()) {
            faults.remove(fault);
        }
        return present;
    }

    synchronized long delayMillis() {
        return delayMillis;
    }

    synchronized Set<Fault> faults() {
        return Set.copyOf(faults);
    }
}
