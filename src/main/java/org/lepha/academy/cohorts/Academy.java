package org.lepha.academy.cohorts;

/**
 * A police academy: the organisation that owns cohorts and trainers.
 */
public record Academy(long id, String name) {

}
