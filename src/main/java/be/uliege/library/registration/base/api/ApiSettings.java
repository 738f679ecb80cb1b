package be.uliege.library.registration.base.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body the API reads; larger ones get 413 before parsing
 * @param retryAfter  what {@code Retry-After} tells a client when a dependency is unavailable (503)
 */
@ConfigurationProperties("registration.api")
public record ApiSettings(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("30s") Duration retryAfter) {}
