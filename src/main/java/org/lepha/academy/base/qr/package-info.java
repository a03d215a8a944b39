/**
 * QR codes of addresses, shared by course books and the classroom projector.
 */
@NullMarked
package org.lepha.academy.base.qr;

import org.jspecify.annotations.NullMarked;
