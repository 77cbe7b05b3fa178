package io.sparkfeed.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** Base of the tests that run against the two instances of {@link Cluster}. */
@ExtendWith(Cluster.class)
public abstract class ClusterTest {

    protected static ConfigurableApplicationContext one;
    protected static ConfigurableApplicationContext two;

    @BeforeAll
    static void instances(Cluster.Instances cluster) {
        one = cluster.one();
        two = cluster.two();
    }
}
