/** The character-level LSTM on Tiny Shakespeare: train, evaluate, generate. */
package org.dl4jsuite.charlstm;
