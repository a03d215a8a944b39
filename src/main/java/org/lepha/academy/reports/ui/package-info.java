/** The programme report page with its two downloads. */
@NullMarked
package org.lepha.academy.reports.ui;

import org.jspecify.annotations.NullMarked;
