/** The word-level LSTM language model on Penn Treebank: train, sample, embedding distances and neighbours. */
package org.dl4jsuite.wordlm;
