package ca.cpa.testing;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

import java.util.Comparator;

/**
 * Test classes by {@link Order} (unannotated ones in the middle), then by name: a stable order,
 * with checks of what all the others did (the event contract) last. Quarkus applies it within
 * its grouping of test classes (junit.quarkus.orderer.secondary-orderer, set in the parent pom).
 */
public class OrderThenClassName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor d) -> d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
