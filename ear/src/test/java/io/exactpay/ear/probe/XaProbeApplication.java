package io.exactpay.ear.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The probe module's JAX-RS application; deployed only inside the test copy of the EAR. */
@ApplicationPath("/")
public class XaProbeApplication extends Application {
}
