/**
 * Certificate views for cadets and trainers, and the certificate design for
 * administrators.
 */
@NullMarked
package org.lepha.academy.certificates.ui;

import org.jspecify.annotations.NullMarked;
