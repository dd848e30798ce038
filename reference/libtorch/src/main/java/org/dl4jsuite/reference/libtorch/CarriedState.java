package org.dl4jsuite.reference.libtorch;

import org.bytedeco.pytorch.T_TensorTensor_T;

/**
 * The LSTM state one window ends in, kept past the step's {@code PointerScope} (which frees everything else the step
 * made, as Python's reference counting does) and released when the next window's state replaces it.
 */
final class CarriedState {
    private T_TensorTensor_T value;

    CarriedState(T_TensorTensor_T start) {
        set(start);
    }

    /**
     * Keeps {@code next} and frees the state it replaces. The tuple a forward pass returns lives inside the pass's
     * result, which the scope frees: the state is copied into a tuple of its own (the tensors are shared, not copied).
     */
    void set(T_TensorTensor_T next) {
        T_TensorTensor_T own = new T_TensorTensor_T(next.get0(), next.get1());
        own.retainReference();
        if (value != null) {
            value.releaseReference();
        }
        value = own;
    }

    /** The state cut from its graph: truncated back-propagation starts here. */
    T_TensorTensor_T detached() {
        return new T_TensorTensor_T(value.get0().detach(), value.get1().detach());
    }
}
