package dev.plugboard.autoconfigure.data;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

import dev.plugboard.autoconfigure.PlugboardAutoConfiguration;
import dev.plugboard.autoconfigure.PlugboardDataAutoConfiguration;
import dev.plugboard.autoconfigure.data.WriteLog.Event;
import dev.plugboard.autoconfigure.data.WriteLog.ScriptedAfterWrite;
import dev.plugboard.runtime.PluginRuntime;
import dev.plugboard.runtime.data.AggregateNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of {@link PlugboardDataAutoConfiguration}.
 */
class PlugboardDataAutoConfigurationTests {

	private static final String POST_PROCESSOR = "plugboardRepositoryWriteBeanPostProcessor";

	private final ApplicationContextRunner runner = JdbcRunner.create()
		.withUserConfiguration(TicketConfiguration.class);

	@Test
	void repositoryWritesRunTheWriteHooks() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(POST_PROCESSOR);
			context.getBean(TicketRepository.class).save(new Ticket("seen"));
			assertThat(context.getBean(WriteLog.class).events()).extracting(Event::describe)
				.containsExactly("scripted-after INSERT ticket");
		});
	}

	@Test
	void backsOffWithoutSpringDataCommons() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PlugboardAutoConfiguration.class, PlugboardDataAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(RepositoryFactoryBeanSupport.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PluginRuntime.class);
				assertThat(context).doesNotHaveBean(POST_PROCESSOR);
			});
	}

	@Test
	void backsOffWhenPlugboardIsDisabled() {
		this.runner.withPropertyValues("plugboard.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(POST_PROCESSOR).doesNotHaveBean(PluginRuntime.class);
			context.getBean(TicketRepository.class).save(new Ticket("unseen"));
			assertThat(context.getBean(WriteLog.class).events()).isEmpty();
		});
	}

	@Test
	void aggregateNamesBeanRenamesTheAggregatesThatEntitiesMatch() {
		this.runner
			.withBean(AggregateNames.class, () -> (entity) -> "app_" + AggregateNames.snakeCase(entity.getJavaType()))
			.withPropertyValues("plugboard.plugins.scripted-after.entities=app_ticket")
			.run((context) -> {
				context.getBean(TicketRepository.class).save(new Ticket("renamed"));
				assertThat(context.getBean(WriteLog.class).events()).extracting(Event::describe)
					.containsExactly("scripted-after INSERT app_ticket");
			});
	}

	@Test
	void tableNameIsTheDefaultAggregateName() {
		this.runner.withPropertyValues("plugboard.plugins.scripted-after.entities=ticket").run((context) -> {
			context.getBean(TicketRepository.class).save(new Ticket("by table"));
			assertThat(context.getBean(WriteLog.class).events()).hasSize(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(basePackageClasses = TicketRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = TicketRepository.class))
	static class TicketConfiguration {

		@Bean
		WriteLog writeLog() {
			return new WriteLog();
		}

		@Bean
		ScriptedAfterWrite scriptedAfterWrite(WriteLog log) {
			return new ScriptedAfterWrite(log);
		}

	}

}
