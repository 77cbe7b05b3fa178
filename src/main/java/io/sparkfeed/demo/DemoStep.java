package io.sparkfeed.demo;

/** One part of the demo data; ordered with {@link org.springframework.core.annotation.Order}. */
interface DemoStep {

    /** A stable name, recorded once the step has run. */
    String name();

    void run();
}
