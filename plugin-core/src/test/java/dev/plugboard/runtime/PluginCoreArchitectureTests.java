package dev.plugboard.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class PluginCoreArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.plugboard");

	@Test
	void coreClassesAreImported() {
		assertThat(CORE.contain(PluginRuntime.class)).isTrue();
		assertThat(CORE.contain(dev.plugboard.Plugin.class)).isTrue();
	}

	@Test
	void coreNeverUsesSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(CORE);
	}

	@Test
	void builtInsUseOnlyThePublicSpi() {
		noClasses().that()
			.resideInAPackage("dev.plugboard.builtin..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.plugboard.runtime..")
			.check(CORE);
	}

	@Test
	void coreNeverUsesTheStarter() {
		noClasses().should().dependOnClassesThat().resideInAPackage("dev.plugboard.autoconfigure..").check(CORE);
	}

}
