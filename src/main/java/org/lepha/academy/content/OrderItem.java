package org.lepha.academy.content;

public record OrderItem(String id, Text text) {

}
