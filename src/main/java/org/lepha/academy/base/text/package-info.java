/**
 * Checks for text people type that ends up where others read it (names on certificates,
 * on the public verification page, in trainers' lists).
 */
@NullMarked
package org.lepha.academy.base.text;

import org.jspecify.annotations.NullMarked;
