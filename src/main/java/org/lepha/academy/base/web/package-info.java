/**
 * HTTP request handling shared by every feature: admission control under load.
 */
package org.lepha.academy.base.web;
