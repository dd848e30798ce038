/** What every module shares: the suite's user error ({@link org.dl4jsuite.common.SuiteException}) and, in the packages below, the training loop, data, reports, CLI, teaching layers, fast layers and DL4J workarounds. */
package org.dl4jsuite.common;
