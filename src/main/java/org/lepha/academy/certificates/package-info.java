/**
 * Certificates: issued once per cadet and module (or programme), rendered as PDF in every
 * language, verifiable by anyone through a code and a QR code, revocable.
 */
package org.lepha.academy.certificates;
