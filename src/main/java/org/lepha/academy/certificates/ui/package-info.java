/**
 * Certificate views for cadets and trainers.
 */
@NullMarked
package org.lepha.academy.certificates.ui;

import org.jspecify.annotations.NullMarked;
