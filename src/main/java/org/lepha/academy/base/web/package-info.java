/**
 * HTTP request handling shared by every feature: admission control under load.
 */
@NullMarked
package org.lepha.academy.base.web;

import org.jspecify.annotations.NullMarked;
