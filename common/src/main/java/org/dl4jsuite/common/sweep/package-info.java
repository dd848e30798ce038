/** Sweeps: a grid of ordinary training runs from list-valued train options, resumable, summarised over seeds. */
package org.dl4jsuite.common.sweep;
