package org.lepha.academy.content;

public record MatchPair(String id, Text left, Text right) {

}
