#!/usr/bin/env bash
# One LeNet-5 convolution's training step (forward + ReLU post-op, ReLU backward, weight gradient, input gradient)
# in oneDNN 2.5.2 (JavaCPP's presets, the library the suite's layers call) with the images in plain NCHW against
# the layouts oneDNN chooses (format "any", reorders from and to NCHW included), at LeNet-5's two shapes.
#   bench/probes/onednn-conv/run.sh [THREADS]
# Needs g++ and Maven (fetches org.bytedeco:dnnl:2.5.2-1.5.7 and org.bytedeco:opencl:3.0-1.5.7). Time nothing else while it runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
threads="${1:-1}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
m2="${HOME}/.m2/repository/org/bytedeco"
for a in org.bytedeco:dnnl:2.5.2-1.5.7:jar:linux-x86_64 org.bytedeco:opencl:3.0-1.5.7:jar:linux-x86_64; do
  mvn -q dependency:get -Dartifact="$a" -Dtransitive=false >/dev/null
done
(cd "$work" && unzip -q -o "$m2/dnnl/2.5.2-1.5.7/dnnl-2.5.2-1.5.7-linux-x86_64.jar" 'org/bytedeco/dnnl/linux-x86_64/*' \
  && unzip -q -o "$m2/opencl/3.0-1.5.7/opencl-3.0-1.5.7-linux-x86_64.jar" 'org/bytedeco/opencl/linux-x86_64/libOpenCL.so.1')
lib="$work/lib"; mkdir -p "$lib"
cp "$work"/org/bytedeco/dnnl/linux-x86_64/libdnnl.so.2 "$work"/org/bytedeco/dnnl/linux-x86_64/libgomp.so.1 \
   "$work"/org/bytedeco/opencl/linux-x86_64/libOpenCL.so.1 "$lib"/
g++ -O2 -std=c++14 -o "$work/conv_bench" "$here/conv_bench.cpp" -I"$work/org/bytedeco/dnnl/linux-x86_64/include" \
  "$lib/libdnnl.so.2" -Wl,-rpath,"$lib"
# conv1: 64 × 1×28×28 by 6 × 5×5 (no input gradient, as the suite's first layer); conv2: 64 × 6×12×12 by 16 × 5×5.
OMP_NUM_THREADS="$threads" "$work/conv_bench" 64 1 28 28 6 5 5 300 0
OMP_NUM_THREADS="$threads" "$work/conv_bench" 64 6 12 12 16 5 5 300 1
