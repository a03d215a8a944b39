package org.lepha.academy.content.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.content.ContentCatalog.ModuleStatus;
import org.lepha.academy.content.ContentStatusService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Administrators see every module folder with its state, coverage and problems; nobody
 * else may ask.
 */
@IntegrationTest
class ContentStatusViewTests extends SpringBrowserlessTest {

	@Autowired
	ContentStatusService status;

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void adminSeesEachModuleWithItsStateAndDariCoverage() {
		navigate(ContentStatusView.class);
		@SuppressWarnings("unchecked")
		Grid<ModuleStatus> grid = $(Grid.class).id("content-status-grid");
		assertThat(test(grid).size()).isEqualTo(1);
		assertThat(test(grid).getCellText(0, 0)).isEqualTo("example-module");
		assertThat(test(grid).getCellText(0, 1)).isEqualTo("Served");
		// The fixture's Dari translation is complete and current; Russian has none.
		assertThat(test(grid).getCellText(0, 3)).startsWith("100% current");
		assertThat(test(grid).getCellText(0, 2)).startsWith("0% current");
	}

	@Test
	@WithUserDetails(TestAccounts.TRAINER)
	void aTrainerMayNotAskForTheContentStatus() {
		assertThatThrownBy(() -> status.status()).isInstanceOf(AccessDeniedException.class);
	}

}
