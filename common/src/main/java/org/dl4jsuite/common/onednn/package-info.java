/**
 * Fast DL4J layers that call oneDNN (JavaCPP's {@code org.bytedeco:dnnl}) directly on the CPU backend, with
 * DL4J's own implementation as the fallback everywhere else; their gradients are checked against DL4J's.
 */
package org.dl4jsuite.common.onednn;
