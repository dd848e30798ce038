/** The ND4J backend: starting it, which layer implementations are in use, memory figures. */
package org.dl4jsuite.common.runtime;
