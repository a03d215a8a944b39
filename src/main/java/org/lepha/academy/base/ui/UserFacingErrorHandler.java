package org.lepha.academy.base.ui;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.lepha.academy.base.RefusedException;
import org.lepha.academy.base.text.RefusedTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Turns failures into a message the user understands, in their language. A lost database
 * gets its own message: the action was not saved, try again in a moment (the pool
 * reconnects by itself when the database is back). A value the database refused (too
 * long, a duplicate: SQL states 22xxx and 23xxx) is not a lost database: trying again
 * would fail again, so it gets "not accepted, check what you entered" instead.
 */
@Component
public class UserFacingErrorHandler implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(UserFacingErrorHandler.class);

	@Override
	public void error(ErrorEvent event) {
		Throwable error = event.getThrowable();
		Message message = message(error);
		String key = message.key();
		if ("error.unexpected".equals(key)) {
			log.error("Unexpected error in the UI", error);
		}
		else {
			log.warn("{}: {}", key, error.toString());
		}
		UI ui = UI.getCurrent();
		if (ui != null) {
			ui.access(() -> {
				// One message at a time: while the database is down every click fails,
				// and a stack of identical boxes would cover the page being worked on.
				Notification previous = ComponentUtil.getData(ui, Notification.class);
				if (previous != null) {
					previous.close();
				}
				Notification notification = Notification.show(ui.getTranslation(key, message.arguments()), 8000,
						Notification.Position.TOP_CENTER);
				notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
				ComponentUtil.setData(ui, Notification.class, notification);
			});
		}
	}

	/** The UI string key that explains the failure. */
	public static String messageKey(Throwable error) {
		return message(error).key();
	}

	/** The UI string that explains the failure, with its arguments. */
	public static Message message(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof RefusedTextException refused) {
				return new Message(refused.messageKey(), refused.arguments());
			}
			if (t instanceof AccessDeniedException) {
				return new Message("error.accessDenied");
			}
			if (t instanceof RefusedException refused) {
				return new Message(refused.messageKey());
			}
		}
		// The whole chain first: a refused value may come wrapped in a generic data
		// access exception, and must not read as a lost database.
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (isRefusedData(t)) {
				return new Message("error.invalidData");
			}
		}
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof DataAccessException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLException) {
				return new Message("error.database");
			}
		}
		return new Message("error.unexpected");
	}

	/**
	 * Whether the database refused the data itself: SQL state class 22 (data exception:
	 * "Data too long", a bad value) or 23 (integrity constraint: a duplicate, a missing
	 * reference). Connection failures are class 08 and others.
	 */
	static boolean isRefusedData(Throwable t) {
		if (t instanceof DataIntegrityViolationException || t instanceof SQLIntegrityConstraintViolationException
				|| t instanceof SQLDataException) {
			return true;
		}
		if (t instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
		}
		return false;
	}

	/** A UI string key and its arguments. */
	public record Message(String key, Object... arguments) {

	}

}
