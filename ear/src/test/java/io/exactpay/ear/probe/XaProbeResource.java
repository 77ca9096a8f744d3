package io.exactpay.ear.probe;

import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Places an order through the application's own service inside a transaction that the probe
 * owns, so that a test can make that transaction fail after OrderCreated has been sent, which no
 * endpoint of the application does. It answers with the order's id and what became of it.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class XaProbeResource {

    @Inject
    OrderService orders;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "jdbc/exactpay")
    DataSource dataSource;

    @POST
    public Response placeOrder(@QueryParam("merchantOrderNo") String merchantOrderNo,
                               @QueryParam("failAfterSend") boolean failAfterSend) throws Exception {
        transaction.begin();
        try {
            // Writes the row and sends OrderCreated, neither committed yet.
            OrderView order = orders.placeOrder(new PlaceOrder("xa-probe", merchantOrderNo, 100, "CNY", "XA probe"));
            if (!failAfterSend) {
                transaction.commit();
                return outcome(Response.Status.CREATED, order, "committed", null);
            }
            String failure = failInTheDatabase();
            transaction.rollback();
            return outcome(Response.Status.OK, order, "rolled back", failure);
        } catch (Exception | Error e) {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) transaction.rollback();
            throw e;
        }
    }

    /** A statement the database rejects, on the transaction's own XA pool; returns the error. */
    private String failInTheDatabase() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select 1 / 0");
            throw new IllegalStateException("the database accepted a division by zero");
        } catch (SQLException expected) {
            return expected.getMessage();
        }
    }

    private static Response outcome(Response.Status status, OrderView order, String transaction, String failure) {
        var body = Json.createObjectBuilder().add("orderId", order.id().toString()).add("transaction", transaction);
        if (failure != null) body.add("failure", failure);
        return Response.status(status).entity(body.build().toString()).build();
    }
}
