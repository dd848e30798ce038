/** The command-line base: running a picocli command the suite's way (one-line user errors, exit 2), the options every train command shares, closed choices, range checks. */
package org.dl4jsuite.common.cli;
