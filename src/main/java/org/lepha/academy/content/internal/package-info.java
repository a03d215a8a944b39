/**
 * Reading and checking the course files. Not null-marked: the loaders build the records
 * of a module with errors as far as its files can be read (so that all of its problems
 * are reported at once), with nulls where a required value is missing; such a module is
 * never served, so what leaves this package through the catalogue is complete.
 */
package org.lepha.academy.content.internal;
