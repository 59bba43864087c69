package dev.plugboard.autoconfigure.email;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A small application with user accounts in a Spring Data JDBC repository.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EmailTestApplication {

}
