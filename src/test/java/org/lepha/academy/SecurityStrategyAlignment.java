package org.lepha.academy;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring contexts live in one test JVM, and each installs its own (Vaadin-aware)
 * security-context strategy into the static {@link SecurityContextHolder}. Before each
 * test this puts back the strategy of the test's own context, so that
 * {@code @WithUserDetails}, the services' method security and Vaadin's navigation checks
 * all read the same context.
 */
public class SecurityStrategyAlignment implements TestExecutionListener, Ordered {

	@Override
	public void prepareTestInstance(TestContext testContext) {
		align(testContext);
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		align(testContext);
	}

	private static void align(TestContext testContext) {
		testContext.getApplicationContext()
			.getBeanProvider(SecurityContextHolderStrategy.class)
			.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
	}

	@Override
	public int getOrder() {
		// Before Spring Security's WithSecurityContextTestExecutionListener (10000).
		return 9000;
	}

}
