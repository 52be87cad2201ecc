package jp.jukiflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Entry point: the Camunda engine, the webapps, the resident register and the card rules in one Spring Boot app. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class JukiflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(JukiflowApplication.class, args);
    }
}
