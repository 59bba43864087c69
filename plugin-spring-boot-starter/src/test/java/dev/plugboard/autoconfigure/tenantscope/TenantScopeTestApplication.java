package dev.plugboard.autoconfigure.tenantscope;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.plugboard.BeforeRequestPlugin;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.autoconfigure.tenantscope.Repositories.ProjectRepository;

/**
 * An application with projects scoped by tenant, labels shared by all, a controller that
 * writes projects from request bodies, and a stand-in authentication plugin that grants
 * the roles named in an {@code X-Roles} header.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableJdbcRepositories(considerNestedRepositories = true)
class TenantScopeTestApplication {

	@Component
	static class HeaderRoles implements BeforeRequestPlugin {

		@Override
		public String id() {
			return "header-roles";
		}

		@Override
		public int order() {
			return PluginOrder.AUTH;
		}

		@Override
		public void beforeRequest(RequestContext request) {
			String roles = request.header("X-Roles");
			if (roles != null) {
				Principal principal = () -> "operator";
				request.setPrincipal(principal, Arrays.asList(roles.split(",")));
			}
		}

	}

	@RestController
	static class ProjectController {

		private final ProjectRepository projects;

		ProjectController(ProjectRepository projects) {
			this.projects = projects;
		}

		@GetMapping("/projects")
		List<Project> list() {
			return this.projects.findAll();
		}

		@GetMapping("/projects/{id}")
		ResponseEntity<Project> get(@PathVariable long id) {
			return ResponseEntity.of(this.projects.findById(id));
		}

		@PostMapping("/projects")
		Project create(@RequestBody Project body) {
			return this.projects.save(new Project(null, body.name(), body.tenantId()));
		}

		@PutMapping("/projects/{id}")
		Project update(@PathVariable long id, @RequestBody Project body) {
			return this.projects.save(new Project(id, body.name(), body.tenantId()));
		}

		@DeleteMapping("/projects/{id}")
		ResponseEntity<Void> delete(@PathVariable long id) {
			this.projects.delete(new Project(id, "", null));
			return new ResponseEntity<>(HttpStatus.NO_CONTENT);
		}

	}

}
