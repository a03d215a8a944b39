package org.lepha.academy.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo plus the app's own stylesheet, served as plain static CSS from
 * {@code frontend/} so that no Node.js build is needed.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/app.css")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "referrer", content = "same-origin")
public class AppShell implements AppShellConfigurator {

}
