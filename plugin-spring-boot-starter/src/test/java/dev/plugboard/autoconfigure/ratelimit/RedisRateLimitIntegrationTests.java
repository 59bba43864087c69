package dev.plugboard.autoconfigure.ratelimit;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.plugboard.autoconfigure.EnabledIfRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rate-limit} built-in with the Redis backend: two application instances
 * sharing one Redis admit, together, no more than one bucket's tokens.
 */
@EnabledIfRedis
class RedisRateLimitIntegrationTests {

	private String prefix;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@BeforeEach
	void startTwoInstances() {
		this.prefix = EnabledIfRedis.Condition.keyPrefix("plugboard-test:rate-limit");
		this.first = start(this.prefix);
		this.second = start(this.prefix);
	}

	@AfterEach
	void stop() {
		if (this.first != null) {
			this.first.close();
		}
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void twoInstancesTogetherAdmitNoMoreThanOneLimit() throws Exception {
		List<Integer> statuses = RateLimitTestApplication.hammer(8, 10, url(this.first), url(this.second));
		assertThat(statuses).hasSize(80).containsOnly(200, 429);
		assertThat(statuses.stream().filter((status) -> status == 200).count()).isEqualTo(20);
	}

	@Test
	void theBucketLivesUnderPrefixPolicyAndClientAndExpires() throws Exception {
		RateLimitTestApplication.hammer(1, 1, url(this.first));
		RedisClient client = RedisClient.create(EnabledIfRedis.URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String key = this.prefix + "shared:127.0.0.1";
			assertThat(connection.sync().keys(this.prefix + "*")).containsExactly(key);
			assertThat(connection.sync().pttl(key)).isPositive();
		}
		finally {
			client.shutdown();
		}
	}

	private static ConfigurableApplicationContext start(String prefix) {
		return new SpringApplication(RateLimitTestApplication.class).run("--server.port=0",
				"--spring.jmx.enabled=false", "--plugboard.plugins.rate-limit.backend=redis",
				"--plugboard.plugins.rate-limit.on-error=fail-closed",
				"--plugboard.plugins.rate-limit.redis.url=" + EnabledIfRedis.URL,
				"--plugboard.plugins.rate-limit.redis.key-prefix=" + prefix,
				"--plugboard.plugins.rate-limit.redis.timeout=10s",
				"--plugboard.plugins.rate-limit.policies[0].name=shared",
				"--plugboard.plugins.rate-limit.policies[0].paths[0]=/limited",
				"--plugboard.plugins.rate-limit.policies[0].capacity=20",
				"--plugboard.plugins.rate-limit.policies[0].refill-period=1d");
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/limited";
	}

}
