package io.kaleyracta.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Camunda 7 Spring Boot application as a user writes one: the starter comes in through auto-configuration
 * alone. Web, Actuator and the Camunda REST API (Jersey) are on the test classpath too.
 */
@SpringBootApplication
public class CamundaTestApplication {
}
