package org.lepha.academy.learning;

public enum ModuleStatus {

	NOT_STARTED, IN_PROGRESS, COMPLETED

}
