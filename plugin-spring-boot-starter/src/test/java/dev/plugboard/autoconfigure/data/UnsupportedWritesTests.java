package dev.plugboard.autoconfigure.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import dev.plugboard.autoconfigure.data.WriteLog.ScriptedAfterWrite;
import dev.plugboard.runtime.ManifestException;
import dev.plugboard.runtime.ManifestException.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup report of repository writes that cannot show their entities, under each
 * value of {@code plugboard.unsupported-writes}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsupportedWritesTests {

	private static final String REPORT = "Plugboard write hooks do not run for these methods of "
			+ ArchiveRepository.class.getName() + " (aggregate 'ticket'), which cannot show their entities: "
			+ "closeAll(String) (@Modifying query), deleteAll(), deleteByStatus(String) (derived delete query).";

	private final ApplicationContextRunner runner = JdbcRunner.create()
		.withUserConfiguration(ArchiveConfiguration.class);

	@Test
	void warnIsTheDefaultAndLogsOneLinePerRepositoryListingItsMethods(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsOnlyOnce(REPORT);
		});
	}

	@Test
	void warnAlsoLogsTheFirstCallOfEachSuchMethod(CapturedOutput output) {
		this.runner.run((context) -> {
			ArchiveRepository archive = context.getBean(ArchiveRepository.class);
			archive.save(new Ticket("old"));
			archive.deleteAll();
			archive.deleteAll();
			archive.closeAll("closed");
			WriteLog log = context.getBean(WriteLog.class);
			assertThat(log.events()).extracting(WriteLog.Event::describe)
				.containsExactly("scripted-after INSERT ticket");
			assertThat(output)
				.containsOnlyOnce(ArchiveRepository.class.getName()
						+ ".deleteAll ran without Plugboard write hooks for aggregate 'ticket'")
				.containsOnlyOnce(ArchiveRepository.class.getName() + ".closeAll ran without Plugboard write hooks");
		});
	}

	@Test
	void failStopsTheBootNamingEveryMethodAndTheFix() {
		this.runner.withPropertyValues("plugboard.unsupported-writes=fail").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOfSatisfying(ManifestException.class, (ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.UNSUPPORTED_WRITE);
				String repository = ArchiveRepository.class.getName();
				assertThat(ex.description()).contains(repository + ".closeAll(String) (@Modifying query)",
						repository + ".deleteAll()", repository + ".deleteByStatus(String) (derived delete query)");
				assertThat(ex.action()).contains("save, saveAll, delete or deleteAll(Iterable)")
					.contains("Repository<T, ID>")
					.contains("plugboard.unsupported-writes");
			});
		});
	}

	@Test
	void ignoreSaysNothingAtStartupOrOnCalls(CapturedOutput output) {
		this.runner.withPropertyValues("plugboard.unsupported-writes=ignore").run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(ArchiveRepository.class).deleteAll();
			assertThat(output).doesNotContain("Plugboard write hooks do not run")
				.doesNotContain("ran without Plugboard write hooks");
		});
	}

	@Test
	void repositoryWhoseAggregateHasNoWriteHooksIsNotReported(CapturedOutput output) {
		this.runner
			.withPropertyValues("plugboard.unsupported-writes=fail", "plugboard.plugins.scripted-after.entities=note")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("Plugboard write hooks do not run");
			});
	}

	interface ArchiveRepository extends ListCrudRepository<Ticket, Long> {

		@Modifying
		@Query("UPDATE ticket SET status = :status")
		int closeAll(String status);

		void deleteByStatus(String status);

		@Query("SELECT * FROM ticket WHERE title = :title")
		Ticket findByTitle(String title);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJdbcRepositories(considerNestedRepositories = true, basePackageClasses = UnsupportedWritesTests.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ArchiveRepository.class))
	static class ArchiveConfiguration {

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
