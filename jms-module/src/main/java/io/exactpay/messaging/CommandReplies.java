package io.exactpay.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.Transactional;

/**
 * Answers a request to its {@code JMSReplyTo}, correlated by the request's
 * {@code JMSCorrelationID} (or its message id when it has none), in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommandReplies {

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    public void reply(Message request, String body) throws JMSException {
        if (request.getJMSReplyTo() == null) return;
        String correlationId = request.getJMSCorrelationID() != null
                ? request.getJMSCorrelationID() : request.getJMSMessageID();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setJMSCorrelationID(correlationId)
                    .send(request.getJMSReplyTo(), body);
        }
    }
}
