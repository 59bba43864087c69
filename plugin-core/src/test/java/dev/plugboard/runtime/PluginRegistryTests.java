package dev.plugboard.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.plugboard.OnError;
import dev.plugboard.Plugin;
import dev.plugboard.runtime.ManifestException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PluginRegistryTests {

	private static final Map<String, PluginSettings> NO_MANIFEST = Map.of();

	@Test
	void pluginsAreOrderedByOrderThenById() {
		PluginRegistry registry = PluginRegistry.builder(NO_MANIFEST)
			.add(plugin("zeta", 100), PluginSource.APPLICATION)
			.add(plugin("late", 900), PluginSource.APPLICATION)
			.add(plugin("alpha", 100), PluginSource.APPLICATION)
			.add(plugin("early", 50), PluginSource.APPLICATION)
			.build();
		assertThat(registry.all()).extracting(RegisteredPlugin::id).containsExactly("early", "alpha", "zeta", "late");
	}

	@Test
	void manifestOrderOverridesThePluginsOwnOrder() {
		PluginRegistry registry = PluginRegistry.builder(Map.of("late", settings(null, 10, null)))
			.add(plugin("early", 50), PluginSource.APPLICATION)
			.add(plugin("late", 900), PluginSource.APPLICATION)
			.build();
		assertThat(registry.all()).extracting(RegisteredPlugin::id).containsExactly("late", "early");
		assertThat(registry.all().get(0).order()).isEqualTo(10);
	}

	@Test
	void disabledPluginStaysInTheRegistryButIsNotEnabled() {
		PluginRegistry registry = PluginRegistry.builder(Map.of("off", settings(false, null, null)))
			.add(plugin("on", 1), PluginSource.APPLICATION)
			.add(plugin("off", 2), PluginSource.APPLICATION)
			.build();
		assertThat(registry.all()).extracting(RegisteredPlugin::id).containsExactly("on", "off");
		assertThat(registry.enabled()).extracting(RegisteredPlugin::id).containsExactly("on");
		assertThat(registry.all().get(1).enabled()).isFalse();
	}

	@Test
	void entryWrittenWithUnderscoresConfiguresTheKebabCaseId() {
		PluginRegistry registry = PluginRegistry
			.builder(Map.of("rate_limit", new PluginSettings(null, 7, List.of("order"), OnError.FAIL_CLOSED)))
			.add(plugin("rate-limit", 400), PluginSource.APPLICATION)
			.build();
		RegisteredPlugin rateLimit = registry.all().get(0);
		assertThat(rateLimit.order()).isEqualTo(7);
		assertThat(rateLimit.entities()).containsExactly("order");
		assertThat(rateLimit.onError()).isEqualTo(OnError.FAIL_CLOSED);
	}

	@Test
	void pluginWithoutAnEntryKeepsItsOwnDefaults() {
		PluginRegistry registry = PluginRegistry.builder(NO_MANIFEST)
			.add(plugin("gate", 500), PluginSource.APPLICATION)
			.build();
		RegisteredPlugin gate = registry.all().get(0);
		assertThat(gate.enabled()).isTrue();
		assertThat(gate.order()).isEqualTo(500);
		assertThat(gate.entities()).isEmpty();
		assertThat(gate.onError()).isEqualTo(OnError.FAIL_OPEN);
		assertThat(gate.appliesTo("anything")).isTrue();
	}

	@Test
	void entitiesRestrictWhichAggregatesAPluginAppliesTo() {
		PluginRegistry registry = PluginRegistry.builder(Map.of("audit", settings(null, null, List.of("order"))))
			.add(plugin("audit", 1), PluginSource.APPLICATION)
			.build();
		RegisteredPlugin audit = registry.all().get(0);
		assertThat(audit.appliesTo("order")).isTrue();
		assertThat(audit.appliesTo("user")).isFalse();
	}

	@Test
	void unknownIdSuggestsTheNearestKnownIdAndListsThemAll() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of("slack-notifer", PluginSettings.EMPTY))
			.known("rate-limit")
			.add(plugin("slack-notifier", 1), PluginSource.APPLICATION)
			.add(plugin("request-id", 1), PluginSource.APPLICATION);
		assertThatExceptionOfType(ManifestException.class).isThrownBy(builder::build).satisfies((ex) -> {
			assertThat(ex.problem()).isEqualTo(Problem.UNKNOWN_ID);
			assertThat(ex.pluginId()).isEqualTo("slack-notifer");
			assertThat(ex.description()).contains("'slack-notifer'").contains("Did you mean 'slack-notifier'?");
			assertThat(ex.action()).contains("Rename the entry to 'slack-notifier'")
				.contains("Known plugin ids: rate-limit, request-id, slack-notifier.");
			assertThat(ex.knownIds()).containsExactly("rate-limit", "request-id", "slack-notifier");
		});
	}

	@Test
	void unknownIdWithNoCloseMatchOnlyListsTheKnownIds() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of("billing", PluginSettings.EMPTY))
			.add(plugin("request-id", 1), PluginSource.APPLICATION);
		assertThatExceptionOfType(ManifestException.class).isThrownBy(builder::build).satisfies((ex) -> {
			assertThat(ex.description()).doesNotContain("Did you mean");
			assertThat(ex.action()).isEqualTo("Remove it. Known plugin ids: request-id.");
		});
	}

	@Test
	void twoEntriesThatNormaliseToOneIdAreADuplicate() {
		Map<String, PluginSettings> manifest = new LinkedHashMap<>();
		manifest.put("rate_limit", PluginSettings.EMPTY);
		manifest.put("rate-limit", PluginSettings.EMPTY);
		assertThatExceptionOfType(ManifestException.class).isThrownBy(() -> PluginRegistry.builder(manifest))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.DUPLICATE_ID);
				assertThat(ex.description()).contains("'plugboard.plugins.rate_limit'")
					.contains("'plugboard.plugins.rate-limit'");
				assertThat(ex.action()).contains("Merge the two entries into one under 'plugboard.plugins.rate-limit'");
			});
	}

	@Test
	void twoPluginsWithOneIdAreADuplicate() {
		PluginRegistry.Builder builder = PluginRegistry.builder(NO_MANIFEST)
			.add(plugin("audit", 1), PluginSource.APPLICATION);
		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> builder.add(new OtherPlugin("audit"), PluginSource.APPLICATION))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.DUPLICATE_ID);
				assertThat(ex.description()).contains("'audit'").contains(OtherPlugin.class.getName());
			});
	}

	@Test
	void pluginWhoseIdIsNotKebabCaseIsRejected() {
		PluginRegistry.Builder builder = PluginRegistry.builder(NO_MANIFEST);
		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> builder.add(new OtherPlugin("SlackNotifier"), PluginSource.APPLICATION))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.INVALID_ID);
				assertThat(ex.description()).contains("'SlackNotifier'").contains("not kebab-case");
			});
	}

	@Test
	void manifestEntryThatIsNotAPluginIdIsRejected() {
		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> PluginRegistry.builder(Map.of("slack notifier", PluginSettings.EMPTY)))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.INVALID_ID);
				assertThat(ex.description()).contains("'plugboard.plugins.slack notifier'");
			});
	}

	@Test
	void knownIdsIncludeDefinitionsTheManifestDoesNotList() {
		PluginRegistry registry = PluginRegistry.builder(NO_MANIFEST)
			.known("rate-limit")
			.add(plugin("audit", 1), PluginSource.APPLICATION)
			.build();
		assertThat(registry.knownIds()).containsExactly("audit", "rate-limit");
		assertThat(registry.all()).extracting(RegisteredPlugin::id).containsExactly("audit");
	}

	@Test
	void onlyListedEntriesThatAreNotDisabledAskForTheirDefinition() {
		PluginRegistry.Builder builder = PluginRegistry.builder(Map.of("cors", PluginSettings.EMPTY, "csrf",
				settings(false, null, null), "audit_log", PluginSettings.EMPTY));
		assertThat(builder.isListedAndEnabled("cors")).isTrue();
		assertThat(builder.isListedAndEnabled("audit-log")).isTrue();
		assertThat(builder.isListedAndEnabled("csrf")).isFalse();
		assertThat(builder.isListedAndEnabled("rate-limit")).isFalse();
	}

	@Test
	void sourceIsKeptForReports() {
		PluginRegistry registry = PluginRegistry.builder(NO_MANIFEST)
			.add(plugin("cors", 1), PluginSource.BUILT_IN)
			.build();
		assertThat(registry.all().get(0).source()).isEqualTo(PluginSource.BUILT_IN);
	}

	private static PluginSettings settings(Boolean enabled, Integer order, List<String> entities) {
		return new PluginSettings(enabled, order, (entities != null) ? entities : List.of(), null);
	}

	private static Plugin plugin(String id, int order) {
		return TestPlugins.request(id, (request) -> {
		}).withOrder(order);
	}

	record OtherPlugin(String id) implements Plugin {
	}

}
