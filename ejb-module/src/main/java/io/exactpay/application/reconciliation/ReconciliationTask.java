package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles yesterday (the channels' Beijing day) on both channels once a day, at
 * {@code exactpay.reconciliation.hour} on the server's clock. Channels publish a day's statement
 * the next morning (WeChat Pay from 10:00 Beijing time), so the hour must fall after that.
 * Every instance has the timer; the second run of a day is refused while the first is RUNNING and
 * otherwise only repeats it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ReconciliationTask {

    private static final Logger LOG = Logger.getLogger(ReconciliationTask.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private ReconciliationService reconciliation;

    @Inject
    private PaymentChannels channels;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "exactpay.reconciliation.hour", defaultValue = "11")
    private int hour;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().hour(hour).minute(0).second(0),
                new TimerConfig("reconciliation", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        LocalDate yesterday = LocalDate.now(clock.withZone(StatementMatcher.CHANNEL_ZONE)).minusDays(1);
        for (PaymentChannel channel : channels.all()) {
            try {
                ReportView report = reconciliation.reconcile(channel.channel(), yesterday);
                LOG.info(() -> "daily reconciliation " + channel.channel() + " " + yesterday + ": " + report.status()
                        + ", " + report.unmatched() + " unmatched lines");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "daily reconciliation " + channel.channel() + " " + yesterday + " did not run", e);
            }
        }
    }
}
