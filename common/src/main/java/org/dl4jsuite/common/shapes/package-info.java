/** Shape arithmetic: parameter tables, convolution output sizes, receptive fields, training FLOPs. */
package org.dl4jsuite.common.shapes;
