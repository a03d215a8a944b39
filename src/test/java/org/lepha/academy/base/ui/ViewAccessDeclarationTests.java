package org.lepha.academy.base.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view says who may open it; none is open by accident. Only the sign-in page is
 * open to anonymous visitors (the public certificate check will join it).
 */
class ViewAccessDeclarationTests {

	@Test
	void everyRouteDeclaresItsAudience() throws Exception {
		List<String> undeclared = new ArrayList<>();
		List<String> anonymous = new ArrayList<>();
		for (Class<?> view : routes()) {
			boolean declared = view.isAnnotationPresent(RolesAllowed.class) || view.isAnnotationPresent(PermitAll.class)
					|| view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(DenyAll.class);
			if (!declared) {
				undeclared.add(view.getName());
			}
			if (view.isAnnotationPresent(AnonymousAllowed.class)) {
				anonymous.add(view.getSimpleName());
			}
		}
		assertThat(undeclared).isEmpty();
		assertThat(anonymous).containsExactly("LoginView");
	}

	private static List<Class<?>> routes() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
		List<Class<?>> classes = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("org.lepha.academy")) {
			classes.add(Class.forName(definition.getBeanClassName()));
		}
		assertThat(classes).isNotEmpty();
		return classes;
	}

}
