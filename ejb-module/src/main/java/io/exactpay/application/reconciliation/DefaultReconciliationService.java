package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.Statement;
import io.exactpay.domain.model.payment.Channel;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One reconciliation run. No transaction spans it: the statement downloads are slow calls, and
 * each database step ({@link ReconciliationSteps}) commits on its own, so the report says RUNNING
 * while the statement is fetched and a line taken in stays taken in whatever happens to the next.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultReconciliationService implements ReconciliationService {

    private static final Logger LOG = Logger.getLogger(DefaultReconciliationService.class.getName());

    @Inject
    private ReconciliationSteps steps;

    @Inject
    private PaymentChannels channels;

    @Override
    public ReportView reconcile(Channel channel, LocalDate day) {
        PaymentChannel statements = channels.get(channel).orElseThrow(() ->
                new IllegalArgumentException(channel + " is not configured on this server"));
        UUID reportId = steps.start(channel, day);
        String run = "reconciliation " + channel + " " + day + ": ";
        try {
            LOG.info(() -> run + "fetching the statement");
            Statement statement = statements.downloadStatement(day);
            List<BookEntry> books = steps.books(channel, day, statement);
            LOG.info(() -> run + statement.lines().size() + " statement lines, " + books.size() + " book entries");
            List<ReconciledLine> lines = StatementMatcher.match(statement, books);
            if (StatementMatcher.needsPreviousDay(lines)) {
                LOG.info(() -> run + "postings on no statement of the day; fetching the day before's");
                lines = StatementMatcher.match(statement, books, statements.downloadStatement(day.minusDays(1)));
            }
            List<ReconciledLine> done = new ArrayList<>(lines.size());
            for (ReconciledLine line : lines) {
                done.add(line.outcome() == Outcome.CHANNEL_ONLY ? line.withAction(takeIn(channel, line)) : line);
            }
            steps.finish(reportId, statement.lines().size(), done);
            ReportView report = steps.report(channel, day, false).orElseThrow();
            LOG.info(() -> run + report.matched() + " matched, " + report.channelOnly() + " channel only (taken in), "
                    + report.ledgerOnly() + " ledger only, " + report.amountMismatch() + " amount and "
                    + report.statusMismatch() + " status mismatches");
        } catch (RuntimeException e) {
            LOG.warning(() -> run + "failed: " + e);
            steps.fail(reportId, e.toString());
        }
        return steps.report(channel, day, true).orElseThrow();
    }

    @Override
    public Optional<ReportView> report(Channel channel, LocalDate day) {
        return steps.report(channel, day, true);
    }

    /** One line taken in; a channel that does not answer leaves it noted for the next run, not the run failed. */
    private String takeIn(Channel channel, ReconciledLine line) {
        try {
            String done = steps.takeIn(channel, line);
            LOG.info(() -> "reconciliation " + channel + ": " + line.kind() + " " + line.outTradeNo()
                    + (line.outRefundNo() == null ? "" : " " + line.outRefundNo()) + " " + done);
            return done;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            LOG.warning(() -> "reconciliation " + channel + ": " + line.outTradeNo() + " not taken in: " + cause);
            return "not taken in: " + cause;
        }
    }
}
