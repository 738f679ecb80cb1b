package be.uliege.library.registration.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances on one database: each {@code @Scheduled} method also carries a named
 * {@code @SchedulerLock}, and only the instance that takes that lock (a row of the
 * {@code shedlock} table, timed by the database's clock) runs it. A job that names no duration
 * holds its lock at most ten minutes should its instance die while running it. See
 * {@code docs/decisions/0006-cluster.md}.
 *
 * @see "docs/decisions/0006-cluster.md"
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
