package ca.cpa.webhook.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.net.InetAddress;

/** Host names are resolved by the system's resolver (and the JVM's short-lived cache of it). */
@ApplicationScoped
public class SystemResolver {

    @Produces
    @ApplicationScoped
    Destination.HostResolver systemResolver() {
        return InetAddress::getAllByName;
    }
}
