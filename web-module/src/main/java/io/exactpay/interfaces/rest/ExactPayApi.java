package io.exactpay.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The portal API; versioned in the path ({@code /api/v1/...}). */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "ExactPay", version = "1",
        description = "Orders and their payments across WeChat Pay and Alipay."))
public class ExactPayApi extends Application {
}
