package org.lepha.academy.content;

public record Objective(String id, Text text) {

}
