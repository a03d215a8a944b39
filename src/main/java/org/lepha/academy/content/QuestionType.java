package org.lepha.academy.content;

public enum QuestionType {

	SINGLE, MULTIPLE, TRUE_FALSE, MATCHING, ORDERING

}
